import { defineBench } from "./suite";
import { nps, paretoShare, tierAssign } from "../src/functions/scorecard";

/** A deterministic pseudo-random stream, so every run measures the same data. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const next = random(3);
const answers = Array.from({ length: 1_000_000 }, () => [Math.floor(next() * 11)]);
const revenue = Array.from({ length: 1_000_000 }, () => [Math.round(1e6 * next() ** 4) / 100]);

export default defineBench("scorecard", [
  { name: "SVC.NPS of 1,000,000 survey answers", run: () => nps(answers), targetMs: 500 },
  {
    name: "SVC.PARETO_SHARE of 1,000,000 customers' revenue",
    run: () => paretoShare(revenue),
    targetMs: 1_000,
  },
  {
    name: "SVC.TIER_ASSIGN of 100,000 customers into 5 tiers",
    run: () =>
      tierAssign(
        revenue.slice(0, 100_000),
        [[100], [500], [1_000], [5_000]],
        [["E"], ["D"], ["C"], ["B"], ["A"]],
      ),
    targetMs: 200,
  },
]);
