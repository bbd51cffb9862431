/**
 * Range coercion and broadcasting. Excel hands a custom function a scalar or a 2-D array whose
 * cells are numbers, text, booleans, blanks (0 on desktop, null or "" on the web) or error values.
 * This module turns those into numbers with messages that name the argument and the cell, and
 * broadcasts scalar-or-range arguments the way Excel's own functions do.
 */
import { EngineError, type ErrorKind, invalidValue } from "./errors";
import { type Place, showValue } from "./messages";
import { check, type NumberRule } from "./validate";

/** An Excel error value as a custom function receives it (a CustomFunctions.Error or alike). */
export interface ExcelErrorValue {
  code: string;
  message?: string;
}
export type CellValue = number | string | boolean | null | undefined | ExcelErrorValue;
export type Grid<T = CellValue> = T[][];

export interface Shape {
  rows: number;
  cols: number;
}

export function isBlank(value: unknown): value is null | undefined | "" {
  return value === null || value === undefined || value === "";
}

export function isExcelError(value: unknown): value is ExcelErrorValue {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ExcelErrorValue).code === "string" &&
    (value as ExcelErrorValue).code.startsWith("#")
  );
}

const ERROR_KIND_BY_CODE: Record<string, ErrorKind> = { "#N/A": "na", "#NUM!": "num", "#DIV/0!": "div0" };

/** An error in an input cell travels on as the same error, as in Excel's own functions. */
function propagatedError(error: ExcelErrorValue, arg: string, place: Place): EngineError {
  return new EngineError(ERROR_KIND_BY_CODE[error.code] ?? "value", "inputError", {
    arg,
    ...place,
    actual: error.code,
  });
}

/** Any argument as a rectangular grid: a scalar becomes 1 x 1, an omitted argument a blank 1 x 1. */
export function asGrid(value: unknown, arg: string): Grid {
  if (!Array.isArray(value)) return [[value as CellValue]];
  if (value.length === 0) return [[null]];
  const rows = value.every(Array.isArray) ? (value as CellValue[][]) : [value as CellValue[]];
  const cols = rows[0].length;
  if (cols === 0 || rows.some((row) => row.length !== cols))
    throw invalidValue("mustBe", { arg, rule: "singleValue", actual: "a ragged array" });
  return rows;
}

/** An argument left out: omitted, or given as a single blank cell. */
export function isOmitted(value: unknown, arg: string): boolean {
  const grid = asGrid(value, arg);
  return grid.length === 1 && grid[0].length === 1 && isBlank(grid[0][0]);
}

export function shapeOf(grid: Grid<unknown>): Shape {
  return { rows: grid.length, cols: grid[0]?.length ?? 0 };
}

export function describeShape({ rows, cols }: Shape): string {
  return `${rows} x ${cols}`;
}

/** Where cell (r, c) of a grid of this shape is, in the words a message uses (1-based). */
export function placeIn(shape: Shape, r: number, c: number): Place {
  if (shape.rows === 1 && shape.cols === 1) return {};
  if (shape.cols === 1) return { row: r + 1 };
  if (shape.rows === 1) return { column: c + 1 };
  return { row: r + 1, column: c + 1 };
}

export interface NumberOptions {
  /** Value of a blank cell. Omit to read a blank as 0, as Excel's desktop does. */
  blank?: number;
  /** A rule every value must keep, checked here where the cell's place is known. */
  rule?: NumberRule;
}

/** One cell as a number, or a #VALUE! that names the argument, the cell and what was there. */
export function readNumber(
  value: CellValue,
  arg: string,
  place: Place = {},
  options: NumberOptions = {},
): number {
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw invalidValue("mustBe", { arg, ...place, rule: "finite", actual: showValue(value) });
    return options.rule ? withPlace(place, () => check(value, arg, options.rule!)) : value;
  }
  if (isBlank(value)) return options.blank ?? 0;
  if (isExcelError(value)) throw propagatedError(value, arg, place);
  throw invalidValue("mustBe", { arg, ...place, rule: "number", actual: showValue(value) });
}

/**
 * The shape all arguments broadcast to: along each dimension every argument has the same size or
 * size 1 (a scalar, a row or a column), as in Excel's array arithmetic.
 */
export function broadcastShape(args: { name: string; grid: Grid<unknown> }[]): Shape {
  const shape: Shape = { rows: 1, cols: 1 };
  let widest = args[0];
  for (const arg of args) {
    const own = shapeOf(arg.grid);
    const fits = (a: number, b: number) => a === b || a === 1 || b === 1;
    if (!fits(own.rows, shape.rows) || !fits(own.cols, shape.cols)) {
      throw invalidValue("shapesDiffer", {
        arg: widest.name,
        shape: describeShape(shapeOf(widest.grid)),
        other: arg.name,
        otherShape: describeShape(own),
      });
    }
    if (own.rows * own.cols > shape.rows * shape.cols) widest = arg;
    shape.rows = Math.max(shape.rows, own.rows);
    shape.cols = Math.max(shape.cols, own.cols);
  }
  return shape;
}

