import {
  erlangCMeasures,
  NO_LIMITS,
  planStaffing,
  serviceLevel,
  staffForAsa,
  staffNeeded,
  withShrinkage,
} from "../../../src/engine/staffing";
import { engineErrorFrom } from "../../support/engine-errors";
import { expectRelativeClose, readReferenceCsv } from "../../support/reference";

const erlangCRows = readReferenceCsv("erlang_c_reference.csv");
const erlangARows = readReferenceCsv("erlang_a_staffing.csv");
const load = (row: Record<string, string>) => ({
  volume: Number(row.calls),
  ahtSec: Number(row.aht_s),
  intervalMin: Number(row.interval_s) / 60,
});

describe("planStaffing against erlang_c_reference.csv", () => {
  it.each(erlangCRows.map((row) => [row.case_id, row] as const))("%s", (_id, row) => {
    const plan = planStaffing(
      load(row),
      { kind: "serviceLevel", target: Number(row.target_sl), withinSec: Number(row.target_time_s) },
      { ...NO_LIMITS, maxOccupancy: Number(row.max_occupancy), shrinkage: Number(row.shrinkage) },
    );
    expect(plan.agents).toBe(Number(row.raw_agents));
    expect(plan.scheduled).toBe(Number(row.agents_with_shrinkage));
    expectRelativeClose(plan.traffic, Number(row.traffic_erlangs), 1e-12);
    const m = plan.measures!;
    expectRelativeClose(m.serviceLevel(Number(row.target_time_s)), Number(row.service_level), 1e-6);
    expectRelativeClose(m.asaSec, Number(row.asa_s), 1e-6);
    expectRelativeClose(m.occupancy, Number(row.occupancy), 1e-6);
    expectRelativeClose(m.pWait, Number(row.p_wait), 1e-9);
    // The same through the worksheet function's core.
    expect(
      staffNeeded(
        Number(row.calls),
        Number(row.aht_s),
        Number(row.target_sl),
        Number(row.target_time_s),
        Number(row.interval_s) / 60,
        Number(row.max_occupancy),
        Number(row.shrinkage),
      ),
    ).toBe(Number(row.agents_with_shrinkage));
  });
});

describe("planStaffing against erlang_a_staffing.csv", () => {
  it.each(erlangARows.map((row) => [row.case_id, row] as const))("%s", (_id, row) => {
    const targets = {
      kind: "serviceLevel",
      target: Number(row.target_sl_offered),
      withinSec: Number(row.target_time_s),
    } as const;
    const plan = planStaffing(load(row), targets, {
      maxOccupancy: Number(row.max_occupancy),
      shrinkage: Number(row.shrinkage),
      patienceSec: Number(row.patience_s),
      maxAbandon: Number(row.max_abandon),
    });
    expect(plan.agents).toBe(Number(row.raw_agents));
    expect(plan.scheduled).toBe(Number(row.agents_with_shrinkage));
    const m = plan.measures!;
    expectRelativeClose(m.serviceLevel(Number(row.target_time_s)), Number(row.sl_offered), 1e-6);
    expectRelativeClose(m.pWait, Number(row.p_wait), 1e-6);
    expectRelativeClose(m.pAbandon, Number(row.p_abandon), 1e-6);
    expectRelativeClose(m.occupancy, Number(row.occupancy), 1e-6);
    expectRelativeClose(m.asaSec, Number(row.asa_answered_s), 1e-6);
    // Ignoring abandonment (Erlang C) asks for more agents for the same target.
    const erlangC = planStaffing(load(row), targets, {
      ...NO_LIMITS,
      maxOccupancy: Number(row.max_occupancy),
    });
    expect(erlangC.agents).toBe(Number(row.erlang_c_agents_same_sl_target));
  });
});

describe("the smallest number of agents", () => {
  it("is minimal: one agent fewer misses the target or a cap", () => {
    for (const traffic of [0.5, 3, 10, 48, 333.3, 2_000]) {
      const volume = (traffic * 3600) / 300;
      for (const maxOccupancy of [1, 0.85]) {
        const plan = planStaffing(
          { volume, ahtSec: 300, intervalMin: 60 },
          { kind: "serviceLevel", target: 0.8, withinSec: 20 },
          { ...NO_LIMITS, maxOccupancy },
        );
        const fewer = plan.agents - 1;
        expect(plan.measures!.serviceLevel(20)).toBeGreaterThanOrEqual(0.8);
        expect(plan.measures!.occupancy).toBeLessThanOrEqual(maxOccupancy);
        if (fewer > Math.floor(traffic)) {
          const m = erlangCMeasures(fewer, traffic, 300);
          expect(m.serviceLevel(20) < 0.8 || m.occupancy > maxOccupancy).toBe(true);
        } else {
          expect(fewer).toBe(Math.floor(traffic));
        }
      }
    }
  });

  it("starts at floor(traffic) + 1, so a zero target still staffs a stable queue", () => {
    expect(staffNeeded(100, 180, 0, 20, 30)).toBe(11);
  });

  it("needs no agents for an interval without contacts", () => {
    expect(staffNeeded(0, 180, 0.8, 20)).toBe(0);
    expect(staffForAsa(0, 180, 30, 60, 0.85, 0.3, 120)).toBe(0);
  });

  it("finds the ASA staffing of a hand check: 14 agents give 7.84 s, 13 give 17.1 s", () => {
    // 100 calls / 30 min at 180 s = 10 Erlangs; ASA = C x 180 / (N - 10).
    expect(serviceLevel(14, 100, 180, 20, 30)).toBeCloseTo(0.88835, 5);
    expect(staffForAsa(100, 180, 8, 30)).toBe(14);
    expect(staffForAsa(100, 180, 17.2, 30)).toBe(13);
    expect(staffForAsa(100, 180, 8, 30, 1, 0.3)).toBe(20);
  });

  it("meets an abandonment cap with Erlang A", () => {
    const capped = planStaffing(
      { volume: 100, ahtSec: 180, intervalMin: 30 },
      { kind: "serviceLevel", target: 0.5, withinSec: 20 },
      { ...NO_LIMITS, patienceSec: 300, maxAbandon: 0.01 },
    );
    expect(capped.measures!.pAbandon).toBeLessThanOrEqual(0.01);
    expect(capped.agents).toBe(15); // 14 agents abandon 1.40% (reference A01), 15 fewer
  });
});

