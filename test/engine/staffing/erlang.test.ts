import {
  erlangAMeasures,
  erlangB,
  erlangC,
  erlangCMeasures,
  MAX_SERVERS,
} from "../../../src/engine/staffing";
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

/** One row of erlang_a_reference.csv as the engine's inputs and the expected measures. */
const erlangACases = readReferenceCsv("erlang_a_reference.csv").map((row) => ({
  id: row.case_id,
  agents: Number(row.agents),
  traffic: (Number(row.calls) * Number(row.aht_s)) / Number(row.interval_s),
  ahtSec: Number(row.aht_s),
  patienceSec: Number(row.patience_s),
  targetSec: Number(row.target_time_s),
  row,
}));

/** P(Poisson(mean) >= n), summing the lower terms in log space: independent of the engine. */
function poissonAtLeast(n: number, mean: number): number {
  let logTerm = -mean;
  let below = 0;
  for (let k = 0; k < n; k++) {
    below += Math.exp(logTerm);
    logTerm += Math.log(mean) - Math.log(k + 1);
  }
  return 1 - below;
}

describe("erlangAMeasures against the reference file", () => {
  it("has reference rows to check", () => {
    expect(erlangACases.length).toBeGreaterThanOrEqual(4);
  });

  it.each(erlangACases)(
    "$id: every measure to 1e-6",
    ({ agents, traffic, ahtSec, patienceSec, targetSec, row }) => {
      const m = erlangAMeasures(agents, traffic, ahtSec, patienceSec);
      expectRelativeClose(m.pWait, Number(row.p_wait), 1e-6);
      expectRelativeClose(m.pAbandon, Number(row.p_abandon), 1e-6);
      expectRelativeClose(m.serviceLevel(targetSec), Number(row.sl_offered), 1e-6);
      expectRelativeClose(m.asaSec, Number(row.asa_answered), 1e-6);
      expectRelativeClose(m.occupancy, Number(row.occupancy), 1e-6);
      // The published closed forms and the pyworkforce regression values agree too.
      expectRelativeClose(m.pWait, Number(row.p_wait_gmr_closed_form), 1e-6);
      expectRelativeClose(m.pAbandon, Number(row.pyworkforce_p_abandon), 1e-6);
    },
  );

  it("agrees with the discrete-event simulation within its 95% confidence intervals", () => {
    for (const { agents, traffic, ahtSec, patienceSec, targetSec, row } of erlangACases) {
      const m = erlangAMeasures(agents, traffic, ahtSec, patienceSec);
      const within = (value: number, column: string) =>
        expect(Math.abs(value - Number(row[column]))).toBeLessThanOrEqual(Number(row[`${column}_ci95`]));
      within(m.pWait, "sim_p_wait");
      within(m.pAbandon, "sim_p_abandon");
      within(m.serviceLevel(targetSec), "sim_sl_offered");
      within(m.asaSec, "sim_asa_answered");
    }
  });
});