/** A per-cell result: a value or the error that belongs in that cell of the spill. */
export type Outcome<T> = T | EngineError;

export interface ElementwiseArg {
  name: string;
  value: unknown;
  options?: NumberOptions;
}

/**
 * Applies `compute` to every cell of the broadcast of numeric arguments. A problem in one cell
 * becomes that cell's error, as Excel's own array formulas do; errors thrown by the engine naming
 * one of these arguments get that argument's cell added to their message.
 */
export function mapNumbers<T>(args: ElementwiseArg[], compute: (...values: number[]) => T): Grid<Outcome<T>> {
  const grids = args.map((arg) => ({ name: arg.name, grid: asGrid(arg.value, arg.name) }));
  const shape = broadcastShape(grids);
  const result: Grid<Outcome<T>> = [];
  for (let r = 0; r < shape.rows; r++) {
    const row: Outcome<T>[] = [];
    for (let c = 0; c < shape.cols; c++) {
      row.push(computeCell(args, grids, r, c, compute));
    }
    result.push(row);
  }
  return result;
}

function computeCell<T>(
  args: ElementwiseArg[],
  grids: { name: string; grid: Grid }[],
  r: number,
  c: number,
  compute: (...values: number[]) => T,
): Outcome<T> {
  const places = grids.map(({ grid }) => {
    const own = shapeOf(grid);
    const [ir, ic] = [own.rows === 1 ? 0 : r, own.cols === 1 ? 0 : c];
    return { cell: grid[ir][ic], place: placeIn(own, ir, ic) };
  });
  try {
    const numbers = places.map(({ cell, place }, i) =>
      readNumber(cell, args[i].name, place, args[i].options),
    );
    return compute(...numbers);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    const index = args.findIndex((arg) => arg.name === error.params.arg);
    return index >= 0 ? locate(error, places[index].place) : error;
  }
}

/** Runs `compute`; an EngineError it throws gets `place` added (a row of a table, say). */
export function withPlace<T>(place: Place, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw error instanceof EngineError ? locate(error, place) : error;
  }
}

/** The error with `place` added, unless it already names a cell. */
export function locate(error: EngineError, place: Place): EngineError {
  const unlocated = error.params.row === undefined && error.params.column === undefined;
  return unlocated ? new EngineError(error.kind, error.key, { ...error.params, ...place }) : error;
}

/** A range read as one list of cells: a column, a row, or a 1 x 1. */
export function asList(value: unknown, arg: string): CellValue[] {
  const grid = asGrid(value, arg);
  const { rows, cols } = shapeOf(grid);
  if (cols === 1) return grid.map((row) => row[0]);
  if (rows === 1) return grid[0];
  throw invalidValue("mustBe", { arg, rule: "oneColumn", actual: describeShape({ rows, cols }) });
}

export interface NumberColumns {
  /** One array per argument, blank rows removed. */
  columns: number[][];
  /** For each kept row, its 1-based position in the ranges (for messages). */
  rows: number[];
}

export interface SettingArg {
  name: string;
  value: unknown;
  options?: NumberOptions;
}

export interface RowsWithSettings {
  /** For each kept row, its 1-based position in the ranges. */
  rows: number[];
  /** data[i][k]: data argument i at kept row k. */
  data: number[][];
  /** settings[i][k]: setting i at kept row k (a single value repeated, or its column's cell). */
  settings: number[][];
  /** Names of the settings given as columns, whose values vary by row. */
  varying: string[];
}

/**
 * Data columns read row by row (see readNumberColumns) with settings that apply to every row: a
 * setting given as one cell is used for all rows (blank takes its default); given as a column of
 * the same length, it is read row by row like the data.
 */
export function readRowsWithSettings(
  data: { name: string; value: unknown }[],
  settings: SettingArg[],
): RowsWithSettings {
  const grids = settings.map((setting) => asGrid(setting.value, setting.name));
  const single = grids.map((grid) => grid.length === 1 && grid[0].length === 1);
  const columnSettings = settings.filter((_, i) => !single[i]);
  const read = readNumberColumns([...data, ...columnSettings]);
  const byColumn = new Map(columnSettings.map((setting, i) => [setting, read.columns[data.length + i]]));
  return {
    rows: read.rows,
    data: read.columns.slice(0, data.length),
    varying: columnSettings.map((setting) => setting.name),
    settings: settings.map((setting, i) => {
      const column = byColumn.get(setting);
      if (column) return column;
      const value = readNumber(grids[i][0][0], setting.name, {}, setting.options);
      return read.rows.map(() => value);
    }),
  };
}

