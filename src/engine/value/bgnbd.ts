/**
 * BG/NBD (Fader, Hardie & Lee 2005): while alive a customer buys at Poisson rate λ ~ Gamma(r, α)
 * and after each purchase drops out with probability p ~ Beta(a, b). Fitted by maximum likelihood
 * on (x = repeat purchases, t_x = recency, T = age), in log-parameters with Nelder–Mead.
 */
import { invalidNumber, invalidValue } from "../core/errors";
import { withPlace } from "../core/grid";
import { check } from "../core/validate";
import { checkIdentified, minimize } from "./optimize";
import { betaln, gammaln, hyp2f1, logAddExp } from "./special";

export interface BgnbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgnbdFit extends BgnbdParams {
  logLikelihood: number;
}

export interface Customers {
  frequency: number[];
  recency: number[];
  T: number[];
}

/** Checks one customer's summary: x a whole number >= 0, 0 <= t_x <= T, T > 0; returns x. */
export function checkedCustomer(x: number, recency: number, T: number): number {
  const frequency = check(x, "frequency", "wholeNonNegative");
  check(recency, "recency", "nonNegative");
  check(T, "T", "nonNegative");
  // Repeat purchases happen after the first one, and without any the last purchase is the first.
  if (frequency > 0 !== recency > 0)
    throw invalidValue("inconsistentHistory", {
      arg: "recency",
      actual: String(recency),
      limit: String(frequency),
    });
  if (recency > T) throw invalidValue("notAfter", { arg: "recency", other: "T", actual: String(recency) });
  return frequency;
}

/** Checks every customer, naming the row of a bad one. */
export function checkedCustomers({ frequency, recency, T }: Customers, rows?: number[]): Customers {
  return {
    frequency: frequency.map((x, i) =>
      withPlace({ row: rows?.[i] ?? i + 1 }, () => checkedCustomer(x, recency[i], T[i])),
    ),
    recency,
    T,
  };
}

/** Purchase counts up to this use running sums of logs; beyond, log-gamma and log-beta directly. */
const TABLE_LIMIT = 1_000;

/** The log-likelihood of every customer, summed; x are whole numbers. */
export function bgnbdLogLikelihood(
  { r, alpha, a, b }: BgnbdParams,
  { frequency, recency, T }: Customers,
): number {
  // ln Γ(r + x) - ln Γ(r) and ln B(a, b + x) - ln B(a, b) as running sums over small whole x.
  const tableSize = Math.min(TABLE_LIMIT, Math.max(0, ...frequency));
  const gammaRatio = new Float64Array(tableSize + 1);
  const betaRatio = new Float64Array(tableSize + 1);
  for (let x = 1; x <= tableSize; x++) {
    gammaRatio[x] = gammaRatio[x - 1] + Math.log(r + x - 1);
    betaRatio[x] = betaRatio[x - 1] + Math.log((b + x - 1) / (a + b + x - 1));
  }
  const lnGammaRatio = (x: number) => (x <= tableSize ? gammaRatio[x] : gammaln(r + x) - gammaln(r));
  const lnBetaRatio = (x: number) => (x <= tableSize ? betaRatio[x] : betaln(a, b + x) - betaln(a, b));
  const logAlpha = Math.log(alpha);
  const logA = Math.log(a);
  let total = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i];
    // r ln α - (r + x) ln(α + t) written as -x ln α - (r + x) ln(1 + t/α): no cancellation for large α.
    const alive = -x * logAlpha - (r + x) * Math.log1p(T[i] / alpha);
    const dropped =
      x > 0
        ? logA - Math.log(b + x - 1) - x * logAlpha - (r + x) * Math.log1p(recency[i] / alpha)
        : -Infinity;
    total += lnGammaRatio(x) + lnBetaRatio(x) + logAddExp(alive, dropped);
  }
  return total;
}

