/**
 * Time-driven ABC (Kaplan & Anderson): capacity cost rate = capacity cost / practical capacity
 * (in minutes, or any time unit used throughout); each activity's unit cost = unit time x rate,
 * its cost = time used x rate. Used plus unused capacity is the capacity cost; when the activities
 * use more time than there is, unused capacity turns negative rather than being hidden.
 */
import { invalidNumber } from "../core/errors";
import { check } from "../core/validate";
import { checkedAmounts, checkedLength, exactSum } from "./amounts";

export interface ActivityTime {
  unitCost: number;
  minutesUsed: number;
  costAssigned: number;
}

export interface TdabcResult {
  /** Cost of one minute of practical capacity. */
  rate: number;
  activities: ActivityTime[];
  usedMinutes: number;
  usedCost: number;
  /** Negative when the activities need more time than the capacity holds. */
  unusedMinutes: number;
  unusedCost: number;
  capacityMinutes: number;
  capacityCost: number;
}

export function tdabc(
  capacityCost: number,
  capacityMinutes: number,
  unitMinutes: number[],
  quantities: number[],
  /** Worksheet row of each activity, for messages (default 1, 2, 3...). */
  rows?: number[],
): TdabcResult {
  const cost = check(capacityCost, "capacity_cost", "nonNegative");
  const minutes = check(capacityMinutes, "capacity_minutes", "positive");
  const times = checkedAmounts(unitMinutes, "unit_minutes");
  const counts = checkedLength(checkedAmounts(quantities, "quantities"), "quantities", {
    other: "unit_minutes",
    count: times.length,
  });
  const rate = cost / minutes;
  if (!Number.isFinite(rate)) throw invalidNumber("overflow", { arg: "capacity_cost / capacity_minutes" });
  const activities = times.map((unit, i) => {
    const minutesUsed = unit * counts[i];
    if (!Number.isFinite(minutesUsed * rate))
      throw invalidNumber("overflow", { arg: "unit_minutes x quantities", row: rows?.[i] ?? i + 1 });
    return { unitCost: unit * rate, minutesUsed, costAssigned: minutesUsed * rate };
  });
  const usedMinutes = exactSum(activities.map((a) => a.minutesUsed));
  const usedCost = exactSum(activities.map((a) => a.costAssigned));
  return {
    rate,
    activities,
    usedMinutes,
    usedCost,
    unusedMinutes: minutes - usedMinutes,
    unusedCost: cost - usedCost,
    capacityMinutes: minutes,
    capacityCost: cost,
  };
}
