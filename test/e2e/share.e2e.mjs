/**
 * Freeze for sharing and Restore live formulas in the preview page, through the real pane and
 * functions bundles: the ABC model is built by clicking, frozen into a values copy (its values are
 * the model's, it holds no formula, its note names the version, the inputs and the date), restored
 * beside the model and again after the model is deleted (the formulas and values come back), with
 * the keyboard alone, and axe finds nothing on the pane with the Share section in use.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { TEST_TIMEOUT_MS, useBrowser } from "./browser.mjs";
import { axeViolations } from "./axe.mjs";
import { settings, sheetFormulas, sheetNames, sheetValues, withPreview } from "./preview.mjs";

const timeout = 2 * TEST_TIMEOUT_MS;
const VERSION = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;
/** Rows the copy's note takes above the model's cells. */
const NOTE_ROWS = 3;
const MODEL = "Cost allocation";
const COPY = "Cost allocation (values)";

/** What a cell shows: a formula's "" result shows as a blank does. */
const shown = (grid) => grid.map((row) => row.map((cell) => (cell === "" ? null : cell)));
const formulaCells = (grid) => grid.flat().filter((cell) => typeof cell === "string" && cell.startsWith("="));

async function chooseSource(page, slot, table) {
  await page.getByTestId(`source-${slot}`).selectOption({ label: table });
  await page.getByTestId(`source-summary-${slot}`).waitFor();
}

/** Builds the cost-allocation model from the sample tables, as builders.e2e.mjs does. */
async function buildAbc(page) {
  await page.getByTestId("builder-tab-abc").click();
  await chooseSource(page, "ledger", "CostLedger");
  await chooseSource(page, "log", "ContactLog");
  await page.getByTestId("build").click();
  await page.getByTestId("build-status-built").waitFor({ timeout: 30_000 });
}

/** Waits until the Share status reports the phase (frozen, restored, failed) and gives its text. */
async function shareOutcome(page, phase) {
  await page
    .locator(`[data-testid="share-status-region"][data-phase="${phase}"]`)
    .waitFor({ timeout: 30_000 });
  return page.getByTestId("share-status").innerText();
}

/** Chooses a sheet in the Share section (waiting until the list has it) and clicks a button. */
async function share(page, label, button, phase) {
  await page.getByTestId("share-sheet").selectOption({ label });
  await page.getByTestId(button).click();
  return shareOutcome(page, phase);
}

/** The browser's calendar day, yyyy-mm-dd: the pane dates the note in the page's time zone. */
function pageToday(page) {
  return page.evaluate(() => {
    const now = new Date();
    const pad = (value) => String(value).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  });
}

describe("sharing in the preview", { timeout: 10 * 60_000 }, () => {
  const browser = useBrowser();
  const open = (options, body) =>
    withPreview(browser.e2e.browser, { baseUrl: browser.e2e.url, ...options }, body);

  test(
    "freezes the ABC model into values with a note, and restores its live formulas",
    { timeout: 2 * timeout },
    async () => {
      await open({}, async ({ page }) => {
        await buildAbc(page);
        const values = await sheetValues(page, MODEL);
        const formulas = await sheetFormulas(page, MODEL);
        assert.ok(formulaCells(formulas).some((formula) => formula.startsWith("=SVC.ABC_BY_OBJECT(")));

        const frozen = await share(page, MODEL, "freeze", "frozen");
        assert.match(frozen, /Wrote the values of Cost allocation to “Cost allocation \(values\)”/);
        const copied = await sheetValues(page, COPY);
        assert.deepEqual(copied.slice(NOTE_ROWS), shown(values));
        assert.deepEqual(formulaCells(await sheetFormulas(page, COPY)), []);
        assert.equal(
          copied[0][0],
          `Values frozen from ${MODEL} on ${await pageToday(page)} by Service cost modeller ${VERSION}; inputs: CostLedger, ContactLog.`,
        );
        assert.match(copied[1][0], /Restore live formulas/);
        const recorded = JSON.parse((await settings(page))["svc.frozen"]);
        assert.equal(recorded.version, 1);
        assert.equal(recorded.sheets[COPY].source, MODEL);
        assert.equal(recorded.sheets[COPY].addinVersion, VERSION);

        // The model is still there: the formulas come back beside it, nothing is overwritten.
        await page.getByTestId("restore").click();
        assert.match(await shareOutcome(page, "restored"), /to “Cost allocation \(2\)”/);
        assert.deepEqual(await sheetFormulas(page, "Cost allocation (2)"), formulas);
        assert.deepEqual(await sheetFormulas(page, MODEL), formulas);

        // A colleague deleted the model: restoring needs only the copy's records.
        await page.evaluate(async (name) => {
          await window.Excel.run(async (context) => {
            context.workbook.worksheets.getItem(name).delete();
            await context.sync();
          });
        }, MODEL);
        await page.getByTestId("share-refresh").click();
        const option = `${COPY} (from ${MODEL}, ${await pageToday(page)})`;
        const restored = await share(page, option, "restore", "restored");
        assert.equal(
          restored,
          "Restored the live formulas of Cost allocation to “Cost allocation”. Charts are not restored.",
        );
        assert.deepEqual(await sheetFormulas(page, MODEL), formulas);
        assert.deepEqual(await sheetValues(page, MODEL), values);
        assert.equal((await sheetValues(page, MODEL))[7][5], "OK");
        assert.deepEqual(
          (await sheetNames(page)).filter((name) => name.startsWith(MODEL)),
          ["Cost allocation (values)", "Cost allocation (2)", MODEL],
        );

        await page.emulateMedia({ reducedMotion: "reduce" });
        await page.getByTestId("share").scrollIntoViewIfNeeded();
        assert.deepEqual(await axeViolations(page), []);
      });
    },
  );

  test(
    "keyboard alone freezes a model, and the pane has no axe violations in Chinese",
    { timeout },
    async () => {
      await open({ lang: "zh-CN" }, async ({ page }) => {
        await page.getByTestId("builder-tab-abc").click();
        await chooseSource(page, "ledger", "CostLedger");
        await chooseSource(page, "log", "ContactLog");
        await page.getByTestId("build").click();
        await page.getByTestId("build-status-built").waitFor({ timeout: 30_000 });
        const select = page.getByTestId("share-sheet");
        await select.locator("option", { hasText: "成本分配" }).waitFor({ state: "attached" });

        await select.focus();
        await page.keyboard.press("ArrowDown"); // a closed native select moves to the next option
        assert.equal(await select.evaluate((element) => element.selectedOptions[0]?.textContent), "成本分配");
        await page.keyboard.press("Tab");
        assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "freeze");
        await page.keyboard.press("Enter");
        assert.match(await shareOutcome(page, "frozen"), /成本分配 \(values\)/);
        assert.deepEqual(formulaCells(await sheetFormulas(page, "成本分配 (values)")), []);
        await page.keyboard.press("Tab");
        assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "restore");

        await page.emulateMedia({ reducedMotion: "reduce" });
        await page.getByTestId("share").scrollIntoViewIfNeeded();
        assert.deepEqual(await axeViolations(page), []);
      });
    },
  );
});
