/** What the pane needs from a workbook. The Office implementation is ./workbook.ts; tests pass fakes. */
import type { SheetPlan } from "../model-builders/plan";
import type { CellValue, SourceData, SourceRef } from "../model-builders/types";

export interface TableInfo {
  name: string;
  sheet: string;
}

export interface BuildProgress {
  done: number;
  total: number;
}

export interface WriteOptions {
  /** Replace an existing sheet of the plan's name (the user confirmed); otherwise refuse. */
  replace: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: BuildProgress) => void;
}

/** The plan's sheet already exists and replacing it was not confirmed. */
export class SheetExistsError extends Error {
  constructor(readonly sheetName: string) {
    super(`A sheet named ${sheetName} already exists`);
    this.name = "SheetExistsError";
  }
}

/** The user cancelled a build; the workbook is as it was. */
export class BuildCancelledError extends Error {
  constructor() {
    super("The build was cancelled");
    this.name = "BuildCancelledError";
  }
}

export interface WorkbookAccess {
  listTables(): Promise<TableInfo[]>;
  /** The current region around the selection (Excel's Ctrl+*), as a range source. */
  currentRegion(): Promise<SourceRef>;
  readSource(ref: SourceRef): Promise<SourceData>;
  sheetExists(name: string): Promise<boolean>;
  /** name itself when free, else "name (2)", "name (3)"... */
  freeSheetName(name: string): Promise<string>;
  /** Writes the model sheet; on failure or cancellation the workbook is left as it was. */
  writeModel(plan: SheetPlan, options: WriteOptions): Promise<void>;
  /** A cell's calculated value, e.g. the model's check cell after a build. */
  cellValue(sheet: string, address: string): Promise<CellValue>;
  /** The raw value saved under a settings key, or null. */
  loadSetting(key: string): Promise<unknown>;
  /** Saves a settings value with the workbook. */
  saveSetting(key: string, value: string): Promise<void>;
}
