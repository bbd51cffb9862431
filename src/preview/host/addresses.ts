/**
 * A1 addresses and cell rectangles. Rows and columns are 0-based here, as in HyperFormula and the
 * snapshot grids; only the text forms ("B4:D9") are 1-based, as Excel writes them.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based, edges included. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const boxHeight = (box: Box) => box.bottom - box.top + 1;
export const boxWidth = (box: Box) => box.right - box.left + 1;

export function cellBox(row: number, col: number): Box {
  return { top: row, left: col, bottom: row, right: col };
}

export function containsCell(box: Box, row: number, col: number): boolean {
  return row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;
}

/** The part of `box` inside `within`, or undefined when they do not meet. */
export function clip(box: Box, within: Box): Box | undefined {
  const part = {
    top: Math.max(box.top, within.top),
    left: Math.max(box.left, within.left),
    bottom: Math.min(box.bottom, within.bottom),
    right: Math.min(box.right, within.right),
  };
  return part.top <= part.bottom && part.left <= part.right ? part : undefined;
}

export function intersects(a: Box, b: Box): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function isInsideSheet(box: Box): boolean {
  return box.top >= 0 && box.left >= 0 && box.bottom < MAX_ROWS && box.right < MAX_COLUMNS;
}

/** 0 -> "A", 26 -> "AA". */
export function columnLetters(col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** "A" -> 0, "aa" -> 26. */
export function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export class AddressError extends Error {}

const SHEET_PREFIX = /^(?:'((?:[^']|'')+)'|([^!'][^!]*))!/;
const CELLS = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/i;
const COLUMNS = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i;
const ROWS = /^\$?(\d{1,7}):\$?(\d{1,7})$/;

const ordered = (a: number, b: number) => (a <= b ? [a, b] : [b, a]);

/**
 * "B4", "$B$4:D9", "'Cost ledger'!A1:C9", whole columns "A:M" and whole rows "2:5" -> the sheet
 * (if given) and the box.
 */
export function parseA1(address: string): { sheet?: string; box: Box } {
  const text = address.trim();
  const prefix = SHEET_PREFIX.exec(text);
  const sheet = prefix ? (prefix[1] !== undefined ? prefix[1].replace(/''/g, "'") : prefix[2]) : undefined;
  const rest = prefix ? text.slice(prefix[0].length) : text;
  let box: Box;
  let match: RegExpExecArray | null;
  if ((match = CELLS.exec(rest))) {
    const [, c1, r1, c2 = c1, r2 = r1] = match;
    const [left, right] = ordered(columnIndex(c1), columnIndex(c2));
    const [top, bottom] = ordered(Number(r1) - 1, Number(r2) - 1);
    box = { top, left, bottom, right };
  } else if ((match = COLUMNS.exec(rest))) {
    const [left, right] = ordered(columnIndex(match[1]), columnIndex(match[2]));
    box = { top: 0, left, bottom: MAX_ROWS - 1, right };
  } else if ((match = ROWS.exec(rest))) {
    const [top, bottom] = ordered(Number(match[1]) - 1, Number(match[2]) - 1);
    box = { top, left: 0, bottom, right: MAX_COLUMNS - 1 };
  } else {
    throw new AddressError(`"${address}" is not an A1 address this preview understands.`);
  }
  if (!isInsideSheet(box)) throw new AddressError(`"${address}" lies outside the worksheet.`);
  return { sheet, box };
}

/** "A1" for one cell, "A1:C9" otherwise ("A:C", "2:5" for whole columns or rows); with dollars when absolute. */
export function formatA1(box: Box, absolute = false): string {
  const d = absolute ? "$" : "";
  const wholeColumns = box.top === 0 && box.bottom === MAX_ROWS - 1;
  const wholeRows = box.left === 0 && box.right === MAX_COLUMNS - 1;
  if (wholeColumns && !wholeRows) return `${d}${columnLetters(box.left)}:${d}${columnLetters(box.right)}`;
  if (wholeRows && !wholeColumns) return `${d}${box.top + 1}:${d}${box.bottom + 1}`;
  const start = `${d}${columnLetters(box.left)}${d}${box.top + 1}`;
  const end = `${d}${columnLetters(box.right)}${d}${box.bottom + 1}`;
  return start === end ? start : `${start}:${end}`;
}

const LOOKS_LIKE_REFERENCE = /^([A-Z]{1,3}\d+|R\d*C\d*|R|C)$/i;

/** A sheet name as Excel writes it before "!": quoted unless it is a plain word. */
export function excelSheetPrefix(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !LOOKS_LIKE_REFERENCE.test(name);
  return plain ? name : quoteSheetName(name);
}

/** Always quoted: HyperFormula accepts a quoted name everywhere, so translated formulas use it. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Excel's Range.address: "Sheet1!A1:B2", "'Cost ledger'!A1". */
export function excelAddress(sheet: string, box: Box): string {
  return `${excelSheetPrefix(sheet)}!${formatA1(box)}`;
}
