/**
 * Customer-value family: retention CLV, the RFM summary, BG/NBD and Gamma-Gamma fitted on the
 * sheet, and per-customer expectations and lifetime value. Maths in src/engine/value. Fitted
 * parameters spill as a labelled column that the other functions read back.
 */
import {
  asGrid,
  invalidValue,
  type Key,
  mapNumbers,
  placeIn,
  readKey,
  readNumber,
  readRecords,
  shapeOf,
} from "../engine/core";
import {
  bgnbdExpected as bgnbdExpectedCore,
  bgnbdFit as bgnbdFitCore,
  clv as clvCore,
  clvBgnbd as clvBgnbdCore,
  clvTiming,
  gammaGammaFit as gammaGammaFitCore,
  pAlive as pAliveCore,
  rfm as rfmCore,
  spendExpected as spendExpectedCore,
  type BgnbdParams,
  type GammaGammaParams,
} from "../engine/value";
import { tableLabels } from "../i18n/tables";
import { arg, keyCell, optional, singleNumber, singleText } from "./arguments";
import { displayLocale, runSpill } from "./excel";

/**
 * Model parameters as the fit functions spill them (a label column and a value column), or as a
 * plain row or column of numbers in the documented order.
 */
function readParams(value: unknown, name: string, names: string[]): number[] {
  const grid = asGrid(value, name);
  const shape = shapeOf(grid);
  const labelled = shape.cols >= 2 && grid.every((row) => typeof row[0] === "string");
  const cells = labelled
    ? grid.map((row, r) => ({
        label: String(row[0]).trim().toLowerCase(),
        cell: row[1],
        place: placeIn(shape, r, 1),
      }))
    : grid.flatMap((row, r) => row.map((cell, c) => ({ label: "", cell, place: placeIn(shape, r, c) })));
  // A labelled block is read by its labels, in whatever order; anything else in the documented order.
  const byLabel = names.map((n) => cells.find((c) => c.label === n));
  const chosen = byLabel.every(Boolean) ? byLabel : cells.slice(0, names.length);
  if (chosen.length < names.length || chosen.some((c) => c === undefined))
    throw invalidValue("tooFewParameters", {
      arg: name,
      other: names.join(", "),
      limit: String(names.length),
      actual: String(cells.length),
    });
  return chosen.map((c) => readNumber(c!.cell, name, c!.place));
}

const bgnbdParams = (value: unknown, name: string): BgnbdParams => {
  const [r, alpha, a, b] = readParams(value, name, ["r", "alpha", "a", "b"]);
  return { r, alpha, a, b };
};
const gammaGammaParams = (value: unknown, name: string): GammaGammaParams => {
  const [p, q, gamma] = readParams(value, name, ["p", "q", "gamma"]);
  return { p, q, gamma };
};

/**
 * Customer lifetime value from retention: margin x retention / (1 + discount_rate - retention) over an infinite horizon; finite horizons, "end" or "begin" timing, margin growth and acquisition cost.
 * @customfunction CLV
 * @helpurl https://localhost:3000/docs/functions/CLV.html
 * @param {any[][]} margin Margin per customer per period. A range spills one result per cell.
 * @param {any[][]} retention Share of customers kept from one period to the next, a fraction.
 * @param {any[][]} discount_rate Discount rate per period, >= 0 (0.1 = 10%).
 * @param {any[][]} [periods] Number of periods, a whole number >= 0. Blank: an infinite horizon.
 * @param {any[][]} [timing] "end" (default): the first margin comes at the end of the first period; "begin": the current period's margin counts now. Also 期末 / 期初.
 * @param {any[][]} [acquisition_cost] Cost of acquiring the customer, subtracted, >= 0. Default 0.
 * @param {any[][]} [margin_growth] Growth of the margin per period, > -1. Default 0.
 * @returns {any[][]} Lifetime value per customer.
 */
export function clv(
  margin: any[][],
  retention: any[][],
  discount_rate: any[][],
  periods?: any[][],
  timing?: any[][],
  acquisition_cost?: any[][],
  margin_growth?: any[][],
): any[][] {
  return runSpill("CLV", () => {
    const convention = clvTiming(singleText(timing, "timing", "end"));
    return mapNumbers(
      [
        arg("margin", margin),
        arg("retention", retention),
        arg("discount_rate", discount_rate),
        optional("periods", periods, Infinity),
        optional("acquisition_cost", acquisition_cost, 0),
        optional("margin_growth", margin_growth, 0),
      ],
      (m, r, d, n, acquisition, growth) => clvCore(m, r, d, n, convention, acquisition, growth),
    );
  });
}

