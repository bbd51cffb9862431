/**
 * The preview page: the built pane and functions over the in-browser workbook. It opens in each
 * shipped language without errors or requests beyond 127.0.0.1, shows the sample workbook,
 * calculates formulas written through its Excel API (SVC functions included), keeps changes across
 * a reload and resets to the sample. The add-in's own bundles must not carry the preview's engine.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { require as requireTs } from "tsx/cjs/api";
import { TEST_TIMEOUT_MS, useBrowser } from "./browser.mjs";
import { reopen, setFormulas, sheetNames, sheetValues, withPreview } from "./preview.mjs";
import { DIST_DIR } from "./server.mjs";

const timeout = TEST_TIMEOUT_MS;
// The sample straight from its TypeScript source (tsx's scoped require: src/ is CommonJS to Node).
const { sampleWorkbook, COST_LEDGER, INTERVAL_FORECAST } = requireTs(
  "../../src/preview/samples/index.ts",
  import.meta.url,
);
const SAMPLE = sampleWorkbook();
const sampleCells = (sheet) => SAMPLE.sheets.find((candidate) => candidate.name === sheet).cells;

/** Independent of the engine: the Erlang B recursion, then C from B. */
function erlangC(agents, traffic) {
  let b = 1;
  for (let n = 1; n <= agents; n++) b = (traffic * b) / (n + traffic * b);
  return (agents * b) / (agents - traffic * (1 - b));
}

/** The first cell where two sheets of values differ, as "B7: 1.2 instead of 1.1", or undefined. */
function firstDifference(actual, expected) {
  for (let row = 0; row < Math.max(actual.length, expected.length); row++) {
    for (let column = 0; column < Math.max(actual[row]?.length ?? 0, expected[row]?.length ?? 0); column++) {
      const [got, want] = [actual[row]?.[column], expected[row]?.[column]];
      if (!Object.is(got, want)) {
        const address = `${String.fromCharCode(65 + column)}${row + 1}`;
        return `${address}: ${JSON.stringify(got)} instead of ${JSON.stringify(want)}`;
      }
    }
  }
  return undefined;
}

const cellText = (page, address) => page.locator(`[data-testid="grid"] [data-cell="${address}"]`).innerText();

describe("the preview page", { timeout: 5 * 60_000 }, () => {
  const browser = useBrowser();
  const open = (options, body) =>
    withPreview(browser.e2e.browser, { baseUrl: browser.e2e.url, ...options }, body);

  test("the add-in bundles carry no HyperFormula; only the preview's does", () => {
    const read = (file) => readFileSync(path.join(DIST_DIR, file), "utf8");
    for (const bundle of ["taskpane.js", "functions.js"]) {
      assert.doesNotMatch(read(bundle), /HyperFormula|handsoncode/, `${bundle} contains HyperFormula`);
    }
    assert.match(read("preview.js"), /HyperFormula/);
    assert.doesNotMatch(read("taskpane.html"), /preview\.js/);
    const page = read("preview/index.html");
    assert.doesNotMatch(page, /appsforoffice|office\.js/);
    const scripts = [...page.matchAll(/<script[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((match) => match[1]);
    assert.deepEqual(scripts, ["preview.js", "functions.js", "taskpane.js"]);
  });

  for (const [lang, theme] of [
    ["en-US", "light"],
    ["zh-CN", "dark"],
  ]) {
    test(`opens in ${lang}, ${theme}, with the sample workbook`, { timeout }, async () => {
      await open({ lang, theme }, async ({ page }) => {
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
        assert.equal(await page.evaluate(() => window.Office.context.displayLanguage), lang);
        assert.deepEqual(
          await sheetNames(page),
          SAMPLE.sheets.map((sheet) => sheet.name),
        );
        for (const sheet of SAMPLE.sheets) {
          const difference = firstDifference(await sheetValues(page, sheet.name), sheet.cells);
          assert.equal(difference, undefined, `${sheet.name}!${difference}`);
          assert.equal(await page.getByTestId(`sheet-tab-${sheet.name}`).count(), 1);
        }
        assert.equal(await cellText(page, "A2"), sampleCells(COST_LEDGER.sheet)[1][0]);
        assert.equal(
          await cellText(page, "C2"),
          sampleCells(COST_LEDGER.sheet)[1][2].toLocaleString("en-US"),
        );
      });
    });
  }

  test("calculates formulas written through the Excel API, SVC functions included", { timeout }, async () => {
    await open({}, async ({ page }) => {
      const ledgerTotal = sampleCells(COST_LEDGER.sheet)
        .slice(1)
        .reduce((sum, row) => sum + row[2], 0);
      await setFormulas(page, COST_LEDGER.sheet, "E1:E3", [
        ["=SUM(CostLedger[Cost])"],
        ["=SVC.ERLANG_C(10, 8)"],
        ["=SVC.ERLANG_C(-1, 8)"],
      ]);
      const values = await sheetValues(page, COST_LEDGER.sheet);
      assert.equal(values[0][4], ledgerTotal);
      assert.ok(Math.abs(values[1][4] - erlangC(10, 8)) < 1e-9, `ERLANG_C(10, 8) gave ${values[1][4]}`);
      assert.match(String(values[2][4]), /^#/);

      assert.equal(Number((await cellText(page, "E1")).replace(/,/g, "")), ledgerTotal);
      assert.match(await cellText(page, "E2"), /^0\.409/);
      const error = page.locator('[data-cell="E3"]');
      assert.match(await error.innerText(), /^#/);
      assert.ok(await error.getAttribute("title"), "an error cell explains itself in a tooltip");
    });
  });

  test("sheet tabs switch the grid, and a click selects the cell", { timeout }, async () => {
    await open({}, async ({ page }) => {
      await page.getByTestId(`sheet-tab-${INTERVAL_FORECAST.sheet}`).click();
      assert.equal(await cellText(page, "A2"), "00:00");
      await page.getByTestId("chart-VolumeByInterval").waitFor();
      await page.locator('[data-cell="B3"]').click();
      assert.deepEqual(await page.evaluate(() => window.__preview.workbook().selection()), {
        sheet: INTERVAL_FORECAST.sheet,
        address: "B3",
      });
      assert.equal(
        await page.evaluate(() => window.__preview.workbook().activeSheet()),
        INTERVAL_FORECAST.sheet,
      );
    });
  });

  test("a reopened page keeps a change, and Reset restores the sample", { timeout }, async () => {
    await open({}, async ({ page }) => {
      await setFormulas(page, COST_LEDGER.sheet, "C2", [[99_999]]);
      await reopen(page);
      assert.equal((await sheetValues(page, COST_LEDGER.sheet))[1][2], 99_999);
      assert.equal(await cellText(page, "C2"), "99,999");

      await Promise.all([page.waitForEvent("load"), page.getByTestId("reset-workbook").click()]);
      await page.getByTestId("app").waitFor();
      await page.getByTestId("grid").waitFor();
      assert.equal(
        firstDifference(await sheetValues(page, COST_LEDGER.sheet), sampleCells(COST_LEDGER.sheet)),
        undefined,
      );
    });
  });
});
