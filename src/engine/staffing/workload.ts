/**
 * Workload: how contacts and handle times turn into Erlangs of traffic and into full-time
 * equivalents. The checks here name the worksheet arguments, so every staffing function reports
 * bad units the same way.
 */
import { invalidNumber } from "../core/errors";
import { check } from "../core/validate";

/** One interval's offered work as the staffing functions receive it. */
export interface IntervalLoad {
  /** Contacts offered in the interval. */
  volume: number;
  /** Average handle time, seconds. */
  ahtSec: number;
  /** Interval length, minutes. */
  intervalMin: number;
}

export const DEFAULT_INTERVAL_MIN = 60;

/** The load with its units checked: volume >= 0, aht_sec > 0, interval_min > 0. */
export function checkedLoad({ volume, ahtSec, intervalMin }: IntervalLoad): IntervalLoad {
  return {
    volume: check(volume, "volume", "nonNegative"),
    ahtSec: check(ahtSec, "aht_sec", "positive"),
    intervalMin: check(intervalMin, "interval_min", "positive"),
  };
}

/**
 * Offered traffic in Erlangs = volume x aht_sec / (interval_min x 60), multiplied in that order
 * (as the reference data is computed): λ / μ would lose the last bit.
 */
export function trafficErlangs(load: IntervalLoad): number {
  const { volume, ahtSec, intervalMin } = checkedLoad(load);
  const traffic = (volume * ahtSec) / (intervalMin * 60);
  if (!Number.isFinite(traffic)) throw invalidNumber("overflow", { arg: "traffic" });
  return traffic;
}

/**
 * Workload planning without queueing: volume x aht_sec / 3600 x (1 + redundancy) / (hours_per_fte
 * x occupancy), not rounded. Redundancy defaults to 0 and occupancy to 1 (pure workload).
 */
export function fteNeeded(
  volume: number,
  ahtSec: number,
  hoursPerFte: number,
  redundancy = 0,
  occupancy = 1,
): number {
  const workloadHours =
    (check(volume, "volume", "nonNegative") * check(ahtSec, "aht_sec", "positive")) / 3600;
  const hours = check(hoursPerFte, "hours_per_fte", "positive");
  const extra = 1 + check(redundancy, "redundancy", "nonNegative");
  const fte = (workloadHours * extra) / (hours * check(occupancy, "occupancy", "fractionAboveZero"));
  if (!Number.isFinite(fte)) throw invalidNumber("overflow", { arg: "FTE_NEEDED" });
  return fte;
}
