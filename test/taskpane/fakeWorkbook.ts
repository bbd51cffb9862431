/**
 * An in-memory WorkbookAccess for pane tests: tables and ranges to read, sheets (some with cells),
 * settings, writes, values copies. It lays out copies and restored sheets with the same pure
 * functions as the Office adapter, so what a test reads back is what Excel would be given.
 */
import {
  BuildCancelledError,
  type FrozenNote,
  ShareError,
  SheetExistsError,
  type TableInfo,
  type WorkbookAccess,
  type WriteOptions,
} from "../../src/taskpane/excel/access";
import type { SheetPlan } from "../../src/taskpane/model-builders/plan";
import { parseRange, rangeAddress } from "../../src/taskpane/model-builders/references";
import type { CellValue, SourceData, SourceRef } from "../../src/taskpane/model-builders/types";
import {
  FROZEN_KEY,
  frozenEntry,
  parseFrozen,
  serializeFrozen,
  withFrozenSheet,
} from "../../src/taskpane/sharing/frozen";
import {
  busyCell,
  frozenSheet,
  restoredSheet,
  type SheetContents,
  valuesCopy,
} from "../../src/taskpane/sharing/layout";

export interface FakeSource {
  sheet: string;
  /** Address of the header row and data, e.g. "A1:C4". */
  address: string;
  headers: string[];
  rows: CellValue[][];
}

const copy = (source: FakeSource): FakeSource => ({
  ...source,
  headers: [...source.headers],
  rows: source.rows.map((row) => [...row]),
});

/** A sheet's cells from A1: what Range.formulas and Range.values read (a formula's result in values). */
export interface FakeSheet {
  formulas: CellValue[][];
  values: CellValue[][];
  numberFormats?: string[][];
  bold?: boolean[][];
  /** Ranges formulas spill to, anchors included. */
  spills?: string[];
}

/** The default column width, in points. */
const COLUMN_WIDTH = 48;

/** The grid from A1 that holds `cells` at `address` (and `base` underneath); null where nothing is. */
function placed<T>(base: T[][], address: string, cells: T[][], blank: T): T[][] {
  const { top, left } = parseRange(address);
  const rows = Math.max(base.length, top + cells.length);
  const columns = Math.max(
    0,
    ...base.map((row) => row.length),
    left + Math.max(0, ...cells.map((row) => row.length)),
  );
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => {
      const value = cells[r - top]?.[c - left];
      return value !== undefined && value !== null ? value : (base[r]?.[c] ?? blank);
    }),
  );
}

function boldGrid(ranges: string[], rows: number, columns: number): boolean[][] {
  const grid = Array.from({ length: rows }, () => Array<boolean>(columns).fill(false));
  for (const range of ranges) {
    const { top, left, bottom, right } = parseRange(range);
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (grid[r]) grid[r][c] = true;
  }
  return grid;
}

/** A fake sheet as the adapter reads a used range (from A1 here). */
function contentsOf(sheet: FakeSheet): SheetContents {
  const rows = sheet.formulas.length;
  const columns = Math.max(0, ...sheet.formulas.map((row) => row.length));
  const fill = <T>(grid: T[][] | undefined, blank: T) =>
    Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => grid?.[r]?.[c] ?? blank),
    );
  return {
    address: rangeAddress(0, 0, rows - 1, columns - 1),
    values: fill<CellValue>(sheet.values, ""),
    formulas: fill<CellValue>(sheet.formulas, ""),
    numberFormats: fill(sheet.numberFormats, "General"),
    bold: fill(sheet.bold, false),
    columnWidths: Array<number>(columns).fill(COLUMN_WIDTH),
    spills: sheet.spills ?? [],
  };
}

export interface WriteCall {
  plan: SheetPlan;
  replace: boolean;
}

