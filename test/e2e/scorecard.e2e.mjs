/**
 * The scorecard family through the built bundle: the worked examples of the service-cost
 * literature (an automation business case, a weighted agent scorecard, a tier rule, NPS).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { TEST_TIMEOUT_MS, callFunction, useBrowser } from "./browser.mjs";
import { assertClose } from "./reference.mjs";

const timeout = TEST_TIMEOUT_MS;
const column = (values) => values.map((value) => [value]);

describe("scorecard functions in a browser", () => {
  const browser = useBrowser();

  test("automation savings and payback", { timeout }, async () => {
    await browser.e2e.withTaskpane({}, async ({ page }) => {
      const [[saving]] = await callFunction(page, "AUTOMATION_SAVINGS", [[100000]], [[0.7]], [[8]], [[0.3]]);
      assertClose(saving, 539000, 1e-12, "monthly saving");
      assert.deepEqual(await callFunction(page, "PAYBACK", [[1078000]], [[saving]]), [[2]]);
    });
  });

  test("NPS, a weighted scorecard, RAG and tiers", { timeout }, async () => {
    await browser.e2e.withTaskpane({}, async ({ page }) => {
      assert.deepEqual(await callFunction(page, "NPS", column([9, 10, 10, 7, 8, 0, 3, 5, 6, 6])), [[-20]]);
      const card = await callFunction(
        page,
        "SCORECARD",
        column([110, 85, 0.72, 5.5]),
        column([100, 90, 0.8, 5]),
        column([0.2, 0.3, 0.3, 0.2]),
        column(["higher", "higher", "higher", "lower"]),
      );
      assertClose(card.at(-1)[0], 20 + (0.3 * 8500) / 90 + 27 + 18, 1e-12, "composite");
      assert.deepEqual(await callFunction(page, "RAG", column([100, 95, 80]), [[100]]), [
        ["G"],
        ["A"],
        ["R"],
      ]);
      assert.deepEqual(
        await callFunction(
          page,
          "TIER_ASSIGN",
          column([49999, 50000]),
          [[50000]],
          column(["Silver", "Gold"]),
        ),
        [["Silver"], ["Gold"]],
      );
    });
  });
});
