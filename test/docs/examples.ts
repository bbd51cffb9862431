/**
 * The executable examples on the help pages. An example block is a fenced code block whose info
 * string is `excel-example`, holding pairs of lines: a formula, then the result it must give.
 *
 *     ```excel-example
 *     =SVC.ERLANG_C(14, 10)
 *     0.174131933595
 *     =SVC.ERLANG_B({1;2}, 1)
 *     {0.5;0.2}
 *     ```
 *
 * Formulas call one SVC function with literal arguments written as in Excel: numbers, "text",
 * TRUE/FALSE, error values (#N/A) and array constants ({1,2;3,4}: commas between columns,
 * semicolons between rows); an empty argument is omitted. A result is one such value or an array
 * constant. Blank lines between pairs are allowed.
 */

/** An Excel error value written in an example (#N/A, #NUM!, ...). */
export class ErrorLiteral {
  constructor(readonly code: string) {}
}

export type Literal = number | string | boolean | ErrorLiteral;
/** A value as a grid: a scalar is 1 x 1, an array constant keeps its rows and columns. */
export type LiteralGrid = Literal[][];

export interface Example {
  /** The page, as passed to parseExamples. */
  file: string;
  /** 1-based line of the formula. */
  line: number;
  formula: string;
  functionId: string;
  /** One grid per argument; null where the argument is omitted. */
  args: (LiteralGrid | null)[];
  expected: LiteralGrid;
  /** The result line as written. */
  expectedText: string;
}

export interface ParsedExamples {
  examples: Example[];
  /** "page:line: what is wrong", one per line or block that could not be read. */
  problems: string[];
}

const ERROR_CODES = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#BUSY!",
];
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const FORMULA = /^=SVC\.([A-Z][A-Z0-9_.]*)\((.*)\)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})\s*(\S*)/;

/** Reads a piece of text character by character; every parse error says where it happened. */
class Cursor {
  private pos = 0;
  constructor(private readonly text: string) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }
  peek(): string {
    return this.text[this.pos] ?? "";
  }
  next(): string {
    return this.text[this.pos++] ?? "";
  }
  skipSpaces(): void {
    while (this.peek() === " " || this.peek() === "\t") this.pos++;
  }
  startsWith(prefix: string): boolean {
    return this.text.startsWith(prefix, this.pos);
  }
  advance(count: number): void {
    this.pos += count;
  }
  /** Characters up to (not including) the first of `stops`, or to the end. */
  until(stops: string): string {
    const start = this.pos;
    while (!this.done && !stops.includes(this.peek())) this.pos++;
    return this.text.slice(start, this.pos);
  }
  fail(message: string): never {
    throw new Error(`${message} at character ${this.pos + 1} of ${this.text}`);
  }
}

function readScalar(cursor: Cursor): Literal {
  cursor.skipSpaces();
  if (cursor.peek() === '"') {
    cursor.next();
    let text = "";
    for (;;) {
      if (cursor.done) cursor.fail("unterminated text");
      const ch = cursor.next();
      if (ch !== '"') text += ch;
      else if (cursor.peek() === '"') text += cursor.next();
      else return text;
    }
  }
  if (cursor.peek() === "#") {
    const code = ERROR_CODES.find((candidate) => cursor.startsWith(candidate));
    if (!code) cursor.fail("unknown error value");
    cursor.advance(code.length);
    return new ErrorLiteral(code);
  }
  const token = cursor.until(",;})").trim();
  if (NUMBER.test(token)) return Number(token);
  if (/^(TRUE|FALSE)$/i.test(token)) return token.toUpperCase() === "TRUE";
  return cursor.fail(token === "" ? "missing value" : `not a literal: ${token}`);
}

/** {1,2;3,4} -> [[1, 2], [3, 4]]; the cursor is on the opening brace. */
function readArray(cursor: Cursor): LiteralGrid {
  cursor.next();
  const rows: LiteralGrid = [[]];
  for (;;) {
    rows[rows.length - 1].push(readScalar(cursor));
    cursor.skipSpaces();
    const separator = cursor.next();
    if (separator === ",") continue;
    if (separator === ";") rows.push([]);
    else if (separator === "}") break;
    else cursor.fail(separator ? `unexpected ${separator} in an array constant` : "unterminated array");
  }
  if (rows.some((row) => row.length !== rows[0].length)) cursor.fail("rows of different lengths");
  return rows;
}

function readValue(cursor: Cursor): LiteralGrid {
  cursor.skipSpaces();
  return cursor.peek() === "{" ? readArray(cursor) : [[readScalar(cursor)]];
}

/** A result line: one value or an array constant. */
export function parseValue(text: string): LiteralGrid {
  const cursor = new Cursor(text.trim());
  const value = readValue(cursor);
  cursor.skipSpaces();
  if (!cursor.done) cursor.fail("unexpected text after the value");
  return value;
}

/** "=SVC.ID(arg, ...)" -> the function id and its arguments (null for an omitted one). */
export function parseFormula(text: string): { functionId: string; args: (LiteralGrid | null)[] } {
  const match = FORMULA.exec(text.trim());
  if (!match) throw new Error(`not a formula of the form =SVC.NAME(arguments): ${text.trim()}`);
  const [, functionId, inner] = match;
  const args: (LiteralGrid | null)[] = [];
  if (inner.trim() === "") return { functionId, args };
  const cursor = new Cursor(inner);
  for (;;) {
    cursor.skipSpaces();
    if (cursor.done || cursor.peek() === ",") args.push(null);
    else args.push(readValue(cursor));
    cursor.skipSpaces();
    if (cursor.done) break;
    if (cursor.next() !== ",") cursor.fail("expected a comma between arguments");
  }
  return { functionId, args };
}

