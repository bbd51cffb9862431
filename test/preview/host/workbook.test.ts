/**
 * The preview workbook's calculation: HyperFormula with structured references and the real SVC
 * functions. Oracles are hand-computed sums and the functions called directly, as Excel would call
 * them, on the same inputs.
 */
import * as staffing from "../../../src/functions/staffing";
import { installCustomFunctionsRuntime } from "../../../src/preview/host/office";
import {
  type FunctionImplementation,
  type PreviewCell,
  PreviewWorkbook,
  type WorkbookSnapshot,
} from "../../../src/preview/host/workbook";

beforeAll(() => {
  installCustomFunctionsRuntime(globalThis); // the function modules build CustomFunctions.Error at call time
});

const spyCalls: unknown[][] = [];
const functions = new Map<string, FunctionImplementation>([
  ["STAFF_TABLE", staffing.staffTable as FunctionImplementation],
  ["STAFF_NEEDED", staffing.staffNeeded as FunctionImplementation],
  [
    "SPY",
    (...args: unknown[]) => {
      spyCalls.push(args);
      return [[args.length]];
    },
  ],
  ["NAN", () => [[1, Number.NaN]]],
]);

const FORECAST: PreviewCell[][] = [
  ["Interval", "Volume", "AHT (min)"],
  [1, 120, 3],
  [2, 80, 4],
  [3, 45, 3.5],
];

function snapshotWith(
  sheets: WorkbookSnapshot["sheets"],
  tables: WorkbookSnapshot["tables"] = [],
): WorkbookSnapshot {
  return { sheets, tables, charts: [], settings: {} };
}

function forecastWorkbook(formula: string): PreviewWorkbook {
  return new PreviewWorkbook(
    snapshotWith(
      [
        { name: "Forecast", cells: FORECAST },
        { name: "Staffing plan", cells: [[formula]] },
      ],
      [{ name: "Forecast", sheet: "Forecast", address: "A1:C4" }],
    ),
    functions,
  );
}

/** Exported numbers keep Excel's 15 significant digits; text and flags must match exactly. */
function expectSameCells(actual: PreviewCell[][], expected: unknown[][]) {
  expect(actual.length).toBe(expected.length);
  expected.forEach((row, r) => {
    expect(actual[r].length).toBeGreaterThanOrEqual(row.length);
    row.forEach((value, c) => {
      const got = actual[r][c];
      if (typeof value === "number") {
        expect(typeof got).toBe("number");
        expect(Math.abs((got as number) - value)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(value)));
      } else {
        expect([r, c, got]).toEqual([r, c, value]);
      }
    });
  });
}

const column = (rows: PreviewCell[][], index: number) => rows.slice(1).map((row) => [row[index]]);

describe("structured references", () => {
  it("sums a table column by its name, as a hand count does, and follows edits", () => {
    const workbook = new PreviewWorkbook(
      snapshotWith(
        [
          {
            name: "Contact log",
            cells: [
              ["Channel", "Handle time (min)"],
              ["Phone", 4.5],
              ["Chat", 6],
              ["Email", 12.25],
              ["Phone", 3.25],
            ],
          },
          {
            name: "Summary",
            cells: [
              [
                "=SUM(ContactLog[[Handle time (min)]])",
                '=SUMIF(contactlog[Channel],"Phone",ContactLog[[Handle time (min)]])',
                "=ContactLog[Channel]",
              ],
            ],
          },
        ],
        [{ name: "ContactLog", sheet: "Contact log", address: "A1:B5" }],
      ),
      functions,
    );
    expect(workbook.values("Summary")).toEqual([
      [26, 7.75, "Phone"], // 4.5 + 6 + 12.25 + 3.25; 4.5 + 3.25
      [null, null, "Chat"],
      [null, null, "Email"],
      [null, null, "Phone"],
    ]);
    expect(workbook.formulas("Summary")[0][0]).toBe("=SUM(ContactLog[[Handle time (min)]])");

    workbook.transaction(() => workbook.write(workbook.findSheet("Contact log")!, 2, 1, [[10]]));
    expect(workbook.values("Summary")[0].slice(0, 2)).toEqual([30, 7.75]);
  });
});

