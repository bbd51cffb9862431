/**
 * The bridge that lets HyperFormula call the add-in's custom functions as SVC.<ID>, passing
 * arguments and taking results the way Excel does for any[][] parameters.
 *
 * Spills: HyperFormula fixes an array formula's size when the formula is entered, by asking the
 * function's size method, and never asks again when the inputs change. So when an evaluation comes
 * out a different shape than the size reserved, the formula is reported "stale" and the workbook
 * enters it again once the recalculation is over; the size method then runs the function on the
 * now computed inputs (the result is cached for the evaluation that follows) and HyperFormula
 * reserves the real size. Until then the result is cut or padded to the reserved size, which is
 * what HyperFormula can hold.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionPlugin,
  HyperFormula,
  type ImplementedFunctions,
  type SimpleCellAddress,
  SimpleRangeValue,
} from "hyperformula";

export type FunctionImplementation = (...args: unknown[]) => unknown;

/** What evaluation produces, in the forms this bridge creates (HyperFormula's own types are internal). */
type Scalar = number | string | boolean | CellError | typeof EmptyValue;
type Value = Scalar | SimpleRangeValue;

export const NAMESPACE = "SVC";

/** An Excel error value as custom functions see and return it (CustomFunctions.Error or alike). */
interface ErrorValue {
  code: string;
  message?: string;
}

const TYPE_BY_CODE: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
  "#SPILL!": ErrorType.SPILL, // only ever handed in and passed back
  "#NULL!": ErrorType.ERROR, // HyperFormula has no #NULL!; it shows as #ERROR!
};

const CODE_BY_TYPE: Partial<Record<ErrorType, string>> = {
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.REF]: "#REF!",
  [ErrorType.SPILL]: "#SPILL!",
};

/** Excel lets only these codes carry a message (CustomFunctions.Error refuses one elsewhere). */
const CODES_WITH_MESSAGE = new Set(["#VALUE!", "#N/A"]);

function isErrorValue(value: unknown): value is ErrorValue {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ErrorValue).code === "string" &&
    (value as ErrorValue).code in TYPE_BY_CODE
  );
}

function toCellError(error: ErrorValue): CellError {
  const message = error.message && error.message !== error.code ? error.message : undefined;
  return new CellError(TYPE_BY_CODE[error.code], message);
}

/** An error cell inside a range argument, as Excel hands it over: a CustomFunctions.Error. */
function inputError(error: CellError): ErrorValue {
  const code = CODE_BY_TYPE[error.type] ?? "#VALUE!";
  const message = CODES_WITH_MESSAGE.has(code) && error.message ? error.message : undefined;
  const runtime = (
    globalThis as { CustomFunctions?: { Error?: new (code: string, message?: string) => unknown } }
  ).CustomFunctions;
  try {
    const made = runtime?.Error ? new runtime.Error(code, message) : undefined;
    if (isErrorValue(made)) return made;
  } catch {
    // a code CustomFunctions.ErrorCode lacks, such as #SPILL!: handed over as plain data
  }
  return { code, message };
}

function toArgumentCell(value: unknown): unknown {
  if (value === EmptyValue) return null;
  if (value instanceof CellError) return inputError(value);
  if (typeof value === "object") return (value as unknown as { val: number }).val; // a date or percent number
  return value;
}

function toResultCell(value: unknown): Scalar {
  if (value === null || value === undefined) return EmptyValue;
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? value
      : new CellError(ErrorType.NUM, "The result is not a finite number.");
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (isErrorValue(value)) return toCellError(value);
  return new CellError(ErrorType.VALUE, `The function returned ${Object.prototype.toString.call(value)}.`);
}

/** What an implementation gave: a value, or what it threw. */
type Outcome = { value: unknown } | { thrown: unknown };

