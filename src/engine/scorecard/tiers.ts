/**
 * Customer tiers and concentration. TIER_ASSIGN puts a value in the tier between ascending
 * thresholds; `inclusive` says whether a value equal to a threshold belongs to the upper tier
 * (Chinese rules: 以上 includes the boundary, 超过 excludes it). PARETO_SHARE is the share of the
 * total held by the top share of items (20% of customers holding 80% of revenue, say).
 */
import { divisionByZero, invalidValue } from "../core/errors";
import { withPlace } from "../core/grid";
import { check } from "../core/validate";

/** Checks thresholds are strictly ascending and there is one label per tier. */
export function checkedTiers<L>(thresholds: number[], labels: L[]): { thresholds: number[]; labels: L[] } {
  thresholds.forEach((t, i) =>
    withPlace({ row: i + 1 }, () => {
      check(t, "thresholds", "finite");
      if (i > 0 && !(t > thresholds[i - 1]))
        throw invalidValue("notAscending", { arg: "thresholds", actual: String(t) });
    }),
  );
  if (labels.length !== thresholds.length + 1)
    throw invalidValue("tierLabels", {
      arg: "labels",
      limit: String(thresholds.length + 1),
      actual: String(labels.length),
    });
  return { thresholds, labels };
}

export function tierAssign<L>(value: number, thresholds: number[], labels: L[], inclusive = true): L {
  let tier = 0;
  while (tier < thresholds.length && (inclusive ? value >= thresholds[tier] : value > thresholds[tier]))
    tier++;
  return labels[tier];
}

export function paretoShare(values: number[], topShare = 0.2, rows?: number[]): number {
  const share = check(topShare, "top_share", "fraction");
  const sorted = values
    .map((v, i) => withPlace({ row: rows?.[i] ?? i + 1 }, () => check(v, "values", "nonNegative")))
    .sort((a, b) => b - a);
  const total = sorted.reduce((a, b) => a + b, 0);
  if (total === 0) throw divisionByZero("noWeight", { arg: "values" });
  // The top share of items, counting the item at the boundary in part.
  const items = share * sorted.length;
  const whole = Math.floor(items);
  const top = sorted.slice(0, whole).reduce((a, b) => a + b, 0) + (sorted[whole] ?? 0) * (items - whole);
  return top / total;
}
