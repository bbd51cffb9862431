/**
 * Per-customer lifetime value from the two probabilistic models: expected purchases in each coming
 * period (BG/NBD) times expected spend per purchase (Gamma-Gamma), discounted per period. The
 * period is stated in the data's own time unit (period_length), so weeks and months cannot mix.
 */
import { invalidNumber } from "../core/errors";
import { check, checkAtMost } from "../core/validate";
import { type BgnbdParams, bgnbdExpected } from "./bgnbd";
import { type GammaGammaParams, spendExpected } from "./gammagamma";

/** A thousand years of months; beyond, a recalculation would stall on one cell. */
export const MAX_PERIODS = 12_000;

export function clvBgnbd(
  bgnbd: BgnbdParams,
  gammaGamma: GammaGammaParams,
  frequency: number,
  recency: number,
  T: number,
  monetary: number,
  horizon: number,
  discountRate: number,
  periodLength = 1,
): number {
  const periods = checkAtMost(check(horizon, "horizon", "wholeNonNegative"), "horizon", MAX_PERIODS);
  const d = check(discountRate, "discount_rate", "nonNegative");
  const length = check(periodLength, "period_length", "positive");
  const spend = spendExpected(gammaGamma, frequency, monetary);
  let value = 0;
  let purchasesSoFar = 0;
  for (let period = 1; period <= periods; period++) {
    const purchases = bgnbdExpected(bgnbd, frequency, recency, T, period * length);
    value += ((purchases - purchasesSoFar) * spend) / (1 + d) ** period;
    purchasesSoFar = purchases;
  }
  if (!Number.isFinite(value)) throw invalidNumber("overflow", { arg: "CLV_BGNBD" });
  return value;
}
