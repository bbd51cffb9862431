import fs from "fs";
import path from "path";
import { tdabc } from "../../../src/engine/costing";
import { engineErrorFrom } from "../../support/engine-errors";
import { REFERENCE_DIR, expectRelativeClose } from "../../support/reference";

const garber = JSON.parse(
  fs.readFileSync(path.join(REFERENCE_DIR, "tdabc_reference.json"), "utf8"),
).garber_company_exercise;
const activities = Object.keys(garber.inputs.unit_time_hours);

describe.each([
  ["this period (b, c)", "quantities", "b_c_time_driven_this_period_units_hours"],
  ["next period (d)", "quantities_next_period", "d_time_driven_next_period_units_hours"],
])("Garber Company, time-driven, %s", (_label, quantitiesKey, expectedKey) => {
  const expected = garber[expectedKey];
  const result = tdabc(
    garber.inputs.committed_cost,
    garber.inputs.practical_capacity_hours,
    activities.map((a) => garber.inputs.unit_time_hours[a]),
    activities.map((a) => garber.inputs[quantitiesKey][a]),
  );

  it("has the published rate, unit costs, times and costs", () => {
    expectRelativeClose(result.rate, expected.cost_per_minute, 1e-12);
    activities.forEach((a, i) => {
      expectRelativeClose(result.activities[i].unitCost, expected.unit_cost[a], 1e-12);
      expectRelativeClose(result.activities[i].minutesUsed, expected.minutes_used[a], 1e-12);
      expectRelativeClose(result.activities[i].costAssigned, expected.cost_assigned[a], 1e-12);
    });
  });

  it("has the published used and unused capacity, which add up to the capacity", () => {
    expectRelativeClose(result.usedMinutes, expected.total_minutes_used, 1e-12);
    expectRelativeClose(result.usedCost, expected.total_cost_assigned, 1e-12);
    expectRelativeClose(result.unusedMinutes, expected.unused_minutes, 1e-12);
    expectRelativeClose(result.unusedCost, expected.unused_capacity_cost, 1e-12);
    expect(result.usedCost + result.unusedCost).toBeCloseTo(garber.inputs.committed_cost, 6);
    expectRelativeClose(result.usedMinutes / result.capacityMinutes, expected.utilization, 1e-12);
  });
});

describe("tdabc", () => {
  it("shows over-capacity as negative unused capacity", () => {
    const over = tdabc(1000, 100, [3], [40]);
    expect(over.usedMinutes).toBe(120);
    expect(over.unusedMinutes).toBe(-20);
    expect(over.unusedCost).toBe(-200);
    expect(over.usedCost + over.unusedCost).toBe(1000);
  });

  it("names bad arguments and rows", () => {
    expect(engineErrorFrom(() => tdabc(1000, 0, [1], [1])).message).toBe(
      "capacity_minutes must be > 0; got 0",
    );
    expect(engineErrorFrom(() => tdabc(1000, 10, [1, -1], [1, 1])).message).toBe(
      "unit_minutes must be >= 0; row 2 is -1",
    );
    expect(engineErrorFrom(() => tdabc(1000, 10, [1, 1], [1])).message).toBe(
      "quantities must have one row per row of unit_minutes (2); it has 1",
    );
  });
});
