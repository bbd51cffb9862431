/**
 * A worksheet of a template, assembled from the same cell blocks the pane's sheet plans use
 * (src/taskpane/model-builders/plan.ts), with the same meaning: constants or "=formulas" from the
 * block's top-left cell, one number format for the whole block, bold for the whole block. The
 * result is a WorkbookSnapshot sheet, which the preview host can calculate and the xlsx writer
 * can write.
 */
import type { CellStyle, PreviewCell, SheetSnapshot } from "../../src/preview/host/workbook";
import type { CellBlock, SheetPlan } from "../../src/taskpane/model-builders/plan";
import { cellAddress, parseRange } from "../../src/taskpane/model-builders/references";

/** A block of a template sheet: a plan's block, optionally filled (input cells). */
export interface Block extends CellBlock {
  fill?: string;
}

/** Light yellow, the usual colour of cells a controller is expected to type into. */
export const INPUT_FILL = "#FFF2CC";

/** Excel's column width is in characters; a snapshot's in points: whole pixels of 0.75 pt. */
export function charsToPoints(chars: number): number {
  return Math.round(chars * 7 + 5) * 0.75;
}

export function pointsToChars(points: number): number {
  return (points / 0.75 - 5) / 7;
}

/** Excel's default column width: 8.43 characters of Calibri 11, 64 pixels. */
export const DEFAULT_WIDTH_POINTS = charsToPoints(8.43);

const key = (row: number, col: number) => `${row}:${col}`;
const unkey = (text: string) => text.split(":").map(Number) as [number, number];

/** Characters a value takes on screen; CJK characters count double. */
function shownChars(value: PreviewCell): number {
  if (value === null) return 0;
  if (typeof value === "number") return Math.round(value).toLocaleString("en-US").length + 3;
  const text = String(value);
  return [...text].reduce((sum, ch) => sum + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
}

export class SheetBuilder {
  private readonly cells = new Map<string, PreviewCell>();
  private readonly formats = new Map<string, string>();
  private readonly styles = new Map<string, CellStyle>();
  private readonly widths = new Map<number, number>();
  private frozenRows = 0;
  private frozenColumns = 0;

  constructor(readonly name: string) {}

  /** A sheet holding a pane plan's blocks, exactly as the pane writes them. */
  static fromPlan(plan: SheetPlan): SheetBuilder {
    const sheet = new SheetBuilder(plan.sheetName);
    for (const block of plan.blocks) sheet.put(block);
    return sheet;
  }

  /** Writes a block as the pane's writeBlock does: ragged rows are padded with blanks. */
  put(block: Block): this {
    const { top, left } = parseRange(block.at);
    let box = parseRange(block.at);
    if (block.cells.length > 0) {
      const width = Math.max(...block.cells.map((row) => row.length));
      box = { top, left, bottom: top + block.cells.length - 1, right: left + width - 1 };
      block.cells.forEach((row, r) => {
        for (let c = 0; c < width; c++) this.set(top + r, left + c, row[c] ?? null);
      });
    }
    for (let row = box.top; row <= box.bottom; row++) {
      for (let col = box.left; col <= box.right; col++) {
        if (block.numberFormat) this.formats.set(key(row, col), block.numberFormat);
        if (block.bold || block.fill) {
          const style = { ...this.styles.get(key(row, col)) };
          if (block.bold) style.bold = true;
          if (block.fill) style.fill = block.fill;
          this.styles.set(key(row, col), style);
        }
      }
    }
    return this;
  }

  set(row: number, col: number, value: PreviewCell): this {
    if (value === null || value === "") this.cells.delete(key(row, col));
    else this.cells.set(key(row, col), value);
    return this;
  }

  get(row: number, col: number): PreviewCell {
    return this.cells.get(key(row, col)) ?? null;
  }

  freeze(rows: number, columns = 0): this {
    this.frozenRows = rows;
    this.frozenColumns = columns;
    return this;
  }

  width(col: number, chars: number): this {
    this.widths.set(col, charsToPoints(chars));
    return this;
  }

  /**
   * Sets column widths from what the cells of `range` show, as the pane's autofit does once Excel
   * has calculated: constants by their length, formulas (not calculated here) as `formulaChars`,
   * and `extra` texts (labels a formula spills) per column.
   */
  autofit(
    range: string,
    { formulaChars = 12, padding = 2, extra = {} as Record<number, string[]> } = {},
  ): this {
    const box = parseRange(range);
    for (let col = box.left; col <= box.right; col++) {
      let chars = Math.max(0, ...(extra[col] ?? []).map(shownChars));
      for (let row = box.top; row <= box.bottom; row++) {
        const value = this.get(row, col);
        const formula = typeof value === "string" && value.startsWith("=");
        chars = Math.max(chars, formula ? formulaChars : shownChars(value));
      }
      if (chars > 0) this.width(col, Math.min(60, Math.max(8, chars + padding)));
    }
    return this;
  }

  snapshot(): SheetSnapshot {
    const keys = [...this.cells.keys(), ...this.formats.keys(), ...this.styles.keys()].map(unkey);
    const rows = Math.max(0, ...keys.map(([row]) => row + 1));
    const cols = Math.max(0, ...keys.map(([, col]) => col + 1));
    const grid = <T>(value: (row: number, col: number) => T): T[][] =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => value(r, c)));
    const sheet: SheetSnapshot = { name: this.name, cells: grid((r, c) => this.get(r, c)) };
    if (this.formats.size > 0) sheet.numberFormats = grid((r, c) => this.formats.get(key(r, c)) ?? null);
    if (this.widths.size > 0) {
      const last = Math.max(...this.widths.keys());
      sheet.columnWidths = Array.from(
        { length: last + 1 },
        (_, c) => this.widths.get(c) ?? DEFAULT_WIDTH_POINTS,
      );
    }
    if (this.styles.size > 0) {
      sheet.styles = Object.fromEntries(
        [...this.styles].map(([at, style]) => [cellAddress(...unkey(at)), { ...style }]),
      );
    }
    if (this.frozenRows) sheet.frozenRows = this.frozenRows;
    if (this.frozenColumns) sheet.frozenColumns = this.frozenColumns;
    return sheet;
  }
}
