/**
 * Formulas as an .xlsx file stores them, which is not how Excel shows them:
 *
 * - A custom function of an Office add-in is saved as `_xldudf_<NAMESPACE>_<ID>`: SVC.RFM(...) is
 *   `_xldudf_SVC_RFM(...)`. Excel shows it as SVC.RFM again once the add-in has registered its
 *   functions. A bare `SVC.RFM(` in a file is taken for a name Excel does not know and stays #NAME?
 *   even after the add-in loads, so the file form matters.
 * - Functions newer than Excel 2007 carry the `_xlfn.` prefix (`_xlfn._xlws.` for a few).
 * - A formula that may return an array is a dynamic-array formula (cell metadata cm="1" and
 *   `<f t="array" ref="A1">`). Written as a plain formula, Excel would open it as a pre-2019 one
 *   and insert an implicit intersection (=@SVC.RFM(...)) that shows a single value.
 *
 * Both directions live here so that the template writer and the tests' reader cannot disagree.
 */
import { splitFormula } from "../../src/preview/host/formula-text";

export const NAMESPACE = "SVC";
const UDF_PREFIX = "_xldudf_";

/** Functions Excel stores with a prefix (the ones a template may use); true when they can spill. */
const FUTURE_FUNCTIONS: Record<string, { prefix: string; spills: boolean }> = {
  UNIQUE: { prefix: "_xlfn.", spills: true },
  SORT: { prefix: "_xlfn._xlws.", spills: true },
  SORTBY: { prefix: "_xlfn.", spills: true },
  FILTER: { prefix: "_xlfn._xlws.", spills: true },
  SEQUENCE: { prefix: "_xlfn.", spills: true },
  XLOOKUP: { prefix: "_xlfn.", spills: true },
  XMATCH: { prefix: "_xlfn.", spills: false },
  LET: { prefix: "_xlfn.", spills: true },
  IFS: { prefix: "_xlfn.", spills: false },
  MAXIFS: { prefix: "_xlfn.", spills: false },
  MINIFS: { prefix: "_xlfn.", spills: false },
  CONCAT: { prefix: "_xlfn.", spills: false },
  TEXTJOIN: { prefix: "_xlfn.", spills: false },
  SWITCH: { prefix: "_xlfn.", spills: false },
};

/** A name followed by "(" that is not the tail of a longer name. */
const call = (name: string) => new RegExp(`(^|[^\\p{L}\\p{N}_.])(${name})\\s*\\(`, "giu");
const SVC_CALL = call(`${NAMESPACE}\\.[A-Z0-9_]+`);
const FUTURE_CALL = call(Object.keys(FUTURE_FUNCTIONS).join("|"));
const STORED_UDF = new RegExp(`${UDF_PREFIX}${NAMESPACE}_([A-Z0-9_]+)\\(`, "gi");
const STORED_PREFIX = /_xlfn\.(?:_xlws\.)?/gi;

/** Rewrites only the code between string literals, quoted sheet names and brackets. */
function mapCode(formula: string, rewrite: (code: string) => string): string {
  return splitFormula(formula)
    .map((piece) => (piece.kind === "code" ? rewrite(piece.text) : piece.text))
    .join("");
}

/** "=SVC.RFM(A:A)" -> "_xldudf_SVC_RFM(A:A)", as the <f> element holds it (no "="). */
export function toStoredFormula(formula: string): string {
  if (!formula.startsWith("=")) throw new Error(`Not a formula: ${formula}`);
  return mapCode(formula.slice(1), (code) =>
    code
      .replace(SVC_CALL, (_, before: string, name: string) => {
        const id = name.slice(NAMESPACE.length + 1).toUpperCase();
        return `${before}${UDF_PREFIX}${NAMESPACE}_${id}(`;
      })
      .replace(FUTURE_CALL, (_, before: string, name: string) => {
        const upper = name.toUpperCase();
        return `${before}${FUTURE_FUNCTIONS[upper].prefix}${upper}(`;
      }),
  );
}

/** The inverse of toStoredFormula: the formula as Excel shows it, with its "=". */
export function fromStoredFormula(stored: string): string {
  return `=${mapCode(stored, (code) =>
    code
      .replace(STORED_UDF, (_, id: string) => `${NAMESPACE}.${id.toUpperCase()}(`)
      .replace(STORED_PREFIX, ""),
  )}`;
}

/** Whether Excel must store the formula as a dynamic-array formula: it calls SVC or a spilling function. */
export function isDynamicArrayFormula(formula: string): boolean {
  let found = false;
  mapCode(formula, (code) => {
    if (new RegExp(SVC_CALL.source, "iu").test(code)) found = true;
    for (const match of code.matchAll(FUTURE_CALL)) {
      if (FUTURE_FUNCTIONS[match[2].toUpperCase()].spills) found = true;
    }
    return code;
  });
  return found;
}
