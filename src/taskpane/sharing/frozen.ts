/**
 * What the workbook's settings record about values copies (key "svc.frozen"): for each copy, the
 * model sheet's formulas and looks, so that restoring needs neither the model sheet nor the copy's
 * cells. Versioned like the builders' setups: an older pane refuses what a newer one wrote.
 */
import type { CellValue } from "../model-builders/types";
import { isRecord, readVersionedSetting } from "../versioned-setting";

export const FROZEN_KEY = "svc.frozen";
export const FROZEN_VERSION = 1;

export interface FrozenSheet {
  /** The model sheet's name when it was frozen. */
  source: string;
  /** Range.formulas of the model sheet's used range: formulas, constants, and spilled values. */
  formulas: CellValue[][];
  /** That used range on the model sheet, without the sheet: "A1:F12". */
  address: string;
  /** Range.numberFormat of the same range. */
  numberFormats: string[][];
  /** Where the model's formulas spilled ("A5:B9"): restoring writes the anchor alone. */
  spills: string[];
  /** Ranges the model showed in bold. */
  bold: string[];
  /** Widths in points of the used range's columns, left to right; null where Excel gave none. */
  columnWidths: (number | null)[];
  /** The model's inputs as the note names them. */
  sources: string[];
  /** yyyy-mm-dd. */
  frozenAt: string;
  addinVersion: string;
}

export interface FrozenSheets {
  version: typeof FROZEN_VERSION;
  /** By the values copy's sheet name. */
  sheets: Record<string, FrozenSheet>;
}

export interface ParsedFrozen {
  /** "invalid": unreadable, or some entries were dropped; "newer": left alone, not to be overwritten. */
  status: "empty" | "ok" | "newer" | "invalid";
  frozen: FrozenSheets;
}

const empty = (): FrozenSheets => ({ version: FROZEN_VERSION, sheets: {} });

const isCell = (value: unknown): value is CellValue =>
  value === null || ["string", "number", "boolean"].includes(typeof value);

const isGrid = <T>(value: unknown, isItem: (item: unknown) => item is T): value is T[][] =>
  Array.isArray(value) && value.every((row) => Array.isArray(row) && row.every(isItem));

const isString = (value: unknown): value is string => typeof value === "string";
const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);

function readEntry(value: unknown): FrozenSheet | undefined {
  if (!isRecord(value)) return undefined;
  const { source, formulas, address, numberFormats, frozenAt, addinVersion } = value;
  if (!isString(source) || !isString(address) || !isGrid(formulas, isCell)) return undefined;
  if (!isGrid(numberFormats, isString) || !isString(frozenAt) || !isString(addinVersion)) return undefined;
  const list = (field: unknown) => (isStringList(field) ? field : []);
  return {
    source,
    formulas,
    address,
    numberFormats,
    spills: list(value.spills),
    bold: list(value.bold),
    columnWidths: Array.isArray(value.columnWidths)
      ? value.columnWidths.map((width) => (isNumber(width) && width >= 0 ? width : null))
      : [],
    sources: list(value.sources),
    frozenAt,
    addinVersion,
  };
}

/** Reads what the settings hold; never throws. */
export function parseFrozen(raw: unknown): ParsedFrozen {
  const setting = readVersionedSetting(raw, FROZEN_VERSION);
  if (setting.status !== "ok") return { status: setting.status, frozen: empty() };
  const { value } = setting;
  const sheets: Record<string, FrozenSheet> = {};
  let dropped = !isRecord(value.sheets);
  for (const [name, stored] of Object.entries(isRecord(value.sheets) ? value.sheets : {})) {
    const entry = readEntry(stored);
    if (entry) sheets[name] = entry;
    else dropped = true;
  }
  return { status: dropped ? "invalid" : "ok", frozen: { version: FROZEN_VERSION, sheets } };
}

export function serializeFrozen(frozen: FrozenSheets): string {
  return JSON.stringify(frozen);
}

/** The entry recorded for a values copy; Excel compares sheet names without regard to case. */
export function frozenEntry(frozen: FrozenSheets, sheet: string): FrozenSheet | undefined {
  const key = Object.keys(frozen.sheets).find((name) => name.toLowerCase() === sheet.toLowerCase());
  return key === undefined ? undefined : frozen.sheets[key];
}

/**
 * The settings with a new copy's entry, keeping only the entries of copies still in the workbook
 * (a deleted copy's formulas would otherwise stay in every save of the file).
 */
export function withFrozenSheet(
  frozen: FrozenSheets,
  name: string,
  entry: FrozenSheet,
  sheetNames: string[],
): FrozenSheets {
  const present = new Set(sheetNames.map((sheet) => sheet.toLowerCase()));
  const kept = Object.entries(frozen.sheets).filter(
    ([sheet]) => present.has(sheet.toLowerCase()) && sheet.toLowerCase() !== name.toLowerCase(),
  );
  return { version: FROZEN_VERSION, sheets: { ...Object.fromEntries(kept), [name]: entry } };
}
