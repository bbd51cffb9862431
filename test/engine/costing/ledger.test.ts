import { abcAllocate, abcByObject } from "../../../src/engine/costing";
import { engineErrorFrom } from "../../support/engine-errors";
import { expectRelativeClose } from "../../support/reference";

describe("abcByObject", () => {
  // Ledger: calls 900 (in two lines), email 300, chat 100 (never logged).
  const ledger = { activity: ["Calls", "Email", "calls", "Chat"], cost: [600, 300, 300, 100] };
  // Log, unsorted, keys in mixed case and languages: objects appear as 金卡, Silver, 普通.
  const log = {
    activity: ["Email", "CALLS", "calls", "Email", "Calls", "Returns"],
    object: ["金卡", "Silver", "金卡", "普通", "普通", "Silver"],
    quantity: [1, 20, 50, 2, 30, 5],
  };
  const result = abcByObject(ledger.activity, ledger.cost, log.activity, log.object, log.quantity);

  it("spreads each pool by its activity's logged quantities (hand-worked)", () => {
    // Calls 900 over 100 calls: 金卡 50 -> 450, Silver 20 -> 180, 普通 30 -> 270.
    // Email 300 over 3 emails: 金卡 1 -> 100, 普通 2 -> 200.
    expect(result.objects.map((o) => o.object)).toEqual(["金卡", "Silver", "普通"]);
    expectRelativeClose(result.objects[0].cost, 550, 1e-12);
    expectRelativeClose(result.objects[1].cost, 180, 1e-12);
    expectRelativeClose(result.objects[2].cost, 470, 1e-12);
  });

  it("keeps the pool no log line drives (Chat) on the unallocated line, and loses nothing", () => {
    expect(result.unallocated).toBe(100);
    const total = result.objects.reduce((s, o) => s + o.cost, result.unallocated);
    expectRelativeClose(total, 1300, 1e-12);
  });

  it("matches keys as SUMIFS does: text ignoring case, numbers and numbers written as text", () => {
    const numeric = abcByObject([101, "102"], [50, 70], ["101", 102, 101], ["A", "B", "a"], [1, 1, 3]);
    expect(numeric.objects.map((o) => [o.object, o.cost])).toEqual([
      ["A", 50],
      ["B", 70],
    ]);
  });

  it("agrees with ABC_ALLOCATE on the same data in matrix form", () => {
    const matrix = abcAllocate(
      [900, 300, 100],
      [
        [50, 20, 30],
        [1, 0, 2],
        [0, 0, 0],
      ],
    );
    result.objects.forEach((o, i) => expectRelativeClose(o.cost, matrix.receivers[i], 1e-12));
    expect(result.unallocated).toBe(matrix.unallocated);
  });

  it("names the worksheet row of a negative cost or quantity", () => {
    expect(engineErrorFrom(() => abcByObject(["A"], [-1], [], [], [])).message).toBe(
      "pool_cost must be >= 0; row 1 is -1",
    );
    expect(
      engineErrorFrom(() => abcByObject(["A"], [1], ["A", "A"], ["x", "y"], [1, -2], { log: [2, 5] }))
        .message,
    ).toBe("log_quantity must be >= 0; row 5 is -2");
  });
});

describe("abcByObject at the edges", () => {
  it("matches TRUE with the text TRUE, and numbers at 15 significant digits", () => {
    const result = abcByObject([0.3], [10], [0.1 + 0.2, 0.1 + 0.2], [true, "true"], [1, 1]);
    expect(result.objects).toEqual([{ object: true, cost: 10 }]);
  });

  it("lets a sum past Excel's largest number overflow to Infinity (shown as #NUM!), never NaN", () => {
    const result = abcByObject(["A", "B"], [1.5e308, 1.5e308], [], [], []);
    expect(result.unallocated).toBe(Infinity);
  });
});
