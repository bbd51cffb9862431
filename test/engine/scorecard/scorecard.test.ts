import { direction, kpiScore, rag, scorecard, scoringMethod } from "../../../src/engine/scorecard";
import { engineErrorFrom } from "../../support/engine-errors";

describe("scorecard: an agent's month, weighted efficiency 20% / quality 30% / customer 30% / cost 20%", () => {
  // Efficiency: 110 contacts a day against 100 -> capped at 100.
  // Quality: QA score 85 against 90 -> 100 x 85 / 90 = 94.444...
  // Customer: CSAT 0.72 against 0.8 -> 90.
  // Cost per contact (lower is better): 5.5 against 5 -> 100 x (1 - 0.5 / 5) = 90.
  // Composite: 0.2 x 100 + 0.3 x 94.444 + 0.3 x 90 + 0.2 x 90 = 20 + 28.333 + 27 + 18 = 93.333...
  const card = scorecard(
    [110, 85, 0.72, 5.5],
    [100, 90, 0.8, 5],
    [20, 30, 30, 20],
    ["higher", "higher", "higher", "lower"],
  );

  it("scores each KPI by hand", () => {
    expect(card.scores[0]).toBe(100);
    expect(card.scores[1]).toBeCloseTo((100 * 85) / 90, 12);
    expect(card.scores[2]).toBeCloseTo(90, 12);
    expect(card.scores[3]).toBeCloseTo(90, 12);
  });

  it("weights them into the composite, with weights that need not add up to 1", () => {
    expect(card.composite).toBeCloseTo(20 + 0.3 * ((100 * 85) / 90) + 27 + 18, 12);
  });
});

describe("kpiScore", () => {
  it("handles zero and negative targets without dividing by zero", () => {
    expect(kpiScore(0, 0, "lower", "target")).toBe(100); // no complaints against none
    expect(kpiScore(2, 0, "lower", "target")).toBe(0);
    expect(kpiScore(-4, -5, "higher", "target")).toBe(100); // a smaller loss than planned
    expect(kpiScore(-7.5, -5, "higher", "target")).toBe(50);
  });

  it("scales linearly from worst to target with minmax", () => {
    expect(kpiScore(75, 90, "higher", "minmax", 60)).toBe(50);
    expect(kpiScore(40, 20, "lower", "minmax", 60)).toBe(50);
    expect(kpiScore(10, 20, "lower", "minmax", 60)).toBe(100);
  });

  it("reads directions and methods in English and Chinese", () => {
    expect(["higher", "越低越好", " LOWER "].map((name) => direction(name))).toEqual([
      "higher",
      "lower",
      "lower",
    ]);
    expect(scoringMethod("极差")).toBe("minmax");
    expect(engineErrorFrom(() => direction("up")).kind).toBe("value");
  });

  it("refuses negative weights and weights adding up to 0", () => {
    expect(engineErrorFrom(() => scorecard([1], [1], [-1], ["higher"])).message).toBe(
      "weights must be >= 0; row 1 is -1",
    );
    expect(engineErrorFrom(() => scorecard([1], [1], [0], ["higher"])).kind).toBe("div0");
  });
});

describe("rag", () => {
  it("is green when met, amber within the band, red beyond", () => {
    expect([100, 95, 90, 89.9].map((a) => rag(a, 100))).toEqual(["G", "A", "A", "R"]);
    expect([4, 5, 5.4, 6].map((a) => rag(a, 5, "lower"))).toEqual(["G", "G", "A", "R"]);
  });
});
