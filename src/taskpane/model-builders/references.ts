/** A1 addresses and the references a model sheet's formulas use to reach its sources. */
import type { RoleId, SourceData } from "./types";

export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

/** "B4" for zero-based row 3, column 1. */
export function cellAddress(row: number, column: number, absolute = false): string {
  const dollar = absolute ? "$" : "";
  return `${dollar}${columnLetters(column)}${dollar}${row + 1}`;
}

export function rangeAddress(
  top: number,
  left: number,
  bottom: number,
  right: number,
  absolute = false,
): string {
  const start = cellAddress(top, left, absolute);
  return top === bottom && left === right ? start : `${start}:${cellAddress(bottom, right, absolute)}`;
}

export interface CellBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Parses "A1", "$B$4:D9" or "Sheet!A1:B2" (the sheet is dropped) into zero-based bounds. */
export function parseRange(address: string): CellBox {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(local.trim());
  if (!match) throw new Error(`Not an A1 range: ${address}`);
  const [, startColumn, startRow, endColumn = startColumn, endRow = startRow] = match;
  const [top, bottom] = [Number(startRow) - 1, Number(endRow) - 1].sort((a, b) => a - b);
  const [left, right] = [columnIndex(startColumn), columnIndex(endColumn)].sort((a, b) => a - b);
  return { top, left, bottom, right };
}

/** A sheet name as a formula needs it: quoted when it is not a plain word. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

/** Characters that Excel escapes with ' inside a structured reference's column name. */
const ESCAPED_IN_COLUMN = /(['#[\]])/g;
/** Characters that make Excel wrap the column name in a second pair of brackets. */
const NEEDS_DOUBLE_BRACKETS = /[\s,:.'#[\]"{}$^&*+=\-<>/@!()%]/;

/** A structured reference to a table column's data: Table[Column] or Table[[Column (min)]]. */
export function structuredReference(table: string, column: string): string {
  const escaped = column.replace(ESCAPED_IN_COLUMN, "'$1");
  return NEEDS_DOUBLE_BRACKETS.test(column) ? `${table}[[${escaped}]]` : `${table}[${escaped}]`;
}

/**
 * The reference to the data cells of a source column: a structured reference when the source is a
 * table (so the formula follows the table as it grows), an absolute range otherwise.
 */
export function columnReference(source: SourceData, header: string): string {
  if (source.ref.kind === "table") return structuredReference(source.ref.name, header);
  const box = parseRange(source.address);
  const column = box.left + source.headers.indexOf(header);
  if (column < box.left) throw new Error(`Column ${header} is not in ${source.address}`);
  const range = rangeAddress(box.top + 1, column, box.bottom, column, true);
  return `${quoteSheet(source.sheet)}!${range}`;
}

/** The worksheet row number (1-based) of a source's data row index. */
export function worksheetRow(source: SourceData, dataRow: number): number {
  return parseRange(source.address).top + 2 + dataRow;
}

/** The zero-based column of a role's header in a source, or -1. */
export function headerColumn(source: SourceData, header: string | undefined): number {
  return header === undefined ? -1 : source.headers.indexOf(header);
}

export type RoleReferences = Partial<Record<RoleId, string>>;
