/**
 * Nelder–Mead minimisation, deterministic: the same start gives the same answer. The models fit
 * log-parameters, so every step stays in the valid (positive) region. A converged simplex is
 * restarted around its best point until a restart no longer improves it, which guards against the
 * method's known habit of stalling on a ridge.
 */
import { invalidNumber } from "../core/errors";

export interface Minimum {
  point: number[];
  value: number;
}

const MAX_EVALUATIONS = 20_000;
const VALUE_TOLERANCE = 1e-13;
const STEP_TOLERANCE = 1e-10;

function nelderMead(
  f: (x: number[]) => number,
  start: number[],
  step: number,
  budget: { left: number },
): Minimum {
  const n = start.length;
  const evaluate = (x: number[]) => {
    budget.left--;
    const value = f(x);
    return Number.isFinite(value) ? value : Infinity;
  };
  let simplex = [start, ...start.map((_, i) => start.map((x, j) => (i === j ? x + step : x)))].map(
    (point) => ({
      point,
      value: evaluate(point),
    }),
  );
  for (;;) {
    simplex.sort((p, q) => p.value - q.value);
    const best = simplex[0];
    const worst = simplex[n];
    const spread = Math.abs(worst.value - best.value);
    const size = Math.max(
      ...simplex.map((p) => Math.max(...p.point.map((x, i) => Math.abs(x - best.point[i])))),
    );
    if (
      (spread <= VALUE_TOLERANCE * (Math.abs(best.value) + VALUE_TOLERANCE) &&
        size <= STEP_TOLERANCE * 1e3) ||
      size <= STEP_TOLERANCE
    )
      return best;
    if (budget.left <= 0)
      throw invalidNumber("notConverged", { arg: "fit", limit: MAX_EVALUATIONS.toLocaleString("en-US") });
    const centroid = start.map((_, i) => simplex.slice(0, n).reduce((sum, p) => sum + p.point[i], 0) / n);
    const towards = (t: number) => centroid.map((c, i) => c + t * (worst.point[i] - c));
    const reflected = { point: towards(-1), value: 0 };
    reflected.value = evaluate(reflected.point);
    if (reflected.value < best.value) {
      const expanded = { point: towards(-2), value: 0 };
      expanded.value = evaluate(expanded.point);
      simplex[n] = expanded.value < reflected.value ? expanded : reflected;
    } else if (reflected.value < simplex[n - 1].value) {
      simplex[n] = reflected;
    } else {
      const outside = reflected.value < worst.value;
      const contracted = { point: towards(outside ? -0.5 : 0.5), value: 0 };
      contracted.value = evaluate(contracted.point);
      if (contracted.value < Math.min(outside ? reflected.value : worst.value, worst.value)) {
        simplex[n] = contracted;
      } else {
        simplex = simplex.map((p, k) =>
          k === 0 ? p : { point: p.point.map((x, i) => best.point[i] + 0.5 * (x - best.point[i])), value: 0 },
        );
        for (let k = 1; k <= n; k++) simplex[k].value = evaluate(simplex[k].point);
      }
    }
  }
}

/**
 * Log-parameters beyond ±ln(1e8): the likelihood keeps improving towards infinity, so the data do
 * not identify the model, and a finite "best" point would be an artefact of where the search stopped.
 */
const LOG_PARAMETER_LIMIT = Math.log(1e8);

/** Refuses a fit whose parameters ran off towards 0 or infinity. */
export function checkIdentified(point: number[], fit: string): void {
  if (point.some((x) => Math.abs(x) > LOG_PARAMETER_LIMIT))
    throw invalidNumber("notIdentified", { arg: fit });
}

/** The minimum of f from each start, restarted until it stops improving; the best one wins. */
export function minimize(f: (x: number[]) => number, starts: number[][], step = 0.5): Minimum {
  const budget = { left: MAX_EVALUATIONS };
  let best: Minimum | undefined;
  for (const start of starts) {
    let found = nelderMead(f, start, step, budget);
    for (let restart = 0; restart < 5; restart++) {
      const again = nelderMead(f, found.point, 0.05, budget);
      const improved =
        found.value - again.value > VALUE_TOLERANCE * (Math.abs(found.value) + VALUE_TOLERANCE);
      found = again.value < found.value ? again : found;
      if (!improved) break;
    }
    if (!best || found.value < best.value) best = found;
  }
  if (!best || !Number.isFinite(best.value))
    throw invalidNumber("notConverged", { arg: "fit", limit: MAX_EVALUATIONS.toLocaleString("en-US") });
  return best;
}