describe("custom functions", () => {
  it("spills STAFF_TABLE with a table column times 60 in an argument, as the function called directly does", () => {
    const workbook = forecastWorkbook("=SVC.STAFF_TABLE(Forecast[Volume],Forecast[[AHT (min)]]*60,0.8,20)");
    const expected = staffing.staffTable(
      column(FORECAST, 1),
      column(FORECAST, 2).map(([minutes]) => [(minutes as number) * 60]),
      [[0.8]],
      [[20]],
    );
    expect(expected).toHaveLength(5); // header, three intervals, total
    expectSameCells(workbook.values("Staffing plan"), expected);
    expect(workbook.formulas("Staffing plan")[0][0]).toBe(
      "=SVC.STAFF_TABLE(Forecast[Volume],Forecast[[AHT (min)]]*60,0.8,20)",
    );
  });

  it("re-sizes the spill when the inputs change, as Excel does", () => {
    const workbook = forecastWorkbook("=SVC.STAFF_TABLE(Forecast[Volume],Forecast[[AHT (min)]],0.8,20)");
    const forecast = workbook.findSheet("Forecast")!;
    workbook.transaction(() => workbook.write(forecast, 2, 1, [[null, null]])); // interval 2 blank: skipped
    const shorter = FORECAST.map((row) => [...row]);
    shorter[2][1] = shorter[2][2] = null;
    const expected = staffing.staffTable(column(shorter, 1), column(shorter, 2), [[0.8]], [[20]]);
    expect(expected).toHaveLength(4);
    const values = workbook.values("Staffing plan");
    expectSameCells(values.slice(0, 4), expected);
    expect((values[4] ?? []).every((cell) => cell === null)).toBe(true);

    workbook.transaction(() => workbook.write(forecast, 2, 1, [[80, 4]]));
    expect(workbook.values("Staffing plan").filter((row) => row[0] !== null)).toHaveLength(5);
  });

  it("passes an omitted middle argument as undefined, blanks in ranges as null, and no trailing arguments", () => {
    const workbook = new PreviewWorkbook(
      snapshotWith([{ name: "S", cells: [[1, null], ["x", true], ["=SVC.SPY(7,,A1:B2)"]] }]),
      functions,
    );
    expect(workbook.values("S")[2][0]).toBe(3);
    expect(spyCalls.at(-1)).toEqual([
      [[7]],
      undefined,
      [
        [1, null],
        ["x", true],
      ],
    ]);

    const needed = forecastWorkbook("=SVC.STAFF_NEEDED(100,180,0.8,20,,0.85)");
    const direct = staffing.staffNeeded([[100]], [[180]], [[0.8]], [[20]], undefined, [[0.85]]);
    expect(needed.values("Staffing plan")).toEqual(direct);
  });

  it("returns an argument's error without calling the function, but hands errors inside a range over", () => {
    spyCalls.length = 0;
    const workbook = new PreviewWorkbook(
      snapshotWith([
        {
          name: "S",
          cells: [
            ["=1/0", 2],
            ["=SVC.SPY(A1)", "=SVC.SPY(A1:B1)"],
          ],
        },
      ]),
      functions,
    );
    expect(workbook.values("S")[1]).toEqual(["#DIV/0!", 1]);
    // Only the range call reached the function, with the error cell as a CustomFunctions.Error.
    const calls = [...spyCalls];
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      const [[[error, two]]] = call as [unknown[][]];
      expect(error).toBeInstanceOf(CustomFunctions.Error);
      expect((error as CustomFunctions.Error).code).toBe("#DIV/0!");
      expect(two).toBe(2);
    }
  });

  it("shows a thrown CustomFunctions.Error as #VALUE! with its message", () => {
    const forecast = FORECAST.map((row) => [...row]);
    forecast[3][2] = -3;
    const workbook = new PreviewWorkbook(
      snapshotWith(
        [
          { name: "Forecast", cells: forecast },
          { name: "Plan", cells: [["=SVC.STAFF_TABLE(Forecast[Volume],Forecast[[AHT (min)]],0.8,20)"]] },
        ],
        [{ name: "Forecast", sheet: "Forecast", address: "A1:C4" }],
      ),
      functions,
    );
    let thrown: CustomFunctions.Error | undefined;
    try {
      staffing.staffTable(column(forecast, 1), column(forecast, 2), [[0.8]], [[20]]);
    } catch (error) {
      thrown = error as CustomFunctions.Error;
    }
    expect(thrown?.code).toBe("#VALUE!");
    expect(workbook.values("Plan")).toEqual([["#VALUE!"]]);
    expect(workbook.errorMessage("Plan", 0, 0)).toBe(thrown?.message);
    expect(workbook.errorMessage("Plan", 0, 0)).toMatch(/aht_sec must be > 0; row 3 is -3/);
  });

  it("keeps per-cell errors of a spill in their cells, and turns NaN into #NUM!", () => {
    const workbook = new PreviewWorkbook(
      snapshotWith([
        {
          name: "S",
          cells: [
            [100, 180],
            [100, -3],
            ["=SVC.STAFF_NEEDED(A1:A2,B1:B2,0.8,20)", "=SVC.NAN()", null, "=SVC.NOT_THERE(1)"],
          ],
        },
      ]),
      functions,
    );
    const direct = staffing.staffNeeded([[100], [100]], [[180], [-3]], [[0.8]], [[20]]);
    const values = workbook.values("S");
    expect(values[2][0]).toBe(direct[0][0]);
    expect(values[3][0]).toBe("#VALUE!");
    expect(workbook.errorMessage("S", 3, 0)).toBe((direct[1][0] as CustomFunctions.Error).message);
    expect(values[2].slice(1, 4)).toEqual([1, "#NUM!", "#NAME?"]);
  });
});

