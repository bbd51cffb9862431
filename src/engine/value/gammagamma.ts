/**
 * Gamma-Gamma spend model (Fader & Hardie): a repeat buyer's transaction values are Gamma(p, ν)
 * with ν ~ Gamma(q, γ) across customers. Fitted on repeat buyers (frequency > 0) by maximum
 * likelihood on their mean repeat spend; the expected spend blends that mean with the population's.
 */
import { invalidNumber, invalidValue } from "../core/errors";
import { withPlace } from "../core/grid";
import { check } from "../core/validate";
import { checkIdentified, minimize } from "./optimize";
import { gammaln } from "./special";

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  logLikelihood: number;
}

/** Log-likelihood of the repeat buyers' mean spend. */
export function gammaGammaLogLikelihood({ p, q, gamma }: GammaGammaParams, x: number[], m: number[]): number {
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    const px = p * x[i];
    total +=
      gammaln(px + q) -
      gammaln(px) -
      gammaln(q) +
      q * Math.log(gamma) +
      (px - 1) * Math.log(m[i]) +
      px * Math.log(x[i]) -
      (px + q) * Math.log(gamma + m[i] * x[i]);
  }
  return total;
}

export function gammaGammaFit(frequency: number[], monetary: number[], rows?: number[]): GammaGammaFit {
  const x: number[] = [];
  const m: number[] = [];
  frequency.forEach((f, i) =>
    withPlace({ row: rows?.[i] ?? i + 1 }, () => {
      if (check(f, "frequency", "wholeNonNegative") === 0) return; // one-time buyers say nothing of repeat spend
      x.push(Math.round(f));
      m.push(check(monetary[i], "monetary", "positive"));
    }),
  );
  if (x.length === 0) throw invalidValue("noCustomers", { arg: "GAMMAGAMMA_FIT", other: "repeat" });
  const toParams = ([p, q, gamma]: number[]) => ({ p: Math.exp(p), q: Math.exp(q), gamma: Math.exp(gamma) });
  const best = minimize(
    (point) => -gammaGammaLogLikelihood(toParams(point), x, m) / x.length,
    [
      [0, 0, 0],
      [Math.log(5), Math.log(3), Math.log(10)],
    ],
  );
  checkIdentified(best.point, "GAMMAGAMMA_FIT");
  const params = toParams(best.point);
  return { ...params, logLikelihood: gammaGammaLogLikelihood(params, x, m) };
}

/** Expected value of a transaction: (γ + x m) p / (p x + q - 1); the population mean p γ / (q - 1) for x = 0. */
export function spendExpected(params: GammaGammaParams, frequency: number, monetary: number): number {
  const p = check(params.p, "p", "positive");
  const q = check(params.q, "q", "positive");
  const gamma = check(params.gamma, "gamma", "positive");
  const x = check(frequency, "frequency", "wholeNonNegative");
  const m = x > 0 ? check(monetary, "monetary", "positive") : 0;
  if (q <= 1) throw invalidNumber("mustBe", { arg: "q", rule: "aboveOne", actual: String(q) });
  const spend = ((gamma + m * x) * p) / (p * x + q - 1);
  if (!Number.isFinite(spend)) throw invalidNumber("overflow", { arg: "SPEND_EXPECTED" });
  return spend;
}
