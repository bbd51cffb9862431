/**
 * Erlang B and Erlang C for N servers offered A Erlangs of traffic.
 *
 * Erlang B uses the recursion B(0) = 1, B(k) = A B(k-1) / (k + A B(k-1)): every step stays in
 * (0, 1], so it neither overflows nor cancels where A^N / N! would (above ~170 servers). Erlang C
 * follows from B: C = N B / (N - A (1 - B)).
 */
import { invalidNumber } from "../core/errors";
import { integrate } from "../core/integrate";
import { check, checkAtMost } from "../core/validate";

/** The recursion is O(N); beyond this many servers a call would stall a recalculation. */
export const MAX_SERVERS = 1_000_000;

/** Blocking probability of an M/M/N/N system (lost-calls-cleared). */
export function erlangB(servers: number, traffic: number): number {
  const n = checkAtMost(check(servers, "servers", "wholeNonNegative"), "servers", MAX_SERVERS);
  const a = check(traffic, "traffic", "nonNegative");
  return erlangBRecursion(n, a);
}

/** Probability that a contact waits in an M/M/N queue (Erlang C); needs agents > traffic. */
export function erlangC(agents: number, traffic: number): number {
  const n = checkAtMost(check(agents, "agents", "wholeNonNegative"), "agents", MAX_SERVERS);
  const a = check(traffic, "traffic", "nonNegative");
  if (n <= a) {
    throw invalidNumber("agentsNotAboveTraffic", { arg: "agents", actual: String(n), limit: String(a) });
  }
  return erlangCFromB(n, a, erlangBRecursion(n, a));
}

/** Erlang B by recursion; inputs already validated. */
export function erlangBRecursion(servers: number, traffic: number): number {
  let blocking = 1;
  for (let k = 1; k <= servers; k++) {
    blocking = (traffic * blocking) / (k + traffic * blocking);
    // Once it underflows to 0 it stays 0: the remaining steps cannot change the answer.
    if (blocking === 0) break;
  }
  return blocking;
}

/** Erlang C from Erlang B at the same N and A (N > A). */
export function erlangCFromB(agents: number, traffic: number, blocking: number): number {
  return (agents * blocking) / (agents - traffic * (1 - blocking));
}

/** What a queue with a given number of agents delivers: the measures the staffing functions report. */
export interface QueueMeasures {
  /** Probability that an arriving contact finds every agent busy and waits. */
  pWait: number;
  /** Share of offered contacts that abandon before they are answered (0 without patience). */
  pAbandon: number;
  /** Average speed of answer: mean wait of the answered contacts, in seconds. */
  asaSec: number;
  /** Carried load per agent: traffic x (1 - pAbandon) / agents. */
  occupancy: number;
  /** Share of offered contacts answered within targetSec seconds; abandons count as misses. */
  serviceLevel(targetSec: number): number;
}

const clampToUnit = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Erlang C measures (M/M/N, nobody abandons) for N >= 1 agents and A Erlangs, N > A. Closed forms:
 * ASA = C x AHT / (N - A) and SL(t) = 1 - C exp(-(N - A) t / AHT).
 */
export function erlangCMeasures(agents: number, traffic: number, ahtSec: number): QueueMeasures {
  const pWait = erlangC(agents, traffic);
  return {
    pWait,
    pAbandon: 0,
    asaSec: (pWait * ahtSec) / (agents - traffic),
    occupancy: traffic / agents,
    serviceLevel: (targetSec) =>
      clampToUnit(1 - pWait * Math.exp((-(agents - traffic) * targetSec) / ahtSec)),
  };
}

/** Beyond this many queue states a stationary distribution would stall a recalculation. */
export const MAX_QUEUE_STATES = 1_000_000;
const RESCALE = 1e250;
const LOG_RESCALE = Math.log(RESCALE);
/** Series are summed until the rest cannot change them beyond this relative amount. */
const SERIES_TOLERANCE = 1e-17;

/**
 * Erlang A measures (M/M/N+M: exponential patience with mean patienceSec) for N >= 1 agents, exact
 * from the stationary distribution. Agents may be below the traffic: abandonment keeps the queue
 * finite. With state weights relative to "N busy, nobody waiting", the states below N sum to
 * 1/B(N, A) - 1 (Erlang B), and state N + j follows by w(j) = w(j-1) A / (N + j r), r = AHT /
 * patience. A contact arriving behind j others is answered with probability N / (N + (j+1) r) and,
 * if answered, after a mean AHT x sum_{i=1..j+1} 1 / (N + i r). The answered-within-t share uses
 * the density of the offered wait V, N/AHT x P(N) x exp(λ(1 - e^{-θs})/θ - N s / AHT), weighted by
 * the chance e^{-θs} of still waiting at s (Mandelbaum & Zeltyn's M/M/N+G result).
 */
