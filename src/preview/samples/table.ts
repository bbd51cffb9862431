/** Lays out a header and rows as a sheet whose only content is one Excel table at A1. */
import type { CellStyle, PreviewCell, SheetSnapshot, TableSnapshot } from "../host/workbook";
import { cellAddress, rangeAddress } from "../a1";

/** A header row that reads as one, as Excel's default table style draws it. */
const HEADER_STYLE: CellStyle = { bold: true, fill: "#D9E1F2", fontColor: "#1F1F1F" };

export interface TableColumn {
  header: string;
  /** Excel number format of the column's body cells; omitted for General. */
  numberFormat?: string;
  /** Width in points, as Excel's Range.format.columnWidth. */
  width: number;
}

export function tableSheet(
  sheet: string,
  table: string,
  columns: readonly TableColumn[],
  rows: readonly PreviewCell[][],
): { sheet: SheetSnapshot; table: TableSnapshot } {
  for (const row of rows) {
    if (row.length !== columns.length) throw new Error(`${table}: a row has ${row.length} cells`);
  }
  const formats = columns.map((column) => column.numberFormat ?? null);
  return {
    sheet: {
      name: sheet,
      cells: [columns.map((column) => column.header), ...rows.map((row) => [...row])],
      numberFormats: [columns.map(() => null), ...rows.map(() => [...formats])],
      columnWidths: columns.map((column) => column.width),
      styles: Object.fromEntries(columns.map((_, index) => [cellAddress(0, index), { ...HEADER_STYLE }])),
    },
    table: {
      name: table,
      sheet,
      address: rangeAddress({ top: 0, left: 0, bottom: rows.length, right: columns.length - 1 }),
    },
  };
}