export class FakeWorkbook implements WorkbookAccess {
  readonly tables = new Map<string, FakeSource>();
  readonly ranges = new Map<string, FakeSource>();
  readonly sheets = new Set<string>();
  readonly settings = new Map<string, unknown>();
  readonly writes: WriteCall[] = [];
  readonly saved: { key: string; value: string }[] = [];
  /** What currentRegion answers: a range key of `ranges`, or an error to throw. */
  region: string | Error = new Error("No cell is selected");
  /** The value the model's check cell reads after a build. */
  checkValue: CellValue = "OK";
  /** Replaces the default write (which fails on an existing sheet unless replace is set). */
  write?: (plan: SheetPlan, options: WriteOptions) => Promise<void>;
  /** Cells of sheets, by name: given by addSheet, written by builds, copies and restores. */
  readonly contents = new Map<string, FakeSheet>();
  readonly freezes: { sheet: string; note: FrozenNote }[] = [];
  readonly restores: string[] = [];
  /** Replace the default freeze and restore (say, to fail or to wait). */
  freeze?: (sheet: string, note: FrozenNote) => Promise<string>;
  restore?: (frozenSheet: string) => Promise<string>;

  addSheet(name: string, sheet: FakeSheet): this {
    this.sheets.add(name);
    this.contents.set(name, sheet);
    return this;
  }

  /** Adds a copy of source, so a test may change the workbook's data without changing a fixture. */
  addTable(name: string, source: FakeSource): this {
    this.tables.set(name, copy(source));
    this.sheets.add(source.sheet);
    return this;
  }

  addRange(source: FakeSource): this {
    this.ranges.set(`${source.sheet}!${source.address}`, copy(source));
    this.sheets.add(source.sheet);
    return this;
  }

  async listTables(): Promise<TableInfo[]> {
    return [...this.tables].map(([name, { sheet }]) => ({ name, sheet }));
  }

  async currentRegion(): Promise<SourceRef> {
    if (this.region instanceof Error) throw this.region;
    const source = this.ranges.get(this.region);
    if (!source) throw new Error(`No range ${this.region}`);
    return { kind: "range", sheet: source.sheet, address: source.address };
  }

  async readSource(ref: SourceRef): Promise<SourceData> {
    const source =
      ref.kind === "table" ? this.tables.get(ref.name) : this.ranges.get(`${ref.sheet}!${ref.address}`);
    if (!source) throw new Error(`The item ${ref.kind === "table" ? ref.name : ref.address} does not exist.`);
    return {
      ref,
      sheet: source.sheet,
      address: source.address,
      headers: [...source.headers],
      rows: source.rows.map((row) => [...row]),
    };
  }

  async sheetExists(name: string): Promise<boolean> {
    return this.sheets.has(name);
  }

  async freeSheetName(name: string): Promise<string> {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? name : `${name} (${n})`;
      if (!this.sheets.has(candidate)) return candidate;
    }
  }

  async writeModel(plan: SheetPlan, options: WriteOptions): Promise<void> {
    this.writes.push({ plan, replace: options.replace });
    if (this.write) return this.write(plan, options);
    if (this.sheets.has(plan.sheetName) && !options.replace) throw new SheetExistsError(plan.sheetName);
    options.onProgress?.({ done: plan.blocks.length, total: plan.blocks.length });
    this.sheets.add(plan.sheetName);
    // The fake calculates nothing: a formula's value reads 0.
    let formulas: CellValue[][] = [];
    for (const block of plan.blocks) formulas = placed(formulas, block.at, block.cells, null);
    const values = formulas.map((row) =>
      row.map((cell) => (typeof cell === "string" && cell.startsWith("=") ? 0 : cell)),
    );
    this.contents.set(plan.sheetName, { formulas, values });
  }

  async cellValue(): Promise<CellValue> {
    return this.checkValue;
  }

  async loadSetting(key: string): Promise<unknown> {
    return this.settings.get(key) ?? null;
  }

  async saveSetting(key: string, value: string): Promise<void> {
    this.saved.push({ key, value });
    this.settings.set(key, value);
  }

  async freezeSheet(sheet: string, note: FrozenNote): Promise<string> {
    this.freezes.push({ sheet, note });
    if (this.freeze) return this.freeze(sheet, note);
    const parsed = parseFrozen(this.settings.get(FROZEN_KEY) ?? null);
    if (parsed.status === "newer") throw new ShareError("newerSettings", sheet);
    if (!this.sheets.has(sheet)) throw new ShareError("missingSheet", sheet);
    const cells = this.contents.get(sheet);
    if (!cells || cells.formulas.length === 0) throw new ShareError("emptySheet", sheet);
    const contents = contentsOf(cells);
    if (busyCell(contents) !== undefined) throw new ShareError("calculating", sheet);
    const layout = valuesCopy(contents, note);
    const name = await this.freeSheetName(`${sheet} (values)`);
    const values = placed(
      placed([], layout.note.address, layout.note.values, ""),
      layout.cells.address,
      layout.cells.values,
      "",
    );
    const rows = values.length;
    const columns = Math.max(0, ...values.map((row) => row.length));
    this.addSheet(name, {
      formulas: values,
      values,
      numberFormats: placed([], layout.cells.address, layout.cells.numberFormats, "General"),
      bold: boldGrid(layout.bold, rows, columns),
    });
    const entry = frozenSheet(sheet, contents, note);
    await this.saveSetting(
      FROZEN_KEY,
      serializeFrozen(withFrozenSheet(parsed.frozen, name, entry, [...this.sheets])),
    );
    return name;
  }

  async restoreSheet(frozen: string): Promise<string> {
    this.restores.push(frozen);
    if (this.restore) return this.restore(frozen);
    const parsed = parseFrozen(this.settings.get(FROZEN_KEY) ?? null);
    if (parsed.status === "newer") throw new ShareError("newerSettings", frozen);
    const entry = frozenEntry(parsed.frozen, frozen);
    if (!entry) throw new ShareError("unknownCopy", frozen);
    const layout = restoredSheet(entry);
    const name = await this.freeSheetName(entry.source);
    // What Range.formulas reads once the anchors have spilled again: the recorded formulas.
    const formulas = placed([], entry.address, entry.formulas, "");
    this.addSheet(name, {
      formulas,
      values: formulas,
      numberFormats:
        layout.cells.numberFormats && placed([], entry.address, layout.cells.numberFormats, "General"),
      bold: boldGrid(layout.bold, formulas.length, Math.max(0, ...formulas.map((row) => row.length))),
      spills: entry.spills,
    });
    return name;
  }
}

