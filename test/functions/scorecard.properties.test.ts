/** Scorecard invariants under random inputs: scores stay within 0-100, and RAG is monotone in the actual. */
import fc from "fast-check";
import { registeredFunction } from "../support/registry";

const call = (id: string) => registeredFunction(id).call as (...args: unknown[]) => unknown[][];
const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });

describe("scorecard invariants", () => {
  it("every KPI score and the composite stay within 0-100", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            value,
            value,
            fc.double({ min: 0, max: 100, noNaN: true }),
            fc.constantFrom("higher", "lower"),
            value,
          ),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.constantFrom("target", "minmax"),
        (kpis, method) => {
          if (kpis.every(([, , weight]) => weight === 0)) return;
          if (method === "minmax" && kpis.some(([, target, , , worst]) => worst === target)) return;
          const result = call("SCORECARD")(
            kpis.map(([actual]) => [actual]),
            kpis.map(([, target]) => [target]),
            kpis.map(([, , weight]) => [weight]),
            kpis.map(([, , , direction]) => [direction]),
            [[method]],
            kpis.map(([, , , , worst]) => [worst]),
          );
          for (const [score] of result) {
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(100 + 1e-9);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("RAG never gets worse as the actual improves", () => {
    const rank = { R: 0, A: 1, G: 2 } as Record<string, number>;
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 2, maxLength: 20 }),
        value,
        fc.constantFrom("higher", "lower"),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (actuals, target, direction, band) => {
          const sorted = [...actuals].sort((a, b) => (direction === "higher" ? a - b : b - a));
          const statuses = call("RAG")(
            sorted.map((a) => [a]),
            [[target]],
            [[direction]],
            [[band]],
          ).map(([status]) => rank[status as string]);
          statuses.slice(1).forEach((status, i) => expect(status).toBeGreaterThanOrEqual(statuses[i]));
        },
      ),
      { numRuns: 300 },
    );
  });
});