/** Starting points: a neutral one and two typical of retail data. */
const STARTS = [
  [0, 0, 0, 0],
  [Math.log(0.5), Math.log(5), Math.log(0.5), Math.log(2)],
  [Math.log(2), Math.log(20), Math.log(2), Math.log(8)],
];

/** Above this many customers the search starts from a fit on a sample of them. */
const SAMPLE_ABOVE = 10_000;

function everyNth({ frequency, recency, T }: Customers, step: number): Customers {
  const keep = (_: number, i: number) => i % step === 0;
  return { frequency: frequency.filter(keep), recency: recency.filter(keep), T: T.filter(keep) };
}

const toParams = ([r, alpha, a, b]: number[]): BgnbdParams => ({
  r: Math.exp(r),
  alpha: Math.exp(alpha),
  a: Math.exp(a),
  b: Math.exp(b),
});

/** Mean negative log-likelihood plus the L2 penalty on the parameters (as lifetimes defines it). */
function objectiveFor(data: Customers, penalty: number) {
  const n = data.frequency.length;
  return (point: number[]) => {
    const p = toParams(point);
    return -bgnbdLogLikelihood(p, data) / n + penalty * (p.r ** 2 + p.alpha ** 2 + p.a ** 2 + p.b ** 2);
  };
}

export function bgnbdFit(customers: Customers, penalizer = 0, rows?: number[]): BgnbdFit {
  const data = checkedCustomers(customers, rows);
  const penalty = check(penalizer, "penalizer", "nonNegative");
  const n = data.frequency.length;
  if (n === 0) throw invalidValue("noCustomers", { arg: "BGNBD_FIT" });
  // Many customers: search on an evenly spread sample of about 10,000 first, then polish on them
  // all, so the full data are evaluated only near the optimum.
  const sampled = n > SAMPLE_ABOVE;
  const sample = () => everyNth(data, Math.ceil(n / SAMPLE_ABOVE));
  const starts = sampled ? [minimize(objectiveFor(sample(), penalty), STARTS).point] : STARTS;
  const best = minimize(objectiveFor(data, penalty), starts, sampled ? 0.05 : 0.5);
  checkIdentified(best.point, "BGNBD_FIT");
  const params = toParams(best.point);
  return { ...params, logLikelihood: bgnbdLogLikelihood(params, data) };
}

export function checkedBgnbdParams(params: BgnbdParams): BgnbdParams {
  return {
    r: check(params.r, "r", "positive"),
    alpha: check(params.alpha, "alpha", "positive"),
    a: check(params.a, "a", "positive"),
    b: check(params.b, "b", "positive"),
  };
}

/** (a / (b + x - 1)) ((α + T) / (α + t_x))^(r + x): the odds of having dropped out, for x > 0. */
function dropoutOdds({ r, alpha, a, b }: BgnbdParams, x: number, recency: number, T: number): number {
  return x > 0 ? (a / (b + x - 1)) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + recency))) : 0;
}

/** Probability that a customer with this history is still alive. */
export function pAlive(params: BgnbdParams, x: number, recency: number, T: number): number {
  const p = checkedBgnbdParams(params);
  return 1 / (1 + dropoutOdds(p, checkedCustomer(x, recency, T), recency, T));
}

/** Expected purchases in the next `horizon` time units for a customer with this history. */
export function bgnbdExpected(
  params: BgnbdParams,
  x: number,
  recency: number,
  T: number,
  horizon: number,
): number {
  const p = checkedBgnbdParams(params);
  const c = checkedCustomer(x, recency, T);
  const t = check(horizon, "horizon", "nonNegative");
  if (t === 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const shrink = Math.exp((r + c) * Math.log((alpha + T) / (alpha + T + t)));
  const expected =
    (((a + b + c - 1) / (a - 1)) * (1 - shrink * hyp2f1(r + c, b + c, a + b + c - 1, z))) /
    (1 + dropoutOdds(p, c, recency, T));
  if (!Number.isFinite(expected)) throw invalidNumber("overflow", { arg: "BGNBD_EXPECTED" });
  return expected;
}
