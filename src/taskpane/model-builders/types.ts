/** The vocabulary shared by the model builders, the workbook adapter and the pane's components. */

export type BuilderId = "abc" | "staffing" | "value";

/** A part of a model's input: one source table playing one part (the ledger, the contact log...). */
export type SlotId = "ledger" | "log" | "forecast" | "transactions";

/** What a column means to a model. */
export type RoleId =
  | "activity"
  | "cost"
  | "costObject"
  | "driverQuantity"
  | "interval"
  | "volume"
  | "handleTime"
  | "customer"
  | "date"
  | "amount";

export type ColumnKind = "text" | "number" | "date";

export interface RoleSpec {
  id: RoleId;
  kind: ColumnKind;
  required: boolean;
}

export interface SlotSpec {
  id: SlotId;
  roles: RoleSpec[];
}

/** Where a source lives: an Excel table (referenced by structured references) or a plain range. */
export type SourceRef = { kind: "table"; name: string } | { kind: "range"; sheet: string; address: string };

export type CellValue = string | number | boolean | null;

/** A source as read from the workbook: its header row and data rows. */
export interface SourceData {
  ref: SourceRef;
  /** Worksheet holding the source. */
  sheet: string;
  /** The source's address on its sheet, header row included, without the sheet: "A1:F401". */
  address: string;
  headers: string[];
  rows: CellValue[][];
}

/** Role -> header of the column playing it. Headers, not positions, so reordered columns still map. */
export type ColumnMapping = Partial<Record<RoleId, string>>;

export interface SlotSelection {
  source: SourceRef;
  mapping: ColumnMapping;
}

export type TimeUnit = "sec" | "min" | "hour";
export type VolumeBasis = "perInterval" | "perHour";

export interface Units {
  /** Unit of the handle-time column. */
  handleTime: TimeUnit;
  /** Whether the volume column counts contacts per interval or per hour. */
  volume: VolumeBasis;
}

/** Everything needed to (re)build one model: saved in the workbook and restored on reopening. */
export interface ModelSetup {
  builder: BuilderId;
  slots: Partial<Record<SlotId, SlotSelection>>;
  units: Units;
  /** Builder inputs written as editable cells on the model sheet (targets, rates...). */
  inputs: Record<string, number>;
  /** The model sheet's name as last built. */
  sheetName: string;
}
