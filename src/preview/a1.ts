/** A1 helpers for the preview's view and samples, on top of the host's address parser. */
import { AddressError, columnLetters, formatA1, parseA1, type Box } from "./host/addresses";

export type CellRange = Box;
export { columnLetters };

export function cellAddress(row: number, column: number): string {
  return formatA1({ top: row, left: column, bottom: row, right: column });
}

export function rangeAddress(range: CellRange): string {
  return formatA1(range);
}

/** An address ("B4", "'Cost ledger'!A4:B9") as its sheet (when named) and range; undefined when it is none. */
export function parseReference(reference: string): { sheet?: string; range: CellRange } | undefined {
  try {
    const { sheet, box } = parseA1(reference);
    return { sheet, range: box };
  } catch (error) {
    if (error instanceof AddressError) return undefined;
    throw error;
  }
}

/** "B4" or "A4:B9" (a sheet prefix allowed) as a range; undefined when it is neither. */
export function parseRange(address: string): CellRange | undefined {
  return parseReference(address)?.range;
}
