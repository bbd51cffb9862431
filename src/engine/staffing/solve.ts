/**
 * Staffing: the smallest number of agents that meets a service goal (service level or ASA) and
 * every cap (occupancy, abandonment), then scheduled agents after shrinkage.
 */
import { EngineError, invalidNumber } from "../core/errors";
import { check } from "../core/validate";
import { MAX_SERVERS, queueMeasures, type QueueMeasures } from "./erlang";
import { checkedPatience, NO_ABANDONMENT } from "./measures";
import { checkedLoad, DEFAULT_INTERVAL_MIN, type IntervalLoad, trafficErlangs } from "./workload";

export type ServiceGoal =
  { kind: "serviceLevel"; target: number; withinSec: number } | { kind: "asa"; targetSec: number };

export interface StaffingLimits {
  /** Highest acceptable occupancy, a fraction in (0, 1]. */
  maxOccupancy: number;
  /** Share of paid time not on the phones, a fraction in [0, 1). */
  shrinkage: number;
  /** Mean patience, seconds; Infinity when contacts never abandon (Erlang C). */
  patienceSec: number;
  /** Highest acceptable abandon rate, a fraction. */
  maxAbandon: number;
}

export const NO_LIMITS: StaffingLimits = {
  maxOccupancy: 1,
  shrinkage: 0,
  patienceSec: NO_ABANDONMENT,
  maxAbandon: 1,
};

export interface StaffingPlan {
  traffic: number;
  /** Agents on the phones: the smallest N meeting the goal and the caps. */
  agents: number;
  /** ceil(agents / (1 - shrinkage)). */
  scheduled: number;
  /** What those agents deliver; undefined for an interval without contacts (and agents). */
  measures: QueueMeasures | undefined;
}

/** Floating-point slack for comparing a measure with its target and for rounding up. */
const TOLERANCE = 1e-9;

/** Scheduled agents: raw / (1 - shrinkage) rounded up, forgiving last-bit noise (21 / 0.7 -> 30). */
export function withShrinkage(agents: number, shrinkage: number): number {
  return Math.ceil(agents / (1 - shrinkage) - TOLERANCE);
}

function checkedGoal(goal: ServiceGoal): ServiceGoal {
  // An ASA of 0 would need every contact answered at once: no staffing meets it, so it is a bad value.
  if (goal.kind === "asa")
    return { kind: "asa", targetSec: check(goal.targetSec, "target_asa_sec", "positive") };
  return {
    kind: "serviceLevel",
    target: check(goal.target, "target_sl", "fraction"),
    withinSec: check(goal.withinSec, "target_sec", "nonNegative"),
  };
}

function checkedLimits(limits: StaffingLimits): StaffingLimits {
  return {
    maxOccupancy: check(limits.maxOccupancy, "max_occupancy", "fractionAboveZero"),
    shrinkage: check(limits.shrinkage, "shrinkage", "fractionBelowOne"),
    patienceSec: checkedPatience(limits.patienceSec),
    maxAbandon: check(limits.maxAbandon, "max_abandon", "fraction"),
  };
}

/** Targets no number of agents can meet while contacts arrive. */
function rejectUnreachable(goal: ServiceGoal, limits: StaffingLimits): void {
  if (goal.kind === "serviceLevel" && goal.target === 1)
    throw invalidNumber("unreachable", { arg: "target_sl", actual: "1", reason: "someoneAlwaysWaits" });
  if (limits.maxAbandon === 0 && Number.isFinite(limits.patienceSec))
    throw invalidNumber("unreachable", { arg: "max_abandon", actual: "0", reason: "someoneAlwaysAbandons" });
}

function meets(measures: QueueMeasures | undefined, goal: ServiceGoal, limits: StaffingLimits): boolean {
  if (!measures) return false;
  if (measures.occupancy > limits.maxOccupancy + TOLERANCE) return false;
  if (measures.pAbandon > limits.maxAbandon + TOLERANCE) return false;
  return goal.kind === "asa"
    ? measures.asaSec <= goal.targetSec + TOLERANCE
    : measures.serviceLevel(goal.withinSec) >= goal.target - TOLERANCE;
}

