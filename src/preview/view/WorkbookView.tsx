/**
 * The preview's stand-in for Excel's window: what the page is, the active sheet's cells and
 * charts, a formula bar for the selected cell, and the sheet tabs. Re-renders whenever the
 * workbook changes (the pane's writes, recalculation, selection).
 */
import { useEffect, useRef, useState } from "react";
import type { PreviewCell, PreviewWorkbook } from "../host/workbook";
import { cellAddress, parseRange, rangeAddress, type CellRange } from "../a1";
import { Chart } from "./Chart";
import { formatCell } from "../format";
import { Grid } from "./Grid";
import { SheetTabs } from "./SheetTabs";

export interface WorkbookViewProps {
  workbook: PreviewWorkbook;
  /** Throws the stored workbook away and starts again from the sample. */
  onReset: () => void;
}

export function WorkbookView({ workbook, onReset }: WorkbookViewProps) {
  const [, setVersion] = useState(0);
  const rerender = () => setVersion((version) => version + 1);
  useEffect(() => workbook.subscribe(() => setVersion((version) => version + 1)), [workbook]);
  /** Each sheet's last selection, restored when its tab is picked again, as Excel does. */
  const selections = useRef(new Map<string, string>());

  const sheet = workbook.activeSheet();
  const values = workbook.values(sheet);
  const charts = workbook.charts(sheet);
  const current = workbook.selection();
  const selection = current.sheet === sheet ? parseRange(current.address) : undefined;

  const select = (range: CellRange) => {
    const address = rangeAddress(range);
    selections.current.set(sheet, address);
    workbook.select(sheet, address);
    rerender(); // in case the workbook does not notify for a selection
  };
  const activate = (name: string) => {
    workbook.select(name, selections.current.get(name) ?? "A1");
    rerender();
  };

  return (
    <div className="preview-workbook">
      <header className="preview-header">
        <p>
          <strong>Preview:</strong> the Service cost modeller add-in running without Excel, on a sample
          workbook kept in this browser. Click a cell to select it for the task pane. Formulas calculated by
          HyperFormula (GPL-3.0), used by this preview only.
        </p>
        <button type="button" data-testid="reset-workbook" onClick={onReset}>
          Reset sample workbook
        </button>
      </header>
      <FormulaBar workbook={workbook} sheet={sheet} values={values} selection={selection} />
      <div className="preview-sheet">
        <Grid
          values={values}
          numberFormat={(row, column) => workbook.numberFormat(sheet, row, column)}
          errorMessage={(row, column) => workbook.errorMessage(sheet, row, column)}
          cellStyle={(row, column) => workbook.cellStyle(sheet, row, column)}
          columnWidth={(column) => workbook.columnWidth(sheet, column)}
          selection={selection}
          onSelect={select}
        />
        {charts.length > 0 ? (
          <div className="preview-charts">
            {charts.map((chart) => (
              <Chart key={chart.name} chart={chart} workbook={workbook} />
            ))}
          </div>
        ) : null}
      </div>
      <SheetTabs sheets={workbook.sheetNames()} active={sheet} onActivate={activate} />
    </div>
  );
}

interface FormulaBarProps {
  workbook: PreviewWorkbook;
  sheet: string;
  values: PreviewCell[][];
  selection: CellRange | undefined;
}

/** The selected cell's address and its formula, or its value as the grid shows it. */
function FormulaBar({ workbook, sheet, values, selection }: FormulaBarProps) {
  if (!selection) return <div className="preview-formula-bar" data-testid="formula-bar" />;
  const { top: row, left: column } = selection;
  const formula = workbook.formulas(sheet)[row]?.[column] ?? null;
  const content =
    typeof formula === "string" && formula.startsWith("=")
      ? formula
      : formatCell(values[row]?.[column] ?? null, workbook.numberFormat(sheet, row, column));
  return (
    <div className="preview-formula-bar" data-testid="formula-bar">
      <span className="preview-name-box">{cellAddress(row, column)}</span>
      <span className="preview-formula">{content}</span>
    </div>
  );
}
