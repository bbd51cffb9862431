/**
 * A template under construction: its sheets, Excel tables, the pane models it carries (saved as the
 * pane saves them, so the pane opens with the mapping in place) and the cells that read OK when
 * the workbook balances.
 */
import type { PreviewCell, TableSnapshot, WorkbookSnapshot } from "../../src/preview/host/workbook";
import { builderStrings } from "../../src/i18n/builders";
import { planModel, type SheetPlan, type Sources } from "../../src/taskpane/model-builders/plan";
import { cellAddress, parseRange, rangeAddress } from "../../src/taskpane/model-builders/references";
import {
  type SavedModels,
  serializeSavedModels,
  SETTINGS_KEY,
  SETTINGS_VERSION,
} from "../../src/taskpane/model-builders/settings";
import { spillSizes } from "../../src/taskpane/model-builders/sizes";
import type { CellValue, ModelSetup, SlotId, SourceData } from "../../src/taskpane/model-builders/types";
import { hasErrors, validateSources } from "../../src/taskpane/model-builders/validate";
import { INPUT_FILL, SheetBuilder } from "./sheet";

/** The language of the model sheets' labels (the Instructions sheet is in English and Chinese). */
export const LOCALE = "en-US";
export const STRINGS = builderStrings(LOCALE);

/** The setting Office reads to reopen the add-in's task pane with the document. */
export const AUTO_SHOW_SETTING = "Office.AutoShowTaskpaneWithDocument";

export interface CheckCell {
  sheet: string;
  cell: string;
}

export interface Template {
  /** File name under templates/. */
  file: string;
  /** Document title (File > Info). */
  title: string;
  snapshot: WorkbookSnapshot;
  /** Cells that read OK (STRINGS.ok) when the workbook balances. */
  checks: CheckCell[];
  /** The pane models the workbook carries, as saved in its settings. */
  models: SavedModels;
}

export interface TableColumn {
  header: string;
  numberFormat?: string;
  /** Body cells are inputs (filled). */
  input?: boolean;
}

/**
 * An IF that reads OK when each pair matches to a relative 1e-9 (floating-point sums), as the
 * pane's balancing checks are written. Sides are parenthesised so expressions can be compared.
 */
export function checkFormula(pairs: [left: string, right: string][], tolerance = "0.000000001"): string {
  const tests = pairs.map(([left, right]) => `ABS((${left})-(${right}))<=${tolerance}*MAX(1,ABS(${right}))`);
  const condition = tests.length === 1 ? tests[0] : `AND(${tests.join(",")})`;
  return `=IF(${condition},"${STRINGS.ok}","${STRINGS.mismatch}")`;
}

export class TemplateBuilder {
  private readonly sheets: SheetBuilder[] = [];
  private readonly tables: (TableSnapshot & { sheetBuilder: SheetBuilder })[] = [];
  private readonly checks: CheckCell[] = [];
  private readonly models: SavedModels["models"] = {};
  private active?: ModelSetup["builder"];

  constructor(
    private readonly file: string,
    private readonly title: string,
  ) {}

  /** A new sheet, after the others or (`first`) before them. */
  sheet(name: string, { first = false } = {}): SheetBuilder {
    const sheet = new SheetBuilder(name);
    if (first) this.sheets.unshift(sheet);
    else this.sheets.push(sheet);
    return sheet;
  }

  /** Writes an Excel table with its header row at `row`, `col` (zero-based) of the sheet. */
  table(
    sheet: SheetBuilder,
    name: string,
    [row, col]: [number, number],
    columns: readonly TableColumn[],
    rows: readonly PreviewCell[][],
  ): TableSnapshot {
    if (rows.length === 0) throw new Error(`${name} has no rows`);
    sheet.put({ at: cellAddress(row, col), cells: [columns.map((column) => column.header)] });
    columns.forEach((column, c) => {
      sheet.put({
        at: rangeAddress(row + 1, col + c, row + rows.length, col + c),
        cells: rows.map((cells) => {
          if (cells.length !== columns.length) throw new Error(`${name}: a row has ${cells.length} cells`);
          return [cells[c]];
        }),
        numberFormat: column.numberFormat,
        fill: column.input ? INPUT_FILL : undefined,
      });
    });
    const table = {
      name,
      sheet: sheet.name,
      address: rangeAddress(row, col, row + rows.length, col + columns.length - 1),
    };
    this.tables.push({ ...table, sheetBuilder: sheet });
    return table;
  }

  /** A data sheet: one table at A1 under a frozen header row, columns fitted (room for the filter buttons). */
  tableSheet(
    sheetName: string,
    tableName: string,
    columns: readonly TableColumn[],
    rows: readonly PreviewCell[][],
  ): SheetBuilder {
    const sheet = this.sheet(sheetName);
    const table = this.table(sheet, tableName, [0, 0], columns, rows);
    return sheet.freeze(1).autofit(table.address, { padding: 4 });
  }