/** A write that reports progress, then waits until it is aborted and throws as Excel's does. */
export function slowWrite(progress: { done: number; total: number }) {
  return (_plan: SheetPlan, { signal, onProgress }: WriteOptions) =>
    new Promise<void>((_resolve, reject) => {
      onProgress?.(progress);
      signal?.addEventListener("abort", () => reject(new BuildCancelledError()));
    });
}

export const COST_LEDGER: FakeSource = {
  sheet: "Data",
  address: "A1:B4",
  headers: ["Activity", "Cost"],
  rows: [
    ["Answer calls", 1000],
    ["Reply to email", 500],
    ["Handle chat", 300],
  ],
};

export const CONTACT_LOG: FakeSource = {
  sheet: "Data",
  address: "D1:F6",
  headers: ["Activity", "Channel", "Minutes"],
  rows: [
    ["Answer calls", "Phone", 30],
    ["Answer calls", "Phone", 10],
    ["Reply to email", "Email", 20],
    ["Handle chat", "Chat", 15],
    ["Reply to email", "Email", 5],
  ],
};

/** The same ledger and log with Chinese headers, as a controller in Shanghai keeps them. */
export const LEDGER_ZH: FakeSource = { ...COST_LEDGER, headers: ["作业", "成本"] };
export const LOG_ZH: FakeSource = { ...CONTACT_LOG, headers: ["作业", "渠道", "处理时长（分钟）"] };

export const FORECAST_ZH: FakeSource = {
  sheet: "预测",
  address: "A1:C5",
  headers: ["时段", "来电量", "处理时长（分钟）"],
  rows: [
    ["08:00", 120, 4.5],
    ["08:15", 140, 4.2],
    ["08:30", 160, 4.4],
    ["08:45", 150, 4.1],
  ],
};

export const TRANSACTIONS: FakeSource = {
  sheet: "Sales",
  address: "A1:C6",
  headers: ["Customer", "Order date", "Amount"],
  rows: [
    ["C1", 45000, 20],
    ["C1", 45010, 35],
    ["C2", 45003, 12],
    ["C3", 45020, 50],
    ["C3", 45040, 40],
  ],
};

/** A workbook with an English ABC ledger and log as Excel tables. */
export function abcWorkbook(): FakeWorkbook {
  return new FakeWorkbook().addTable("CostLedger", COST_LEDGER).addTable("ContactLog", CONTACT_LOG);
}
