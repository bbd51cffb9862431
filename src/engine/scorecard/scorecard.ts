/**
 * Weighted KPI scorecards and RAG status. Each KPI scores 0-100 against its target; the composite is
 * the weighted mean (weights need not add up to 1). "target" scores achievement, capped at 100:
 * 100 x (1 + (actual - target) / |target|) for higher-is-better, 100 x (1 - (actual - target) /
 * |target|) for lower-is-better, which equals actual / target for a positive target and stays
 * meaningful for negative ones; a zero target scores 100 when met and 0 when missed. "minmax"
 * scales linearly from the worst value (0) to the target (100).
 */
import { divisionByZero, invalidValue } from "../core/errors";
import { withPlace } from "../core/grid";
import { check } from "../core/validate";

export type Direction = "higher" | "lower";
export type ScoringMethod = "target" | "minmax";

const DIRECTIONS: Record<string, Direction> = {
  higher: "higher",
  lower: "lower",
  越高越好: "higher",
  越低越好: "lower",
};
const METHODS: Record<string, ScoringMethod> = {
  target: "target",
  minmax: "minmax",
  目标达成: "target",
  极差: "minmax",
};

function named<T>(
  table: Record<string, T>,
  defaultArg: string,
  names: string,
): (name: string, arg?: string) => T {
  return (name, arg = defaultArg) => {
    const found = table[name.trim().toLowerCase()];
    if (found === undefined)
      throw invalidValue("unknownMethod", { arg, limit: names, actual: JSON.stringify(name) });
    return found;
  };
}
export const direction = named(DIRECTIONS, "directions", '"higher", "lower", "越高越好", "越低越好"');
export const scoringMethod = named(METHODS, "method", '"target", "minmax", "目标达成", "极差"');

const clampScore = (x: number) => Math.min(100, Math.max(0, x));

/** One KPI's 0-100 score. */
export function kpiScore(
  actual: number,
  target: number,
  dir: Direction,
  method: ScoringMethod,
  worst?: number,
): number {
  const sign = dir === "higher" ? 1 : -1;
  if (method === "minmax") {
    if (worst === undefined || worst === target)
      throw invalidValue("minmaxWorst", {
        arg: "worst",
        actual: worst === undefined ? "blank" : String(worst),
      });
    return clampScore((100 * (actual - worst)) / (target - worst));
  }
  if (target === 0) return sign * actual >= 0 ? 100 : 0;
  return clampScore(100 * (1 + (sign * (actual - target)) / Math.abs(target)));
}

export interface Scorecard {
  scores: number[];
  composite: number;
}

export function scorecard(
  actuals: number[],
  targets: number[],
  weights: number[],
  directions: Direction[],
  method: ScoringMethod = "target",
  worst?: number[],
): Scorecard {
  const k = actuals.length;
  for (const [arg, list] of [
    ["targets", targets],
    ["weights", weights],
    ["directions", directions],
    ...(worst ? [["worst", worst] as const] : []),
  ] as const) {
    if (list.length !== k)
      throw invalidValue("rowsDiffer", {
        arg,
        other: "actuals",
        limit: String(k),
        actual: String(list.length),
      });
  }
  const w = weights.map((weight, i) =>
    withPlace({ row: i + 1 }, () => check(weight, "weights", "nonNegative")),
  );
  const total = w.reduce((a, b) => a + b, 0);
  if (total === 0) throw divisionByZero("noWeight", { arg: "weights" });
  const scores = actuals.map((actual, i) =>
    withPlace({ row: i + 1 }, () => kpiScore(actual, targets[i], directions[i], method, worst?.[i])),
  );
  return { scores, composite: scores.reduce((sum, score, i) => sum + score * w[i], 0) / total };
}

/** Red / amber / green: green when the target is met, amber within amber_band of it (a fraction of |target|). */
export function rag(
  actual: number,
  target: number,
  dir: Direction = "higher",
  amberBand = 0.1,
): "G" | "A" | "R" {
  const band = check(amberBand, "amber_band", "nonNegative") * Math.abs(target);
  const shortfall = dir === "higher" ? target - actual : actual - target;
  if (shortfall <= 0) return "G";
  return shortfall <= band ? "A" : "R";
}
