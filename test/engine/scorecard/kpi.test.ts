import { ces, csat, fcr, nps } from "../../../src/engine/scorecard";
import { engineErrorFrom } from "../../support/engine-errors";

describe("nps", () => {
  it("is % promoters (9-10) minus % detractors (0-6), hand-worked", () => {
    // 10 answers: promoters 9, 10, 10 (3); passives 7, 8 (2); detractors 0, 3, 5, 6, 6 (5) -> 30 - 50 = -20.
    expect(nps([9, 10, 10, 7, 8, 0, 3, 5, 6, 6])).toBe(-20);
    expect(nps([10, 9])).toBe(100);
    expect(nps([0])).toBe(-100);
  });

  it("names the row of an out-of-scale or fractional score, and has no value without answers", () => {
    expect(engineErrorFrom(() => nps([9, 11], [2, 7])).message).toBe(
      "scores must be on the 0-10 scale; row 7 is 11",
    );
    expect(engineErrorFrom(() => nps([8.5])).message).toBe(
      "scores must be a whole number >= 0; row 1 is 8.5",
    );
    expect(engineErrorFrom(() => nps([])).kind).toBe("div0");
  });
});

describe("csat, ces and fcr", () => {
  it("CSAT is the top-2-box share on a 5-point scale by default", () => {
    expect(csat([5, 4, 3, 2, 5])).toBe(0.6);
    expect(csat([5, 4, 3, 2, 5], 5)).toBe(0.4);
    expect(csat([9, 10, 6], 9, 10)).toBeCloseTo(2 / 3, 15);
    expect(engineErrorFrom(() => csat([6])).message).toBe("scores must be on the 1-5 scale; row 1 is 6");
  });

  it("CES is the mean effort score; FCR the share resolved at first contact", () => {
    expect(ces([1, 2, 6])).toBe(3);
    expect(fcr([1, 0, 1, 1])).toBe(0.75);
    expect(engineErrorFrom(() => fcr([1, 2])).message).toBe("resolved must be on the 0-1 scale; row 2 is 2");
  });
});
