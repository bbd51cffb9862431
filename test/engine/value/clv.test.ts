import { clv, clvTiming } from "../../../src/engine/value";
import { engineErrorFrom } from "../../support/engine-errors";
import { expectRelativeClose, readReferenceCsv } from "../../support/reference";

describe("clv against clv_reference.csv", () => {
  const rows = readReferenceCsv("clv_reference.csv");
  it("has reference rows", () => expect(rows.length).toBeGreaterThanOrEqual(5));

  it.each(rows.map((row) => [row.case_id, row] as const))("%s", (_id, row) => {
    const periods = row.horizon_periods === "inf" ? Infinity : Number(row.horizon_periods);
    const timing = clvTiming(row.timing_convention);
    const args = [
      Number(row.margin_per_period),
      Number(row.retention),
      Number(row.discount_rate),
      periods,
      timing,
    ] as const;
    expectRelativeClose(clv(...args, 0, Number(row.margin_growth)), Number(row.clv_gross), 1e-9);
    expectRelativeClose(
      clv(...args, Number(row.acquisition_cost), Number(row.margin_growth)),
      Number(row.clv_net_of_acquisition),
      1e-9,
    );
  });
});

describe("clv", () => {
  it("grows the margin each period (hand-worked, 3 periods)", () => {
    // m 100, r 0.8, d 0.1, g 5%: 100 x 0.8/1.1 + 105 x (0.8/1.1)^2 + 110.25 x (0.8/1.1)^3.
    const q = 0.8 / 1.1;
    expectRelativeClose(
      clv(100, 0.8, 0.1, 3, "end", 0, 0.05),
      100 * q + 105 * q ** 2 + 110.25 * q ** 3,
      1e-12,
    );
    // Infinite horizon: m r / (1 + d - r (1 + g)).
    expectRelativeClose(clv(100, 0.8, 0.1, Infinity, "end", 0, 0.05), 80 / (1.1 - 0.84), 1e-12);
  });

  it("is worth nothing over 0 periods, and begin = end x (1 + d) / r", () => {
    expect(clv(100, 0.8, 0.1, 0)).toBe(0);
    expectRelativeClose(clv(100, 0.8, 0.1, 7, "begin"), (clv(100, 0.8, 0.1, 7) * 1.1) / 0.8, 1e-12);
  });

  it("refuses an infinite horizon that diverges with #NUM!", () => {
    const error = engineErrorFrom(() => clv(100, 0.95, 0.1, Infinity, "end", 0, 0.2));
    expect(error.kind).toBe("num");
    expect(error.message).toMatch(/^the lifetime value over an infinite horizon has no limit/);
    expect(clv(100, 0.95, 0.1, 10, "end", 0, 0.2)).toBeGreaterThan(0); // a finite horizon is fine
  });

  it("names bad arguments", () => {
    expect(engineErrorFrom(() => clv(100, 80, 0.1)).message).toBe(
      "retention must be a fraction between 0 and 1; got 80",
    );
    expect(engineErrorFrom(() => clv(100, 0.8, -0.1)).message).toBe("discount_rate must be >= 0; got -0.1");
    expect(engineErrorFrom(() => clv(100, 0.8, 0.1, 2.5)).message).toBe(
      "periods must be a whole number >= 0; got 2.5",
    );
    expect(engineErrorFrom(() => clv(100, 0.8, 0.1, 5, "end", 0, -1)).message).toBe(
      "margin_growth must be > -1; got -1",
    );
    expect(engineErrorFrom(() => clvTiming("later")).message).toBe(
      'timing must be one of "end", "begin", "期末", "期初"; got "later"',
    );
    expect(clvTiming("期初")).toBe("begin");
  });
});
