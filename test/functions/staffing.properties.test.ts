/**
 * Staffing invariants under random realistic inputs, through the registered wrappers: the staffing
 * is the smallest that meets the target, more agents never hurt, shares stay shares, Erlang A
 * becomes Erlang C as patience grows, and a table's totals add up.
 */
import fc from "fast-check";
import { registeredFunction } from "../support/registry";

const call = (id: string) => {
  const fn = registeredFunction(id).call;
  return (...args: number[]) => {
    const [[value]] = fn(...args.map((arg) => [[arg]])) as unknown[][];
    if (typeof value !== "number") throw new Error(`${id}(${args.join(", ")}) gave ${String(value)}`);
    return value;
  };
};
const staffNeeded = call("STAFF_NEEDED");
const serviceLevel = call("SERVICE_LEVEL");
const abandonRate = call("ABANDON_RATE");
const occupancy = call("OCCUPANCY");

const load = fc.record({
  volume: fc.integer({ min: 1, max: 3_000 }),
  ahtSec: fc.integer({ min: 20, max: 900 }),
  intervalMin: fc.constantFrom(15, 30, 60),
});
const targets = fc.record({
  targetSl: fc.double({ min: 0.5, max: 0.95, noNaN: true }),
  targetSec: fc.integer({ min: 0, max: 60 }),
});
const patience = fc.option(fc.integer({ min: 30, max: 900 }), { nil: undefined });
const traffic = ({ volume, ahtSec, intervalMin }: { volume: number; ahtSec: number; intervalMin: number }) =>
  (volume * ahtSec) / (intervalMin * 60);

describe("staffing invariants", () => {
  it("STAFF_NEEDED is the smallest agent count meeting the service level", () => {
    fc.assert(
      fc.property(load, targets, patience, ({ volume, ahtSec, intervalMin }, { targetSl, targetSec }, p) => {
        const patienceSec = p ?? Infinity;
        const agents = Number.isFinite(patienceSec)
          ? staffNeeded(volume, ahtSec, targetSl, targetSec, intervalMin, 1, 0, patienceSec)
          : staffNeeded(volume, ahtSec, targetSl, targetSec, intervalMin);
        const sl = (n: number) =>
          Number.isFinite(patienceSec)
            ? serviceLevel(n, volume, ahtSec, targetSec, intervalMin, patienceSec)
            : serviceLevel(n, volume, ahtSec, targetSec, intervalMin);
        expect(sl(agents)).toBeGreaterThanOrEqual(targetSl - 1e-9);
        if (agents - 1 > Math.floor(traffic({ volume, ahtSec, intervalMin })))
          expect(sl(agents - 1)).toBeLessThan(targetSl);
        else expect(agents).toBe(Math.floor(traffic({ volume, ahtSec, intervalMin })) + 1);
      }),
      { numRuns: 150 },
    );
  });

  it("scheduled agents cover the raw agents after shrinkage", () => {
    fc.assert(
      fc.property(
        load,
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        ({ volume, ahtSec, intervalMin }, shrinkage) => {
          const raw = staffNeeded(volume, ahtSec, 0.8, 20, intervalMin);
          const scheduled = staffNeeded(volume, ahtSec, 0.8, 20, intervalMin, 1, shrinkage);
          expect(scheduled * (1 - shrinkage)).toBeGreaterThanOrEqual(raw - 1e-6);
          expect((scheduled - 1) * (1 - shrinkage)).toBeLessThan(raw);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("with patience, each added agent raises the service level and lowers abandonment and occupancy", () => {
    fc.assert(
      fc.property(
        load,
        fc.integer({ min: 30, max: 900 }),
        fc.integer({ min: 0, max: 60 }),
        (l, patienceSec, t) => {
          const start = Math.max(1, Math.floor(traffic(l) * 0.7));
          let previous = { sl: -1, abandon: 2, occupancy: 2 };
          for (let n = start; n < start + 8; n++) {
            const now = {
              sl: serviceLevel(n, l.volume, l.ahtSec, t, l.intervalMin, patienceSec),
              abandon: abandonRate(n, l.volume, l.ahtSec, patienceSec, l.intervalMin),
              occupancy: occupancy(n, l.volume, l.ahtSec, l.intervalMin, patienceSec),
            };
            for (const share of Object.values(now)) {
              expect(share).toBeGreaterThanOrEqual(0);
              expect(share).toBeLessThanOrEqual(1);
            }
            // Deep in overload the shares sit within rounding of 0 or 1: allow last-bit noise.
            expect(now.sl).toBeGreaterThanOrEqual(previous.sl - 1e-12);
            expect(now.abandon).toBeLessThanOrEqual(previous.abandon + 1e-12);
            expect(now.occupancy).toBeLessThanOrEqual(previous.occupancy + 1e-12);
            previous = now;
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  // The gap is real, about θ x mean wait (1e9 s of patience still loses 1e-6 of the contacts that
  // wait 1,000 s, and queues a whisker below saturation wait far longer), so the random loads use
  // 1e12 s and keep an agent of headroom; the reference rows check 1e9 s.
  it("Erlang A with near-infinite patience gives Erlang C's service level", () => {
    fc.assert(
      fc.property(load, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 60 }), (l, extra, t) => {
        const agents = Math.ceil(traffic(l) + extra); // at least one agent above the traffic
        const c = serviceLevel(agents, l.volume, l.ahtSec, t, l.intervalMin);
        const a = serviceLevel(agents, l.volume, l.ahtSec, t, l.intervalMin, 1e12);
        expect(Math.abs(a - c)).toBeLessThanOrEqual(1e-6);
      }),
      { numRuns: 150 },
    );
  });

  it("STAFF_TABLE's total row adds up its intervals", () => {
    const staffTable = registeredFunction("STAFF_TABLE").call;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 800 }), { minLength: 1, maxLength: 24 }),
        fc.integer({ min: 60, max: 600 }),
        patience,
        (volumes, ahtSec, p) => {
          const table = staffTable(
            volumes.map((v) => [v]),
            [[ahtSec]],
            [[0.8]],
            [[20]],
            [[30]],
            null,
            [[0.25]],
            [[p ?? null]],
            [[20]],
          ) as (number | string)[][];
          const rows = table.slice(1, -1);
          const total = table.at(-1)!;
          const sum = (column: number) => rows.reduce((s, row) => s + (row[column] as number), 0);
          expect(rows).toHaveLength(volumes.length);
          expect(total[1]).toBe(sum(1));
          expect(total[5]).toBeCloseTo(sum(5), 9);
          expect(total[11]).toBeCloseTo(sum(11), 6);
          const measured = rows.filter((row) => row[1] !== 0).map((row) => row[6] as number);
          if (measured.length > 0) {
            expect(total[6]).toBeGreaterThanOrEqual(Math.min(...measured) - 1e-12);
            expect(total[6]).toBeLessThanOrEqual(Math.max(...measured) + 1e-12);
          } else {
            expect(total[6]).toBe("");
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
