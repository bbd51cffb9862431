/** The costing functions as Excel calls them: through the registered wrappers. */
import { thrownExcelError } from "../support/excel-results";
import { registeredFunction } from "../support/registry";
import { expectRelativeClose } from "../support/reference";

type Cell = number | string | CustomFunctions.Error;
const call = (id: string) => {
  const fn = registeredFunction(id).call;
  return (...args: unknown[]) => fn(...args) as Cell[][];
};
const thrownBy = thrownExcelError;
const column = (...values: unknown[]) => values.map((v) => [v]);

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("SVC.ABC_ALLOCATE", () => {
  it("returns a row of object costs, then the unallocated cost", () => {
    const result = call("ABC_ALLOCATE")(column(1000, 600, 50), [
      [30, 70],
      [1, 2],
      [null, null],
    ]);
    expect(result).toHaveLength(1);
    expectRelativeClose(result[0][0] as number, 500, 1e-12);
    expectRelativeClose(result[0][1] as number, 1100, 1e-12);
    expect(result[0][2]).toBe(50);
  });

  it("runs two stages when activity_drivers is given (Kaplan & Anderson)", () => {
    const result = call("ABC_ALLOCATE")([[560000]], [[0.7, 0.1, 0.2]], column(49000, 1400, 2500));
    expect(result).toEqual([[560000, 0]]);
  });

  it("names the cell of text in a numeric range", () => {
    const error = thrownBy(() =>
      call("ABC_ALLOCATE")(column(10, 20), [
        [1, 2],
        ["n/a", 3],
      ]),
    );
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe('drivers must be a number; row 2, column 1 is "n/a"');
  });
});

describe("SVC.ABC_RATES", () => {
  it("gives Kaplan & Anderson's published $8.00 / $40.00 / $44.80 as a column", () => {
    const rates = call("ABC_RATES")([[560000]], [[0.7, 0.1, 0.2]], column(49000, 1400, 2500));
    [8, 40, 44.8].forEach((rate, i) => expectRelativeClose(rates[i][0] as number, rate, 1e-12));
  });

  it("puts #DIV/0! where an activity has no driver quantity", () => {
    const [[rate], [none]] = call("ABC_RATES")(column(90, 10), [[30], [0]]);
    expect(rate).toBe(3);
    expect((none as CustomFunctions.Error).code).toBe("#DIV/0!");
  });
});

describe("SVC.ABC_BY_OBJECT", () => {
  const ledger = [column("Calls", "Email", "Chat"), column(900, 300, 100)];
  const log = [
    column("Email", "Calls", null, "Calls"),
    column("金卡", "Silver", null, "金卡"),
    column(1, 20, null, 80),
  ];

  it("spills object | cost by first appearance, then Unallocated", () => {
    const result = call("ABC_BY_OBJECT")(...ledger, ...log);
    expect(result).toEqual([
      ["金卡", 300 + 720],
      ["Silver", 180],
      ["Unallocated", 100],
    ]);
  });

  it("labels the unallocated row in Chinese for a Chinese Office", () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    expect(call("ABC_BY_OBJECT")(...ledger, ...log).at(-1)).toEqual(["未分配", 100]);
  });

  it("names the row of a partly blank log line and of text in a quantity", () => {
    const partly = thrownBy(() =>
      call("ABC_BY_OBJECT")(...ledger, column("Calls", "Email"), column("A", null), column(1, 2)),
    );
    expect(partly.message).toBe(
      "log_object must be filled in; row 2 is blank (only wholly blank rows are skipped)",
    );
    const text = thrownBy(() =>
      call("ABC_BY_OBJECT")(...ledger, column("Calls"), column("A"), column("five")),
    );
    expect(text.message).toBe('log_quantity must be a number; row 1 is "five"');
  });
});

describe("SVC.TDABC", () => {
  it("spills the Garber table: header, activities, used, unused and practical capacity", () => {
    const result = call("TDABC")([[600000]], [[10000]], column(0.75, 3.5, 3), column(8000, 400, 450));
    expect(result).toEqual([
      ["Activity", "Unit cost", "Time used", "Cost assigned"],
      [1, 45, 6000, 360000],
      [2, 210, 1400, 84000],
      [3, 180, 1350, 81000],
      ["Used capacity", "", 8750, 525000],
      ["Unused capacity", "", 1250, 75000],
      ["Practical capacity", 60, 10000, 600000],
    ]);
  });

  it("refuses a range where one value belongs", () => {
    const error = thrownBy(() => call("TDABC")([[1, 2]], [[10]], column(1), column(1)));
    expect(error.message).toBe("capacity_cost must be a single value");
  });
});

describe("SVC.SUPPORT_ALLOCATE", () => {
  const costs = column(10000, 20000);
  const matrix = [
    [0, 0.2, 0.4, 0.4],
    [0.25, 0, 0.25, 0.5],
  ];

  it("returns the operating departments' costs, then the unallocated cost", () => {
    const [row] = call("SUPPORT_ALLOCATE")(costs, matrix, [["direct"]]);
    expect(row).toHaveLength(3);
    expectRelativeClose((row[0] as number) + (row[1] as number), 30000, 1e-12);
    expect(row[2]).toBe(0);
  });

  it("takes the Chinese method names and defaults to reciprocal", () => {
    expect(call("SUPPORT_ALLOCATE")(costs, matrix, [["代数分配法"]])).toEqual(
      call("SUPPORT_ALLOCATE")(costs, matrix),
    );
    expect(thrownBy(() => call("SUPPORT_ALLOCATE")(costs, matrix, [[3]])).message).toBe(
      "method must be text; got 3",
    );
  });
});

describe("SVC.CHANNEL_COST", () => {
  it("returns cost per contact and per resolved contact", () => {
    const [[perContact, perResolved]] = call("CHANNEL_COST")(column(15, 5, 0.5), column(0.05, 0.15, 0.8));
    expectRelativeClose(perContact as number, 1.9, 1e-12);
    expectRelativeClose(perResolved as number, 1.9, 1e-12);
  });
});
