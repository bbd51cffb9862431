/**
 * The active sheet's calculated values as a spreadsheet grid: column letters, row numbers, cells
 * formatted by their number format. Clicking a cell (shift-click: a range) or moving with the
 * arrow keys selects it in the workbook, which is what the pane's Excel calls then read.
 */
import { useRef, type CSSProperties, type KeyboardEvent, type MouseEvent } from "react";
import type { CellStyle, PreviewCell } from "../host/workbook";
import { cellAddress, columnLetters, type CellRange } from "../a1";
import { formatCell, isErrorText } from "./format";

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
        >
          <thead>
            <tr>
              <th className="preview-corner" />
              {columns.map((column) => (
                <th key={column} scope="col" style={{ minWidth: columnWidth(column) * PX_PER_POINT }}>
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
                  const error = isErrorText(value);
                  const classes = [
                    typeof value === "number" ? "preview-number" : "",
                    error || typeof value === "boolean" ? "preview-centred" : "",
                    error ? "preview-error" : "",
                    contains(selection, row, column) ? "preview-selected" : "",
                    selection?.top === row && selection.left === column ? "preview-active" : "",
                  ];
                  return (
                    <td
                      key={column}
                      data-cell={cellAddress(row, column)}
                      className={classes.filter(Boolean).join(" ") || undefined}
                      style={inlineStyle(cellStyle(row, column))}
                      title={error ? (errorMessage(row, column) ?? value) : undefined}
                      onClick={(event) => onCellClick(event, row, column)}
                    >
                      {typeof value === "number"
                        ? formatCell(value, numberFormat(row, column))
                        : formatCell(value)}
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
