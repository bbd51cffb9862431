/**
 * The thin layer between Excel and the engine: runs an engine computation, turns EngineErrors into
 * CustomFunctions.Error values (per cell in a spill, or for the whole call), and makes sure no NaN
 * or Infinity reaches a cell.
 */
import {
  type ElementwiseArg,
  EngineError,
  type ErrorKind,
  type Grid,
  mapNumbers,
  type Outcome,
} from "../engine/core";
import { localeFor } from "../i18n/locale";

export type ExcelResult = (number | string | CustomFunctions.Error)[][];

const ERROR_CODES: Record<ErrorKind, CustomFunctions.ErrorCode> = {
  value: "#VALUE!" as CustomFunctions.ErrorCode.invalidValue,
  num: "#NUM!" as CustomFunctions.ErrorCode.invalidNumber,
  na: "#N/A" as CustomFunctions.ErrorCode.notAvailable,
  div0: "#DIV/0!" as CustomFunctions.ErrorCode.divisionByZero,
};

/** Excel shows a custom message only with #VALUE! and #N/A; other codes must come without one. */
const KINDS_WITH_MESSAGE: ReadonlySet<ErrorKind> = new Set(["value", "na"]);

/** The language Office displays in, as one of the shipped locales. */
export function displayLocale() {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  return localeFor(office?.context?.displayLanguage);
}

export function toExcelError(error: EngineError): CustomFunctions.Error {
  const code = ERROR_CODES[error.kind];
  return KINDS_WITH_MESSAGE.has(error.kind)
    ? new CustomFunctions.Error(code, error.messageIn(displayLocale()))
    : new CustomFunctions.Error(code);
}

function toCell(
  functionId: string,
  value: Outcome<number | string>,
): number | string | CustomFunctions.Error {
  if (value instanceof EngineError) return toExcelError(value);
  // Past Excel's largest number Excel itself shows #NUM!; NaN would be a bug, reported as such.
  if (typeof value === "number" && !Number.isFinite(value)) {
    const overflow = !Number.isNaN(value);
    return toExcelError(
      overflow
        ? new EngineError("num", "overflow", { arg: functionId })
        : new EngineError("value", "notFinite", { arg: functionId }),
    );
  }
  return value;
}

/**
 * Runs one call of a custom function. Cell-level problems stay in their cells; a problem with the
 * call as a whole (shapes that do not broadcast) is thrown as one error, as Excel does.
 */
export function runSpill(functionId: string, compute: () => Grid<Outcome<number | string>>): ExcelResult {
  try {
    return compute().map((row) => row.map((value) => toCell(functionId, value)));
  } catch (error) {
    if (error instanceof EngineError) throw toExcelError(error);
    const detail = error instanceof Error ? error.message : String(error);
    throw toExcelError(new EngineError("value", "unexpected", { arg: functionId, actual: detail }));
  }
}

/** Runs a cell-by-cell function over its broadcast arguments (see mapNumbers) as one spill. */
export function runElementwise(
  functionId: string,
  args: ElementwiseArg[],
  compute: (...values: number[]) => number | string,
): ExcelResult {
  return runSpill(functionId, () => mapNumbers(args, compute));
}
