/**
 * Erlang B and Erlang C for N servers offered A Erlangs of traffic.
 *
 * Erlang B uses the recursion B(0) = 1, B(k) = A B(k-1) / (k + A B(k-1)): every step stays in
 * (0, 1], so it neither overflows nor cancels where A^N / N! would (above ~170 servers). Erlang C
 * follows from B: C = N B / (N - A (1 - B)).
 */
import { invalidNumber } from "../core/errors";
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
