/**
 * What a given number of agents delivers in an interval: service level, ASA, occupancy and
 * abandonment, from the worksheet's units (volume per interval, seconds, minutes). Erlang C when
 * patience is not given (Infinity), Erlang A when it is.
 */
import { divisionByZero } from "../core/errors";
import { check, checkAtMost } from "../core/validate";
import { MAX_SERVERS, queueMeasures, type QueueMeasures } from "./erlang";
import { DEFAULT_INTERVAL_MIN, trafficErlangs } from "./workload";

/** No patience given: contacts wait as long as it takes (Erlang C). */
export const NO_ABANDONMENT = Infinity;

/** patience_sec > 0, or Infinity for "not given". */
export function checkedPatience(patienceSec: number): number {
  return patienceSec === NO_ABANDONMENT ? patienceSec : check(patienceSec, "patience_sec", "positive");
}

export function checkedAgents(agents: number): number {
  return checkAtMost(check(agents, "agents", "wholeNonNegative"), "agents", MAX_SERVERS);
}

/**
 * The queue `agents` agents face, or undefined when there are none and contacts abandon (Erlang A
 * with 0 agents: every contact abandons, none is answered). Erlang C needs agents > traffic.
 */
function queueFor(
  agents: number,
  volume: number,
  ahtSec: number,
  intervalMin: number,
  patienceSec: number,
): QueueMeasures | undefined {
  const n = checkedAgents(agents);
  const traffic = trafficErlangs({ volume, ahtSec, intervalMin });
  const patience = checkedPatience(patienceSec);
  if (n === 0 && Number.isFinite(patience)) return undefined;
  return queueMeasures(n, traffic, ahtSec, patience);
}

/** Share of offered contacts answered within target_sec (abandons are misses). */
export function serviceLevel(
  agents: number,
  volume: number,
  ahtSec: number,
  targetSec: number,
  intervalMin = DEFAULT_INTERVAL_MIN,
  patienceSec = NO_ABANDONMENT,
): number {
  const queue = queueFor(agents, volume, ahtSec, intervalMin, patienceSec);
  return queue?.serviceLevel(check(targetSec, "target_sec", "nonNegative")) ?? 0;
}

/** Average speed of answer: mean wait of answered contacts, seconds. */
export function asa(
  agents: number,
  volume: number,
  ahtSec: number,
  intervalMin = DEFAULT_INTERVAL_MIN,
  patienceSec = NO_ABANDONMENT,
): number {
  const queue = queueFor(agents, volume, ahtSec, intervalMin, patienceSec);
  if (!queue) throw divisionByZero("noAgents", { arg: "ASA" });
  return queue.asaSec;
}

/** Carried load / agents. */
export function occupancy(
  agents: number,
  volume: number,
  ahtSec: number,
  intervalMin = DEFAULT_INTERVAL_MIN,
  patienceSec = NO_ABANDONMENT,
): number {
  const queue = queueFor(agents, volume, ahtSec, intervalMin, patienceSec);
  if (!queue) throw divisionByZero("noAgents", { arg: "OCCUPANCY" });
  return queue.occupancy;
}

/** Share of offered contacts that abandon before they are answered (Erlang A). */
export function abandonRate(
  agents: number,
  volume: number,
  ahtSec: number,
  patienceSec: number,
  intervalMin = DEFAULT_INTERVAL_MIN,
): number {
  const patience = check(patienceSec, "patience_sec", "positive");
  return queueFor(agents, volume, ahtSec, intervalMin, patience)?.pAbandon ?? 1;
}
