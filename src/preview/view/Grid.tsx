/**
 * The active sheet's calculated values as a spreadsheet grid: column letters, row numbers, cells
 * formatted by their number format. Clicking a cell (shift-click: a range) or moving with the
 * arrow keys selects it in the workbook, which is what the pane's Excel calls then read.
 *
 * Laid out as Excel does: each column is as wide as the workbook says (a fixed table layout, so
 * no content widens it); left-aligned text longer than its cell runs over the empty cells to its
 * right and is clipped at the first filled one; numbers never run over: one in General format
 * is rounded to fit, one in another format too wide for its cell shows as "###".
 */
import { useLayoutEffect, useRef, type CSSProperties, type KeyboardEvent, type MouseEvent } from "react";
import type { CellStyle, PreviewCell } from "../host/workbook";
import { cellAddress, columnLetters, type CellRange } from "../a1";
import { formatCell, isErrorText } from "../format";

/** Rows drawn at most; a sheet longer than this gets a note instead. */
export const MAX_GRID_ROWS = 300;
/** Empty cells drawn past the data so there is room to pick an output cell. */
const SPARE_ROWS = 5;
const SPARE_COLUMNS = 3;
const MIN_ROWS = 20;
const MIN_COLUMNS = 8;

export interface GridProps {
  values: PreviewCell[][];
  numberFormat: (row: number, column: number) => string;
  errorMessage: (row: number, column: number) => string | undefined;
  /** Fonts and fills the pane set. */
  cellStyle: (row: number, column: number) => CellStyle;
  /** In points, as Excel's format.columnWidth. */
  columnWidth: (column: number) => number;
  selection: CellRange | undefined;
  onSelect: (range: CellRange) => void;
}

const single = (row: number, column: number): CellRange => ({
  top: row,
  left: column,
  bottom: row,
  right: column,
});

const contains = (range: CellRange | undefined, row: number, column: number) =>
  range !== undefined &&
  row >= range.top &&
  row <= range.bottom &&
  column >= range.left &&
  column <= range.right;

/** Excel's points to CSS pixels. */
const PX_PER_POINT = 4 / 3;
/**
 * A column's width in characters as Excel counts them (digits of Calibri 11, 7 px, plus 5 px of
 * padding: 64 px is 8.43 characters), which is how many a General number may take.
 */
const characters = (widthPx: number) => (widthPx - 5) / 7;
/** A cell's horizontal padding and its share of the grid lines, in pixels (see preview.html). */
const CELL_FRAME_PX = 7;

/** The row-number column: wide enough for the last row's number. */
const rowHeaderWidth = (rowCount: number) => Math.max(32, String(rowCount).length * 9 + 14);

const isEmpty = (value: PreviewCell | undefined) => value === null || value === undefined;

/**
 * How far a cell's text may run, in pixels, when it is longer than its cell: over the empty cells
 * to its right up to the first filled one (or the last column drawn), as in Excel. Undefined for
 * what never runs over: numbers, booleans, errors, empty cells and text aligned other than left.
 */
export function overflowWidth(
  row: PreviewCell[] | undefined,
  column: number,
  columnCount: number,
  widthPx: (column: number) => number,
  alignment: string | undefined,
): number | undefined {
  const value = row?.[column];
  if (typeof value !== "string" || value === "" || isErrorText(value)) return undefined;
  if (alignment && !/^(general|left)$/i.test(alignment)) return undefined;
  let last = column;
  while (last + 1 < columnCount && isEmpty(row?.[last + 1])) last++;
  if (last === column) return undefined;
  let width = 0;
  for (let c = column; c <= last; c++) width += widthPx(c);
  return width - CELL_FRAME_PX;
}

function inlineStyle(style: CellStyle): CSSProperties | undefined {
  const css: CSSProperties = {
    fontWeight: style.bold ? 600 : undefined,
    fontStyle: style.italic ? "italic" : undefined,
    color: style.fontColor,
    backgroundColor: style.fill,
    textAlign: /^(left|center|right)$/i.test(style.horizontalAlignment ?? "")
      ? (style.horizontalAlignment!.toLowerCase() as CSSProperties["textAlign"])
      : undefined,
  };
  return Object.values(css).some((value) => value !== undefined) ? css : undefined;
}