function toValue(outcome: Outcome): Value {
  if ("thrown" in outcome) {
    const error = outcome.thrown;
    if (isErrorValue(error)) return toCellError(error);
    return new CellError(ErrorType.VALUE, error instanceof Error ? error.message : String(error));
  }
  const value = outcome.value;
  if (typeof (value as { then?: unknown } | null)?.then === "function") {
    return new CellError(ErrorType.VALUE, "Asynchronous custom functions are not supported by the preview.");
  }
  if (!Array.isArray(value)) return toResultCell(value);
  const width = Array.isArray(value[0]) ? value[0].length : 0;
  if (width === 0 || value.some((row) => !Array.isArray(row) || row.length !== width)) {
    return new CellError(ErrorType.VALUE, "The function returned an array that is not a rectangle.");
  }
  const rows = (value as unknown[][]).map((row) => row.map(toResultCell));
  return rows.length === 1 && width === 1 ? rows[0][0] : SimpleRangeValue.onlyValues(rows);
}

function shapeOf(value: unknown): { height: number; width: number } {
  return value instanceof SimpleRangeValue
    ? { height: value.height(), width: value.width() }
    : { height: 1, width: 1 };
}

/** The result cut or padded to the size HyperFormula reserved for it. */
function fitTo(value: Value, size: { height: number; width: number }): Value {
  if (!(value instanceof SimpleRangeValue)) return value;
  const data = value.data as Scalar[][];
  if (size.height === 1 && size.width === 1) return data[0][0];
  const rows = Array.from({ length: size.height }, (_, r) =>
    Array.from({ length: size.width }, (_, c) => data[r]?.[c] ?? EmptyValue),
  );
  return SimpleRangeValue.onlyValues(rows);
}

const addressKey = (address: SimpleCellAddress) => `${address.sheet}:${address.row}:${address.col}`;
const RESULTS_KEPT_PER_CELL = 4;

/**
 * One workbook's side of the bridge (HyperFormula's `context`): its implementations, the results
 * computed while predicting sizes, the predicted sizes and the formulas to enter again.
 */
export class FunctionHost {
  private readonly results = new Map<string, Map<string, Outcome>>();
  /** Sizes predicted by call node, since one formula may hold several calls. */
  private readonly predictions = new Map<string, WeakMap<object, { height: number; width: number }>>();
  private readonly stale = new Map<string, SimpleCellAddress>();
  /**
   * While a batch of writes is entered, inputs written in the same batch are not computed yet and
   * read as blanks: sizes are then guessed (one cell) instead of calling functions on blanks.
   */
  deferSizing = false;

  constructor(private readonly functions: ReadonlyMap<string, FunctionImplementation>) {}

  implementation(id: string): FunctionImplementation | undefined {
    const direct = this.functions.get(id);
    if (direct) return direct;
    for (const [key, fn] of this.functions) if (key.toUpperCase() === id) return fn;
    return undefined;
  }

  /** Runs the implementation, or reuses what it gave for the same arguments in the same cell. */
  outcome(address: SimpleCellAddress, key: string, run: () => unknown): Outcome {
    const cell = addressKey(address);
    const cached = this.results.get(cell)?.get(key);
    if (cached) return cached;
    let outcome: Outcome;
    try {
      outcome = { value: run() };
    } catch (thrown) {
      outcome = { thrown };
    }
    const kept = this.results.get(cell) ?? new Map<string, Outcome>();
    kept.set(key, outcome);
    if (kept.size > RESULTS_KEPT_PER_CELL) kept.delete(kept.keys().next().value as string);
    this.results.set(cell, kept);
    return outcome;
  }

  predict(address: SimpleCellAddress, ast: object, size: { height: number; width: number }): void {
    const cell = addressKey(address);
    const sizes = this.predictions.get(cell) ?? new WeakMap();
    sizes.set(ast, size);
    this.predictions.set(cell, sizes);
  }

  prediction(address: SimpleCellAddress, ast: object): { height: number; width: number } | undefined {
    return this.predictions.get(addressKey(address))?.get(ast);
  }

  markStale(address: SimpleCellAddress): void {
    this.stale.set(addressKey(address), { ...address });
  }

  unmarkStale(address: SimpleCellAddress): void {
    this.stale.delete(addressKey(address));
  }

  /** The formulas whose result no longer fits the size reserved for it; the list is emptied. */
  takeStale(): SimpleCellAddress[] {
    const addresses = [...this.stale.values()];
    this.stale.clear();
    return addresses;
  }

  /** Forgets cached results, so that the next evaluation calls every function again. */
  forgetResults(): void {
    this.results.clear();
  }
}

