/**
 * The costing family through the built bundle, as Excel calls it, against the published
 * exercises: Kaplan & Anderson's rates, the Garber Company's time-driven table, a blended channel
 * cost, and allocations that give back all the cost they were given.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { TEST_TIMEOUT_MS, callFunction, useBrowser } from "./browser.mjs";
import { REFERENCE_DIR, assertClose } from "./reference.mjs";

const timeout = TEST_TIMEOUT_MS;
const reference = JSON.parse(readFileSync(new URL("tdabc_reference.json", REFERENCE_DIR), "utf8"));
const column = (values) => values.map((value) => [value]);

describe("costing functions in a browser", () => {
  const browser = useBrowser();

  test("ABC_RATES and ABC_ALLOCATE give Kaplan & Anderson's published figures", { timeout }, async () => {
    const hbr = reference.hbr2004_traditional_abc;
    const activities = Object.keys(hbr.published_rates);
    const args = [
      [[hbr.inputs.quarterly_department_cost]],
      [activities.map((a) => hbr.inputs.time_survey_pct[a])],
      column(activities.map((a) => hbr.inputs.quarterly_quantities[a])),
    ];
    await browser.e2e.withTaskpane({}, async ({ page }) => {
      const rates = await callFunction(page, "ABC_RATES", ...args);
      activities.forEach((a, i) => assertClose(rates[i][0], hbr.published_rates[a], 1e-12, `rate of ${a}`));
      const pools = await callFunction(page, "ABC_ALLOCATE", args[0], args[1]);
      activities.forEach((a, i) =>
        assertClose(pools[0][i], hbr.activity_cost_pools[a], 1e-12, `pool of ${a}`),
      );
      assert.equal(pools[0].at(-1), 0, "nothing unallocated");
    });
  });

  test("ABC_BY_OBJECT spills objects in order of appearance, then Unallocated", { timeout }, async () => {
    await browser.e2e.withTaskpane({ displayLanguage: "zh-CN" }, async ({ page }) => {
      const result = await callFunction(
        page,
        "ABC_BY_OBJECT",
        column(["来电", "邮件", "回访"]),
        column([900, 300, 100]),
        column(["邮件", "来电", "来电"]),
        column(["金卡", "银卡", "金卡"]),
        column([3, 20, 80]),
      );
      assert.deepEqual(result, [
        ["金卡", 300 + 720],
        ["银卡", 180],
        ["未分配", 100],
      ]);
    });
  });

  test("TDABC reproduces the Garber Company exercise", { timeout }, async () => {
    const garber = reference.garber_company_exercise;
    const expected = garber.b_c_time_driven_this_period_units_hours;
    const activities = Object.keys(garber.inputs.unit_time_hours);
    await browser.e2e.withTaskpane({}, async ({ page }) => {
      const table = await callFunction(
        page,
        "TDABC",
        [[garber.inputs.committed_cost]],
        [[garber.inputs.practical_capacity_hours]],
        column(activities.map((a) => garber.inputs.unit_time_hours[a])),
        column(activities.map((a) => garber.inputs.quantities[a])),
      );
      assert.equal(table.length, 1 + activities.length + 3);
      assert.deepEqual(table[0], ["Activity", "Unit cost", "Time used", "Cost assigned"]);
      activities.forEach((a, i) => {
        assertClose(table[i + 1][1], expected.unit_cost[a], 1e-12, `unit cost of ${a}`);
        assertClose(table[i + 1][3], expected.cost_assigned[a], 1e-12, `cost of ${a}`);
      });
      const [, , unusedMinutes, unusedCost] = table.at(-2);
      assertClose(unusedMinutes, expected.unused_minutes, 1e-12, "unused capacity");
      assertClose(unusedCost, expected.unused_capacity_cost, 1e-12, "unused capacity cost");
    });
  });

  test("SUPPORT_ALLOCATE and CHANNEL_COST", { timeout }, async () => {
    await browser.e2e.withTaskpane({}, async ({ page }) => {
      const [row] = await callFunction(
        page,
        "SUPPORT_ALLOCATE",
        column([10000, 20000]),
        [
          [0, 0.2, 0.4, 0.4],
          [0.25, 0, 0.25, 0.5],
        ],
        [["顺序分配法"]],
      );
      // Step-down, maintenance first: 4,000 + 22,000 / 3 and 4,000 + 44,000 / 3, nothing left over.
      assertClose(row[0], 4000 + 22000 / 3, 1e-12, "P1");
      assertClose(row[1], 4000 + 44000 / 3, 1e-12, "P2");
      assert.equal(row[2], 0);
      const [[perContact]] = await callFunction(
        page,
        "CHANNEL_COST",
        column([15, 5, 0.5]),
        column([0.05, 0.15, 0.8]),
      );
      assertClose(perContact, 1.9, 1e-12, "blended cost per contact");
    });
  });
});