describe("chains of spills", () => {
  it("settles a spill feeding a function whose spill feeds another, on loading and after an edit", () => {
    let calls = 0;
    const chain = new Map<string, FunctionImplementation>([
      [
        "SEQ",
        (n: unknown) => {
          calls++;
          return Array.from({ length: (n as number[][])[0][0] }, (_, i) => [i + 1]);
        },
      ],
      [
        "TOTAL",
        (range: unknown) => {
          calls++;
          return [[(range as (number | null)[][]).flat().reduce<number>((sum, v) => sum + (v ?? 0), 0)]];
        },
      ],
    ]);
    const workbook = new PreviewWorkbook(
      snapshotWith([{ name: "S", cells: [[3, "=SVC.SEQ(A1)", "=SVC.TOTAL(B1:B20)", "=SVC.SEQ(C1)"]] }]),
      chain,
    );
    const columnOf = (c: number) =>
      workbook
        .values("S")
        .map((row) => row[c])
        .filter((v) => v !== null);
    expect(columnOf(1)).toEqual([1, 2, 3]);
    expect(columnOf(2)).toEqual([6]); // 1 + 2 + 3
    expect(columnOf(3)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(calls).toBeLessThanOrEqual(6); // each function once per settled input, plus once on a cut-off spill

    calls = 0;
    workbook.transaction(() => workbook.write(workbook.findSheet("S")!, 0, 0, [[4]]));
    expect(columnOf(1)).toEqual([1, 2, 3, 4]);
    expect(columnOf(2)).toEqual([10]);
    expect(columnOf(3)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(calls).toBe(3); // re-entered one link at a time, each function called once
  });
});

describe("snapshots", () => {
  it("rebuilds into a workbook that recalculates to the same values", () => {
    const first = forecastWorkbook("=SVC.STAFF_TABLE(Forecast[Volume],Forecast[[AHT (min)]]*60,0.8,20)");
    first.transaction(() => {
      first.write(first.findSheet("Staffing plan")!, 0, 13, [
        ["=SUM(N3:N5)", "=Forecast[[#Headers],[Volume]]"],
      ]);
      first.writeNumberFormats(first.findSheet("Staffing plan")!, 0, 13, [["0.0"]]);
    });
    const saved: WorkbookSnapshot = JSON.parse(JSON.stringify(first.snapshot()));
    expect(saved.sheets[1].cells[0][0]).toBe(
      "=SVC.STAFF_TABLE(Forecast[Volume],Forecast[[AHT (min)]]*60,0.8,20)",
    );
    const second = new PreviewWorkbook(saved, functions);
    for (const sheet of first.sheetNames()) {
      expect(second.values(sheet)).toEqual(first.values(sheet));
      expect(second.formulas(sheet)).toEqual(first.formulas(sheet));
    }
    expect(second.values("Staffing plan")[0][14]).toBe("Volume");
    expect(second.numberFormat("Staffing plan", 0, 13)).toBe("0.0");
    expect(second.numberFormat("Staffing plan", 0, 12)).toBe("General");
    expect(second.tables()).toEqual([{ name: "Forecast", sheet: "Forecast", address: "A1:C4" }]);
  });

  it("renames references to a renamed sheet, keeping the values", () => {
    const workbook = new PreviewWorkbook(
      snapshotWith([
        { name: "Data", cells: [[2, 3]] },
        { name: "Sum", cells: [["=Data!A1+'Data'!B1", '="Data!A1"']] },
      ]),
      functions,
    );
    workbook.transaction(() => workbook.renameSheet(workbook.findSheet("Data")!, "Cost ledger"));
    expect(workbook.formulas("Sum")[0]).toEqual(["='Cost ledger'!A1+'Cost ledger'!B1", '="Data!A1"']);
    expect(workbook.values("Sum")[0]).toEqual([5, "Data!A1"]);
  });
});
