import fs from "fs";
import path from "path";
import { abcAllocate, abcRates } from "../../../src/engine/costing";
import { EngineError } from "../../../src/engine/core";
import { engineErrorFrom } from "../../support/engine-errors";
import { REFERENCE_DIR, expectRelativeClose } from "../../support/reference";

const reference = JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, "tdabc_reference.json"), "utf8"));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe("Kaplan & Anderson (HBR 2004): traditional ABC", () => {
  const hbr = reference.hbr2004_traditional_abc;
  const activities = Object.keys(hbr.inputs.time_survey_pct);
  const survey = [activities.map((a) => hbr.inputs.time_survey_pct[a])];
  const quantities = activities.map((a) => [hbr.inputs.quarterly_quantities[a]]);

  it("spreads the department's cost over the activities by the time survey", () => {
    const pools = abcAllocate([hbr.inputs.quarterly_department_cost], survey);
    activities.forEach((a, i) => expectRelativeClose(pools.receivers[i], hbr.activity_cost_pools[a], 1e-12));
    expect(pools.unallocated).toBe(0);
  });

  it("gives the published rates $8.00 / $40.00 / $44.80, in two stages and in one", () => {
    const twoStage = abcRates([hbr.inputs.quarterly_department_cost], survey, quantities);
    const oneStage = abcRates(
      activities.map((a) => hbr.activity_cost_pools[a]),
      quantities,
    );
    activities.forEach((a, i) => {
      expectRelativeClose(twoStage[i] as number, hbr.published_rates[a], 1e-12);
      expectRelativeClose(oneStage[i] as number, hbr.published_rates[a], 1e-12);
    });
  });

  it("allocates the whole department cost in two stages", () => {
    const allocation = abcAllocate([hbr.inputs.quarterly_department_cost], survey, quantities);
    expectRelativeClose(allocation.receivers[0], hbr.inputs.quarterly_department_cost, 1e-12);
  });
});

describe("Garber Company part (a): traditional rates", () => {
  const garber = reference.garber_company_exercise;
  const activities = Object.keys(garber.inputs.time_pct);
  it("gives the published $56.25 / $150 / $200", () => {
    const rates = abcRates(
      [garber.inputs.committed_cost],
      [activities.map((a) => garber.inputs.time_pct[a])],
      activities.map((a) => [garber.inputs.quantities[a]]),
    );
    activities.forEach((a, i) => expectRelativeClose(rates[i] as number, garber.a_published[a], 1e-12));
  });
});

describe("abcAllocate", () => {
  it("matches a hand-worked one-stage allocation", () => {
    // Calls pool 1,000 by calls 30 / 70; email pool 600 by emails 1 / 2.
    const { receivers, unallocated } = abcAllocate(
      [1000, 600],
      [
        [30, 70],
        [1, 2],
      ],
    );
    expectRelativeClose(receivers[0], 300 + 200, 1e-12);
    expectRelativeClose(receivers[1], 700 + 400, 1e-12);
    expect(unallocated).toBe(0);
  });

  it("keeps a pool without driver quantity on the unallocated line", () => {
    const { receivers, unallocated } = abcAllocate(
      [1000, 250],
      [
        [1, 3],
        [0, 0],
      ],
    );
    expect(receivers).toEqual([250, 750]);
    expect(unallocated).toBe(250);
  });

  it("adds both stages' unallocated cost", () => {
    // Resource 2 drives no activity; activity 2 drives no object.
    const allocation = abcAllocate(
      [100, 40],
      [
        [1, 1],
        [0, 0],
      ],
      [
        [1, 3],
        [0, 0],
      ],
    );
    expect(allocation.receivers).toEqual([12.5, 37.5]);
    expect(allocation.unallocated).toBe(40 + 50);
  });

  it("names the cell of a bad amount and the shapes that do not fit", () => {
    expect(engineErrorFrom(() => abcAllocate([10, -3], [[1], [1]])).message).toBe(
      "costs must be >= 0; row 2 is -3",
    );
    expect(engineErrorFrom(() => abcAllocate([10], [[1, -2]])).message).toBe(
      "drivers must be >= 0; row 1, column 2 is -2",
    );
    expect(engineErrorFrom(() => abcAllocate([10, 5], [[1, 2]])).message).toBe(
      "drivers must have one row per row of costs (2); it has 1",
    );
    expect(engineErrorFrom(() => abcAllocate([10], [[1, 2]], [[1]])).message).toBe(
      "activity_drivers must have one row per column of drivers (2); it has 1",
    );
  });
});

describe("abcRates", () => {
  it("has no rate (#DIV/0!) for an activity without driver quantity", () => {
    const [rate, none] = abcRates(
      [90, 10],
      [
        [30, 15],
        [0, 0],
      ],
    );
    expect(rate).toBe(2);
    expect(none).toBeInstanceOf(EngineError);
    expect((none as EngineError).kind).toBe("div0");
  });

  it("conserves cost: rate x quantity gives back each pool", () => {
    const pools = [1234.5, 99, 0.01];
    const drivers = [
      [3, 4],
      [10, 0],
      [7, 7],
    ];
    abcRates(pools, drivers).forEach((rate, i) =>
      expectRelativeClose((rate as number) * sum(drivers[i]), pools[i], 1e-12),
    );
  });
});
