/**
 * Savings levers for business cases. AUTOMATION_SAVINGS: deflected contacts cost the bot's rate
 * instead of a human's; the share the bot does not resolve still needs a human as well, so the
 * saving per period is volume x deflection x (resolution x human cost - bot cost). PAYBACK: periods
 * until cumulative savings recover the investment, within the period interpolated linearly.
 */
import { invalidNumber } from "../core/errors";
import { check } from "../core/validate";

export function automationSavings(
  volume: number,
  deflectionRate: number,
  humanCost: number,
  botCost: number,
  botResolution = 1,
): number {
  const deflected =
    check(volume, "volume", "nonNegative") * check(deflectionRate, "deflection_rate", "fraction");
  const human = check(humanCost, "human_cost", "nonNegative");
  const bot = check(botCost, "bot_cost", "nonNegative");
  return deflected * (check(botResolution, "bot_resolution", "fraction") * human - bot);
}

/** Periods to pay back: one saving per period (repeated), or a list of savings period by period. */
export function payback(investment: number, savingsPerPeriod: number[]): number {
  const cost = check(investment, "investment", "nonNegative");
  savingsPerPeriod.forEach((s) => check(s, "savings_per_period", "finite"));
  if (cost === 0) return 0;
  if (savingsPerPeriod.length === 1) {
    const saving = savingsPerPeriod[0];
    if (saving <= 0) throw invalidNumber("neverPaysBack", { arg: "savings_per_period" });
    return cost / saving;
  }
  let recovered = 0;
  for (let period = 0; period < savingsPerPeriod.length; period++) {
    const saving = savingsPerPeriod[period];
    if (saving > 0 && recovered + saving >= cost) return period + (cost - recovered) / saving;
    recovered += saving;
  }
  throw invalidNumber("neverPaysBack", { arg: "savings_per_period" });
}