describe("shrinkage", () => {
  it("rounds up after a 1e-9 tolerance: 21 / 0.7 is 30, not 31", () => {
    expect(21 / 0.7).toBeGreaterThan(30);
    expect(withShrinkage(21, 0.3)).toBe(30);
    expect(withShrinkage(21, 0.31)).toBe(31);
    expect(withShrinkage(14, 0)).toBe(14);
  });
});

describe("targets that cannot be met", () => {
  it("refuses a service level of 100% with #NUM!", () => {
    const error = engineErrorFrom(() => staffNeeded(100, 180, 1, 20, 30));
    expect(error.kind).toBe("num");
    expect(error.message).toBe("target_sl 1 cannot be met: with any traffic some contacts wait");
  });

  it("refuses an abandonment cap of 0 with finite patience, but not without patience", () => {
    const error = engineErrorFrom(() => staffNeeded(100, 180, 0.8, 20, 30, 1, 0, 300, 0));
    expect(error.kind).toBe("num");
    expect(error.message).toBe(
      "max_abandon 0 cannot be met: with a finite patience_sec some waiting contacts always abandon",
    );
    expect(staffNeeded(100, 180, 0.8, 20, 30, 1, 0, Infinity, 0)).toBe(14);
  });

  it("reads an ASA target of 0 as a bad value: nobody can answer every contact at once", () => {
    const error = engineErrorFrom(() => staffForAsa(100, 180, 0));
    expect(error.kind).toBe("value");
    expect(error.message).toBe("target_asa_sec must be > 0; got 0");
  });

  it("moves past agent counts whose queue is too long to evaluate instead of failing", () => {
    // 100,000 Erlangs with a billion seconds of patience: a hair above the traffic the queue is
    // practically endless; the answer is Erlang C's.
    expect(staffNeeded(1_200_000, 300, 0.8, 20, 60, 1, 0, 1e9)).toBe(staffNeeded(1_200_000, 300, 0.8, 20));
  });

  it("refuses traffic beyond 1,000,000 agents with #NUM!", () => {
    const error = engineErrorFrom(() => staffNeeded(1e9, 3600, 0.8, 20));
    expect(error.kind).toBe("num");
    expect(error.message).toBe(
      "meeting these targets at 1,000,000,000 Erlangs needs more than 1,000,000 agents",
    );
  });
});

describe("bad units", () => {
  it.each([
    [() => staffNeeded(-5, 180, 0.8, 20), "volume must be >= 0; got -5"],
    [() => staffNeeded(100, -3, 0.8, 20), "aht_sec must be > 0; got -3"],
    [() => staffNeeded(100, 180, 80, 20), "target_sl must be a fraction between 0 and 1; got 80"],
    [() => staffNeeded(100, 180, 0.8, -20), "target_sec must be >= 0; got -20"],
    [() => staffNeeded(100, 180, 0.8, 20, 0), "interval_min must be > 0; got 0"],
    [() => staffNeeded(100, 180, 0.8, 20, 30, 0), "max_occupancy must be a fraction > 0 and <= 1; got 0"],
    [() => staffNeeded(100, 180, 0.8, 20, 30, 1, 1), "shrinkage must be a fraction >= 0 and < 1; got 1"],
    [() => staffNeeded(100, 180, 0.8, 20, 30, 1, 0.3, -1), "patience_sec must be > 0; got -1"],
    [
      () => staffNeeded(100, 180, 0.8, 20, 30, 1, 0.3, 300, 5),
      "max_abandon must be a fraction between 0 and 1; got 5",
    ],
    [() => staffForAsa(100, 180, -1), "target_asa_sec must be > 0; got -1"],
  ])("%#: %s", (call, message) => {
    const error = engineErrorFrom(call);
    expect(error.kind).toBe("value");
    expect(error.message).toBe(message);
  });
});