/**
 * The per-customer summary BG/NBD needs, from a transaction log: frequency (repeat purchase days), recency and T (in periods of period_days days), and monetary (mean repeat spend), under a header row.
 * @customfunction RFM
 * @helpurl https://localhost:3000/docs/functions/RFM.html
 * @param {any[][]} customer_ids Customer of each transaction, a column (text or numbers).
 * @param {any[][]} dates Date of each transaction (Excel dates), a column matching customer_ids.
 * @param {any[][]} amounts Value of each transaction, a column matching customer_ids.
 * @param {any[][]} [end_date] End of the observation period (an Excel date). Default: the last date in the log.
 * @param {any[][]} [period_days] Days per period for recency and T, > 0: 7 gives weeks. Default 1 (days).
 * @returns {any[][]} A table: customer, frequency, recency, T, monetary, one row per customer in order of first appearance.
 */
export function rfm(
  customer_ids: any[][],
  dates: any[][],
  amounts: any[][],
  end_date?: any[][],
  period_days?: any[][],
): any[][] {
  return runSpill("RFM", () => {
    const log = readRecords<[Key, number, number]>([
      { name: "customer_ids", value: customer_ids, read: readKey },
      { name: "dates", value: dates, read: readNumber },
      { name: "amounts", value: amounts, read: readNumber },
    ]);
    const summary = rfmCore(
      ...log.columns,
      singleNumber(end_date, "end_date"),
      singleNumber(period_days, "period_days", 1),
      log.rows,
    );
    const labels = tableLabels(displayLocale());
    return [
      [labels.customer, labels.frequency, labels.recency, labels.T, labels.monetary],
      ...summary.map((c) => [keyCell(c.customer), c.frequency, c.recency, c.T, c.monetary]),
    ];
  });
}

/** The three summary columns of the BG/NBD functions, read row by row. */
function readCustomers(frequency: unknown, recency: unknown, T: unknown) {
  return readRecords<[number, number, number]>([
    { name: "frequency", value: frequency, read: readNumber },
    { name: "recency", value: recency, read: readNumber },
    { name: "T", value: T, read: readNumber },
  ]);
}

/**
 * Fits the BG/NBD model by maximum likelihood to customers' frequency, recency and T; spills the labelled parameters r, alpha, a, b and the log-likelihood.
 * @customfunction BGNBD_FIT
 * @helpurl https://localhost:3000/docs/functions/BGNBD_FIT.html
 * @param {any[][]} frequency Repeat purchases of each customer, a column of whole numbers >= 0.
 * @param {any[][]} recency Time from each customer's first to last purchase, a column matching frequency.
 * @param {any[][]} T Time from each customer's first purchase to the end of the period, a column matching frequency.
 * @param {any[][]} [penalizer] L2 penalty on the parameters, >= 0. Default 0.
 * @returns {any[][]} Two columns: the names r, alpha, a, b, log-likelihood and their values.
 */
export function bgnbdFit(frequency: any[][], recency: any[][], T: any[][], penalizer?: any[][]): any[][] {
  return runSpill("BGNBD_FIT", () => {
    const customers = readCustomers(frequency, recency, T);
    const [x, tx, age] = customers.columns;
    const fit = bgnbdFitCore(
      { frequency: x, recency: tx, T: age },
      singleNumber(penalizer, "penalizer", 0),
      customers.rows,
    );
    return [
      ["r", fit.r],
      ["alpha", fit.alpha],
      ["a", fit.a],
      ["b", fit.b],
      [tableLabels(displayLocale()).logLikelihood, fit.logLikelihood],
    ];
  });
}

/**
 * Expected purchases of each customer in the next horizon time units (the data's time unit), under a fitted BG/NBD model.
 * @customfunction BGNBD_EXPECTED
 * @helpurl https://localhost:3000/docs/functions/BGNBD_EXPECTED.html
 * @param {any[][]} params BG/NBD parameters: the spill of BGNBD_FIT (read by its labels), or r, alpha, a, b in that order.
 * @param {any[][]} frequency Repeat purchases, a whole number >= 0. A range spills one result per cell.
 * @param {any[][]} recency Time from first to last purchase, <= T.
 * @param {any[][]} T Time from first purchase to the end of the period, >= 0.
 * @param {any[][]} horizon Length of the future period, in the same time unit, >= 0.
 * @returns {any[][]} Expected number of purchases.
 */
export function bgnbdExpected(
  params: any[][],
  frequency: any[][],
  recency: any[][],
  T: any[][],
  horizon: any[][],
): any[][] {
  return runSpill("BGNBD_EXPECTED", () => {
    const model = bgnbdParams(params, "params");
    return mapNumbers(
      [arg("frequency", frequency), arg("recency", recency), arg("T", T), arg("horizon", horizon)],
      (x, tx, age, t) => bgnbdExpectedCore(model, x, tx, age, t),
    );
  });
}

/**
 * Probability that each customer is still active, under a fitted BG/NBD model.
 * @customfunction P_ALIVE
 * @helpurl https://localhost:3000/docs/functions/P_ALIVE.html
 * @param {any[][]} params BG/NBD parameters: the spill of BGNBD_FIT (read by its labels), or r, alpha, a, b in that order.
 * @param {any[][]} frequency Repeat purchases, a whole number >= 0. A range spills one result per cell.
 * @param {any[][]} recency Time from first to last purchase, <= T.
 * @param {any[][]} T Time from first purchase to the end of the period, >= 0.
 * @returns {any[][]} Probability of being alive, between 0 and 1.
 */
