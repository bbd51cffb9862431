/**
 * What a workbook holds besides calculated values: each sheet's raw contents and formats, its
 * tables and charts, and Excel's rules for the names of sheets and tables.
 */
import { type Box, MAX_COLUMNS } from "./addresses";
import { ErrorCodes, fail } from "./errors";

export type PreviewCell = number | string | boolean | null;

/** Cell formatting the pane sets besides number formats. */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: string;
}

/** Column width in points (Excel's format.columnWidth) when none was set: 8.43 characters of Calibri 11. */
export const DEFAULT_COLUMN_WIDTH = 48;

export interface Sheet {
  /** Stable across renames, unlike the name. */
  readonly id: number;
  /** The HyperFormula sheet. */
  readonly hf: number;
  name: string;
  /** Raw contents (constants, or formula text as written) by cellKey. Blank cells are absent. */
  readonly cells: Map<number, Exclude<PreviewCell, null>>;
  readonly numberFormats: Map<number, string>;
  readonly styles: Map<number, CellStyle>;
  readonly columnWidths: Map<number, number>;
  frozenRows: number;
  frozenColumns: number;
  selection: Box;
}

export interface Table {
  readonly id: number;
  name: string;
  readonly sheet: Sheet;
  /** Header row included; no totals row. */
  box: Box;
}

export interface Chart {
  readonly id: number;
  readonly sheet: Sheet;
  name: string;
  type: string;
  title: string;
  /** The sheet and cells the series come from. */
  source: { sheet: Sheet; box: Box };
  seriesBy: string;
  /** "E2:L18" once setPosition was called. */
  position?: string;
}

export const cellKey = (row: number, col: number) => row * MAX_COLUMNS + col;
export const cellOf = (key: number): [row: number, col: number] => [
  Math.floor(key / MAX_COLUMNS),
  key % MAX_COLUMNS,
];

/** The keys of a map that fall in a box, without visiting every cell of a large box. */
export function keysIn(map: Map<number, unknown>, box: Box): number[] {
  return [...map.keys()].filter((key) => {
    const [row, col] = cellOf(key);
    return row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;
  });
}

/** The smallest box around the keys, or undefined when there are none. */
export function boundsOf(keys: Iterable<number>): Box | undefined {
  let box: Box | undefined;
  for (const key of keys) {
    const [row, col] = cellOf(key);
    box = box
      ? {
          top: Math.min(box.top, row),
          left: Math.min(box.left, col),
          bottom: Math.max(box.bottom, row),
          right: Math.max(box.right, col),
        }
      : { top: row, left: col, bottom: row, right: col };
  }
  return box;
}

/** A dense grid of a map's entries from A1 to its last used cell. */
export function denseGrid<T>(map: Map<number, T>, blank: T): T[][] {
  const box = boundsOf(map.keys());
  if (!box) return [];
  const grid = Array.from({ length: box.bottom + 1 }, () => Array<T>(box.right + 1).fill(blank));
  for (const [key, value] of map) {
    const [row, col] = cellOf(key);
    grid[row][col] = value;
  }
  return grid;
}

/** Excel's rules: 1-31 characters, none of : \ / ? * [ ], no ' first or last, not "History". */
export function checkSheetName(name: unknown): string {
  if (typeof name !== "string" || name.length < 1 || name.length > 31) {
    fail(
      ErrorCodes.invalidArgument,
      `A worksheet name must have 1 to 31 characters; got ${JSON.stringify(name)}.`,
    );
  }
  if (/[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    fail(
      ErrorCodes.invalidArgument,
      `The worksheet name "${name}" contains a character Excel does not allow (: \\ / ? * [ ] or a leading or trailing ').`,
    );
  }
  if (name.toLowerCase() === "history") fail(ErrorCodes.invalidArgument, `"History" is reserved by Excel.`);
  return name;
}

const TABLE_NAME = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;
const CELL_LIKE = /^([A-Z]{1,3}\d+|R\d*C\d*|R|C)$/i;

/** Excel's rules for table names: a letter, _ or \ first, then letters, digits, _ . \; not a cell address. */
export function checkTableName(name: unknown): string {
  if (typeof name !== "string" || !TABLE_NAME.test(name) || name.length > 255 || CELL_LIKE.test(name)) {
    fail(ErrorCodes.invalidArgument, `${JSON.stringify(name)} is not a valid table name.`);
  }
  return name;
}

export const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * A deep copy of plain data (what settings, cell arrays and snapshots hold). structuredClone would
 * do, but jsdom test environments lack it.
 */
export function copyData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyData) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, each]) => [key, copyData(each)])) as T;
  }
  return value;
}