/** Every formula/result pair in the page's excel-example blocks. */
export function parseExamples(markdown: string, file: string): ParsedExamples {
  const lines = markdown.split(/\r?\n/);
  const result: ParsedExamples = { examples: [], problems: [] };
  let fence: { marker: string; line: number; isExample: boolean } | undefined;
  let pending: { line: number; text: string } | undefined;
  lines.forEach((text, index) => {
    const line = index + 1;
    const opening = FENCE.exec(text);
    if (!fence) {
      if (opening) fence = { marker: opening[1], line, isExample: opening[2] === "excel-example" };
      return;
    }
    const closes =
      opening && opening[1][0] === fence.marker[0] && opening[1].length >= fence.marker.length && !opening[2];
    if (closes) {
      if (pending) result.problems.push(`${file}:${pending.line}: formula without a result line`);
      fence = undefined;
      pending = undefined;
      return;
    }
    if (!fence.isExample || text.trim() === "") return;
    if (!pending) {
      if (!text.trim().startsWith("=")) {
        result.problems.push(`${file}:${line}: expected a formula starting with =SVC., got ${text.trim()}`);
      } else {
        pending = { line, text: text.trim() };
      }
      return;
    }
    if (text.trim().startsWith("=")) {
      result.problems.push(`${file}:${pending.line}: formula without a result line`);
      pending = { line, text: text.trim() };
      return;
    }
    try {
      const { functionId, args } = parseFormula(pending.text);
      result.examples.push({
        file,
        line: pending.line,
        formula: pending.text,
        functionId,
        args,
        expected: parseValue(text),
        expectedText: text.trim(),
      });
    } catch (error) {
      result.problems.push(`${file}:${pending.line}: ${(error as Error).message}`);
    }
    pending = undefined;
  });
  if (fence?.isExample) result.problems.push(`${file}:${fence.line}: excel-example block is not closed`);
  return result;
}

/** Where an example is, for test names and failure messages. */
export function exampleName(example: Example): string {
  return `${example.file}:${example.line} ${example.formula}`;
}

/**
 * An argument as Excel hands it to an any[][] parameter: a scalar as [[x]], an array constant as
 * its rows, error values as CustomFunctions.Error, an omitted argument as null.
 */
export function toExcelArgument(arg: LiteralGrid | null): unknown[][] | null {
  if (arg === null) return null;
  return arg.map((row) =>
    row.map((cell) =>
      cell instanceof ErrorLiteral ? new CustomFunctions.Error(cell.code as CustomFunctions.ErrorCode) : cell,
    ),
  );
}

/** A number as the pages write it: at most 12 significant digits. */
export function formatNumber(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(12))).replace("e", "E") : String(x);
}

function errorCode(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#") ? code : undefined;
}

function formatCell(cell: unknown): string {
  if (typeof cell === "number") return formatNumber(cell);
  if (typeof cell === "string") return JSON.stringify(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (cell instanceof ErrorLiteral) return cell.code;
  return errorCode(cell) ?? String(cell);
}

/** A result in the notation of the pages: 0.5, #NUM! or {0.5;0.2}. */
export function formatResult(value: unknown): string {
  if (!Array.isArray(value) || !value.every(Array.isArray)) return formatCell(value);
  const grid = value as unknown[][];
  if (grid.length === 1 && grid[0].length === 1) return formatCell(grid[0][0]);
  return `{${grid.map((row) => row.map(formatCell).join(",")).join(";")}}`;
}

function cellMatches(actual: unknown, expected: Literal, tolerance: number): boolean {
  if (expected instanceof ErrorLiteral) return errorCode(actual) === expected.code;
  if (typeof expected === "number") {
    if (typeof actual !== "number" || !Number.isFinite(actual)) return false;
    const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
    return Math.abs(actual - expected) <= tolerance * scale;
  }
  return actual === expected;
}

export interface Outcome {
  value?: unknown;
  error?: unknown;
  threw: boolean;
}

/** Calls a function the way Excel would, catching what it throws. */
export function run(call: (...args: unknown[]) => unknown, args: unknown[]): Outcome {
  try {
    return { value: call(...args), threw: false };
  } catch (error) {
    return { error, threw: true };
  }
}

/**
 * Undefined when the outcome is the example's expected result, else what was produced instead.
 * Numbers match to `tolerance` relative; errors match by code, whether thrown or returned in a
 * cell; a single expected value matches a 1 x 1 result.
 */
export function outcomeProblem(
  outcome: Outcome,
  expected: LiteralGrid,
  tolerance = 1e-9,
): string | undefined {
  const single = expected.length === 1 && expected[0].length === 1 ? expected[0][0] : undefined;
  if (outcome.threw) {
    const code = errorCode(outcome.error);
    if (code === undefined) return `threw ${String(outcome.error)}`;
    if (single instanceof ErrorLiteral && single.code === code) return undefined;
    const message = (outcome.error as { message?: string }).message;
    return `threw ${code}${message && message !== code ? ` (${message})` : ""}`;
  }
  const value = outcome.value;
  const got = `got ${formatResult(value)}`;
  if (!Array.isArray(value) || !value.every(Array.isArray)) return `${got}, not a 2-D array`;
  const grid = value as unknown[][];
  const shape = (rows: unknown[][]) => `${rows.length} x ${rows[0]?.length ?? 0}`;
  if (grid.length !== expected.length || grid.some((row) => row.length !== expected[0].length)) {
    return `${got}: ${shape(grid)} instead of ${shape(expected)}`;
  }
  const matches = grid.every((row, r) =>
    row.every((cell, c) => cellMatches(cell, expected[r][c], tolerance)),
  );
  return matches ? undefined : got;
}
