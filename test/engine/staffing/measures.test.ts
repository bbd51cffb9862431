import { abandonRate, asa, occupancy, serviceLevel } from "../../../src/engine/staffing";
import { engineErrorFrom } from "../../support/engine-errors";
import { expectRelativeClose, readReferenceCsv } from "../../support/reference";

describe("measures from worksheet units", () => {
  it("reproduce erlang_a_reference.csv from volume, handle time and interval", () => {
    for (const row of readReferenceCsv("erlang_a_reference.csv")) {
      const args = [Number(row.agents), Number(row.calls), Number(row.aht_s)] as const;
      const intervalMin = Number(row.interval_s) / 60;
      const patience = Number(row.patience_s);
      expectRelativeClose(
        serviceLevel(...args, Number(row.target_time_s), intervalMin, patience),
        Number(row.sl_offered),
        1e-6,
      );
      expectRelativeClose(asa(...args, intervalMin, patience), Number(row.asa_answered), 1e-6);
      expectRelativeClose(occupancy(...args, intervalMin, patience), Number(row.occupancy), 1e-6);
      expectRelativeClose(abandonRate(...args, patience, intervalMin), Number(row.p_abandon), 1e-6);
    }
  });

  it("use Erlang C without patience, with a 60-minute interval by default", () => {
    // 200 calls an hour at 180 s = 10 Erlangs, as 100 calls per 30 minutes (reference C01).
    expectRelativeClose(serviceLevel(14, 200, 180, 20), 0.8883500192, 1e-6);
    expectRelativeClose(asa(14, 200, 180), 7.83593701, 1e-6);
    expectRelativeClose(occupancy(14, 200, 180), 0.7142857143, 1e-6);
  });

  it("improve monotonically as agents are added", () => {
    let previous = serviceLevel(11, 100, 180, 20, 30);
    for (let agents = 12; agents < 40; agents++) {
      const next = serviceLevel(agents, 100, 180, 20, 30);
      expect(next).toBeGreaterThanOrEqual(previous);
      previous = next;
    }
    expect(previous).toBeCloseTo(1, 9);
  });

  it("with no agents and impatient contacts: none answered, all abandon", () => {
    expect(serviceLevel(0, 100, 180, 20, 30, 300)).toBe(0);
    expect(abandonRate(0, 100, 180, 300, 30)).toBe(1);
    const noAnswer = engineErrorFrom(() => asa(0, 100, 180, 30, 300));
    expect(noAnswer.kind).toBe("div0");
    expect(noAnswer.message).toBe("ASA is undefined with 0 agents: no contact is answered");
    expect(engineErrorFrom(() => occupancy(0, 100, 180, 30, 300)).kind).toBe("div0");
  });

  it("without contacts: everyone (nobody) is answered at once", () => {
    expect(serviceLevel(3, 0, 180, 20)).toBe(1);
    expect(asa(3, 0, 180)).toBe(0);
    expect(occupancy(3, 0, 180)).toBe(0);
    expect(abandonRate(3, 0, 180, 300)).toBe(0);
  });

  it("refuses agents that do not exceed the traffic without patience, as ERLANG_C does", () => {
    const error = engineErrorFrom(() => serviceLevel(10, 100, 180, 20, 30));
    expect(error.kind).toBe("num");
    expect(engineErrorFrom(() => asa(0, 0, 180)).kind).toBe("num");
  });

  it("name the argument and rule of bad units", () => {
    expect(engineErrorFrom(() => serviceLevel(14.5, 100, 180, 20)).message).toBe(
      "agents must be a whole number >= 0; got 14.5",
    );
    expect(engineErrorFrom(() => serviceLevel(14, 100, 180, -1)).message).toBe(
      "target_sec must be >= 0; got -1",
    );
    expect(engineErrorFrom(() => abandonRate(14, 100, 180, 0)).message).toBe(
      "patience_sec must be > 0; got 0",
    );
    expect(engineErrorFrom(() => asa(14, 100, 0)).message).toBe("aht_sec must be > 0; got 0");
  });
});

describe("argument checks come before the queue is solved", () => {
  it("reports a bad target_sec even where the queue has no answer to give", () => {
    expect(engineErrorFrom(() => serviceLevel(0, 100, 180, -5, 30, 300)).message).toBe(
      "target_sec must be >= 0; got -5",
    );
    expect(engineErrorFrom(() => serviceLevel(10, 100, 180, -5, 30)).kind).toBe("value");
  });

  it("checks agents before patience_sec in ABANDON_RATE", () => {
    expect(engineErrorFrom(() => abandonRate(-1, 100, 180, 0)).message).toBe(
      "agents must be a whole number >= 0; got -1",
    );
  });
});

describe("extreme inputs", () => {
  it("end with #NUM! rather than a stalled recalculation when the wait distribution is not a number", () => {
    expect(engineErrorFrom(() => serviceLevel(3, 1e300, 1e-300, 1e300, 60, 1e300)).kind).toBe("num");
  });
});
