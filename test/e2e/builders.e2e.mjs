/**
 * The model builders in the preview page, through the real pane and functions bundles: each model
 * is built from the sample tables by clicking as a user would, and the sheet's calculated values
 * are compared with the SVC functions called directly (in Node, from source) on the same columns.
 * Also: the mapping survives reopening the workbook, an existing sheet is never overwritten
 * without confirmation, the pane has no axe violations, and keyboard alone reaches every control.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { require as requireTs } from "tsx/cjs/api";
import { TEST_TIMEOUT_MS, useBrowser } from "./browser.mjs";
import { axeViolations } from "./axe.mjs";
import { reopen, settings, sheetFormulas, sheetNames, sheetValues, withPreview } from "./preview.mjs";

const timeout = 2 * TEST_TIMEOUT_MS;
requireTs("../fakes/custom-functions-runtime.js", import.meta.url); // the functions build Excel errors with it
const costing = requireTs("../../src/functions/costing.ts", import.meta.url);
const staffing = requireTs("../../src/functions/staffing.ts", import.meta.url);
const value = requireTs("../../src/functions/value.ts", import.meta.url);
const { sampleWorkbook } = requireTs("../../src/preview/samples/index.ts", import.meta.url);

const SAMPLE = sampleWorkbook();

/** A sample table's column, as the range argument Excel would pass. */
function column(sheet, header) {
  const [headers, ...rows] = SAMPLE.sheets.find((candidate) => candidate.name === sheet).cells;
  const index = headers.indexOf(header);
  assert.ok(index >= 0, `${sheet} has no column ${header}`);
  return rows.map((row) => [row[index]]);
}

/** STAFF_TABLE on the sample forecast with the staffing builder's default inputs. */
const SAMPLE_STAFF_TABLE = staffing.staffTable(
  column("Interval forecast", "Volume"),
  column("Interval forecast", "AHT (sec)"),
  [[0.8]],
  [[20]],
  [[15]],
  [[0.85]],
  [[0.3]],
  undefined,
  [[30]],
);

/** Asserts that a block of the sheet, from (top, left), equals expected (numbers to 1e-9 relative). */
function assertBlock(values, top, left, expected, what, tolerance = 1e-9) {
  expected.forEach((row, r) =>
    row.forEach((want, c) => {
      const got = values[top + r]?.[left + c];
      const where = `${what} row ${r + 1}, column ${c + 1}`;
      if (typeof want === "number") {
        assert.ok(
          Math.abs(got - want) <= tolerance * Math.max(1, Math.abs(want)),
          `${where}: ${got} instead of ${want}`,
        );
      } else if (want !== "") {
        assert.equal(got, want, where);
      }
    }),
  );
}

/** The text of the option a select shows. */
function chosen(page, testId) {
  return page.getByTestId(testId).evaluate((select) => select.selectedOptions[0]?.textContent);
}

async function chooseBuilder(page, builder) {
  await page.getByTestId(`builder-tab-${builder}`).click();
}

async function chooseSource(page, slot, table) {
  await page.getByTestId(`source-${slot}`).selectOption({ label: table });
  await page.getByTestId(`source-summary-${slot}`).waitFor();
}

/** Clicks Build and waits until the status reports the build's check. */
async function build(page) {
  await page.getByTestId("build").click();
  await page.getByTestId("build-status-built").waitFor({ timeout: 30_000 });
  return page.getByTestId("build-status").innerText();
}

async function buildAbc(page) {
  await chooseBuilder(page, "abc");
  await chooseSource(page, "ledger", "CostLedger");
  await chooseSource(page, "log", "ContactLog");
  await page.getByTestId("problem-unusedActivity").waitFor(); // Training has no contacts: a note, not an error
  return build(page);
}

