/** The excel-example reader and comparer that the help-page tests rely on. */
import {
  ErrorLiteral,
  formatResult,
  outcomeProblem,
  parseExamples,
  parseFormula,
  parseValue,
  toExcelArgument,
} from "./examples";

const page = (...lines: string[]) => lines.join("\n");

describe("parseFormula", () => {
  it("reads numbers, text, booleans, errors and array constants", () => {
    expect(parseFormula('=SVC.RAG(0.85, -1.5E-3, "a ""b""", true, #N/A, {1,2;3,4})')).toEqual({
      functionId: "RAG",
      args: [
        [[0.85]],
        [[-0.0015]],
        [['a "b"']],
        [[true]],
        [[new ErrorLiteral("#N/A")]],
        [
          [1, 2],
          [3, 4],
        ],
      ],
    });
  });

  it("reads an omitted argument as null and an empty list as no arguments", () => {
    expect(parseFormula("=SVC.CLV(10, , 0.1)").args).toEqual([[[10]], null, [[0.1]]]);
    expect(parseFormula("=SVC.X_Y()").args).toEqual([]);
  });

  it("rejects what Excel would not accept as a literal", () => {
    expect(() => parseFormula("=SVC.ERLANG_C(A1, 10)")).toThrow(/not a literal: A1/);
    expect(() => parseFormula("=SVC.ERLANG_C({1,2;3}, 10)")).toThrow(/rows of different lengths/);
    expect(() => parseFormula("=SVC.ERLANG_C({1;2, 10)")).toThrow(/unexpected|unterminated/);
    expect(() => parseFormula("=ERLANG_C(14, 10)")).toThrow(/=SVC\.NAME/);
  });
});

describe("parseValue", () => {
  it("reads a single value or an array constant as a grid", () => {
    expect(parseValue("0.174131933595")).toEqual([[0.174131933595]]);
    expect(parseValue("{#NUM!;0.5}")).toEqual([[new ErrorLiteral("#NUM!")], [0.5]]);
    expect(() => parseValue("0.5 0.2")).toThrow(/not a literal/);
  });
});

describe("parseExamples", () => {
  it("pairs formulas with results inside excel-example blocks only, with their line numbers", () => {
    const { examples, problems } = parseExamples(
      page(
        "# Page",
        "```",
        "=SVC.NOT_AN_EXAMPLE(1)",
        "```",
        "```excel-example",
        "=SVC.ERLANG_B(1, 1)",
        "0.5",
        "",
        "=SVC.ERLANG_B({1;2}, 1)",
        "{0.5;0.2}",
        "```",
      ),
      "docs/x.md",
    );
    expect(problems).toEqual([]);
    expect(examples.map((e) => [e.line, e.functionId, e.expectedText])).toEqual([
      [6, "ERLANG_B", "0.5"],
      [9, "ERLANG_B", "{0.5;0.2}"],
    ]);
  });

  it("names the page and line of each problem", () => {
    const { problems } = parseExamples(
      page(
        "```excel-example",
        "=SVC.A_B(1)",
        "=SVC.A_B(2)",
        "2",
        "0.5",
        "=SVC.A_B(x)",
        "1",
        "=SVC.A_B(3)",
        "```",
      ),
      "docs/y.md",
    );
    expect(problems).toEqual([
      "docs/y.md:2: formula without a result line",
      "docs/y.md:5: expected a formula starting with =SVC., got 0.5",
      expect.stringMatching(/^docs\/y\.md:6: not a literal: x/),
      "docs/y.md:8: formula without a result line",
    ]);
    expect(parseExamples(page("```excel-example", "=SVC.A_B(1)", "1"), "docs/z.md").problems).toEqual([
      "docs/z.md:1: excel-example block is not closed",
    ]);
  });
});

describe("outcomeProblem", () => {
  const error = (code: string) => new CustomFunctions.Error(code as CustomFunctions.ErrorCode);

  it("compares numbers to 1e-9 relative and shapes exactly", () => {
    expect(
      outcomeProblem({ value: [[0.174131933595049]], threw: false }, [[0.174131933595]]),
    ).toBeUndefined();
    expect(outcomeProblem({ value: [[0.1742]], threw: false }, [[0.174131933595]])).toBe("got 0.1742");
    expect(outcomeProblem({ value: [[0.5], [0.2]], threw: false }, [[0.5]])).toBe(
      "got {0.5;0.2}: 2 x 1 instead of 1 x 1",
    );
    expect(outcomeProblem({ value: [[NaN]], threw: false }, [[0]])).toBe("got NaN");
  });

  it("matches errors by code, thrown or in a cell", () => {
    const num = new ErrorLiteral("#NUM!");
    expect(outcomeProblem({ error: error("#NUM!"), threw: true }, [[num]])).toBeUndefined();
    expect(
      outcomeProblem({ value: [[error("#NUM!")], [0.5]], threw: false }, [[num], [0.5]]),
    ).toBeUndefined();
    expect(outcomeProblem({ error: error("#VALUE!"), threw: true }, [[num]])).toBe("threw #VALUE!");
    expect(outcomeProblem({ error: new TypeError("boom"), threw: true }, [[num]])).toBe(
      "threw TypeError: boom",
    );
  });

  it("writes results the way the pages do", () => {
    expect(formatResult([[1 / 3, error("#N/A")]])).toBe("{0.333333333333,#N/A}");
    expect(formatResult([[3.5216143420998615e-7]])).toBe("3.5216143421E-7");
  });
});

describe("toExcelArgument", () => {
  it("turns error literals into CustomFunctions errors and keeps omitted arguments null", () => {
    const [[cell]] = toExcelArgument([[new ErrorLiteral("#N/A")]]) as CustomFunctions.Error[][];
    expect(cell).toBeInstanceOf(CustomFunctions.Error);
    expect(cell.code).toBe("#N/A");
    expect(toExcelArgument(null)).toBeNull();
  });
});