export function Grid({
  values,
  numberFormat,
  errorMessage,
  cellStyle,
  columnWidth,
  selection,
  onSelect,
}: GridProps) {
  const table = useRef<HTMLTableElement>(null);
  const usedColumns = values.reduce((widest, row) => Math.max(widest, row.length), 0);
  const truncated = values.length > MAX_GRID_ROWS;
  const rowCount = truncated ? MAX_GRID_ROWS : Math.max(MIN_ROWS, values.length + SPARE_ROWS);
  const columnCount = Math.max(MIN_COLUMNS, usedColumns + SPARE_COLUMNS);
  const rows = Array.from({ length: rowCount }, (_, row) => row);
  const columns = Array.from({ length: columnCount }, (_, column) => column);
  const widthPx = (column: number) => Math.round(columnWidth(column) * PX_PER_POINT);
  const rowHeaderPx = rowHeaderWidth(rowCount);
  const tableWidth = columns.reduce((sum, column) => sum + widthPx(column), rowHeaderPx);

  // After every render, before the browser paints: a number wider than its cell is marked to show
  // as "###" (preview.html). Its text stays in the cell, hidden and out of the flow, so it is
  // measured the same way whether shown or not; all cells are measured before any is marked.
  useLayoutEffect(() => {
    const grid = table.current;
    if (!grid) return;
    // React reuses a row's cells: one that held a hashed number may hold text now.
    for (const cell of grid.querySelectorAll("td[data-hashed]:not(.preview-number)")) {
      cell.removeAttribute("data-hashed");
    }
    const cells = [...grid.querySelectorAll<HTMLElement>("td.preview-number")];
    if (cells.length === 0) return;
    const style = getComputedStyle(cells[0]);
    const padding = (parseFloat(style.paddingLeft) || 0) + (parseFloat(style.paddingRight) || 0);
    const tooWide = cells.map((cell) => {
      const text = cell.querySelector<HTMLElement>(".preview-text");
      return text !== null && text.offsetWidth > cell.clientWidth - padding;
    });
    cells.forEach((cell, index) => cell.toggleAttribute("data-hashed", tooWide[index]));
  });

  const onCellClick = (event: MouseEvent, row: number, column: number) => {
    if (event.shiftKey && selection) {
      onSelect({
        top: Math.min(selection.top, row),
        left: Math.min(selection.left, column),
        bottom: Math.max(selection.top, row),
        right: Math.max(selection.left, column),
      });
    } else {
      onSelect(single(row, column));
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const row = Math.min(rowCount - 1, Math.max(0, (selection?.top ?? 0) + move[0]));
    const column = Math.min(columnCount - 1, Math.max(0, (selection?.left ?? 0) + move[1]));
    onSelect(single(row, column));
    table.current
      ?.querySelector(`[data-cell="${cellAddress(row, column)}"]`)
      ?.scrollIntoView({ block: "nearest", inline: "nearest" });
  };

  return (
    <div className="preview-grid-area">
      <div className="preview-grid-scroll">
        <table
          ref={table}
          className="preview-grid"
          data-testid="grid"
          tabIndex={0}
          aria-label="Sheet cells; arrow keys move the selection"
          onKeyDown={onKeyDown}
          style={{ width: tableWidth }}
        >
          <colgroup>
            <col style={{ width: rowHeaderPx }} />
            {columns.map((column) => (
              <col key={column} style={{ width: widthPx(column) }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className="preview-corner" />
              {columns.map((column) => (
                <th key={column} scope="col">
                  {columnLetters(column)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row}>
                <th scope="row">{row + 1}</th>
                {columns.map((column) => {
                  const value = values[row]?.[column] ?? null;
                  const address = cellAddress(row, column);
                  const error = isErrorText(value);
                  const style = cellStyle(row, column);
                  const overflow = overflowWidth(
                    values[row],
                    column,
                    columnCount,
                    widthPx,
                    style.horizontalAlignment,
                  );
                  const classes = [
                    typeof value === "number" ? "preview-number" : "",
                    error || typeof value === "boolean" ? "preview-centred" : "",
                    error ? "preview-error" : "",
                    overflow !== undefined ? "preview-overflow" : "",
                    contains(selection, row, column) ? "preview-selected" : "",
                    selection?.top === row && selection.left === column ? "preview-active" : "",
                  ];
                  const text =
                    typeof value === "number"
                      ? formatCell(value, numberFormat(row, column), characters(widthPx(column)))
                      : formatCell(value);
                  return (
                    <td
                      key={column}
                      data-cell={address}
                      className={classes.filter(Boolean).join(" ") || undefined}
                      style={inlineStyle(style)}
                      title={error ? (errorMessage(row, column) ?? value) : undefined}
                      onClick={(event) => onCellClick(event, row, column)}
                    >
                      {text === "" ? null : (
                        <span
                          className="preview-text"
                          style={overflow === undefined ? undefined : { width: overflow }}
                        >
                          {text}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {truncated ? (
        <p className="preview-note" data-testid="grid-truncated">
          Showing the first {MAX_GRID_ROWS} of {values.length} rows; the rest are in the workbook and in every
          calculation.
        </p>
      ) : null}
    </div>
  );
}