describe("model builders in the preview", { timeout: 10 * 60_000 }, () => {
  const browser = useBrowser();
  const open = (options, body) =>
    withPreview(browser.e2e.browser, { baseUrl: browser.e2e.url, ...options }, body);

  test(
    "cost allocation: ABC_BY_OBJECT over the ledger and contact log, balanced, with a chart",
    { timeout },
    async () => {
      await open({}, async ({ page }) => {
        const status = await buildAbc(page);
        assert.match(status, /Cost allocation/);
        assert.match(status, /OK/);
        const expected = costing.abcByObject(
          column("Cost ledger", "Activity"),
          column("Cost ledger", "Cost"),
          column("Contact log", "Activity"),
          column("Contact log", "Channel"),
          column("Contact log", "Handle time (min)"),
        );
        const values = await sheetValues(page, "Cost allocation");
        assertBlock(values, 4, 0, expected, "cost by object");
        assert.equal(values[expected.length + 3][0], "Unallocated");
        assert.equal(values[7][5], "OK");
        const charts = await page.evaluate(() => window.__preview.workbook().charts("Cost allocation"));
        assert.equal(charts.length, 1);
        assert.equal(charts[0].title, "Cost by cost object");
      });
    },
  );

  test("staffing plan: STAFF_TABLE over the interval forecast, balanced", { timeout }, async () => {
    await open({}, async ({ page }) => {
      await chooseBuilder(page, "staffing");
      await chooseSource(page, "forecast", "IntervalForecast");
      assert.equal(await chosen(page, "role-forecast-handleTime"), "AHT (sec)");
      assert.equal(await page.getByTestId("unit-handleTime").inputValue(), "sec");
      assert.match(await build(page), /OK/);
      const expected = SAMPLE_STAFF_TABLE;
      const values = await sheetValues(page, "Staffing plan");
      assertBlock(values, 10, 1, expected, "staff table");
      assertBlock(values, 11, 0, column("Interval forecast", "Interval"), "interval labels");
      assert.equal(values[14][15], "OK");
    });
  });

  test(
    "customer value: RFM, fits, CLV and tiers over the transactions, customers counted consistently",
    { timeout },
    async () => {
      await open({}, async ({ page }) => {
        await chooseBuilder(page, "value");
        await chooseSource(page, "transactions", "Transactions");
        assert.match(await build(page), /OK/);
        const dates = column("Transactions", "Date").map(([date]) => date);
        const rfm = value.rfm(
          column("Transactions", "Customer"),
          column("Transactions", "Date"),
          column("Transactions", "Amount"),
          [[Math.max(...dates)]],
          [[7]],
        );
        const values = await sheetValues(page, "Customer value");
        assertBlock(values, 10, 0, rfm, "RFM");
        const body = rfm.slice(1);
        const col = (index) => body.map((row) => [row[index]]);
        // A fit is defined to its optimiser's tolerance: inputs that differ in the 15th digit (the
        // sheet's numbers) move the optimum in the 8th, so fits are compared to 1e-6, and CLV is
        // computed from the parameters the sheet shows.
        const bgnbd = value.bgnbdFit(col(1), col(2), col(3));
        const gammaGamma = value.gammaGammaFit(col(1), col(4));
        assertBlock(values, 3, 3, bgnbd, "BG/NBD fit", 1e-6);
        assertBlock(values, 3, 6, gammaGamma, "Gamma-Gamma fit", 1e-6);
        const shown = (top, left, rows) =>
          values.slice(top, top + rows).map((row) => row.slice(left, left + 2));
        const clv = value.clvBgnbd(
          shown(3, 3, 5),
          shown(3, 6, 4),
          col(1),
          col(2),
          col(3),
          col(4),
          [[52]],
          [[0.0015]],
        );
        assertBlock(values, 11, 5, clv, "CLV");
        assert.equal(values[15][10], body.length); // customers in the transactions
        assert.equal(values[18][10], "OK");
      });
    },
  );

  test("a current region (no table) builds with absolute references", { timeout }, async () => {
    await open({}, async ({ page }) => {
      await page.getByTestId("sheet-tab-Interval forecast").click();
      await page.locator('[data-testid="grid"] [data-cell="B3"]').click();
      await chooseBuilder(page, "staffing");
      await page.getByTestId("use-region-forecast").click();
      await page.getByTestId("source-summary-forecast").waitFor();
      assert.match(await build(page), /OK/);
      const formulas = await sheetFormulas(page, "Staffing plan");
      assert.match(
        formulas[10][1],
        /^=SVC\.STAFF_TABLE\('Interval forecast'!\$B\$2:\$B\$97,'Interval forecast'!\$C\$2:\$C\$97,/,
      );
      const expected = SAMPLE_STAFF_TABLE;
      assertBlock(await sheetValues(page, "Staffing plan"), 10, 1, expected, "staff table");
    });
  });

  test(
    "reopening the workbook restores the mapping, and Refresh rebuilds the same sheet",
    { timeout },
    async () => {
      await open({}, async ({ page }) => {
        await buildAbc(page);
        const saved = JSON.parse((await settings(page))["svc.modelBuilders"]);
        assert.equal(saved.version, 1);
        assert.deepEqual(saved.models.abc.slots.log.mapping, {
          activity: "Activity",
          costObject: "Channel",
          driverQuantity: "Handle time (min)",
        });

        await reopen(page);
        await page.getByTestId("source-summary-log").waitFor();
        assert.equal(await chosen(page, "source-ledger"), "CostLedger");
        assert.equal(await chosen(page, "source-log"), "ContactLog");
        assert.equal(await chosen(page, "role-log-driverQuantity"), "Handle time (min)");
        const sheets = await sheetNames(page);
        await page.getByTestId("refresh").click();
        await page.getByTestId("build-status-built").waitFor({ timeout: 30_000 });
        assert.deepEqual(await sheetNames(page), sheets); // rebuilt in place, no second sheet
        assert.equal((await sheetValues(page, "Cost allocation"))[7][5], "OK");
      });
    },
  );

  test("an existing sheet is never overwritten without confirmation", { timeout }, async () => {
    await open({}, async ({ page }) => {
      const ledgerBefore = await sheetValues(page, "Cost ledger");
      await chooseBuilder(page, "abc");
      await chooseSource(page, "ledger", "CostLedger");
      await chooseSource(page, "log", "ContactLog");
      await page.getByTestId("sheet-name").fill("Cost ledger");

      await page.getByTestId("build").click();
      await page.getByTestId("replace-dialog").waitFor();
      await page.getByTestId("dialog-cancel").click();
      assert.deepEqual(await sheetValues(page, "Cost ledger"), ledgerBefore);
      assert.ok(!(await sheetNames(page)).includes("Cost ledger (2)"));

      await page.getByTestId("build").click();
      await page.getByTestId("dialog-use-free-name").click();
      await page.getByTestId("build-status-built").waitFor({ timeout: 30_000 });
      assert.ok((await sheetNames(page)).includes("Cost ledger (2)"));
      assert.deepEqual(await sheetValues(page, "Cost ledger"), ledgerBefore);
    });
  });

  test("builds in Chinese with Chinese sheet names and labels", { timeout }, async () => {
    await open({ lang: "zh-CN" }, async ({ page }) => {
      await chooseBuilder(page, "staffing");
      await chooseSource(page, "forecast", "IntervalForecast");
      assert.match(await build(page), /平衡/);
      const values = await sheetValues(page, "排班计划");
      assert.equal(values[0][0], "排班计划");
      assert.equal(values[14][15], "平衡");
    });
  });

  test(
    "the pane has no axe violations, before and after a build, in both languages",
    { timeout },
    async () => {
      for (const lang of ["en-US", "zh-CN"]) {
        await open({ lang }, async ({ page }) => {
          // Fluent animates colours; without motion axe never samples a button half-way.
          await page.emulateMedia({ reducedMotion: "reduce" });
          assert.deepEqual(await axeViolations(page), []);
          await buildAbc(page);
          // Refresh turns on once the setup is saved.
          await page.waitForFunction(
            () => document.querySelector('[data-testid="refresh"]')?.getAttribute("aria-disabled") !== "true",
          );
          assert.deepEqual(await axeViolations(page), []);
        });
      }
    },
  );

  test("keyboard alone reaches every control and builds a model", { timeout }, async () => {
    await open({}, async ({ page }) => {
      await page
        .locator("#root")
        .focus()
        .catch(() => undefined);
      const reached = new Set();
      for (let press = 0; press < 60; press++) {
        await page.keyboard.press("Tab");
        const id = await page.evaluate(() =>
          document.activeElement?.closest("[data-testid]")?.getAttribute("data-testid"),
        );
        if (id) reached.add(id);
      }
      for (const id of [
        "builder-tab-abc",
        "source-ledger",
        "use-region-ledger",
        "source-log",
        "sheet-name",
        "build",
      ]) {
        assert.ok(reached.has(id), `Tab never reaches ${id}; reached ${[...reached].join(", ")}`);
      }

      // Choose the staffing builder, its source and build, with keys only.
      await page.getByTestId("builder-tab-abc").focus();
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Enter");
      await page.getByTestId("source-forecast").focus();
      await page.keyboard.type("Interval"); // a closed native select jumps to the option typed
      await page.getByTestId("source-summary-forecast").waitFor();
      await page.getByTestId("build").focus();
      await page.keyboard.press("Enter");
      await page.getByTestId("build-status-built").waitFor({ timeout: 30_000 });
      assert.ok((await sheetNames(page)).includes("Staffing plan"));
    });
  });
});
