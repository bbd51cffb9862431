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

/** A queue's inputs once checked, in the order the worksheet functions list them. */
interface CheckedQueue {
  agents: number;
  traffic: number;
  ahtSec: number;
  patienceSec: number;
}

function checkedQueue(
  agents: number,
  volume: number,
  ahtSec: number,
  intervalMin: number,
  patienceSec: number,
): CheckedQueue {
  const n = checkedAgents(agents);
  const traffic = trafficErlangs({ volume, ahtSec, intervalMin });
  return { agents: n, traffic, ahtSec, patienceSec: checkedPatience(patienceSec) };
}

/**
 * What the agents deliver, or undefined when there are none and contacts abandon (Erlang A with 0
 * agents: every contact abandons, none is answered). Erlang C needs agents > traffic.
 */
function measuresOf({ agents, traffic, ahtSec, patienceSec }: CheckedQueue): QueueMeasures | undefined {
  if (agents === 0 && Number.isFinite(patienceSec)) return undefined;
  return queueMeasures(agents, traffic, ahtSec, patienceSec);
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
  const queue = checkedQueue(agents, volume, ahtSec, intervalMin, patienceSec);
  const target = check(targetSec, "target_sec", "nonNegative");
  return measuresOf(queue)?.serviceLevel(target) ?? 0;
}

/** A measure that needs agents to answer: with none (and impatient contacts) it has no value. */
function measureWithAgents(name: string, pick: (measures: QueueMeasures) => number) {
  return (
    agents: number,
    volume: number,
    ahtSec: number,
    intervalMin = DEFAULT_INTERVAL_MIN,
    patienceSec = NO_ABANDONMENT,
  ): number => {
    const measures = measuresOf(checkedQueue(agents, volume, ahtSec, intervalMin, patienceSec));
    if (!measures) throw divisionByZero("noAgents", { arg: name });
    return pick(measures);
  };
}

/** Average speed of answer: mean wait of answered contacts, seconds. */
export const asa = measureWithAgents("ASA", (measures) => measures.asaSec);

/** Carried load / agents. */
export const occupancy = measureWithAgents("OCCUPANCY", (measures) => measures.occupancy);

/** Share of offered contacts that abandon before they are answered (Erlang A). */
export function abandonRate(
  agents: number,
  volume: number,
  ahtSec: number,
  patienceSec: number,
  intervalMin = DEFAULT_INTERVAL_MIN,
): number {
  return measuresOf(checkedQueue(agents, volume, ahtSec, intervalMin, patienceSec))?.pAbandon ?? 1;
}
