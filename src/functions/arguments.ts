/**
 * How the wrappers describe and read their arguments: required and optional numeric arguments for
 * the cell-by-cell functions, and arguments that take one value (a date, a method name).
 */
import {
  asGrid,
  type CellValue,
  invalidValue,
  isBlank,
  type Key,
  readKey,
  readNumber,
  type SettingArg,
  showValue,
} from "../engine/core";

/** A required argument. */
export const arg = (name: string, value: unknown) => ({ name, value });

/** An optional argument: blank or omitted takes `fallback`. */
export const optional = (name: string, value: unknown, fallback: number): SettingArg => ({
  name,
  value,
  options: { blank: fallback },
});

/** The one cell of an argument that takes a single value, or undefined when it is left out. */
export function singleCell(value: unknown, name: string): CellValue | undefined {
  const grid = asGrid(value, name);
  if (grid.length !== 1 || grid[0].length !== 1)
    throw invalidValue("mustBe", { arg: name, rule: "singleValue" });
  return isBlank(grid[0][0]) ? undefined : grid[0][0];
}

/** A single text argument (a method or convention name), or `fallback` when left out. */
export function singleText(value: unknown, name: string, fallback: string): string {
  const given = singleCell(value, name);
  if (given === undefined) return fallback;
  const text = readKey(given, name);
  if (typeof text !== "string")
    throw invalidValue("mustBe", { arg: name, rule: "text", actual: showValue(text) });
  return text;
}

/** A single number argument, or `fallback` when it is left out. */
export function singleNumber(value: unknown, name: string, fallback: number): number;
export function singleNumber(value: unknown, name: string, fallback?: number): number | undefined;
export function singleNumber(value: unknown, name: string, fallback?: number): number | undefined {
  const cell = singleCell(value, name);
  return cell === undefined ? fallback : readNumber(cell, name);
}

/** A key (customer, cost object, tier label) as a cell: TRUE/FALSE written as Excel shows them. */
export const keyCell = (key: Key): string | number => (typeof key === "boolean" ? showValue(key) : key);
