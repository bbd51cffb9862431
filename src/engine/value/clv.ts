/**
 * Retention-based customer lifetime value (Gupta & Lehmann): a customer who stays with probability
 * `retention` each period brings `margin` a period, growing by `margin_growth`, discounted at
 * `discount_rate`. "end": the first margin arrives at the end of the first period, after the first
 * retention (infinite horizon: m r / (1 + d - r)); "begin": the current period's margin counts now.
 */
import { invalidNumber, invalidValue } from "../core/errors";
import { check } from "../core/validate";

export type Timing = "end" | "begin";

const TIMINGS: Record<string, Timing> = { end: "end", begin: "begin", 期末: "end", 期初: "begin" };

export function clvTiming(name: string): Timing {
  const timing = TIMINGS[name.trim().toLowerCase()];
  if (!timing)
    throw invalidValue("unknownMethod", {
      arg: "timing",
      limit: '"end", "begin", "期末", "期初"',
      actual: JSON.stringify(name),
    });
  return timing;
}

/** 1 + q + q^2 + ... (n terms; n = Infinity for the whole series, which needs q < 1). */
function geometricSum(q: number, terms: number): number {
  if (terms === Infinity) {
    if (q >= 1) throw invalidNumber("diverges", {});
    return 1 / (1 - q);
  }
  return q === 1 ? terms : -Math.expm1(terms * Math.log1p(q - 1)) / (1 - q);
}

export function clv(
  margin: number,
  retention: number,
  discountRate: number,
  periods = Infinity,
  timing: Timing = "end",
  acquisitionCost = 0,
  marginGrowth = 0,
): number {
  const m = check(margin, "margin", "finite");
  const r = check(retention, "retention", "fraction");
  const d = check(discountRate, "discount_rate", "nonNegative");
  const horizon = periods === Infinity ? Infinity : check(periods, "periods", "wholeNonNegative");
  const acquisition = check(acquisitionCost, "acquisition_cost", "nonNegative");
  const g = check(marginGrowth, "margin_growth", "aboveMinusOne");
  // Value kept from one period to the next: still a customer, margin grown, one more period's discount.
  const kept = (r * (1 + g)) / (1 + d);
  const firstPeriod = timing === "begin" ? m : (m * r) / (1 + d);
  const value = horizon === 0 ? 0 : firstPeriod * geometricSum(kept, horizon);
  if (!Number.isFinite(value)) throw invalidNumber("overflow", { arg: "CLV" });
  return value - acquisition;
}