export function pAlive(params: any[][], frequency: any[][], recency: any[][], T: any[][]): any[][] {
  return runSpill("P_ALIVE", () => {
    const model = bgnbdParams(params, "params");
    return mapNumbers([arg("frequency", frequency), arg("recency", recency), arg("T", T)], (x, tx, age) =>
      pAliveCore(model, x, tx, age),
    );
  });
}

/**
 * Fits the Gamma-Gamma spend model by maximum likelihood on repeat buyers (frequency > 0); spills the labelled parameters p, q, gamma and the log-likelihood.
 * @customfunction GAMMAGAMMA_FIT
 * @helpurl https://localhost:3000/docs/functions/GAMMAGAMMA_FIT.html
 * @param {any[][]} frequency Repeat purchases of each customer, a column of whole numbers >= 0; customers with 0 are left out.
 * @param {any[][]} monetary Mean value of each customer's repeat purchases, > 0 for repeat buyers, a column matching frequency.
 * @returns {any[][]} Two columns: the names p, q, gamma, log-likelihood and their values.
 */
export function gammaGammaFit(frequency: any[][], monetary: any[][]): any[][] {
  return runSpill("GAMMAGAMMA_FIT", () => {
    const spend = readRecords<[number, number]>([
      { name: "frequency", value: frequency, read: readNumber },
      { name: "monetary", value: monetary, read: readNumber },
    ]);
    const fit = gammaGammaFitCore(...spend.columns, spend.rows);
    return [
      ["p", fit.p],
      ["q", fit.q],
      ["gamma", fit.gamma],
      [tableLabels(displayLocale()).logLikelihood, fit.logLikelihood],
    ];
  });
}

/**
 * Expected value of each customer's future purchases under a fitted Gamma-Gamma model: p (gamma + frequency x monetary) / (p x frequency + q - 1).
 * @customfunction SPEND_EXPECTED
 * @helpurl https://localhost:3000/docs/functions/SPEND_EXPECTED.html
 * @param {any[][]} params Gamma-Gamma parameters: the spill of GAMMAGAMMA_FIT (read by its labels), or p, q, gamma in that order.
 * @param {any[][]} frequency Repeat purchases, a whole number >= 0. A range spills one result per cell.
 * @param {any[][]} monetary Mean value of the repeat purchases, > 0 when frequency > 0.
 * @returns {any[][]} Expected value per purchase.
 */
export function spendExpected(params: any[][], frequency: any[][], monetary: any[][]): any[][] {
  return runSpill("SPEND_EXPECTED", () => {
    const model = gammaGammaParams(params, "params");
    return mapNumbers([arg("frequency", frequency), arg("monetary", monetary)], (x, m) =>
      spendExpectedCore(model, x, m),
    );
  });
}

/**
 * Customer lifetime value from BG/NBD and Gamma-Gamma: expected purchases in each of horizon periods times expected spend, discounted per period; one period is period_length in the data's time unit.
 * @customfunction CLV_BGNBD
 * @helpurl https://localhost:3000/docs/functions/CLV_BGNBD.html
 * @param {any[][]} bgnbd_params BG/NBD parameters: the spill of BGNBD_FIT, or r, alpha, a, b.
 * @param {any[][]} gg_params Gamma-Gamma parameters: the spill of GAMMAGAMMA_FIT, or p, q, gamma.
 * @param {any[][]} frequency Repeat purchases, a whole number >= 0. A range spills one result per cell.
 * @param {any[][]} recency Time from first to last purchase, <= T.
 * @param {any[][]} T Time from first purchase to the end of the period, >= 0.
 * @param {any[][]} monetary Mean value of the repeat purchases, > 0 when frequency > 0.
 * @param {any[][]} horizon Number of future periods, a whole number >= 0.
 * @param {any[][]} discount_rate Discount rate per period, >= 0.
 * @param {any[][]} [period_length] Length of one period in the data's time unit, > 0 (data in weeks, monthly periods: 4.345). Default 1.
 * @returns {any[][]} Lifetime value per customer.
 */
export function clvBgnbd(
  bgnbd_params: any[][],
  gg_params: any[][],
  frequency: any[][],
  recency: any[][],
  T: any[][],
  monetary: any[][],
  horizon: any[][],
  discount_rate: any[][],
  period_length?: any[][],
): any[][] {
  return runSpill("CLV_BGNBD", () => {
    const purchases = bgnbdParams(bgnbd_params, "bgnbd_params");
    const spend = gammaGammaParams(gg_params, "gg_params");
    return mapNumbers(
      [
        arg("frequency", frequency),
        arg("recency", recency),
        arg("T", T),
        arg("monetary", monetary),
        arg("horizon", horizon),
        arg("discount_rate", discount_rate),
        optional("period_length", period_length, 1),
      ],
      (x, tx, age, m, periods, d, length) =>
        clvBgnbdCore(purchases, spend, x, tx, age, m, periods, d, length),
    );
  });
}
