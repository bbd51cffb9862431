/** An in-memory WorkbookAccess for pane tests: tables and ranges to read, sheets, settings, writes. */
import {
  BuildCancelledError,
  SheetExistsError,
  type TableInfo,
  type WorkbookAccess,
  type WriteOptions,
} from "../../src/taskpane/excel/access";
import type { SheetPlan } from "../../src/taskpane/model-builders/plan";
import type { CellValue, SourceData, SourceRef } from "../../src/taskpane/model-builders/types";

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