describe("erlangAMeasures identities and limits", () => {
  const erlangCCases = cases.map((c) => ({ ...c, ahtSec: 180, targetSec: 20 }));

  it.each(erlangCCases)(
    "$id: patience 1e9 s gives Erlang C to 1e-6",
    ({ agents, traffic, ahtSec, targetSec }) => {
      const a = erlangAMeasures(agents, traffic, ahtSec, 1e9);
      const c = erlangCMeasures(agents, traffic, ahtSec);
      expectRelativeClose(a.pWait, c.pWait, 1e-6);
      expectRelativeClose(a.serviceLevel(targetSec), c.serviceLevel(targetSec), 1e-6);
      expectRelativeClose(a.occupancy, c.occupancy, 1e-6);
      expectRelativeClose(a.asaSec, c.asaSec, 1e-6);
      expect(a.pAbandon).toBeLessThan(1e-6);
    },
  );

  it("approaches Erlang C's ASA in proportion to 1 / patience", () => {
    // 14 agents, 10 Erlangs, AHT 600 s: answered contacts are those that waited less, by about θ Var(W).
    const c = erlangCMeasures(14, 10, 600).asaSec;
    const gap = (patienceSec: number) => Math.abs(erlangAMeasures(14, 10, 600, patienceSec).asaSec / c - 1);
    expect(gap(1e9)).toBeLessThan(2e-6);
    expect(gap(1e10)).toBeLessThan(2e-7);
    expectRelativeClose(gap(1e9) / gap(1e10), 10, 1e-3);
  });

  it.each([
    [105, 100],
    [14, 10],
    [3, 5],
    [40, 38.5],
  ])(
    "with patience = AHT, P(wait) = P(Poisson(traffic) >= agents): %i agents, %d Erlangs",
    (agents, traffic) => {
      expectRelativeClose(
        erlangAMeasures(agents, traffic, 180, 180).pWait,
        poissonAtLeast(agents, traffic),
        1e-9,
      );
    },
  );

  it("conserves contacts: answered + abandoned = offered, and occupancy = answered load / agents", () => {
    for (const { agents, traffic, ahtSec, patienceSec } of erlangACases) {
      const m = erlangAMeasures(agents, traffic, ahtSec, patienceSec);
      expectRelativeClose(m.occupancy * agents + m.pAbandon * traffic, traffic, 1e-12);
    }
  });

  it("improves with every added agent, also below the traffic", () => {
    let previous = erlangAMeasures(1, 50, 180, 120);
    for (let agents = 2; agents <= 80; agents++) {
      const m = erlangAMeasures(agents, 50, 180, 120);
      expect(m.serviceLevel(20)).toBeGreaterThan(previous.serviceLevel(20));
      expect(m.pAbandon).toBeLessThan(previous.pAbandon);
      expect(m.asaSec).toBeLessThan(previous.asaSec);
      expect(m.occupancy).toBeLessThan(previous.occupancy);
      previous = m;
    }
  });

  it("stays finite and in range at 5,000 Erlangs, overloaded or not", () => {
    for (const agents of [4_000, 5_000, 5_100, 6_000]) {
      const m = erlangAMeasures(agents, 5_000, 300, 120);
      for (const share of [m.pWait, m.pAbandon, m.serviceLevel(20), m.occupancy]) {
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
      }
      expect(Number.isFinite(m.asaSec)).toBe(true);
      expectRelativeClose(m.occupancy * agents + m.pAbandon * 5_000, 5_000, 1e-9);
    }
  });

  it("refuses a queue too long to evaluate with #NUM!", () => {
    const error = engineErrorFrom(() => erlangAMeasures(1_000, 2_000, 300, 1e9));
    expect(error.kind).toBe("num");
    expect(error.message).toBe(
      "patience_sec 1000000000 is too long to evaluate with agents this close to or below the traffic: " +
        "the queue would pass 1,000,000 waiting contacts; leave patience_sec out to use Erlang C",
    );
    // Agents equal to the traffic with near-infinite patience: refused at once, not after a long loop.
    expect(engineErrorFrom(() => erlangAMeasures(10, 10, 180, 1e14)).kind).toBe("num");
    // One agent of headroom needs few states even with such patience.
    expect(erlangAMeasures(11, 10, 180, 1e14).pWait).toBeCloseTo(erlangC(11, 10), 9);
  });
});

describe("erlangCMeasures", () => {
  it.each(cases)("$id: service level, ASA and occupancy of the reference", ({ id }) => {
    const row = readReferenceCsv("erlang_c_reference.csv").find((r) => r.case_id === id)!;
    const traffic = (Number(row.calls) * Number(row.aht_s)) / Number(row.interval_s);
    const m = erlangCMeasures(Number(row.raw_agents), traffic, Number(row.aht_s));
    expectRelativeClose(m.serviceLevel(Number(row.target_time_s)), Number(row.service_level), 1e-6);
    expectRelativeClose(m.asaSec, Number(row.asa_s), 1e-6);
    expectRelativeClose(m.occupancy, Number(row.occupancy), 1e-6);
    expect(m.pAbandon).toBe(0);
  });
});
