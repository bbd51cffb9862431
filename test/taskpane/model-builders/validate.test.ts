import { describeProblem } from "../../../src/taskpane/model-builders/describe";
import { hasErrors, validateSources, type Problem } from "../../../src/taskpane/model-builders/validate";
import type { CellValue, SourceData } from "../../../src/taskpane/model-builders/types";

/** A table whose header sits on worksheet row `headerRow` (data from the next row). */
function table(name: string, headers: string[], rows: CellValue[][], headerRow = 1): SourceData {
  return {
    ref: { kind: "table", name },
    sheet: name,
    address: `A${headerRow}:${String.fromCharCode(64 + headers.length)}${headerRow + rows.length}`,
    headers,
    rows,
  };
}

const ledger = (rows: CellValue[][]) => ({
  source: table("Ledger", ["Activity", "Cost"], rows),
  mapping: { activity: "Activity", cost: "Cost" },
});
const log = (rows: CellValue[][], headerRow = 1) => ({
  source: table("Log", ["Activity", "Channel", "Minutes"], rows, headerRow),
  mapping: { activity: "Activity", costObject: "Channel", driverQuantity: "Minutes" },
});

const only = (problems: Problem[], code: Problem["code"]) =>
  problems.filter((problem) => problem.code === code);

describe("validateSources", () => {
  it("finds nothing wrong with clean sources", () => {
    const problems = validateSources("abc", {
      ledger: ledger([
        ["Calls", 100],
        ["Chats", 50],
      ]),
      log: log([
        ["Calls", "Phone", 3],
        ["Chats", "Chat", 2],
      ]),
    });
    expect(problems).toEqual([]);
    expect(hasErrors(problems)).toBe(false);
  });

  it("counts text in numeric columns and lists the first worksheet rows", () => {
    const rows: CellValue[][] = Array.from({ length: 8 }, (_, i) => [
      "Calls",
      "Phone",
      i % 2 === 0 ? "n/a" : 4,
    ]);
    // The log's header is on row 3, so data row 0 is worksheet row 4.
    const [problem] = only(
      validateSources("abc", { ledger: ledger([["Calls", 10]]), log: log(rows, 3) }),
      "textInNumber",
    );
    expect(problem).toMatchObject({
      slot: "log",
      severity: "error",
      column: "Minutes",
      count: 4,
      rows: [4, 6, 8, 10],
    });
    expect(describeProblem(problem, "en-US").message).toBe(
      "Text instead of a number in Minutes: 4 (row numbers 4, 6, 8, 10).",
    );
    expect(describeProblem(problem, "zh-CN").message).toBe(
      "Minutes：有 4 行是文本而不是数字（第 4、6、8、10 行）。",
    );
  });

  it("lists at most five rows and marks that there are more", () => {
    const rows: CellValue[][] = Array.from({ length: 7 }, () => ["Calls", "Phone", -1]);
    const [problem] = only(
      validateSources("abc", { ledger: ledger([["Calls", 10]]), log: log(rows) }),
      "negative",
    );
    expect(problem.count).toBe(7);
    expect(problem.rows).toEqual([2, 3, 4, 5, 6]);
    expect(describeProblem(problem, "en-US").message).toContain("(row numbers 2, 3, 4, 5, 6…)");
  });

  it("skips wholly blank rows but refuses blank cells in filled rows", () => {
    const problems = validateSources("abc", {
      ledger: ledger([["Calls", 10]]),
      log: log([
        ["Calls", "Phone", 3],
        [null, null, null],
        ["Calls", "", 2],
      ]),
    });
    expect(only(problems, "blankRows")[0]).toMatchObject({ severity: "info", count: 1, rows: [3] });
    expect(only(problems, "blankCell")[0]).toMatchObject({ severity: "error", column: "Channel", rows: [4] });
  });

  it("warns about log activities missing from the ledger and notes ledger pools with no log rows", () => {
    const problems = validateSources("abc", {
      ledger: ledger([
        ["Calls", 10],
        ["Training", 5],
      ]),
      log: log([
        ["Calls", "Phone", 3],
        ["Callback", "Phone", 1],
        ["callback", "Chat", 1],
      ]),
    });
    expect(hasErrors(problems)).toBe(false);
    const unknown = only(problems, "unknownActivity")[0];
    expect(unknown).toMatchObject({
      severity: "warning",
      count: 2,
      rows: [3, 4],
      values: ["Callback", "callback"],
    });
    expect(describeProblem(unknown, "en-US")).toEqual({
      message:
        "Contact-log rows naming activities the ledger does not have: 2 (Callback, callback; row numbers 3, 4).",
      consequence: "They carry no ledger cost, so the allocation leaves them out.",
    });
    expect(only(problems, "unusedActivity")[0]).toMatchObject({
      severity: "info",
      slot: "ledger",
      values: ["Training"],
    });
  });

  it("matches activity names without regard to case, as the functions do", () => {
    const problems = validateSources("abc", {
      ledger: ledger([["CALLS", 10]]),
      log: log([["calls", "Phone", 3]]),
    });
    expect(problems).toEqual([]);
  });

  it("treats a name with a stray space as another activity, as ABC_BY_OBJECT does", () => {
    const problems = validateSources("abc", {
      ledger: ledger([["Calls", 10]]),
      log: log([["Calls ", "Phone", 3]]),
    });
    expect(only(problems, "unknownActivity")[0]).toMatchObject({ values: ["Calls "], rows: [2] });
    expect(only(problems, "unusedActivity")[0]).toMatchObject({ values: ["Calls"] });
  });

  it("requires mapped roles, existing columns, distinct columns and data rows", () => {
    const problems = validateSources("abc", {
      ledger: {
        source: table("Ledger", ["Activity", "Cost"], []),
        mapping: { activity: "Activity", cost: "Activity" },
      },
      log: {
        source: table("Log", ["Activity", "Channel"], [["Calls", "Phone"]]),
        mapping: { activity: "Activity", costObject: "Channel", driverQuantity: "Gone" },
      },
    });
    expect(problems.map(({ slot, code }) => `${slot}:${code}`).sort()).toEqual([
      "ledger:duplicateColumn",
      "ledger:noRows",
      "log:missingColumn",
    ]);
    const missing = validateSources("staffing", {
      forecast: { source: table("F", ["Volume"], [[1]]), mapping: { volume: "Volume" } },
    });
    expect(only(missing, "missingRole").map((problem) => problem.role)).toEqual(["interval", "handleTime"]);
    expect(only(validateSources("value", {}), "missingSource")).toHaveLength(1);
  });

  it("requires handle times above zero and refuses blank forecast rows (one plan row per interval)", () => {
    const problems = validateSources("staffing", {
      forecast: {
        source: table(
          "F",
          ["Interval", "Volume", "AHT"],
          [
            ["08:00", 10, 0],
            [null, null, null],
            ["08:30", 5, 300],
          ],
        ),
        mapping: { interval: "Interval", volume: "Volume", handleTime: "AHT" },
      },
    });
    expect(only(problems, "notPositive")[0]).toMatchObject({ column: "AHT", rows: [2] });
    // One problem per column, each naming the blank row.
    expect(only(problems, "blankCell").map(({ column, rows }) => [column, rows])).toEqual([
      ["Interval", [3]],
      ["Volume", [3]],
      ["AHT", [3]],
    ]);
    expect(only(problems, "blankRows")).toEqual([]);
  });

  it("wants Excel dates (numbers), not text dates", () => {
    const problems = validateSources("value", {
      transactions: {
        source: table(
          "T",
          ["Customer", "Date", "Amount"],
          [
            ["C1", "2024-01-05", 10],
            ["C1", 45300, 12],
          ],
        ),
        mapping: { customer: "Customer", date: "Date", amount: "Amount" },
      },
    });
    expect(problems.map((problem) => problem.code)).toEqual(["textDate"]);
  });

  it("puts errors before warnings before notes", () => {
    const problems = validateSources("abc", {
      ledger: ledger([
        ["Calls", 10],
        ["Training", 5],
      ]),
      log: log([
        ["Callback", "Phone", 1],
        ["Calls", "Phone", "x"],
      ]),
    });
    const severities = problems.map((problem) => problem.severity);
    expect(severities).toEqual(
      [...severities].sort(
        (a, b) => ["error", "warning", "info"].indexOf(a) - ["error", "warning", "info"].indexOf(b),
      ),
    );
    expect(severities[0]).toBe("error");
  });
});