export function erlangAMeasures(
  agents: number,
  traffic: number,
  ahtSec: number,
  patienceSec: number,
): QueueMeasures {
  const n = agents;
  const a = traffic;
  const r = ahtSec / patienceSec;
  const blocking = erlangBRecursion(n, a);
  // Nobody finds every agent busy (to double precision): nothing waits or abandons.
  if (!(1 / blocking < Infinity))
    return { pWait: 0, pAbandon: 0, asaSec: 0, occupancy: a / n, serviceLevel: () => 1 };
  if (queueStatesNeeded(n, a, r) > MAX_QUEUE_STATES) throw queueTooLong(patienceSec);

  let below = 1 / blocking - 1;
  let waiting = 0;
  let abandoning = 0;
  let answeredInQueue = 0;
  let answeredWait = 0; // sum of weight x P(answered) x mean wait, in units of AHT
  let weight = 1;
  let harmonic = 0;
  let rescalings = 0;
  const agentsPerAbandonRate = n / r;
  for (let j = 0; ; j++) {
    if (j > MAX_QUEUE_STATES) throw queueTooLong(patienceSec);
    const departureRate = n + (j + 1) * r; // in units of 1 / AHT, for a contact with j ahead
    harmonic += 1 / departureRate;
    const answered = n / departureRate;
    waiting += weight;
    abandoning += (weight * (j + 1)) / (j + 1 + agentsPerAbandonRate); // = 1 - answered, no cancellation
    answeredInQueue += weight * answered;
    answeredWait += weight * answered * harmonic;
    const ratio = a / departureRate;
    // Ratios only fall from here on, so the rest is below a geometric series in `ratio`; each sum's
    // terms grow at most linearly in j (by r / N and 1 / N per state).
    if (ratio < 1) {
      const flat = (weight * ratio) / (1 - ratio);
      const growing = flat / (1 - ratio);
      if (
        flat <= SERIES_TOLERANCE * waiting &&
        flat * answered <= SERIES_TOLERANCE * (below + answeredInQueue) &&
        (flat * (j + 2) + growing) * r <= SERIES_TOLERANCE * abandoning * n &&
        flat * (harmonic + 1 / n) + growing / n <= SERIES_TOLERANCE * answeredWait
      )
        break;
    }
    weight *= ratio;
    if (weight > RESCALE) {
      weight /= RESCALE;
      waiting /= RESCALE;
      abandoning /= RESCALE;
      answeredInQueue /= RESCALE;
      answeredWait /= RESCALE;
      below /= RESCALE;
      rescalings++;
    }
  }

  const total = below + waiting;
  // Summed apart rather than as 1 - pAbandon, which cancels when nearly everyone abandons.
  const answeredMass = below + answeredInQueue;
  const logStateN = -rescalings * LOG_RESCALE - Math.log(total);
  const arrivalRate = a / ahtSec;
  const theta = 1 / patienceSec;
  const waitDensityLog = (s: number) =>
    Math.log(n / ahtSec) +
    logStateN -
    (arrivalRate * Math.expm1(-theta * s)) / theta -
    (n / ahtSec + theta) * s;
  // Rounding can put a share a few ulps outside [0, 1]; a cell should never show 1.0000000000000007.
  const pWait = clampToUnit(waiting / total);
  return {
    pWait,
    pAbandon: clampToUnit(abandoning / total),
    asaSec: (ahtSec * answeredWait) / answeredMass,
    occupancy: clampToUnit((a * (answeredMass / total)) / n),
    serviceLevel: (targetSec) => {
      const level = 1 - pWait + integrate((s) => Math.exp(waitDensityLog(s)), 0, targetSec);
      if (Number.isNaN(level)) throw invalidNumber("overflow", { arg: "service level" });
      return clampToUnit(level);
    },
  };
}

/**
 * About how many queue states the series must visit: up to the most likely queue length (a - n) / r
 * when agents are below the traffic, then until the weights, which fall like exp(-(j (n - a) +
 * r j^2 / 2) / n), are negligible (e^-40). Cheap, so a hopeless case is refused before the loop.
 */
function queueStatesNeeded(n: number, a: number, r: number): number {
  const spread = Math.sqrt((80 * Math.max(n, a)) / r);
  return n > a ? Math.min((40 * n) / (n - a), spread) : (a - n) / r + spread;
}

function queueTooLong(patienceSec: number) {
  return invalidNumber("queueTooLong", {
    arg: "patience_sec",
    actual: String(patienceSec),
    limit: MAX_QUEUE_STATES.toLocaleString("en-US"),
  });
}

/**
 * The queue with agents >= 1: Erlang A when contacts abandon (finite patience), else Erlang C
 * (which needs agents > traffic).
 */
export function queueMeasures(
  agents: number,
  traffic: number,
  ahtSec: number,
  patienceSec: number,
): QueueMeasures {
  return Number.isFinite(patienceSec)
    ? erlangAMeasures(agents, traffic, ahtSec, patienceSec)
    : erlangCMeasures(agents, traffic, ahtSec);
}
