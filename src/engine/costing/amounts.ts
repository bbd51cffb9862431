/**
 * Checks shared by the costing functions: amounts and quantities are non-negative, and lists and
 * matrices have one row per row (or column) of the argument they pair with. Each check names the
 * argument and the cell. The worksheet wrappers check the same rules while reading the cells, where
 * a horizontal range's cell is a column; these checks keep the engine safe to call from Node.
 */
import { invalidValue } from "../core/errors";
import { withPlace } from "../core/grid";
import { check } from "../core/validate";

/** Non-negative amounts, one per row; a bad one names its row. */
export function checkedAmounts(values: number[], arg: string): number[] {
  return values.map((value, i) => withPlace({ row: i + 1 }, () => check(value, arg, "nonNegative")));
}

/** What a list or matrix's row count must match: the rows or the columns of another argument. */
export interface RowsOf {
  other: string;
  count: number;
  per?: "row" | "column";
}

function checkRows(actual: number, arg: string, { other, count, per = "row" }: RowsOf): void {
  if (actual !== count)
    throw invalidValue(per === "row" ? "rowsDiffer" : "rowsPerColumn", {
      arg,
      other,
      limit: String(count),
      actual: String(actual),
    });
}

/** A list with one entry per row of another argument. */
export function checkedLength<T>(list: T[], arg: string, rowsOf: RowsOf): T[] {
  checkRows(list.length, arg, rowsOf);
  return list;
}

/** A matrix of non-negative quantities with one row per row (or column) of another argument. */
export function checkedMatrix(matrix: number[][], arg: string, rowsOf: RowsOf): number[][] {
  checkRows(matrix.length, arg, rowsOf);
  return matrix.map((row, r) =>
    row.map((value, c) => withPlace({ row: r + 1, column: c + 1 }, () => check(value, arg, "nonNegative"))),
  );
}

/** Sum with Neumaier's compensation: a million small amounts still add up to the cent. */
export function exactSum(values: Iterable<number>): number {
  let sum = 0;
  let compensation = 0;
  for (const value of values) {
    const next = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
  }
  // Past the largest double the plain sum is Infinity (shown as #NUM!); the compensation is NaN.
  return Number.isFinite(sum) ? sum + compensation : sum;
}
