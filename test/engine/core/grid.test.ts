import {
  asGrid,
  broadcastShape,
  EngineError,
  mapNumbers,
  readNumber,
  readNumberColumns,
  readRowsWithSettings,
  renderMessage,
  type Outcome,
} from "../../../src/engine/core";
import { engineErrorFrom } from "../../support/engine-errors";

const thrown = engineErrorFrom;

const messageOf = (outcome: Outcome<unknown>) => (outcome instanceof EngineError ? outcome.message : outcome);

describe("asGrid", () => {
  it("wraps scalars and omitted arguments as 1 x 1", () => {
    expect(asGrid(3, "x")).toEqual([[3]]);
    expect(asGrid(undefined, "x")).toEqual([[undefined]]);
    expect(asGrid([], "x")).toEqual([[null]]);
  });

  it("reads a flat array as one row and keeps 2-D arrays", () => {
    expect(asGrid([1, 2], "x")).toEqual([[1, 2]]);
    expect(asGrid([[1], [2]], "x")).toEqual([[1], [2]]);
  });

  it("refuses ragged arrays", () => {
    expect(thrown(() => asGrid([[1, 2], [3]], "volume")).message).toBe(
      "volume must be a single value; got a ragged array",
    );
  });
});

describe("readNumber", () => {
  it("reads numbers and blanks (0 unless the argument has a default)", () => {
    expect(readNumber(2.5, "x")).toBe(2.5);
    expect(readNumber(null, "x")).toBe(0);
    expect(readNumber("", "x")).toBe(0);
    expect(readNumber(undefined, "interval_min", {}, { blank: 60 })).toBe(60);
  });

  it("names the argument, the row and the value for text and booleans", () => {
    const error = thrown(() => readNumber("12", "aht_sec", { row: 7 }));
    expect(error.kind).toBe("value");
    expect(error.message).toBe('aht_sec must be a number; row 7 is "12"');
    expect(thrown(() => readNumber(true, "volume")).message).toBe("volume must be a number; got TRUE");
    expect(thrown(() => readNumber(NaN, "volume")).message).toBe("volume must be a finite number; got NaN");
  });

  it("passes Excel errors in input cells on as the same error", () => {
    expect(thrown(() => readNumber({ code: "#N/A" }, "traffic", { row: 2, column: 3 })).kind).toBe("na");
    expect(thrown(() => readNumber({ code: "#DIV/0!" }, "traffic")).kind).toBe("div0");
    const error = thrown(() => readNumber({ code: "#REF!" }, "traffic", { row: 2, column: 3 }));
    expect(error.kind).toBe("value");
    expect(error.message).toBe("traffic row 2, column 3 holds the error #REF!");
  });
});

describe("broadcastShape", () => {
  const arg = (name: string, rows: number, cols: number) => ({
    name,
    grid: Array.from({ length: rows }, () => Array<number>(cols).fill(0)),
  });

  it("broadcasts scalars, rows and columns as Excel does", () => {
    expect(broadcastShape([arg("a", 1, 1), arg("b", 3, 1)])).toEqual({ rows: 3, cols: 1 });
    expect(broadcastShape([arg("a", 3, 1), arg("b", 1, 4)])).toEqual({ rows: 3, cols: 4 });
    expect(broadcastShape([arg("a", 2, 2), arg("b", 2, 2), arg("c", 1, 1)])).toEqual({ rows: 2, cols: 2 });
  });

  it("refuses shapes that do not match, naming both arguments", () => {
    const error = thrown(() => broadcastShape([arg("agents", 3, 1), arg("traffic", 2, 1)]));
    expect(error.kind).toBe("value");
    expect(error.message).toBe(
      "agents (3 x 1) and traffic (2 x 1) do not match: each dimension must be equal or 1",
    );
  });
});

describe("mapNumbers", () => {
  const sum = (a: number, b: number) => a + b;

  it("spills in the broadcast shape", () => {
    const result = mapNumbers(
      [
        { name: "a", value: [[1], [2]] },
        { name: "b", value: [[10, 20, 30]] },
      ],
      sum,
    );
    expect(result).toEqual([
      [11, 21, 31],
      [12, 22, 32],
    ]);
  });

  it("keeps a bad cell's error in that cell, naming its row", () => {
    const result = mapNumbers(
      [
        { name: "a", value: [[1], ["x"], [3]] },
        { name: "b", value: 1 },
      ],
      sum,
    );
    expect(result.map((row) => row.map(messageOf))).toEqual([[2], ['a must be a number; row 2 is "x"'], [4]]);
  });

  it("adds the cell to errors the computation raises about an argument", () => {
    const positive = (x: number) => {
      if (x <= 0)
        throw new EngineError("value", "mustBe", { arg: "aht_sec", rule: "positive", actual: String(x) });
      return x;
    };
    const result = mapNumbers([{ name: "aht_sec", value: [[5, -3]] }], positive);
    expect(result.map((row) => row.map(messageOf))).toEqual([[5, "aht_sec must be > 0; column 2 is -3"]]);
  });
});

