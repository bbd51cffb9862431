import {
  automationSavings,
  checkedTiers,
  paretoShare,
  payback,
  tierAssign,
} from "../../../src/engine/scorecard";
import { engineErrorFrom } from "../../support/engine-errors";

describe("tierAssign: a 12-month rule, upgrade at mileage >= 50,000 or spend >= 30,000", () => {
  const upgrade = (mileage: number, spend: number) =>
    tierAssign(mileage, [50_000], ["Silver", "Gold"]) === "Gold" ||
    tierAssign(spend, [30_000], ["Silver", "Gold"]) === "Gold";

  it("treats values on each side of each threshold as the rule says (以上 includes the boundary)", () => {
    expect(upgrade(49_999, 29_999)).toBe(false);
    expect(upgrade(50_000, 0)).toBe(true);
    expect(upgrade(50_001, 0)).toBe(true);
    expect(upgrade(0, 30_000)).toBe(true);
    expect(upgrade(0, 29_999.99)).toBe(false);
  });

  it("puts a boundary value in the lower tier when exclusive (超过)", () => {
    expect(tierAssign(50_000, [50_000], ["Silver", "Gold"], false)).toBe("Silver");
    expect(tierAssign(50_000.01, [50_000], ["Silver", "Gold"], false)).toBe("Gold");
    expect(tierAssign(5, [10, 20], ["C", "B", "A"])).toBe("C");
    expect(tierAssign(25, [10, 20], ["C", "B", "A"])).toBe("A");
  });

  it("needs ascending thresholds and one label per tier", () => {
    expect(engineErrorFrom(() => checkedTiers([10, 5], ["a", "b", "c"])).message).toBe(
      "thresholds must be strictly ascending; row 2 is 5",
    );
    expect(engineErrorFrom(() => checkedTiers([10], ["a"])).message).toBe(
      "labels needs one label per tier, one more than thresholds (2); it has 1",
    );
  });
});

describe("paretoShare", () => {
  it("gives the top 20% of ten customers' share (hand-worked)", () => {
    // Top two of 100, 60, 20, 10, 5, 2, 1, 1, 1, 0 (total 200) hold 160: 80%.
    expect(paretoShare([1, 100, 0, 5, 60, 1, 20, 2, 10, 1])).toBe(0.8);
  });

  it("counts the boundary item in part", () => {
    expect(paretoShare([30, 20, 10, 40], 0.3)).toBeCloseTo((40 + 0.2 * 30) / 100, 15);
  });
});

describe("automationSavings and payback", () => {
  it("100,000 contacts a month, 70% deflected, 8 per human vs 0.3 per bot: 539,000 saved", () => {
    expect(automationSavings(100_000, 0.7, 8, 0.3)).toBeCloseTo(539_000, 6);
  });

  it("charges a human again for what the bot does not resolve", () => {
    // 70,000 deflected: bot 0.3 each; 10% still need a human at 8: saving 70,000 x (0.9 x 8 - 0.3).
    expect(automationSavings(100_000, 0.7, 8, 0.3, 0.9)).toBeCloseTo(70_000 * 6.9, 6);
  });

  it("pays back 1,078,000 at 539,000 a month in 2 months, or period by period", () => {
    expect(payback(1_078_000, [539_000])).toBe(2);
    expect(payback(100, [20, 30, 60])).toBeCloseTo(2 + 50 / 60, 15);
    expect(engineErrorFrom(() => payback(100, [-5])).kind).toBe("num");
    expect(engineErrorFrom(() => payback(100, [20, 30])).kind).toBe("num");
  });
});
