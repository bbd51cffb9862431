/**
 * The HyperFormula instance behind one workbook. Writes are applied with evaluation suspended, so
 * a batch of writes recalculates once, when something is next read (settle()).
 */
import { type CellValue, CellType, DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import { type Box, MAX_COLUMNS, MAX_ROWS, quoteSheetName } from "./addresses";
import { renameSheetReferences } from "./formula-text";
import { type FunctionImplementation, FunctionHost, NAMESPACE, registerFunctions } from "./functions-plugin";

/** Re-entering settles a chain of spills one link per pass at worst; this bounds a shape that never settles. */
const MAX_REENTRY_PASSES = 25;

const CONFIG = {
  licenseKey: "gpl-v3",
  useArrayArithmetic: true, // Table[Col]*60 inside an argument is an array, as in Excel
  evaluateNullToZero: true, // =A1 on a blank cell is 0, as in Excel
  leapYear1900: true, // Excel's serial numbers count 29 February 1900
  precisionRounding: 14, // HyperFormula's default: 15 would show stored constants such as 33.02 as 33.02000000000001
  dateFormats: [] as string[], // dates are serial numbers; text stays text
  timeFormats: [] as string[],
  maxRows: 1_048_576,
  maxColumns: 16_384,
  undoLimit: 0,
};

const SVC_CALL = new RegExp(`\\b${NAMESPACE}\\.`, "i");

export type CalculatedValue = number | string | boolean | null | DetailedCellError;

export class Calculation {
  private readonly hf: HyperFormula;
  private readonly host: FunctionHost;
  private suspended = false;
  /** The formula text given to HyperFormula, by sheet id and "row:col", to enter it again. */
  private readonly entered = new Map<number, Map<string, string>>();

  constructor(functions: ReadonlyMap<string, FunctionImplementation>) {
    registerFunctions(functions.keys());
    this.host = new FunctionHost(functions);
    this.hf = HyperFormula.buildEmpty({ ...CONFIG, context: this.host });
  }

  addSheet(name: string): number {
    this.suspend();
    const id = this.hf.getSheetId(this.hf.addSheet(name));
    if (id === undefined) throw new Error(`HyperFormula did not add the sheet "${name}".`);
    this.entered.set(id, new Map());
    return id;
  }

  renameSheet(id: number, from: string, to: string): void {
    this.suspend();
    this.hf.renameSheet(id, to);
    for (const formulas of this.entered.values()) {
      for (const [key, text] of formulas)
        formulas.set(key, renameSheetReferences(text, from, to, quoteSheetName));
    }
  }

  removeSheet(id: number): void {
    this.suspend();
    this.hf.removeSheet(id);
    this.entered.delete(id);
  }

  /** A constant, or formula text HyperFormula can parse (already translated). */
  set(sheet: number, row: number, col: number, content: RawCellContent): void {
    this.suspend();
    this.host.deferSizing = true;
    const formulas = this.entered.get(sheet);
    const key = `${row}:${col}`;
    if (typeof content === "string" && content.startsWith("=")) formulas?.set(key, content);
    else formulas?.delete(key);
    this.hf.setCellContents({ sheet, row, col }, content);
  }

  /** The text last given for a formula cell, or undefined for a constant or blank. */
  enteredFormula(sheet: number, row: number, col: number): string | undefined {
    return this.entered.get(sheet)?.get(`${row}:${col}`);
  }

  /** Calls every custom function again, as Excel's full recalculation does. */
  recalculate(): void {
    this.host.forgetResults();
    this.suspend();
    this.host.deferSizing = true;
    for (const [sheet, formulas] of this.entered) {
      for (const [key, text] of formulas) {
        const [row, col] = key.split(":").map(Number);
        if (SVC_CALL.test(text)) this.hf.setCellContents({ sheet, row, col }, text);
      }
    }
    this.settle();
  }

  /**
   * Evaluates what the writes so far changed, then enters again, one at a time and in the order
   * they were evaluated, formulas whose spill changed size: entering one recalculates what
   * depends on it, so a chain of spills settles in order.
   */
  settle(): void {
    if (this.suspended) {
      this.hf.resumeEvaluation();
      this.suspended = false;
    }
    this.host.deferSizing = false;
    for (let pass = 0; pass < MAX_REENTRY_PASSES; pass++) {
      const stale = this.host.takeStale();
      if (stale.length === 0) return;
      for (const address of stale) {
        const text = this.enteredFormula(address.sheet, address.row, address.col);
        if (text === undefined) continue;
        this.host.unmarkStale(address); // marked again only if entering it does not settle it
        this.hf.setCellContents(address, text);
      }
    }
  }

  values(sheet: number, box: Box): CalculatedValue[][] {
    this.settle();
    return this.hf.getRangeValues({
      start: { sheet, row: box.top, col: box.left },
      end: { sheet, row: box.bottom, col: box.right },
    }) as CalculatedValue[][];
  }

  value(sheet: number, row: number, col: number): CalculatedValue {
    this.settle();
    return this.hf.getCellValue({ sheet, row, col }) as CellValue as CalculatedValue;
  }

  /**
   * The size of the array an array formula at (row, col) fills, from its cell on; undefined when the
   * cell holds no array formula. The array's other cells are the ARRAY cells next to it.
   */
  arraySize(sheet: number, row: number, col: number): { height: number; width: number } | undefined {
    this.settle();
    const type = (r: number, c: number) => this.hf.getCellType({ sheet, row: r, col: c });
    if (type(row, col) !== CellType.ARRAYFORMULA) return undefined;
    let width = 1;
    while (col + width < MAX_COLUMNS && type(row, col + width) === CellType.ARRAY) width++;
    let height = 1;
    while (row + height < MAX_ROWS && type(row + height, col) === CellType.ARRAY) height++;
    return { height, width };
  }

  /** The extent of the sheet's contents, spilled results included. */
  dimensions(sheet: number): { height: number; width: number } {
    this.settle();
    return this.hf.getSheetDimensions(sheet);
  }

  private suspend(): void {
    if (this.suspended) return;
    this.hf.suspendEvaluation();
    this.suspended = true;
  }
}
