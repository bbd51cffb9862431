/** The scorecard functions as Excel calls them: through the registered wrappers. */
import { thrownExcelError } from "../support/excel-results";
import { registeredFunction } from "../support/registry";

type Cell = number | string | CustomFunctions.Error;
const call = (id: string) => {
  const fn = registeredFunction(id).call;
  return (...args: unknown[]) => fn(...args) as Cell[][];
};
const column = (values: unknown[]) => values.map((value) => [value]);

describe("the KPI functions", () => {
  it("NPS leaves blank answers out and names the row of an out-of-scale one", () => {
    expect(call("NPS")(column([9, 10, null, 10, 7, 8, 0, 3, 5, 6, 6]))).toEqual([[-20]]);
    expect(thrownExcelError(() => call("NPS")(column([9, null, 12]))).message).toBe(
      "scores must be on the 0-10 scale; row 3 is 12",
    );
  });

  it("CSAT, CES and FCR", () => {
    expect(call("CSAT")(column([5, 4, 3, 2, 5]))).toEqual([[0.6]]);
    expect(call("CSAT")(column([5, 4, 3, 2, 5]), [[5]])).toEqual([[0.4]]);
    expect(call("CES")(column([1, 2, 6]))).toEqual([[3]]);
    expect(call("FCR")(column([true, false, 1, null, 1]))).toEqual([[0.75]]);
  });
});

describe("SVC.SCORECARD", () => {
  it("returns each KPI's score, then the composite (the agent scorecard)", () => {
    const result = call("SCORECARD")(
      column([110, 85, 0.72, 5.5]),
      column([100, 90, 0.8, 5]),
      column([20, 30, 30, 20]),
      column(["higher", "higher", "越高越好", "lower"]),
    );
    expect(result).toHaveLength(5);
    expect(result[4][0]).toBeCloseTo(20 + 0.3 * ((100 * 85) / 90) + 27 + 18, 12);
  });

  it("takes one direction for every KPI", () => {
    const [[costScore]] = call("SCORECARD")([[6]], [[5]], [[1]], [["lower"]]);
    expect(costScore).toBeCloseTo(80, 12);
  });
});

describe("SVC.RAG and SVC.TIER_ASSIGN", () => {
  it("RAG spills a status per cell", () => {
    expect(call("RAG")(column([100, 95, 89]), [[100]])).toEqual([["G"], ["A"], ["R"]]);
    expect(call("RAG")([[5.4]], [[5]], [["lower"]])).toEqual([["A"]]);
  });

  it("TIER_ASSIGN puts a boundary value in the upper tier unless told otherwise", () => {
    const tiers = [[50_000]];
    const labels = column(["Silver", "Gold"]);
    expect(call("TIER_ASSIGN")(column([49_999, 50_000, 50_001]), tiers, labels)).toEqual([
      ["Silver"],
      ["Gold"],
      ["Gold"],
    ]);
    expect(call("TIER_ASSIGN")([[50_000]], tiers, labels, [[false]])).toEqual([["Silver"]]);
    expect(thrownExcelError(() => call("TIER_ASSIGN")([[1]], tiers, column([null, "Gold"]))).message).toBe(
      "labels must be filled in; row 1 is blank (only wholly blank rows are skipped)",
    );
  });
});

describe("the levers", () => {
  it("AUTOMATION_SAVINGS, PAYBACK and PARETO_SHARE", () => {
    expect(call("AUTOMATION_SAVINGS")([[100_000]], [[0.7]], [[8]], [[0.3]])[0][0]).toBeCloseTo(539_000, 6);
    expect(call("PAYBACK")([[1_078_000]], [[539_000]])).toEqual([[2]]);
    expect(call("PARETO_SHARE")(column([1, 100, 0, 5, 60, 1, 20, 2, 10, 1]))).toEqual([[0.8]]);
  });
});
