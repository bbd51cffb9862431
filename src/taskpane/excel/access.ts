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

/** What a values copy says about itself, and what its entry in the workbook's settings records. */
export interface FrozenNote {
  /** The note's lines, in the pane's language, written from A1 down above the copied cells. */
  lines: string[];
  /** The model's inputs (its sources), as the note names them. */
  sources: string[];
  /** The day of freezing, yyyy-mm-dd. */
  frozenAt: string;
  addinVersion: string;
}

/** Why a sheet could not be frozen or restored, when Excel itself did not say. */
export type ShareErrorCode =
  /** The sheet to freeze is gone. */
  | "missingSheet"
  /** The sheet to freeze has no cells. */
  | "emptySheet"
  /** Some custom functions of the sheet are still calculating (#BUSY!). */
  | "calculating"
  /** The settings hold no formulas for this copy. */
  | "unknownCopy"
  /** The frozen copies' settings come from a newer add-in: not read, and not overwritten. */
  | "newerSettings";

export class ShareError extends Error {
  constructor(
    readonly code: ShareErrorCode,
    readonly sheetName: string,
  ) {
    super(`${code}: ${sheetName}`);
    this.name = "ShareError";
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
  /**
   * Writes a copy of the sheet as values (with the note above them) under a free name, "<sheet>
   * (values)" when free, and records the sheet's formulas in the settings (svc.frozen) so that
   * restoreSheet can bring them back. Resolves to the copy's name; on failure the workbook is as it was.
   */
  freezeSheet(sheet: string, note: FrozenNote): Promise<string>;
  /**
   * Writes the formulas recorded for a values copy into a new sheet, named as the model sheet was
   * when that name is free; never overwrites. Resolves to the new sheet's name; on failure the
   * workbook is as it was.
   */
  restoreSheet(frozenSheet: string): Promise<string>;
}
