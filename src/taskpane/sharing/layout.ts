/**
 * What a values copy holds and where, and what a restored sheet is written with. Pure, so that the
 * Office adapter and the tests' fake workbook lay sheets out alike.
 *
 * The copy keeps the model's columns and moves its rows NOTE_ROWS down: two lines of note, a blank
 * row, then the model from its first used row, so model cell B5 is copy cell B8.
 */
import { parseRange, rangeAddress } from "../model-builders/references";
import type { CellValue } from "../model-builders/types";
import type { FrozenNote } from "../excel/access";
import type { FrozenSheet } from "./frozen";

/** Two lines of note and a blank row. */
export const NOTE_ROWS = 3;
/** Excel's number format for text: what is written into such a cell stays as written. */
export const TEXT_FORMAT = "@";
/** What a cell shows while its custom function is still calculating. */
export const BUSY = "#BUSY!";

/** A model sheet as read for freezing; every grid covers `address`. */
export interface SheetContents {
  /** The used range, without the sheet: "A1:F12". */
  address: string;
  /** Calculated values, errors as their text ("#VALUE!"), blanks "". */
  values: CellValue[][];
  /** Range.formulas: formulas, constants, and the values of spilled cells. */
  formulas: CellValue[][];
  numberFormats: string[][];
  bold: boolean[][];
  /** Widths in points of the range's columns, left to right; null where Excel gave none. */
  columnWidths: (number | null)[];
  /** Ranges the sheet's formulas spill to, anchors included. */
  spills: string[];
}

export interface ColumnWidths {
  /** Zero-based index of the first column. */
  first: number;
  widths: (number | null)[];
}

export interface CopyLayout {
  /** The note's lines, one a row from A1. */
  note: { address: string; values: string[][] };
  /** The model's cells as values; text is formatted as text, so Excel keeps "08:00" or "#N/A" as written. */
  cells: { address: string; values: CellValue[][]; numberFormats: string[][] };
  bold: string[];
  columnWidths: ColumnWidths;
}

export interface RestoreLayout {
  /** null leaves a cell alone: the cells a formula spills to, so the spill is not blocked. */
  cells: { address: string; formulas: (CellValue | null)[][]; numberFormats?: string[][] };
  bold: string[];
  columnWidths: ColumnWidths;
}

/** The address `rows` rows lower. */
export function shiftRows(address: string, rows: number): string {
  const { top, left, bottom, right } = parseRange(address);
  return rangeAddress(top + rows, left, bottom + rows, right);
}

function size(address: string): { rows: number; columns: number } {
  const { top, left, bottom, right } = parseRange(address);
  return { rows: bottom - top + 1, columns: right - left + 1 };
}

function fits(grid: unknown[][], address: string): boolean {
  const { rows, columns } = size(address);
  return grid.length === rows && grid.every((row) => row.length === columns);
}

/**
 * The bold cells of a grid whose top-left cell is (top, left), as few ranges: runs along each row,
 * merged with the same run on the rows below.
 */
export function boldRanges(bold: boolean[][], top: number, left: number): string[] {
  const runs: { top: number; bottom: number; left: number; right: number }[] = [];
  bold.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (!row[c]) continue;
      const start = c;
      while (c + 1 < row.length && row[c + 1]) c++;
      const run = { top: top + r, bottom: top + r, left: left + start, right: left + c };
      const above = runs.find(
        (each) => each.bottom === run.top - 1 && each.left === run.left && each.right === run.right,
      );
      if (above) above.bottom = run.bottom;
      else runs.push(run);
    }
  });
  return runs.map((run) => rangeAddress(run.top, run.left, run.bottom, run.right));
}

/** The first cell showing #BUSY!, as an address, or undefined. */
export function busyCell(contents: Pick<SheetContents, "address" | "values">): string | undefined {
  const { top, left } = parseRange(contents.address);
  for (let r = 0; r < contents.values.length; r++) {
    const c = contents.values[r].indexOf(BUSY);
    if (c >= 0) return rangeAddress(top + r, left + c, top + r, left + c);
  }
  return undefined;
}

/** The values copy of a model sheet, with the note above it. */
export function valuesCopy(contents: SheetContents, note: Pick<FrozenNote, "lines">): CopyLayout {
  const { address, values, numberFormats } = contents;
  if (!fits(values, address) || !fits(numberFormats, address) || !fits(contents.bold, address)) {
    throw new Error(`The sheet's values do not fit its used range ${address}`);
  }
  const { top, left } = parseRange(address);
  const copied = values.map((row) => row.map((value) => value ?? ""));
  return {
    note: {
      address: rangeAddress(0, 0, note.lines.length - 1, 0),
      values: note.lines.map((line) => [line]),
    },
    cells: {
      address: shiftRows(address, NOTE_ROWS),
      values: copied,
      numberFormats: numberFormats.map((row, r) =>
        row.map((format, c) =>
          typeof copied[r][c] === "string" && copied[r][c] !== "" ? TEXT_FORMAT : format,
        ),
      ),
    },
    bold: boldRanges(contents.bold, top + NOTE_ROWS, left),
    columnWidths: { first: left, widths: [...contents.columnWidths] },
  };
}

/** What the settings record for a values copy of `source`. */
export function frozenSheet(source: string, contents: SheetContents, note: FrozenNote): FrozenSheet {
  const { top, left } = parseRange(contents.address);
  return {
    source,
    formulas: contents.formulas.map((row) => row.map((value) => value ?? "")),
    address: contents.address,
    numberFormats: contents.numberFormats,
    spills: contents.spills,
    bold: boldRanges(contents.bold, top, left),
    columnWidths: contents.columnWidths,
    sources: note.sources,
    frozenAt: note.frozenAt,
    addinVersion: note.addinVersion,
  };
}

/** The model sheet again from what the settings recorded: formulas where they were, spills left to spill. */
export function restoredSheet(entry: FrozenSheet): RestoreLayout {
  if (!fits(entry.formulas, entry.address)) {
    throw new Error(`The recorded formulas do not fit their range ${entry.address}`);
  }
  const { top, left } = parseRange(entry.address);
  const formulas: (CellValue | null)[][] = entry.formulas.map((row) => [...row]);
  for (const spill of entry.spills) {
    const box = parseRange(spill);
    for (let row = box.top; row <= box.bottom; row++) {
      for (let column = box.left; column <= box.right; column++) {
        const anchor = row === box.top && column === box.left;
        const cells = formulas[row - top];
        if (!anchor && cells && column - left >= 0 && column - left < cells.length)
          cells[column - left] = null;
      }
    }
  }
  return {
    cells: {
      address: entry.address,
      formulas,
      ...(fits(entry.numberFormats, entry.address) ? { numberFormats: entry.numberFormats } : {}),
    },
    bold: entry.bold,
    columnWidths: { first: left, widths: entry.columnWidths },
  };
}