interface VertexView {
  formula?: object;
  width: number;
  height: number;
}

// HyperFormula does not export its AST and interpreter-state types; evaluateAst's signature has them.
type EvaluateParameters = Parameters<FunctionPlugin["evaluateAst"]>;
type AstNode = EvaluateParameters[0];
type EvaluationState = EvaluateParameters[1];
type ProcedureCall = Extract<AstNode, { procedureName: string }>;

/** The arguments as Excel passes them, or the first argument that is an error. */
type Arguments = { args: unknown[]; key: string } | CellError;

class CustomFunctionsPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {};

  call(ast: ProcedureCall, state: EvaluationState): Value {
    const host = this.host();
    if (!host) return new CellError(ErrorType.NAME, `${ast.procedureName} is not available here.`);
    const value = this.run(host, ast, state);
    const vertex = state.formulaVertex as unknown as VertexView | undefined;
    const reserved =
      host.prediction(state.formulaAddress, ast) ??
      (vertex && vertex.formula === ast ? { height: vertex.height, width: vertex.width } : undefined);
    if (!reserved) return value; // nested in a formula whose size does not depend on this call
    const shape = shapeOf(value);
    if (shape.height !== reserved.height || shape.width !== reserved.width) {
      host.markStale(state.formulaAddress);
    }
    return fitTo(value, reserved);
  }

  size(ast: ProcedureCall, state: EvaluationState): ArraySize {
    const host = this.host();
    let shape = { height: 1, width: 1 };
    if (host && !host.deferSizing) {
      try {
        shape = shapeOf(this.run(host, ast, state));
      } catch {
        // An input is not computed yet (a workbook being loaded): guess one cell. The evaluation
        // then finds the real shape and the formula is entered again.
      }
    }
    host?.predict(state.formulaAddress, ast, shape);
    return shape.height === 1 && shape.width === 1
      ? ArraySize.scalar()
      : new ArraySize(shape.width, shape.height);
  }

  private host(): FunctionHost | undefined {
    const context = this.config.context;
    return context instanceof FunctionHost ? context : undefined;
  }

  private run(host: FunctionHost, call: ProcedureCall, state: EvaluationState): Value {
    const id = call.procedureName.toUpperCase().slice(NAMESPACE.length + 1);
    const implementation = host.implementation(id);
    if (!implementation) return new CellError(ErrorType.NAME, `${call.procedureName} is not registered.`);
    const evaluated = this.argumentsOf(call, state);
    if (evaluated instanceof CellError) return evaluated; // Excel does not call a function on an error
    const outcome = host.outcome(state.formulaAddress, `${id}\u0001${evaluated.key}`, () =>
      implementation(...evaluated.args),
    );
    return toValue(outcome);
  }

  /** Every argument as a 2-D array; an omitted one as undefined. */
  private argumentsOf(call: ProcedureCall, state: EvaluationState): Arguments {
    const args: unknown[] = [];
    for (const argument of call.args) {
      if ((argument.type as string) === "EMPTY") {
        args.push(undefined);
        continue;
      }
      const value = this.evaluateAst(argument, state);
      if (value instanceof CellError) return value;
      args.push(
        value instanceof SimpleRangeValue
          ? value.data.map((row) => row.map(toArgumentCell))
          : [[toArgumentCell(value)]],
      );
    }
    const key = JSON.stringify(args.map((arg) => (arg === undefined ? "\u0000omitted" : arg)));
    return { args, key };
  }
}

/**
 * Makes SVC.<id> known to HyperFormula instances created from now on. Registration is global in
 * HyperFormula; each instance finds its own implementations through its FunctionHost.
 */
export function registerFunctions(ids: Iterable<string>): void {
  for (const id of ids) {
    const name = `${NAMESPACE}.${id.toUpperCase()}`;
    if (name in CustomFunctionsPlugin.implementedFunctions) continue;
    CustomFunctionsPlugin.implementedFunctions[name] = {
      method: "call",
      sizeOfResultArrayMethod: "size",
      vectorizationForbidden: true,
    };
    HyperFormula.registerFunction(name, CustomFunctionsPlugin, { enGB: { [name]: name } });
  }
}
