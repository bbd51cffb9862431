/**
 * A chart's source range read as Excel reads a simple one: with series in columns, the first
 * column holds the categories and each further column a series, a first row of text naming the
 * series; with series in rows, the same turned sideways.
 */
import type { PreviewCell } from "../host/workbook";
import type { CellRange } from "../a1";

export interface ChartSeries {
  name: string;
  /** null where the cell is not a number (blank, text, error): a gap in the chart. */
  values: (number | null)[];
}

export interface ChartData {
  /** Category cells as they are (format them for display). */
  categories: PreviewCell[];
  /** Sheet coordinates [row, column] of each category, for its number format. */
  categoryCells: [row: number, column: number][];
  series: ChartSeries[];
}

export function chartData(values: PreviewCell[][], range: CellRange, byRows = false): ChartData | undefined {
  // Work in (line, position) terms: a line is a column when series are in columns, a row otherwise.
  const lines = byRows ? range.bottom - range.top + 1 : range.right - range.left + 1;
  const length = byRows ? range.right - range.left + 1 : range.bottom - range.top + 1;
  const at = (line: number, position: number): [number, number] =>
    byRows ? [range.top + line, range.left + position] : [range.top + position, range.left + line];
  const cell = (line: number, position: number): PreviewCell => {
    const [row, column] = at(line, position);
    return values[row]?.[column] ?? null;
  };
  if (lines < 2) return undefined;

  const seriesLines = Array.from({ length: lines - 1 }, (_, index) => index + 1);
  const hasHeader = seriesLines.every((line) => typeof cell(line, 0) === "string");
  const positions = Array.from({ length: length - (hasHeader ? 1 : 0) }, (_, index) =>
    hasHeader ? index + 1 : index,
  );

  return {
    categories: positions.map((position) => cell(0, position)),
    categoryCells: positions.map((position) => at(0, position)),
    series: seriesLines.map((line, index) => ({
      name: hasHeader ? String(cell(line, 0)) : `Series ${index + 1}`,
      values: positions.map((position) => {
        const value = cell(line, position);
        return typeof value === "number" && Number.isFinite(value) ? value : null;
      }),
    })),
  };
}

/** A round axis maximum at or above value: 1, 2 or 5 times a power of ten. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}