describe("messages", () => {
  it("has the same catalogue in Chinese", () => {
    expect(renderMessage("mustBe", { arg: "aht_sec", rule: "positive", row: 7, actual: "-3" }, "zh-CN")).toBe(
      "aht_sec 必须为大于 0；第 7 行为 -3",
    );
    expect(renderMessage("mustBe", { arg: "aht_sec", rule: "positive", row: 7, actual: "-3" }, "en-US")).toBe(
      "aht_sec must be > 0; row 7 is -3",
    );
  });
});

describe("readNumberColumns", () => {
  it("reads matching columns and skips wholly blank rows", () => {
    const table = readNumberColumns([
      { name: "volume", value: [[100], [null], [250]] },
      { name: "aht_sec", value: [[180], [""], [200]] },
    ]);
    expect(table).toEqual({
      columns: [
        [100, 250],
        [180, 200],
      ],
      rows: [1, 3],
    });
  });

  it("accepts a row as well as a column", () => {
    expect(readNumberColumns([{ name: "volume", value: [[1, 2, 3]] }]).columns).toEqual([[1, 2, 3]]);
  });

  it("names the row of a partly blank row instead of dropping it", () => {
    const error = thrown(() =>
      readNumberColumns([
        { name: "volume", value: [[100], [120]] },
        { name: "aht_sec", value: [[180], [null]] },
      ]),
    );
    expect(error.message).toBe(
      "aht_sec must be filled in; row 2 is blank (only wholly blank rows are skipped)",
    );
  });

  it("names the row of text in a numeric column", () => {
    const error = thrown(() => readNumberColumns([{ name: "volume", value: [[1], [2], ["n/a"]] }]));
    expect(error.message).toBe('volume must be a number; row 3 is "n/a"');
  });

  it("refuses columns of different lengths and 2-D blocks", () => {
    expect(
      thrown(() =>
        readNumberColumns([
          { name: "volume", value: [[1], [2]] },
          { name: "aht_sec", value: [[1], [2], [3]] },
        ]),
      ).message,
    ).toBe("aht_sec must have one row per row of volume (2); it has 3");
    expect(
      thrown(() =>
        readNumberColumns([
          {
            name: "volume",
            value: [
              [1, 2],
              [3, 4],
            ],
          },
        ]),
      ).message,
    ).toBe("volume must be a single column or row; got 2 x 2");
  });
});

describe("readRowsWithSettings", () => {
  it("repeats a single-cell setting on every row and reads a column setting row by row", () => {
    const read = readRowsWithSettings(
      [{ name: "volumes", value: [[100], [null], [250]] }],
      [
        { name: "aht_sec", value: [[180], [null], [200]] },
        { name: "target_sl", value: [[0.8]] },
        { name: "interval_min", value: [[null]], options: { blank: 60 } },
      ],
    );
    expect(read).toEqual({
      rows: [1, 3],
      data: [[100, 250]],
      settings: [
        [180, 200],
        [0.8, 0.8],
        [60, 60],
      ],
      varying: ["aht_sec"],
    });
  });

  it("names the row where a column setting is blank beside data", () => {
    const error = thrown(() =>
      readRowsWithSettings(
        [{ name: "volumes", value: [[100], [120]] }],
        [{ name: "aht_sec", value: [[180], [null]] }],
      ),
    );
    expect(error.message).toBe(
      "aht_sec must be filled in; row 2 is blank (only wholly blank rows are skipped)",
    );
  });

  it("refuses a column setting of another length, and text in a single-cell setting", () => {
    expect(
      thrown(() =>
        readRowsWithSettings(
          [{ name: "volumes", value: [[1], [2], [3]] }],
          [{ name: "aht_sec", value: [[1], [2]] }],
        ),
      ).message,
    ).toBe("aht_sec must have one row per row of volumes (3); it has 2");
    expect(
      thrown(() =>
        readRowsWithSettings([{ name: "volumes", value: [[1]] }], [{ name: "shrinkage", value: "a" }]),
      ).message,
    ).toBe('shrinkage must be a number; got "a"');
  });
});
