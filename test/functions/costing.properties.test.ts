/**
 * Conservation, as a property: for random non-negative inputs every allocating function gives out
 * exactly the cost it was given (allocated + unallocated = input, to 1e-9 relative).
 */
import fc from "fast-check";
import { registeredFunction } from "../support/registry";

const call = (id: string) => registeredFunction(id).call as (...args: unknown[]) => unknown[][];
const amount = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e7, noNaN: true }));
const quantity = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 500 }) },
);
const matrix = (rows: number, cols: number) =>
  fc.array(fc.array(quantity, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
const total = (values: unknown[]) => (values as number[]).reduce((a, b) => a + b, 0);
const expectConserved = (given: number, allocated: number) =>
  expect(Math.abs(allocated - given)).toBeLessThanOrEqual(1e-9 * Math.max(given, 1e-300));

const sizes = fc.record({
  k: fc.integer({ min: 1, max: 6 }),
  m: fc.integer({ min: 1, max: 6 }),
  n: fc.integer({ min: 1, max: 8 }),
});

describe("conservation", () => {
  it("ABC_ALLOCATE, one stage and two", () => {
    fc.assert(
      fc.property(
        sizes.chain(({ k, m, n }) =>
          fc.tuple(fc.array(amount, { minLength: k, maxLength: k }), matrix(k, m), matrix(m, n)),
        ),
        ([costs, resourceDrivers, activityDrivers]) => {
          const input = total(costs);
          const column = costs.map((c) => [c]);
          expectConserved(input, total(call("ABC_ALLOCATE")(column, resourceDrivers)[0]));
          expectConserved(input, total(call("ABC_ALLOCATE")(column, resourceDrivers, activityDrivers)[0]));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("ABC_BY_OBJECT", () => {
    const activities = ["Calls", "Email", "Chat", "回访"];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...activities), amount), { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.constantFrom(...activities), fc.constantFrom("A", "B", "金卡"), quantity), {
          maxLength: 30,
        }),
        (ledger, log) => {
          const result = call("ABC_BY_OBJECT")(
            ledger.map(([a]) => [a]),
            ledger.map(([, c]) => [c]),
            log.length ? log.map(([a]) => [a]) : [[null]],
            log.length ? log.map(([, o]) => [o]) : [[null]],
            log.length ? log.map(([, , q]) => [q]) : [[null]],
          );
          expectConserved(total(ledger.map(([, c]) => c)), total(result.map((row) => row[1])));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("SUPPORT_ALLOCATE, every method", () => {
    fc.assert(
      fc.property(
        fc
          .record({ s: fc.integer({ min: 1, max: 5 }), o: fc.integer({ min: 1, max: 5 }) })
          .chain(({ s, o }) => fc.tuple(fc.array(amount, { minLength: s, maxLength: s }), matrix(s, s + o))),
        fc.constantFrom("direct", "step", "reciprocal", "interactive"),
        ([costs, service], method) => {
          const result = call("SUPPORT_ALLOCATE")(
            costs.map((c) => [c]),
            service,
            [[method]],
          );
          expectConserved(total(costs), total(result[0]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("TDABC: used + unused capacity = capacity cost", () => {
    fc.assert(
      fc.property(
        amount,
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), quantity), { minLength: 1, maxLength: 10 }),
        (cost, minutes, activities) => {
          const table = call("TDABC")(
            [[cost]],
            [[minutes]],
            activities.map(([u]) => [u]),
            activities.map(([, q]) => [q]),
          );
          const [used, unused] = table.slice(-3, -1).map((row) => row[3] as number);
          expectConserved(cost, used + unused);
          expectConserved(used, total(table.slice(1, -3).map((row) => row[3])));
        },
      ),
      { numRuns: 200 },
    );
  });
});
