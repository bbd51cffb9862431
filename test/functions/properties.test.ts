/**
 * Garbage in, Excel errors out: every registered function, whatever it is given, returns finite
 * numbers, text or CustomFunctions.Error values, and never throws anything else.
 */
import fc from "fast-check";
import { anyArgument } from "../support/excel-arguments";
import { callSafely, resultProblem } from "../support/excel-results";
import { registeredFunctions } from "../support/registry";

const functions = registeredFunctions();

describe.each(functions.map((fn) => [fn.id, fn] as const))("%s under random arguments", (_id, fn) => {
  const argumentsArbitrary = fc.tuple(...fn.metadata.parameters.map((p) => anyArgument(p.optional === true)));

  it("returns only finite values, text or Excel errors", () => {
    fc.assert(
      fc.property(argumentsArbitrary, (args) => {
        const problem = resultProblem(callSafely(fn.call, args));
        if (problem) throw new Error(problem);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the result checker", () => {
  it("rejects what must never reach a cell", () => {
    const error = new CustomFunctions.Error("#VALUE!" as CustomFunctions.ErrorCode, "x must be > 0; got -1");
    expect(resultProblem({ value: [[1, "a", error]], threw: false })).toBeUndefined();
    expect(resultProblem({ value: [[NaN]], threw: false })).toMatch(/non-finite/);
    expect(resultProblem({ value: [[1], [Infinity]], threw: false })).toMatch(/non-finite/);
    expect(resultProblem({ value: [[1, 2], [3]], threw: false })).toMatch(/ragged/);
    expect(resultProblem({ value: [[undefined]], threw: false })).toMatch(/unexpected type/);
    expect(resultProblem({ error: new TypeError("boom"), threw: true })).toMatch(/non-Excel error/);
    const internal = new CustomFunctions.Error(
      "#VALUE!" as CustomFunctions.ErrorCode,
      "ERLANG_C failed unexpectedly: boom",
    );
    expect(resultProblem({ error: internal, threw: true })).toMatch(/internal failure/);
  });
});
