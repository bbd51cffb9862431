/**
 * The staffing family through the built bundle, as Excel calls it: STAFF_TABLE spills a header,
 * one row per interval and a total row whose first interval matches the reference solve, and
 * STAFF_NEEDED gives the reference's scheduled agents with Erlang C and Erlang A.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { TEST_TIMEOUT_MS, callFunction, useBrowser } from "./browser.mjs";
import { assertClose, readReferenceCsv } from "./reference.mjs";

const timeout = TEST_TIMEOUT_MS;
const C01 = readReferenceCsv("erlang_c_reference.csv").find((row) => row.case_id === "C01");
const S01 = readReferenceCsv("erlang_a_staffing.csv").find((row) => row.case_id === "S01");

describe("staffing functions in a browser", () => {
  const browser = useBrowser();

  // C01's interval first: 100 calls per 30 minutes at 180 s, 80/20, occupancy <= 85%, shrinkage 30%.
  const volumes = [[Number(C01.calls)], [250], [null], [0]];
  const args = [[[Number(C01.aht_s)]], [[0.8]], [[20]], [[30]], [[0.85]], [[0.3]], null, [[28]]];

  test("STAFF_TABLE spills a header, the intervals and a total row", { timeout }, async () => {
    await browser.e2e.withTaskpane({}, async ({ page }) => {
      const table = await callFunction(page, "STAFF_TABLE", volumes, ...args);
      assert.equal(table.length, 1 + 3 + 1, "header + three non-blank intervals + total");
      assert.ok(
        table.every((row) => row.length === 12),
        "12 columns, cost included",
      );
      assert.deepEqual(table[0], [
        "Interval",
        "Volume",
        "Traffic (Erlangs)",
        "Agents",
        "Scheduled agents",
        "Agent hours",
        "Service level",
        "ASA (sec)",
        "Occupancy",
        "P(wait)",
        "Abandon rate",
        "Cost",
      ]);
      const [
        interval,
        volume,
        traffic,
        agents,
        scheduled,
        agentHours,
        sl,
        asa,
        occupancy,
        pWait,
        abandon,
        cost,
      ] = table[1];
      assert.deepEqual([interval, volume, agents, scheduled], [1, 100, 14, 20]);
      assert.equal(Number(C01.raw_agents), agents);
      assert.equal(Number(C01.agents_with_shrinkage), scheduled);
      assertClose(traffic, Number(C01.traffic_erlangs), 1e-12, "traffic");
      assertClose(agentHours, 20 * 0.5, 1e-12, "agent hours");
      assertClose(sl, Number(C01.service_level), 1e-6, "service level");
      assertClose(asa, Number(C01.asa_s), 1e-6, "ASA");
      assertClose(occupancy, Number(C01.occupancy), 1e-6, "occupancy");
      assertClose(pWait, Number(C01.p_wait), 1e-9, "P(wait)");
      assert.equal(abandon, 0);
      assertClose(cost, 10 * 28, 1e-12, "cost");
      assert.deepEqual(table[3].slice(0, 6), [4, 0, 0, 0, 0, 0], "a zero-volume interval needs nobody");
      const total = table[4];
      assert.equal(total[0], "Total");
      assert.equal(total[1], 350);
      assertClose(total[11], total[5] * 28, 1e-12, "total cost = agent hours x hourly cost");
    });
  });

  test("STAFF_TABLE's header follows a Chinese Office", { timeout }, async () => {
    await browser.e2e.withTaskpane({ displayLanguage: "zh-CN" }, async ({ page }) => {
      const table = await callFunction(page, "STAFF_TABLE", volumes, ...args);
      assert.equal(table[0][0], "时段");
      assert.equal(table[0][6], "服务水平");
      assert.equal(table.at(-1)[0], "合计");
    });
  });

  test("STAFF_NEEDED gives the reference solves, Erlang C and Erlang A", { timeout }, async () => {
    await browser.e2e.withTaskpane({}, async ({ page }) => {
      const erlangC = await callFunction(
        page,
        "STAFF_NEEDED",
        [[100]],
        [[180]],
        [[0.8]],
        [[20]],
        [[30]],
        [[0.85]],
        [[0.3]],
      );
      assert.deepEqual(erlangC, [[Number(C01.agents_with_shrinkage)]]);
      const erlangA = await callFunction(
        page,
        "STAFF_NEEDED",
        [[Number(S01.calls)]],
        [[Number(S01.aht_s)]],
        [[Number(S01.target_sl_offered)]],
        [[Number(S01.target_time_s)]],
        [[Number(S01.interval_s) / 60]],
        [[Number(S01.max_occupancy)]],
        [[Number(S01.shrinkage)]],
        [[Number(S01.patience_s)]],
        [[Number(S01.max_abandon)]],
      );
      assert.deepEqual(erlangA, [[Number(S01.agents_with_shrinkage)]]);
      const impossible = await callFunction(page, "STAFF_NEEDED", [[100]], [[180]], [[1]], [[20]]);
      assert.deepEqual(impossible, [[{ error: "#NUM!", message: null }]]);
    });
  });
});
