/**
 * What every custom-function call must produce: a rectangular array of finite numbers, text,
 * booleans or CustomFunctions.Error values, or a thrown CustomFunctions.Error. Never NaN, Infinity,
 * undefined, another exception, or one of the adapter's internal-failure messages.
 */
const INTERNAL_FAILURE = /failed unexpectedly|did not produce a finite result|出现意外错误|不是有限数值/;

export function excelErrorProblem(error: unknown): string | undefined {
  if (!(error instanceof CustomFunctions.Error)) return `threw a non-Excel error: ${String(error)}`;
  if (error.message !== undefined && INTERNAL_FAILURE.test(error.message))
    return `internal failure: ${error.message}`;
  if (error.message !== undefined && error.message.trim() === "") return "error with an empty message";
  return undefined;
}

function cellProblem(cell: unknown): string | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? undefined : `non-finite number ${cell}`;
  if (typeof cell === "string" || typeof cell === "boolean") return undefined;
  if (cell instanceof CustomFunctions.Error) return excelErrorProblem(cell);
  return `cell of unexpected type: ${String(cell)}`;
}

/** Undefined when the outcome is acceptable, else what is wrong with it. */
export function resultProblem(outcome: {
  value?: unknown;
  error?: unknown;
  threw: boolean;
}): string | undefined {
  if (outcome.threw) return excelErrorProblem(outcome.error);
  const value = outcome.value;
  if (!Array.isArray(value) || value.length === 0 || !value.every(Array.isArray)) return "not a 2-D array";
  const width = (value[0] as unknown[]).length;
  if (width === 0 || value.some((row) => (row as unknown[]).length !== width)) return "ragged or empty rows";
  for (const row of value as unknown[][]) {
    for (const cell of row) {
      const problem = cellProblem(cell);
      if (problem) return problem;
    }
  }
  return undefined;
}

export function callSafely(call: (...args: unknown[]) => unknown, args: unknown[]) {
  try {
    return { value: call(...args), threw: false };
  } catch (error) {
    return { error, threw: true };
  }
}

/** The CustomFunctions.Error that `fn` throws; fails the test when it throws nothing or something else. */
export function thrownExcelError(fn: () => unknown): CustomFunctions.Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof CustomFunctions.Error) return error;
    throw error;
  }
  throw new Error("expected a CustomFunctions.Error to be thrown");
}
