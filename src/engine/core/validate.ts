/**
 * Rule checks on numbers that have already been read from cells. Engine functions call these on
 * their own arguments so that they stay safe to use from Node; the grid layer adds the row when the
 * argument came from a range.
 */
import { invalidNumber, invalidValue } from "./errors";
import { type Rule, showValue } from "./messages";

/** Rules about a number's value (the others are about a range's shape). */
export type NumberRule = Exclude<Rule, "singleValue" | "oneColumn" | "text">;

const RULE_HOLDS: Record<NumberRule, (x: number) => boolean> = {
  number: (x) => typeof x === "number" && !Number.isNaN(x),
  finite: Number.isFinite,
  nonNegative: (x) => Number.isFinite(x) && x >= 0,
  positive: (x) => Number.isFinite(x) && x > 0,
  wholeNonNegative: (x) => isWhole(x) && x >= 0,
  wholePositive: (x) => isWhole(x) && x >= 1,
  fraction: (x) => Number.isFinite(x) && x >= 0 && x <= 1,
  fractionBelowOne: (x) => Number.isFinite(x) && x >= 0 && x < 1,
  fractionAboveZero: (x) => Number.isFinite(x) && x > 0 && x <= 1,
  aboveMinusOne: (x) => Number.isFinite(x) && x > -1,
  aboveOne: (x) => Number.isFinite(x) && x > 1,
};

/** Whole numbers, forgiving the last-bit noise of arithmetic such as 0.1 * 30. */
function isWhole(x: number): boolean {
  return Number.isFinite(x) && Math.abs(x - Math.round(x)) <= 1e-9 * Math.max(1, Math.abs(x));
}

/** Returns `value` (rounded when the rule asks for a whole number) or throws #VALUE! naming the rule. */
export function check(value: number, arg: string, rule: NumberRule): number {
  if (!RULE_HOLDS[rule](value)) throw invalidValue("mustBe", { arg, rule, actual: showValue(value) });
  return rule === "wholeNonNegative" || rule === "wholePositive" ? Math.round(value) : value;
}

/** Throws #NUM! when `value` exceeds what the engine supports for `arg`. */
export function checkAtMost(value: number, arg: string, limit: number): number {
  if (value > limit)
    throw invalidNumber("atMost", { arg, limit: limit.toLocaleString("en-US"), actual: showValue(value) });
  return value;
}
