import { rfm } from "../../../src/engine/value";
import { cdnowSummary, cdnowTransactions, excelSerial } from "../../support/cdnow";

describe("rfm on CDNOW", () => {
  const { ids, dates, amounts } = cdnowTransactions();
  const summary = rfm(ids, dates, amounts, excelSerial("19970930"), 7);
  const byId = new Map(summary.map((c) => [c.customer, c]));

  it("reproduces the published summary for all 2,357 customers", () => {
    const published = cdnowSummary();
    expect(published).toHaveLength(2357);
    expect(summary).toHaveLength(2357);
    for (const customer of published) {
      const mine = byId.get(customer.id)!;
      expect(mine.frequency).toBe(customer.x);
      expect(Math.abs(mine.recency - customer.tx)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(mine.T - customer.T)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(mine.monetary - customer.zbar)).toBeLessThanOrEqual(0.01);
    }
  });
});

describe("rfm", () => {
  // Day serials: 100 (two purchases), 103, 110, and one after the end date.
  const log = {
    ids: ["a", "A", "b", "a", "a", "b", "a"],
    dates: [100.25, 100.75, 101, 103, 110, 101, 140],
    amounts: [10, 5, 7, 20, 40, 3, 99],
  };

  it("merges same-day purchases, counts repeat days and averages repeat spend (hand-worked)", () => {
    const [a, b] = rfm(log.ids, log.dates, log.amounts, 120);
    expect(a).toEqual({ customer: "a", frequency: 2, recency: 10, T: 20, monetary: 30 });
    expect(b).toEqual({ customer: "b", frequency: 0, recency: 0, T: 19, monetary: 0 });
  });

  it("measures recency and T in periods of period_days days", () => {
    const [a] = rfm(log.ids, log.dates, log.amounts, 120, 7);
    expect(a.recency).toBeCloseTo(10 / 7, 12);
    expect(a.T).toBeCloseTo(20 / 7, 12);
  });

  it("ends at the last date when no end_date is given, and leaves out later customers", () => {
    const [a] = rfm(log.ids, log.dates, log.amounts);
    expect(a).toMatchObject({ frequency: 3, recency: 40, T: 40 });
    expect(rfm(["z", "y"], [50, 200], [1, 1], 100).map((c) => c.customer)).toEqual(["z"]);
  });
});
