/**
 * The pane's workbook, through the Excel JavaScript API. Every Excel.run of the pane lives here.
 * Model sheets, values copies and restored sheets are written so that a failure (or a cancelled
 * build) leaves the workbook as it was: a new sheet is built under a temporary name and only given
 * its final name (and a replaced sheet only deleted) once it is complete.
 */
import type { CellBlock, SheetPlan } from "../model-builders/plan";
import { parseRange, rangeAddress } from "../model-builders/references";
import type { CellValue, SourceData, SourceRef } from "../model-builders/types";
import { FROZEN_KEY, frozenEntry, parseFrozen, serializeFrozen, withFrozenSheet } from "../sharing/frozen";
import {
  busyCell,
  type ColumnWidths,
  type CopyLayout,
  frozenSheet,
  restoredSheet,
  type SheetContents,
  valuesCopy,
} from "../sharing/layout";
import {
  BuildCancelledError,
  type FrozenNote,
  ShareError,
  SheetExistsError,
  type WorkbookAccess,
  type WriteOptions,
} from "./access";

/** Excel's limit on sheet-name length. */
const SHEET_NAME_MAX = 31;
/** What a values copy's name adds to its model sheet's. */
const VALUES_SUFFIX = " (values)";

/** name itself when no sheet has it, else "name (2)", "name (3)"...; Excel ignores case in sheet names. */
function freeName(name: string, taken: string[]): string {
  const used = new Set(taken.map((sheet) => sheet.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const candidate = name.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** The part of an Excel address after the sheet: "'Cost ledger'!A1:C9" -> "A1:C9". */
function localAddress(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1);
}

function toSourceData(ref: SourceRef, sheet: string, address: string, values: unknown[][]): SourceData {
  const [headerRow = [], ...rows] = values;
  return {
    ref,
    sheet,
    address: localAddress(address),
    headers: headerRow.map((cell) => String(cell ?? "")),
    rows: rows.map((row) =>
      row.map((cell) => (cell === "" || cell === undefined ? null : (cell as CellValue))),
    ),
  };
}

/** The block's range on the sheet: its `at` range, or `at` grown to the size of its cells. */
function blockRange(sheet: Excel.Worksheet, block: CellBlock): Excel.Range {
  if (block.cells.length === 0) return sheet.getRange(block.at);
  const { top, left } = parseRange(block.at);
  const width = Math.max(...block.cells.map((row) => row.length));
  return sheet.getRange(rangeAddress(top, left, top + block.cells.length - 1, left + width - 1));
}

function blockSize(block: CellBlock): { rows: number; columns: number } {
  if (block.cells.length > 0) {
    return { rows: block.cells.length, columns: Math.max(...block.cells.map((row) => row.length)) };
  }
  const { top, left, bottom, right } = parseRange(block.at);
  return { rows: bottom - top + 1, columns: right - left + 1 };
}

function writeBlock(sheet: Excel.Worksheet, block: CellBlock): void {
  const range = blockRange(sheet, block);
  const { rows, columns } = blockSize(block);
  if (block.cells.length > 0) {
    // Rows of a block may be ragged (a label row shorter than a data row); pad with blanks.
    range.formulas = block.cells.map((row) =>
      Array.from({ length: columns }, (_, c) => row[c] ?? ""),
    ) as never;
  }
  if (block.numberFormat) {
    range.numberFormat = Array.from({ length: rows }, () => Array(columns).fill(block.numberFormat));
  }
  if (block.bold) range.format.font.bold = true;
}

/** A sheet name no sheet uses, for building before the final name is free. */
function temporaryName(): string {
  return `svc-build-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.slice(
    0,
    SHEET_NAME_MAX,
  );
}

async function deleteSheetIfPresent(name: string): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    if (!sheet.isNullObject) {
      sheet.delete();
      await context.sync();
    }
  });
}

async function writeModel(plan: SheetPlan, { replace, signal, onProgress }: WriteOptions): Promise<void> {
  const total = plan.blocks.length + 2;
  const buildName = temporaryName();
  let created = false;
  try {
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const existing = sheets.getItemOrNullObject(plan.sheetName);
      await context.sync();
      if (!existing.isNullObject && !replace) throw new SheetExistsError(plan.sheetName);
      const sheet = sheets.add(buildName);
      await context.sync();
      created = true;
      let done = 0;
      for (const block of plan.blocks) {
        if (signal?.aborted) throw new BuildCancelledError();
        writeBlock(sheet, block);
        await context.sync();
        onProgress?.({ done: ++done, total });
      }
      if (signal?.aborted) throw new BuildCancelledError();
      const chart = sheet.charts.add(
        plan.chart.type as Excel.ChartType,
        sheet.getRange(plan.chart.source),
        "Columns",
      );
      chart.title.text = plan.chart.title;
      chart.setPosition(plan.chart.position);
      sheet.getRange(plan.autofit).format.autofitColumns();
      await context.sync();
      onProgress?.({ done: ++done, total });
      if (signal?.aborted) throw new BuildCancelledError();
      // The point of no return: the old sheet goes and the new one takes its name in one sync.
      if (!existing.isNullObject) existing.delete();
      sheet.name = plan.sheetName;
      sheet.activate();
      await context.sync();
      onProgress?.({ done: ++done, total });
    });
  } catch (error) {
    if (created) await deleteSheetIfPresent(buildName).catch(() => undefined);
    throw error;
  }
}

// ---- Settings ---------------------------------------------------------------------------------

async function loadSetting(key: string): Promise<unknown> {
  return Office.context.document.settings.get(key) ?? null;
}

/** Stores value under key (removes the key when value is null) and saves the settings with the workbook. */
async function storeSetting(key: string, value: unknown): Promise<void> {
  const settings = Office.context.document.settings;
  if (value === null) settings.remove(key);
  else settings.set(key, value);
  await new Promise<void>((resolve, reject) =>
    settings.saveAsync((result) =>
      result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(result.error),
    ),
  );
}

// ---- Values copies ------------------------------------------------------------------------------

/**
 * Whether Excel offers an ExcelApi version. Per-cell properties need 1.9 and spill ranges 1.12;
 * an Excel without them still freezes (without bold; and it has no dynamic arrays, so no spills).
 */
function excelApi(version: string): boolean {
  return Office.context.requirements?.isSetSupported?.("ExcelApi", version) ?? true;
}

/** A model sheet's used range as freezing needs it; throws ShareError for a missing or empty sheet. */
async function readContents(
  context: Excel.RequestContext,
  name: string,
): Promise<{ contents: SheetContents; sheetNames: string[] }> {
  const sheets = context.workbook.worksheets;
  const sheet = sheets.getItemOrNullObject(name);
  sheets.load("items/name");
  await context.sync();
  if (sheet.isNullObject) throw new ShareError("missingSheet", name);
  const found = sheet.getUsedRangeOrNullObject();
  await context.sync();
  if (found.isNullObject) throw new ShareError("emptySheet", name);
  const used = sheet.getUsedRange();
  used.load("address,values,formulas,numberFormat");
  const properties = excelApi("1.9")
    ? used.getCellProperties({ format: { font: { bold: true } } })
    : undefined;
  await context.sync();
  // A column's width is any of its cells'; one proxy a column.
  const columns = used.values[0].map((_, c) => used.getColumn(c).format.load("columnWidth"));
  // A spilled cell reads as a constant in Range.formulas; restoring must leave it to its anchor.
  const anchors = used.formulas.flatMap((row, r) =>
    row.flatMap((formula, c) => (typeof formula === "string" && formula.startsWith("=") ? [[r, c]] : [])),
  );
  const spilling = (excelApi("1.12") ? anchors : []).map(([r, c]) =>
    used.getCell(r, c).getSpillingToRangeOrNullObject().load("address"),
  );
  await context.sync();
  const width = (format: Excel.RangeFormat) =>
    typeof format.columnWidth === "number" && Number.isFinite(format.columnWidth) ? format.columnWidth : null;
  return {
    sheetNames: sheets.items.map((each) => each.name),
    contents: {
      address: localAddress(used.address),
      values: used.values as CellValue[][],
      formulas: used.formulas as CellValue[][],
      numberFormats: used.numberFormat as string[][],
      bold: properties
        ? properties.value.map((row) => row.map((cell) => cell.format?.font?.bold === true))
        : used.values.map((row) => row.map(() => false)),
      columnWidths: columns.map(width),
      spills: spilling.filter((range) => !range.isNullObject).map((range) => localAddress(range.address)),
    },
  };
}

/** Bold ranges and column widths, on a sheet being built. */
function writeLooks(sheet: Excel.Worksheet, bold: string[], columns: ColumnWidths): void {
  for (const address of bold) sheet.getRange(address).format.font.bold = true;
  columns.widths.forEach((width, index) => {
    // A cell's column width is its column's.
    if (width !== null) sheet.getRangeByIndexes(0, columns.first + index, 1, 1).format.columnWidth = width;
  });
}

function writeCopy(sheet: Excel.Worksheet, layout: CopyLayout): void {
  const cells = sheet.getRange(layout.cells.address);
  // Formats first: text goes into cells formatted as text, so Excel keeps "08:00" or "#N/A" as written.
  cells.numberFormat = layout.cells.numberFormats;
  cells.values = layout.cells.values as never;
  const note = sheet.getRange(layout.note.address);
  note.values = layout.note.values;
  note.format.font.italic = true;
  writeLooks(sheet, layout.bold, layout.columnWidths);
}

/** Gives a completed sheet its final name, then shows it (showing is a nicety: its failure is ignored). */
async function publish(buildName: string, name: string): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(buildName).name = name;
    await context.sync();
  });
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(name).activate();
    await context.sync();
  }).catch(() => undefined);
}

async function freezeSheet(source: string, note: FrozenNote): Promise<string> {
  const previous = await loadSetting(FROZEN_KEY);
  const parsed = parseFrozen(previous);
  // Writing ours over a newer add-in's records would lose what it saved.
  if (parsed.status === "newer") throw new ShareError("newerSettings", source);
  const buildName = temporaryName();
  let created = false;
  let saved = false;
  try {
    const { name, entry, sheetNames } = await Excel.run(async (context) => {
      const { contents, sheetNames } = await readContents(context, source);
      if (busyCell(contents) !== undefined) throw new ShareError("calculating", source);
      const layout = valuesCopy(contents, note);
      const name = freeName(
        source.slice(0, SHEET_NAME_MAX - VALUES_SUFFIX.length) + VALUES_SUFFIX,
        sheetNames,
      );
      const copy = context.workbook.worksheets.add(buildName);
      await context.sync();
      created = true;
      writeCopy(copy, layout);
      await context.sync();
      return { name, entry: frozenSheet(source, contents, note), sheetNames };
    });
    const frozen = withFrozenSheet(parsed.frozen, name, entry, sheetNames);
    saved = true; // from here a failure may have saved the settings half-way: put them back
    await storeSetting(FROZEN_KEY, serializeFrozen(frozen));
    await publish(buildName, name);
    return name;
  } catch (error) {
    if (saved) await storeSetting(FROZEN_KEY, previous).catch(() => undefined);
    if (created) await deleteSheetIfPresent(buildName).catch(() => undefined);
    throw error;
  }
}

async function restoreSheet(frozenName: string): Promise<string> {
  const parsed = parseFrozen(await loadSetting(FROZEN_KEY));
  if (parsed.status === "newer") throw new ShareError("newerSettings", frozenName);
  const entry = frozenEntry(parsed.frozen, frozenName);
  if (!entry) throw new ShareError("unknownCopy", frozenName);
  const layout = restoredSheet(entry);
  const buildName = temporaryName();
  let created = false;
  try {
    const name = await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const name = freeName(
        entry.source,
        sheets.items.map((sheet) => sheet.name),
      );
      const sheet = sheets.add(buildName);
      await context.sync();
      created = true;
      const cells = sheet.getRange(layout.cells.address);
      // Formulas before formats: a formula written into a cell formatted as text would stay text.
      cells.formulas = layout.cells.formulas as never;
      if (layout.cells.numberFormats) cells.numberFormat = layout.cells.numberFormats;
      writeLooks(sheet, layout.bold, layout.columnWidths);
      await context.sync();
      return name;
    });
    await publish(buildName, name);
    return name;
  } catch (error) {
    if (created) await deleteSheetIfPresent(buildName).catch(() => undefined);
    throw error;
  }
}

export const officeWorkbook: WorkbookAccess = {
  async listTables() {
    return Excel.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/name,items/worksheet/name");
      await context.sync();
      return tables.items.map((table) => ({ name: table.name, sheet: table.worksheet.name }));
    });
  },

  async currentRegion() {
    return Excel.run(async (context) => {
      const region = context.workbook.getSelectedRange().getSurroundingRegion();
      region.load("address");
      region.worksheet.load("name");
      await context.sync();
      return { kind: "range" as const, sheet: region.worksheet.name, address: localAddress(region.address) };
    });
  },

  async readSource(ref) {
    return Excel.run(async (context) => {
      const range =
        ref.kind === "table"
          ? context.workbook.tables.getItem(ref.name).getRange()
          : context.workbook.worksheets.getItem(ref.sheet).getRange(ref.address);
      range.load("address,values");
      range.worksheet.load("name");
      await context.sync();
      return toSourceData(ref, range.worksheet.name, range.address, range.values);
    });
  },

  async sheetExists(name) {
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      return !sheet.isNullObject;
    });
  },

  async freeSheetName(name) {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return freeName(
        name,
        sheets.items.map((sheet) => sheet.name),
      );
    });
  },

  writeModel,

  async cellValue(sheet, address) {
    return Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(address);
      range.load("values");
      await context.sync();
      return range.values[0][0] as CellValue;
    });
  },

  loadSetting,

  saveSetting: storeSetting,

  freezeSheet,

  restoreSheet,
};
