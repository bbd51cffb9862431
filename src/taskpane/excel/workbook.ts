/**
 * The pane's workbook, through the Excel JavaScript API. Every Excel.run of the pane lives here.
 * Model sheets are written so that a failed or cancelled build leaves the workbook as it was: the
 * new sheet is only given its final name (and a replaced sheet only deleted) once it is complete.
 */
import type { CellBlock, SheetPlan } from "../model-builders/plan";
import { parseRange, rangeAddress } from "../model-builders/references";
import type { CellValue, SourceData, SourceRef } from "../model-builders/types";
import { BuildCancelledError, SheetExistsError, type WorkbookAccess, type WriteOptions } from "./access";

/** Excel's limit on sheet-name length. */
const SHEET_NAME_MAX = 31;

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
      // Excel compares sheet names without regard to case.
      const taken = new Set(sheets.items.map((sheet) => sheet.name.toLowerCase()));
      for (let n = 1; ; n++) {
        const suffix = n === 1 ? "" : ` (${n})`;
        const candidate = name.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
        if (!taken.has(candidate.toLowerCase())) return candidate;
      }
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

  async loadSetting(key) {
    return Office.context.document.settings.get(key) ?? null;
  },

  async saveSetting(key, value) {
    const settings = Office.context.document.settings;
    settings.set(key, value);
    await new Promise<void>((resolve, reject) =>
      settings.saveAsync((result) =>
        result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(result.error),
      ),
    );
  },
};
