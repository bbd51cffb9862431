import { fteNeeded, trafficErlangs } from "../../../src/engine/staffing";
import { engineErrorFrom } from "../../support/engine-errors";

describe("trafficErlangs", () => {
  it("is volume x aht_sec / (interval_min x 60)", () => {
    expect(trafficErlangs({ volume: 100, ahtSec: 180, intervalMin: 30 })).toBe(10);
    expect(trafficErlangs({ volume: 250, ahtSec: 240, intervalMin: 30 })).toBe(33.333333333333336);
  });

  it("refuses traffic beyond Excel's numbers with #NUM!", () => {
    const error = engineErrorFrom(() => trafficErlangs({ volume: 1e300, ahtSec: 1e300, intervalMin: 1 }));
    expect(error.kind).toBe("num");
    expect(error.message).toBe("traffic is too large for Excel's numbers");
  });
});

describe("fteNeeded", () => {
  it("turns a month's workload into FTEs (hand-worked)", () => {
    // 36,000 contacts x 300 s = 3,000 hours; x 1.1 = 3,300; / (165 h x 0.8) = 25 FTE.
    expect(fteNeeded(36_000, 300, 165, 0.1, 0.8)).toBeCloseTo(25, 12);
    // Defaults: no redundancy, full occupancy: 3,000 h / 150 h = 20 FTE.
    expect(fteNeeded(36_000, 300, 150)).toBeCloseTo(20, 12);
    expect(fteNeeded(0, 300, 150)).toBe(0);
  });

  it("is not rounded", () => {
    expect(fteNeeded(1_000, 360, 160)).toBeCloseTo(0.625, 15);
  });

  it("names bad arguments", () => {
    expect(engineErrorFrom(() => fteNeeded(100, 300, 0)).message).toBe("hours_per_fte must be > 0; got 0");
    expect(engineErrorFrom(() => fteNeeded(100, 300, 160, -0.1)).message).toBe(
      "redundancy must be >= 0; got -0.1",
    );
    expect(engineErrorFrom(() => fteNeeded(100, 300, 160, 0, 85)).message).toBe(
      "occupancy must be a fraction > 0 and <= 1; got 85",
    );
  });
});
