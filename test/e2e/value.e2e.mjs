/**
 * The customer-value family through the built bundle, against the published CDNOW results and the
 * retention-CLV reference: BG/NBD fitted in the page, its spill read back by BGNBD_EXPECTED.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { TEST_TIMEOUT_MS, callFunction, useBrowser } from "./browser.mjs";
import { REFERENCE_DIR, assertClose, readReferenceCsv } from "./reference.mjs";

const timeout = TEST_TIMEOUT_MS;
const published = JSON.parse(
  readFileSync(new URL("bgnbd_reference.json", REFERENCE_DIR), "utf8"),
).bgnbd_published;
const cdnow = readFileSync(
  new URL("../cdnow/cdnow_customers_summary_with_transactions.csv", REFERENCE_DIR),
  "utf8",
)
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(",").map(Number));
const column = (values) => values.map((value) => [value]);

describe("customer-value functions in a browser", () => {
  const browser = useBrowser();

  test("CLV matches the reference margin multiple", { timeout }, async () => {
    const v01 = readReferenceCsv("clv_reference.csv").find((row) => row.case_id === "V01");
    await browser.e2e.withTaskpane({}, async ({ page }) => {
      const [[value]] = await callFunction(page, "CLV", [[100]], [[0.8]], [[0.1]]);
      assertClose(value, Number(v01.clv_gross), 1e-9, "CLV");
    });
  });

  test(
    "BGNBD_FIT on CDNOW gives the published parameters, read back by BGNBD_EXPECTED",
    { timeout },
    async () => {
      await browser.e2e.withTaskpane({}, async ({ page }) => {
        const fit = await callFunction(
          page,
          "BGNBD_FIT",
          column(cdnow.map((c) => c[1])),
          column(cdnow.map((c) => c[2])),
          column(cdnow.map((c) => c[3])),
        );
        assert.deepEqual(
          fit.map((row) => row[0]),
          ["r", "alpha", "a", "b", "Log-likelihood"],
        );
        for (const [i, name] of ["r", "alpha", "a", "b"].entries())
          assert.equal(fit[i][1].toFixed(3), published[name].toFixed(3), name);
        assert.ok(Math.abs(fit[4][1] - published.loglik) <= 0.05, `log-likelihood ${fit[4][1]}`);
        const [[expected]] = await callFunction(
          page,
          "BGNBD_EXPECTED",
          fit,
          [[2]],
          [[30.43]],
          [[38.86]],
          [[39]],
        );
        assert.equal(expected.toFixed(2), "1.23", `customer 1 expects ${expected}`);
      });
    },
  );
});
