/** The customer-value functions as Excel calls them: through the registered wrappers. */
import { cdnowSummary, cdnowTransactions, excelSerial } from "../support/cdnow";
import { thrownExcelError } from "../support/excel-results";
import { registeredFunction } from "../support/registry";
import { expectRelativeClose } from "../support/reference";

type Cell = number | string | CustomFunctions.Error;
const call = (id: string) => {
  const fn = registeredFunction(id).call;
  return (...args: unknown[]) => fn(...args) as Cell[][];
};
const column = (values: unknown[]) => values.map((value) => [value]);
const published = [[0.243], [4.414], [0.793], [2.426]];

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("SVC.CLV", () => {
  it("gives the margin multiple and spills over a column of retention rates", () => {
    const result = call("CLV")([[100]], column([0.8, 0.55]), [[0.1]]);
    expectRelativeClose(result[0][0] as number, 266.66666667, 1e-9);
    expectRelativeClose(result[1][0] as number, 100, 1e-9);
  });

  it("takes timing as text, in English or Chinese, and subtracts the acquisition cost", () => {
    expectRelativeClose(
      call("CLV")([[100]], [[0.8]], [[0.1]], null, [["期初"]])[0][0] as number,
      366.66666667,
      1e-9,
    );
    expect(call("CLV")([[150]], [[0.55]], [[0.1]], null, null, [[100]])[0][0]).toBeCloseTo(50, 9);
    expect(thrownExcelError(() => call("CLV")([[100]], [[0.8]], [[0.1]], null, [[1]])).message).toBe(
      "timing must be text; got 1",
    );
  });

  it("puts #NUM! where an infinite horizon diverges", () => {
    const [[cell]] = call("CLV")([[100]], [[0.95]], [[0.01]], null, null, null, [[0.1]]);
    expect((cell as CustomFunctions.Error).code).toBe("#NUM!");
  });
});

describe("SVC.RFM", () => {
  it("summarises CDNOW's transactions with a header row, customer 1 first", () => {
    const { ids, dates, amounts } = cdnowTransactions();
    const table = call("RFM")(
      column(ids),
      column(dates),
      column(amounts),
      [[excelSerial("19970930")]],
      [[7]],
    );
    expect(table[0]).toEqual(["Customer", "Frequency", "Recency", "T", "Monetary"]);
    expect(table).toHaveLength(1 + cdnowSummary().length);
    const [customer, x, tx, T, zbar] = table[1] as number[];
    expect([customer, x]).toEqual([1, 2]);
    // The published summary rounds to cents and hundredths of a week.
    expect(Math.abs(tx - 30.43)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(T - 38.86)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(zbar - 22.35)).toBeLessThanOrEqual(0.01);
  });

  it("names the row of a partly blank transaction", () => {
    const error = thrownExcelError(() =>
      call("RFM")(column(["a", "b"]), column([35431, null]), column([1, 2])),
    );
    expect(error.message).toBe(
      "dates must be filled in; row 2 is blank (only wholly blank rows are skipped)",
    );
  });
});

describe("the BG/NBD functions", () => {
  const cdnow = cdnowSummary();

  it("BGNBD_FIT spills labelled parameters that BGNBD_EXPECTED reads back", () => {
    const fit = call("BGNBD_FIT")(
      column(cdnow.map((c) => c.x)),
      column(cdnow.map((c) => c.tx)),
      column(cdnow.map((c) => c.T)),
    );
    expect(fit.map((row) => row[0])).toEqual(["r", "alpha", "a", "b", "Log-likelihood"]);
    expect((fit[0][1] as number).toFixed(3)).toBe("0.243");
    const [[fromFit]] = call("BGNBD_EXPECTED")(fit, [[2]], [[30.43]], [[38.86]], [[39]]);
    const [[fromNumbers]] = call("BGNBD_EXPECTED")(published, [[2]], [[30.43]], [[38.86]], [[39]]);
    expect((fromNumbers as number).toFixed(3)).toBe("1.226");
    expect(Math.abs((fromFit as number) - (fromNumbers as number))).toBeLessThan(1e-3);
  });

  it("P_ALIVE spills over customers and is 1 without repeat purchases", () => {
    const result = call("P_ALIVE")(published, column([0, 2]), column([0, 30.43]), column([38.86, 38.86]));
    expect(result[0][0]).toBe(1);
    expect(result[1][0]).toBeLessThan(1);
  });

  it("refuses parameters that are too few", () => {
    expect(thrownExcelError(() => call("P_ALIVE")([[0.2], [4]], [[1]], [[1]], [[2]])).code).toBe("#VALUE!");
  });
});

describe("the spend functions", () => {
  it("GAMMAGAMMA_FIT leaves one-time buyers out, and SPEND_EXPECTED reads its spill", () => {
    const sample = cdnowSummary().slice(0, 300);
    const fit = call("GAMMAGAMMA_FIT")(column(sample.map((c) => c.x)), column(sample.map((c) => c.zbar)));
    expect(fit.map((row) => row[0])).toEqual(["p", "q", "gamma", "Log-likelihood"]);
    const [[spend]] = call("SPEND_EXPECTED")(fit, [[2]], [[20]]);
    expect(spend).toBeGreaterThan(0);
  });

  it("CLV_BGNBD values a customer's next year of monthly purchases, discounted", () => {
    const gg = [[6.25], [3.74], [15.44]];
    const [[value]] = call("CLV_BGNBD")(
      published,
      gg,
      [[2]],
      [[30.43]],
      [[38.86]],
      [[22.35]],
      [[12]],
      [[0.01]],
      [[4.345]],
    );
    const [[undiscounted]] = call("CLV_BGNBD")(
      published,
      gg,
      [[2]],
      [[30.43]],
      [[38.86]],
      [[22.35]],
      [[12]],
      [[0]],
      [[4.345]],
    );
    const [[purchases]] = call("BGNBD_EXPECTED")(published, [[2]], [[30.43]], [[38.86]], [[12 * 4.345]]);
    const [[spend]] = call("SPEND_EXPECTED")(gg, [[2]], [[22.35]]);
    expectRelativeClose(undiscounted as number, (purchases as number) * (spend as number), 1e-9);
    expect(value).toBeLessThan(undiscounted as number);
  });
});

describe("reading model parameters and refusing fits the data cannot support", () => {
  it("reads a labelled block by its labels, in any order", () => {
    const shuffled = [
      ["alpha", 4.414],
      ["r", 0.243],
      ["b", 2.426],
      ["a", 0.793],
    ];
    expect(call("P_ALIVE")(shuffled, [[2]], [[30.43]], [[38.86]])).toEqual(
      call("P_ALIVE")(published, [[2]], [[30.43]], [[38.86]]),
    );
  });

  it("says how many parameters are missing", () => {
    expect(thrownExcelError(() => call("P_ALIVE")([[0.2], [4]], [[1]], [[1]], [[2]])).message).toBe(
      "params needs 4 parameters (r, alpha, a, b); it has 2",
    );
  });

  it("refuses a Gamma-Gamma fit that runs off to infinity (#NUM!), and one without repeat buyers", () => {
    expect(thrownExcelError(() => call("GAMMAGAMMA_FIT")(column([2, 3]), column([20, 20]))).code).toBe(
      "#NUM!",
    );
    expect(thrownExcelError(() => call("GAMMAGAMMA_FIT")(column([0, 0]), column([0, 0]))).message).toBe(
      "GAMMAGAMMA_FIT needs at least one repeat buyer (frequency > 0)",
    );
  });
});