/**
 * The measures, or undefined where the queue is too long to evaluate (agents a hair above the
 * traffic with near-endless patience): such a queue waits far beyond any target, so the search
 * moves on to more agents instead of failing.
 */
function evaluable(measure: () => QueueMeasures): QueueMeasures | undefined {
  try {
    return measure();
  } catch (error) {
    if (error instanceof EngineError && error.key === "queueTooLong") return undefined;
    throw error;
  }
}

/**
 * The smallest n >= start with accept(n), for accept monotone in n (more agents never hurt):
 * doubling steps up to a passing n, then bisection, so a far target costs O(log) evaluations.
 */
function smallestAccepted(start: number, accept: (n: number) => boolean, fail: () => Error): number {
  if (accept(start)) return start;
  let failing = start;
  let step = 1;
  for (;;) {
    const candidate = Math.min(start + step, MAX_SERVERS);
    if (accept(candidate)) {
      let passing = candidate;
      while (passing - failing > 1) {
        const middle = Math.floor((failing + passing) / 2);
        if (accept(middle)) passing = middle;
        else failing = middle;
      }
      return passing;
    }
    if (candidate === MAX_SERVERS) throw fail();
    failing = candidate;
    step *= 2;
  }
}

/**
 * Raw agents: the smallest N from floor(traffic) + 1 upward meeting the goal and every cap;
 * scheduled = ceil(N / (1 - shrinkage)). An interval without contacts needs no agents.
 */
export function planStaffing(load: IntervalLoad, goal: ServiceGoal, limits: StaffingLimits): StaffingPlan {
  const { ahtSec } = checkedLoad(load);
  const checkedTargets = checkedGoal(goal);
  const caps = checkedLimits(limits);
  const traffic = trafficErlangs(load);
  if (load.volume === 0) return { traffic, agents: 0, scheduled: 0, measures: undefined };
  rejectUnreachable(checkedTargets, caps);

  const tooMany = () =>
    invalidNumber("tooManyAgents", {
      actual: traffic.toLocaleString("en-US"),
      limit: MAX_SERVERS.toLocaleString("en-US"),
    });
  const start = Math.floor(traffic) + 1;
  if (start > MAX_SERVERS) throw tooMany();
  const measuresAt = (n: number) => queueMeasures(n, traffic, ahtSec, caps.patienceSec);
  const agents = smallestAccepted(
    start,
    (n) =>
      meets(
        evaluable(() => measuresAt(n)),
        checkedTargets,
        caps,
      ),
    tooMany,
  );
  return { traffic, agents, scheduled: withShrinkage(agents, caps.shrinkage), measures: measuresAt(agents) };
}

/** SVC.STAFF_NEEDED: agents to schedule for a service-level target. */
export function staffNeeded(
  volume: number,
  ahtSec: number,
  targetSl: number,
  targetSec: number,
  intervalMin = DEFAULT_INTERVAL_MIN,
  maxOccupancy = 1,
  shrinkage = 0,
  patienceSec = NO_ABANDONMENT,
  maxAbandon = 1,
): number {
  return planStaffing(
    { volume, ahtSec, intervalMin },
    { kind: "serviceLevel", target: targetSl, withinSec: targetSec },
    { maxOccupancy, shrinkage, patienceSec, maxAbandon },
  ).scheduled;
}

/** SVC.STAFF_FOR_ASA: agents to schedule for an average-speed-of-answer target. */
export function staffForAsa(
  volume: number,
  ahtSec: number,
  targetAsaSec: number,
  intervalMin = DEFAULT_INTERVAL_MIN,
  maxOccupancy = 1,
  shrinkage = 0,
  patienceSec = NO_ABANDONMENT,
): number {
  return planStaffing(
    { volume, ahtSec, intervalMin },
    { kind: "asa", targetSec: targetAsaSec },
    { ...NO_LIMITS, maxOccupancy, shrinkage, patienceSec },
  ).scheduled;
}