/** A text, number or TRUE/FALSE cell used as a label (activity, cost object, customer...). */
export type Key = string | number | boolean;

/** One cell as a key; an error value in it travels on, as in Excel's own lookups. */
export function readKey(value: CellValue, arg: string, place: Place = {}): Key {
  if (isExcelError(value)) throw propagatedError(value, arg, place);
  if (typeof value === "number" && !Number.isFinite(value))
    throw invalidValue("mustBe", { arg, ...place, rule: "finite", actual: showValue(value) });
  return value as Key;
}

/**
 * What two keys must share to match, as SUMIFS and XLOOKUP match: text ignores case, and a number
 * matches the same number written as text.
 */
export function keyIdentity(key: Key): string {
  if (typeof key === "string") return key.toLowerCase();
  // Numbers compare at Excel's 15 significant digits, so 0.1 + 0.2 matches 0.3.
  return typeof key === "boolean" ? String(key) : String(Number(key.toPrecision(15)));
}

/**
 * Numbers keys as they are first seen, matching as SUMIFS does (see keyIdentity). The raw value is
 * looked up first, so a million rows naming a few dozen keys cost one Map lookup each.
 */
export class KeyIndex {
  readonly keys: Key[] = [];
  private readonly byRaw = new Map<Key, number>();
  private readonly byIdentity = new Map<string, number>();

  /** The key's number, adding it when `add` is true; -1 for an unknown key otherwise. */
  find(key: Key, add: boolean): number {
    const known = this.byRaw.get(key);
    if (known !== undefined) return known;
    const identity = keyIdentity(key);
    let index = this.byIdentity.get(identity);
    if (index === undefined) {
      if (!add) return -1;
      index = this.keys.length;
      this.keys.push(key);
      this.byIdentity.set(identity, index);
    }
    this.byRaw.set(key, index);
    return index;
  }
}

/** A column of a record-shaped range and how to read its cells. */
export interface RecordColumn<T> {
  name: string;
  value: unknown;
  read: (cell: CellValue, arg: string, place: Place) => T;
}

export interface Records<T extends unknown[]> {
  /** One array per column, blank rows removed. */
  columns: { [K in keyof T]: T[K][] };
  /** For each kept row, its 1-based position in the ranges (for messages). */
  rows: number[];
}

/**
 * Reads columns that belong together row by row (a cost ledger, a contact log). A wholly blank row
 * is skipped; a partly blank row is an error naming the row, so nothing is silently dropped.
 */
export function readRecords<T extends unknown[]>(args: { [K in keyof T]: RecordColumn<T[K]> }): Records<T> {
  const columns = args as RecordColumn<unknown>[];
  const lists = columns.map((arg) => asList(arg.value, arg.name));
  const length = lists[0].length;
  lists.forEach((list, i) => {
    if (list.length !== length)
      throw invalidValue("rowsDiffer", {
        arg: columns[i].name,
        other: columns[0].name,
        limit: String(length),
        actual: String(list.length),
      });
  });
  const read: unknown[][] = columns.map(() => []);
  const rows: number[] = [];
  for (let r = 0; r < length; r++) {
    let blanks = 0;
    let firstBlank = -1;
    for (let i = 0; i < lists.length; i++) {
      if (isBlank(lists[i][r])) {
        blanks++;
        if (firstBlank < 0) firstBlank = i;
      }
    }
    if (blanks === lists.length) continue;
    if (blanks > 0) throw invalidValue("blankCell", { arg: columns[firstBlank].name, row: r + 1 });
    for (let i = 0; i < lists.length; i++)
      read[i].push(columns[i].read(lists[i][r], columns[i].name, { row: r + 1 }));
    rows.push(r + 1);
  }
  return { columns: read as Records<T>["columns"], rows };
}

/** Numeric columns read row by row (see readRecords). */
export function readNumberColumns(args: { name: string; value: unknown }[]): NumberColumns {
  const records = readRecords<number[]>(args.map((arg) => ({ ...arg, read: readNumber })));
  return { columns: records.columns, rows: records.rows };
}

/** A range of numbers, every cell read with its place in messages; blanks read as options.blank or 0. */
export function readNumberGrid(value: unknown, arg: string, options: NumberOptions = {}): number[][] {
  const grid = asGrid(value, arg);
  const shape = shapeOf(grid);
  return grid.map((row, r) => row.map((cell, c) => readNumber(cell, arg, placeIn(shape, r, c), options)));
}

/** A single column or row of numbers (see asList), each cell read with its place in messages. */
export function readNumberList(value: unknown, arg: string, options: NumberOptions = {}): number[] {
  const list = asList(value, arg);
  const shape = shapeOf(asGrid(value, arg));
  return list.map((cell, i) =>
    readNumber(cell, arg, shape.cols === 1 ? placeIn(shape, i, 0) : placeIn(shape, 0, i), options),
  );
}
