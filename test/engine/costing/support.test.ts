import { supportAllocate, supportMethod } from "../../../src/engine/costing";
import { engineErrorFrom } from "../../support/engine-errors";
import { expectRelativeClose } from "../../support/reference";

/**
 * Two support departments (S1 maintenance 10,000; S2 IT 20,000) and two operating ones (P1, P2).
 * S1's service: 20% to S2, 40% to P1, 40% to P2. S2's: 25% to S1, 25% to P1, 50% to P2.
 */
const costs = [10_000, 20_000];
const service = [
  [0, 0.2, 0.4, 0.4],
  [0.25, 0, 0.25, 0.5],
];
const close = (actual: number[], expected: number[]) =>
  expected.forEach((value, i) => expectRelativeClose(actual[i], value, 1e-12));

describe("supportAllocate: the hand-worked textbook example", () => {
  it("direct: each support department straight to P1 and P2 by their shares", () => {
    // S1: 10,000 x 0.4/0.8 = 5,000 each. S2: 20,000 x 0.25/0.75 = 6,666.67 to P1, 13,333.33 to P2.
    close(supportAllocate(costs, service, "direct").receivers, [5_000 + 20_000 / 3, 5_000 + 40_000 / 3]);
  });

  it("step, S1 first: S1 passes 2,000 to S2, nothing flows back", () => {
    // S1: 2,000 to S2, 4,000 to P1, 4,000 to P2. S2: 22,000 x 1/3 to P1, x 2/3 to P2.
    close(supportAllocate(costs, service, "step").receivers, [4_000 + 22_000 / 3, 4_000 + 44_000 / 3]);
  });

  it("reciprocal: T1 = 10,000 + 0.25 T2, T2 = 20,000 + 0.2 T1", () => {
    // T1 = 15,000 / 0.95 = 15,789.47; T2 = 20,000 + 0.2 T1 = 23,157.89.
    const t1 = 15_000 / 0.95;
    const t2 = 20_000 + 0.2 * t1;
    const { receivers, unallocated } = supportAllocate(costs, service, "reciprocal");
    close(receivers, [0.4 * t1 + 0.25 * t2, 0.4 * t1 + 0.5 * t2]);
    expect(unallocated).toBe(0);
    expectRelativeClose(receivers[0] + receivers[1], 30_000, 1e-12);
  });

  it("interactive (交互分配法): one exchange at the pre-exchange rates, then out to P1 and P2", () => {
    // S1 gets 0.25 x 20,000 = 5,000 and gives 0.2 x 10,000 = 2,000: 13,000, split 50/50.
    // S2 gets 2,000 and gives 5,000: 17,000, split 1/3 and 2/3.
    close(supportAllocate(costs, service, "交互分配法").receivers, [6_500 + 17_000 / 3, 6_500 + 34_000 / 3]);
  });

  it("reciprocal is the default, and every method allocates all 30,000", () => {
    expect(supportAllocate(costs, service)).toEqual(supportAllocate(costs, service, "reciprocal"));
    for (const method of ["direct", "step", "reciprocal", "interactive"]) {
      const { receivers, unallocated } = supportAllocate(costs, service, method);
      expectRelativeClose(receivers[0] + receivers[1] + unallocated, 30_000, 1e-12);
    }
  });
});

describe("supportAllocate", () => {
  it("accepts quantities (hours of service) as well as shares", () => {
    const hours = service.map((row) => row.map((share) => share * 120));
    close(supportAllocate(costs, hours).receivers, supportAllocate(costs, service).receivers);
  });

  it("ignores a department's service to itself", () => {
    const withSelf = [
      [5, 0.2, 0.4, 0.4],
      [0.25, 9, 0.25, 0.5],
    ];
    close(supportAllocate(costs, withSelf).receivers, supportAllocate(costs, service).receivers);
  });

  it("keeps the cost of a support department that serves nobody unallocated", () => {
    const idle = [
      [0, 0.5, 0.5, 0],
      [0, 0, 0, 0],
    ];
    const { receivers, unallocated } = supportAllocate(costs, idle, "reciprocal");
    expect(receivers[0]).toBeCloseTo(5_000, 9);
    expect(unallocated).toBeCloseTo(25_000, 9);
  });

  it("keeps cost that circulates among support departments serving only each other unallocated", () => {
    // S1 and S2 serve only each other; S3 serves S1 half and P1 half.
    const loop = [
      [0, 1, 0, 0],
      [1, 0, 0, 0],
      [0.5, 0, 0, 0.5],
    ];
    for (const method of ["reciprocal", "direct", "step", "interactive"]) {
      const { receivers, unallocated } = supportAllocate([10, 20, 30], loop, method);
      expectRelativeClose(receivers[0] + unallocated, 60, 1e-12);
    }
    // Reciprocal: S3's 30 goes half to P1, half into the loop.
    expect(supportAllocate([10, 20, 30], loop, "reciprocal")).toEqual({ receivers: [15], unallocated: 45 });
  });

  it("knows the English and Chinese method names", () => {
    expect(
      ["直接分配法", "顺序分配法", "代数分配法", "交互分配法", " Step ", "RECIPROCAL"].map(supportMethod),
    ).toEqual(["direct", "step", "reciprocal", "interactive", "step", "reciprocal"]);
    expect(engineErrorFrom(() => supportMethod("fifo")).message).toMatch(/^method must be one of "direct", /);
  });

  it("names bad shapes", () => {
    expect(engineErrorFrom(() => supportAllocate(costs, [[0, 1, 1]])).message).toBe(
      "service_matrix must have one row per row of support_costs (2); it has 1",
    );
    expect(
      engineErrorFrom(() =>
        supportAllocate(costs, [
          [0, 1],
          [1, 0],
        ]),
      ).message,
    ).toBe(
      "service_matrix needs one column per support department (2) and then at least one operating department; it has 2 columns in all",
    );
  });
});
