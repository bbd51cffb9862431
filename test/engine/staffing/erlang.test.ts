import { erlangB, erlangC, MAX_SERVERS } from "../../../src/engine/staffing";
import { engineErrorFrom } from "../../support/engine-errors";
import { expectRelativeClose, readReferenceCsv } from "../../support/reference";

const cases = readReferenceCsv("erlang_c_reference.csv").map((row) => ({
  id: row.case_id,
  traffic: (Number(row.calls) * Number(row.aht_s)) / Number(row.interval_s),
  agents: Number(row.raw_agents),
  pWait: Number(row.p_wait),
  pWaitRecursion: Number(row.p_wait_m1_recursion),
}));

/** Erlang B straight from its definition, in exact rational arithmetic with BigInt (small N only). */
function erlangBByDefinition(servers: number, trafficNumerator: bigint, trafficDenominator: bigint): number {
  // B = (A^N / N!) / sum_k (A^k / k!); scale every term by N! d^N to stay in integers.
  let factorial = 1n;
  for (let k = 2n; k <= BigInt(servers); k++) factorial *= k;
  let sum = 0n;
  let kFactorial = 1n;
  for (let k = 0; k <= servers; k++) {
    if (k > 0) kFactorial *= BigInt(k);
    sum +=
      (trafficNumerator ** BigInt(k) * trafficDenominator ** BigInt(servers - k) * factorial) / kFactorial;
  }
  const top = trafficNumerator ** BigInt(servers);
  const digits = 30n;
  return Number((top * 10n ** digits) / sum) / 10 ** Number(digits);
}

/**
 * Erlang B as the truncated Poisson ratio p(N) / sum_{k<=N} p(k), summed in log space: a different
 * algorithm from the engine's recursion, usable at any size.
 */
function erlangBByPoissonRatio(servers: number, traffic: number): number {
  const logTerms: number[] = [-traffic];
  for (let k = 1; k <= servers; k++) logTerms.push(logTerms[k - 1] + Math.log(traffic) - Math.log(k));
  const peak = Math.max(...logTerms);
  const logSum = peak + Math.log(logTerms.reduce((sum, t) => sum + Math.exp(t - peak), 0));
  return Math.exp(logTerms[servers] - logSum);
}

describe("erlangC against the reference file", () => {
  it("has reference rows to check", () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(cases)(
    "$id: P(wait) with $agents agents at $traffic Erlangs",
    ({ agents, traffic, pWait, pWaitRecursion }) => {
      expectRelativeClose(erlangC(agents, traffic), pWait, 1e-9);
      expectRelativeClose(erlangC(agents, traffic), pWaitRecursion, 1e-12);
    },
  );
});

describe("erlangB", () => {
  it("matches hand-worked values", () => {
    expect(erlangB(0, 5)).toBe(1); // no servers: everything is blocked
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 15); // A / (1 + A)
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 15); // (1/2) / (1 + 1 + 1/2)
    expect(erlangB(5, 0)).toBe(0);
  });

  it.each([
    [10, 7n, 1n],
    [30, 25n, 1n],
    [60, 101n, 2n],
    [120, 100n, 1n],
  ])("equals the definition in exact arithmetic for %i servers", (servers, numerator, denominator) => {
    const traffic = Number(numerator) / Number(denominator);
    expectRelativeClose(
      erlangB(servers, traffic),
      erlangBByDefinition(servers, numerator, denominator),
      1e-12,
    );
  });

  it("decreases as servers are added", () => {
    let previous = 1;
    for (let n = 1; n <= 200; n++) {
      const b = erlangB(n, 150);
      expect(b).toBeLessThan(previous);
      previous = b;
    }
  });

  it("is stable at 10,000+ servers and 5,000 Erlangs", () => {
    for (const [servers, traffic] of [
      [5_000, 5_000],
      [10_000, 5_000],
      [12_000, 9_000],
      [MAX_SERVERS, 999_000],
    ]) {
      const b = erlangB(servers, traffic);
      expect(Number.isFinite(b)).toBe(true);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThanOrEqual(1);
    }
    for (const [servers, traffic] of [
      [5_000, 5_000],
      [10_000, 5_000],
      [10_500, 10_000],
      [20_000, 19_000.5],
    ]) {
      expectRelativeClose(erlangB(servers, traffic), erlangBByPoissonRatio(servers, traffic), 1e-9);
    }
  });
});

describe("erlangC", () => {
  it("for one agent, P(wait) = traffic (M/M/1: the chance the server is busy)", () => {
    expect(erlangC(1, 0.3)).toBeCloseTo(0.3, 15);
  });

  it("matches C = N B / (N - A (1 - B)) with B from the log-space oracle at 10,000 agents", () => {
    const b = erlangBByPoissonRatio(10_000, 9_900);
    expectRelativeClose(erlangC(10_000, 9_900), (10_000 * b) / (10_000 - 9_900 * (1 - b)), 1e-9);
  });

  it("is 0 when there is no traffic", () => {
    expect(erlangC(3, 0)).toBe(0);
  });
});

describe("bad input", () => {
  it("refuses agents that do not exceed traffic with #NUM!", () => {
    const error = engineErrorFrom(() => erlangC(10, 10));
    expect(error.kind).toBe("num");
    expect(error.message).toBe(
      "agents 10 is not above traffic 10 Erlangs: the queue never clears, so every contact waits",
    );
    expect(engineErrorFrom(() => erlangC(5, 7.5)).kind).toBe("num");
  });

  it("refuses non-whole and negative servers with #VALUE! naming the argument", () => {
    expect(engineErrorFrom(() => erlangB(2.5, 1)).message).toBe(
      "servers must be a whole number >= 0; got 2.5",
    );
    expect(engineErrorFrom(() => erlangB(-1, 1)).kind).toBe("value");
    expect(engineErrorFrom(() => erlangC(-3, 1)).message).toBe("agents must be a whole number >= 0; got -3");
    expect(engineErrorFrom(() => erlangB(3, -1)).message).toBe("traffic must be >= 0; got -1");
  });

  it("accepts whole numbers with last-bit noise", () => {
    expect(erlangB(0.1 * 30, 1)).toBe(erlangB(3, 1));
  });

  it("refuses more servers than it supports with #NUM!", () => {
    const error = engineErrorFrom(() => erlangB(MAX_SERVERS + 1, 1));
    expect(error.kind).toBe("num");
    expect(error.message).toBe("servers must be at most 1,000,000; got 1000001");
  });

  it("speaks Chinese when asked", () => {
    expect(engineErrorFrom(() => erlangB(2.5, 1)).messageIn("zh-CN")).toBe(
      "servers 必须为大于等于 0 的整数；当前为 2.5",
    );
  });
});
