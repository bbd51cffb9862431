/** The preview's sample workbook: shape, determinism, and data that behaves like its models. */
import hyp2f1 from "@stdlib/math-base-special-hyp2f1";
import type { PreviewCell, SheetSnapshot } from "../../src/preview/host/workbook";
import {
  CHANNELS,
  CONTACT_LOG,
  COST_LEDGER,
  INTERVAL_FORECAST,
  LEDGER_ACTIVITIES,
  TIERS,
  TRANSACTIONS,
  TRANSACTION_MODEL,
  UNDRIVEN_ACTIVITY,
  createRandom,
  sampleWorkbook,
} from "../../src/preview/samples";

const workbook = sampleWorkbook();

function sheet(name: string): SheetSnapshot {
  const found = workbook.sheets.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The table's body as records keyed by header. */
function records(name: string): Record<string, PreviewCell>[] {
  const [header, ...rows] = sheet(name).cells;
  return rows.map((row) => Object.fromEntries(header.map((title, index) => [String(title), row[index]])));
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const variance = (values: number[]) => {
  const centre = mean(values);
  return values.reduce((sum, value) => sum + (value - centre) ** 2, 0) / (values.length - 1);
};

describe("sampleWorkbook", () => {
  test("is deterministic and plain data", () => {
    expect(sampleWorkbook()).toEqual(workbook);
    expect(JSON.parse(JSON.stringify(workbook))).toEqual(workbook);
  });

  test("holds four sheets, each one table at A1 matching its cells, with a format per cell", () => {
    const layouts = [COST_LEDGER, CONTACT_LOG, INTERVAL_FORECAST, TRANSACTIONS];
    expect(workbook.sheets.map((candidate) => candidate.name)).toEqual(layouts.map((layout) => layout.sheet));
    for (const layout of layouts) {
      const { cells, numberFormats, columnWidths } = sheet(layout.sheet);
      const width = Object.keys(layout.columns).length;
      expect(cells[0]).toEqual(Object.values(layout.columns));
      for (const row of cells) expect(row).toHaveLength(width);
      expect(numberFormats?.map((row) => row.length)).toEqual(cells.map(() => width));
      cells.slice(1).forEach((row, index) =>
        row.forEach((cell, column) => {
          const format = numberFormats?.[index + 1][column];
          if (typeof cell === "number") expect(["#,##0", "#,##0.00", "yyyy-mm-dd"]).toContain(format);
          else expect(format).toBeNull();
        }),
      );
      expect(columnWidths).toHaveLength(width);
      const lastColumn = String.fromCharCode(64 + width);
      expect(workbook.tables).toContainEqual({
        name: layout.table,
        sheet: layout.sheet,
        address: `A1:${lastColumn}${cells.length}`,
      });
    }
    expect(workbook.tables).toHaveLength(4);
    for (const chart of workbook.charts) {
      expect(workbook.sheets.map((candidate) => candidate.name)).toContain(chart.sheet);
    }
  });

  test("the ledger has about eight activity pools costing tens of thousands", () => {
    const ledger = records(COST_LEDGER.sheet);
    expect(LEDGER_ACTIVITIES.length).toBeGreaterThanOrEqual(7);
    expect(LEDGER_ACTIVITIES).toContain(UNDRIVEN_ACTIVITY);
    for (const activity of LEDGER_ACTIVITIES) {
      const pool = ledger
        .filter((line) => line[COST_LEDGER.columns.activity] === activity)
        .reduce((sum, line) => sum + Number(line[COST_LEDGER.columns.cost]), 0);
      expect(pool).toBeGreaterThanOrEqual(10_000);
      expect(pool).toBeLessThan(200_000);
    }
  });

  test("the contact log covers one month and every ledger activity but Training", () => {
    const { columns } = CONTACT_LOG;
    const log = records(CONTACT_LOG.sheet);
    expect(log.length).toBeGreaterThanOrEqual(300);
    expect(log.length).toBeLessThanOrEqual(500);
    const dates = log.map((contact) => Number(contact[columns.date]));
    expect(dates).toEqual([...dates].sort((x, y) => x - y));
    expect(Math.max(...dates) - Math.min(...dates)).toBeLessThan(31);
    for (const contact of log) {
      expect(Number.isInteger(contact[columns.date])).toBe(true);
      expect(CHANNELS).toContain(contact[columns.channel]);
      expect(TIERS).toContain(contact[columns.tier]);
      expect(contact[columns.customer]).toMatch(/^C\d{4}$/);
      const minutes = Number(contact[columns.handleTime]);
      expect(minutes).toBeGreaterThan(0);
      expect(Math.round(minutes * 100) / 100).toBe(minutes);
    }
    const activities = new Set(log.map((contact) => contact[columns.activity]));
    expect(activities.has(UNDRIVEN_ACTIVITY)).toBe(false);
    expect([...activities].sort()).toEqual(
      LEDGER_ACTIVITIES.filter((activity) => activity !== UNDRIVEN_ACTIVITY).sort(),
    );
    expect(new Set(log.map((contact) => contact[columns.channel]))).toEqual(new Set(CHANNELS));
    expect(sheet(CONTACT_LOG.sheet).numberFormats?.[1][0]).toBe("yyyy-mm-dd");
  });

  test("the interval forecast has 96 quarter-hours with a daily profile", () => {
    const { columns } = INTERVAL_FORECAST;
    const forecast = records(INTERVAL_FORECAST.sheet);
    expect(forecast.map((row) => row[columns.interval])).toEqual(
      Array.from(
        { length: 96 },
        (_, index) =>
          `${String(Math.floor(index / 4)).padStart(2, "0")}:${String((index % 4) * 15).padStart(2, "0")}`,
      ),
    );
    const volumes = forecast.map((row) => Number(row[columns.volume]));
    for (const volume of volumes) {
      expect(Number.isInteger(volume)).toBe(true);
      expect(volume).toBeGreaterThanOrEqual(0);
    }
    expect(Math.max(...volumes)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...volumes)).toBeLessThanOrEqual(140);
    expect(Math.max(...volumes.slice(0, 16))).toBeLessThanOrEqual(5); // 00:00-03:45
    for (const row of forecast) {
      expect(row[columns.aht]).toBeGreaterThanOrEqual(240);
      expect(row[columns.aht]).toBeLessThanOrEqual(420);
    }
  });

  describe("transactions", () => {
    const { columns } = TRANSACTIONS;
    const log = records(TRANSACTIONS.sheet);
    const byCustomer = new Map<string, number[]>();
    for (const row of log) {
      const id = String(row[columns.customer]);
      byCustomer.set(id, [...(byCustomer.get(id) ?? []), Number(row[columns.date])]);
    }

    test("every customer buys first inside the first 12 weeks, then within the window", () => {
      const { customers, start, firstPurchaseDays, end } = TRANSACTION_MODEL;
      expect(byCustomer.size).toBe(customers);
      for (const dates of byCustomer.values()) {
        expect(dates[0]).toBeGreaterThanOrEqual(start);
        expect(dates[0]).toBeLessThan(start + firstPurchaseDays);
        expect(dates[dates.length - 1]).toBeLessThanOrEqual(end);
        expect(new Set(dates).size).toBe(dates.length); // one row per customer and day
      }
      expect(end - start).toBe(39 * 7 - 1);
      const dates = log.map((row) => Number(row[columns.date]));
      expect(dates).toEqual([...dates].sort((x, y) => x - y));
      for (const row of log) {
        const amount = Number(row[columns.amount]);
        expect(amount).toBeGreaterThan(0);
        expect(Math.round(amount * 100) / 100).toBe(amount);
      }
    });

    test("the mean number of repeat purchases matches BG/NBD's E[X(T)] within four standard errors", () => {
      const { r, alpha, a, b } = TRANSACTION_MODEL.bgnbd;
      // E[X(t)] = (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))]
      const expectedRepeats = (t: number) =>
        ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
      const weeksObserved = [...byCustomer.values()].map((dates) => (TRANSACTION_MODEL.end - dates[0]) / 7);
      const repeats = [...byCustomer.values()].map((dates) => dates.length - 1);
      const expected = mean(weeksObserved.map(expectedRepeats));
      const standardError = Math.sqrt(variance(repeats) / repeats.length);
      expect(expected).toBeGreaterThan(0.8); // CDNOW's own customers averaged about 1.04
      expect(expected).toBeLessThan(1.6);
      expect(Math.abs(mean(repeats) - expected)).toBeLessThan(4 * standardError);
    });

    test("the mean spend matches Gamma-Gamma's p gamma / (q - 1) within four standard errors", () => {
      const { p, q, gamma } = TRANSACTION_MODEL.gammaGamma;
      const amounts = log.map((row) => Number(row[columns.amount]));
      // Loose: amounts within a customer are correlated and same-day purchases are summed.
      const standardError = Math.sqrt(variance(amounts) / byCustomer.size);
      expect(Math.abs(mean(amounts) - (p * gamma) / (q - 1))).toBeLessThan(4 * standardError);
    });
  });
});

describe("createRandom", () => {
  const draws = (draw: () => number, count = 40_000) => Array.from({ length: count }, draw);

  test("repeats a seed and stays inside (0, 1)", () => {
    const first = draws(createRandom(7).uniform, 1000);
    expect(draws(createRandom(7).uniform, 1000)).toEqual(first);
    expect(Math.min(...first)).toBeGreaterThan(0);
    expect(Math.max(...first)).toBeLessThan(1);
  });

  test.each([
    [0.243, 4.414],
    [3.74, 15.44],
    [6.25, 0.2],
  ])("Gamma(shape %p, rate %p) has mean shape/rate and variance shape/rate^2", (shape, rate) => {
    const random = createRandom(11);
    const sample = draws(() => random.gamma(shape, rate));
    const sd = Math.sqrt(shape) / rate;
    expect(Math.abs(mean(sample) - shape / rate)).toBeLessThan((4 * sd) / Math.sqrt(sample.length));
    expect(variance(sample) / (shape / rate ** 2)).toBeGreaterThan(0.9);
    expect(variance(sample) / (shape / rate ** 2)).toBeLessThan(1.1);
  });

  test("Beta(a, b) has mean a/(a+b) and the Beta variance", () => {
    const [a, b] = [0.793, 2.426];
    const random = createRandom(13);
    const sample = draws(() => random.beta(a, b));
    const expectedVariance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(Math.abs(mean(sample) - a / (a + b))).toBeLessThan(
      4 * Math.sqrt(expectedVariance / sample.length),
    );
    expect(variance(sample) / expectedVariance).toBeGreaterThan(0.95);
    expect(variance(sample) / expectedVariance).toBeLessThan(1.05);
  });
});