  /** A table as the pane reads it (Range.values of the whole table). */
  source(name: string): SourceData {
    const table = this.tables.find((candidate) => candidate.name === name);
    if (!table) throw new Error(`No table ${name}`);
    const { top, left, bottom, right } = parseRange(table.address);
    const values = Array.from({ length: bottom - top + 1 }, (_, r) =>
      Array.from(
        { length: right - left + 1 },
        (_, c) => table.sheetBuilder.get(top + r, left + c) as CellValue,
      ),
    );
    return {
      ref: { kind: "table", name },
      sheet: table.sheet,
      address: table.address,
      headers: values[0].map(String),
      rows: values.slice(1),
    };
  }

  /** The plan of a pane model on this template's tables, refused when the pane would refuse it. */
  plan(setup: ModelSetup): SheetPlan {
    const sources: Sources = {};
    for (const [slot, selection] of Object.entries(setup.slots) as [SlotId, { source: { name: string } }][]) {
      sources[slot] = this.source(selection.source.name);
    }
    const problems = validateSources(
      setup.builder,
      Object.fromEntries(
        Object.entries(setup.slots).map(([slot, selection]) => [
          slot,
          { source: sources[slot as SlotId], mapping: selection.mapping },
        ]),
      ),
    );
    if (hasErrors(problems)) throw new Error(`${setup.sheetName}: ${JSON.stringify(problems)}`);
    return planModel(setup, sources, spillSizes(setup, sources), LOCALE);
  }

  /** A pane model sheet, its setup saved in the workbook as the pane saves it. */
  model(setup: ModelSetup, extra?: Record<number, string[]>): { plan: SheetPlan; sheet: SheetBuilder } {
    const plan = this.plan(setup);
    const sheet = this.addPlan(plan, extra);
    this.models[setup.builder] = setup;
    this.active ??= setup.builder;
    return { plan, sheet };
  }

  /** A sheet from a plan (its check recorded, columns fitted); the caller may add to it. */
  addPlan(plan: SheetPlan, extra?: Record<number, string[]>): SheetBuilder {
    const sheet = SheetBuilder.fromPlan(plan).autofit(plan.autofit, { extra });
    // A plan's only single-number blocks are its input cells: mark them as inputs.
    for (const block of plan.blocks) {
      if (block.cells.length === 1 && block.cells[0].length === 1 && typeof block.cells[0][0] === "number") {
        sheet.put({ at: block.at, cells: [], fill: INPUT_FILL });
      }
    }
    this.sheets.push(sheet);
    this.check(sheet.name, plan.checkCell);
    return sheet;
  }

  check(sheet: string, cell: string): void {
    this.checks.push({ sheet, cell });
  }

  /** The check cells recorded on a sheet. */
  checksOn(sheet: string): string[] {
    return this.checks.filter((check) => check.sheet === sheet).map((check) => check.cell);
  }

  build(): Template {
    const models: SavedModels = {
      version: SETTINGS_VERSION,
      ...(this.active ? { active: this.active } : {}),
      models: this.models,
    };
    const first = this.sheets[0].name;
    return {
      file: this.file,
      title: this.title,
      snapshot: {
        sheets: this.sheets.map((sheet) => sheet.snapshot()),
        tables: this.tables.map(({ name, sheet, address }) => ({ name, sheet, address })),
        charts: [],
        settings: { [AUTO_SHOW_SETTING]: true, [SETTINGS_KEY]: serializeSavedModels(models) },
        activeSheet: first,
        selection: { sheet: first, address: "A1" },
      },
      checks: this.checks,
      models,
    };
  }
}

/** A sample sheet of the preview (one table at A1) as table columns and rows. */
export function sampleTable(part: {
  sheet: { cells: PreviewCell[][]; numberFormats?: (string | null)[][] };
}): {
  columns: TableColumn[];
  rows: PreviewCell[][];
} {
  const [header, ...rows] = part.sheet.cells;
  const formats = part.sheet.numberFormats?.[1] ?? [];
  return {
    columns: header.map((text, c) => ({ header: String(text), numberFormat: formats[c] ?? undefined })),
    rows,
  };
}

/** The range of a plan's input cells (its single-number blocks, one column), e.g. "B4:B9". */
export function inputRange(plan: SheetPlan): string {
  const cells = plan.blocks
    .filter(
      (block) =>
        block.cells.length === 1 && block.cells[0].length === 1 && typeof block.cells[0][0] === "number",
    )
    .map((block) => parseRange(block.at));
  if (cells.length === 0 || cells.some((cell) => cell.left !== cells[0].left)) {
    throw new Error(`${plan.sheetName}: no single column of inputs`);
  }
  const rows = cells.map((cell) => cell.top);
  return rangeAddress(Math.min(...rows), cells[0].left, Math.max(...rows), cells[0].left);
}
