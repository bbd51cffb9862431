/**
 * The preview page (dist/preview/index.html) for end-to-end tests: the real pane and functions
 * bundles over the in-browser workbook, with the same network guard and error collection as
 * browser.mjs gives the task pane.
 *
 *   const preview = await openPreview(browser, { lang: "zh-CN" });   // a fresh sample workbook
 *   await setFormulas(preview.page, "Cost ledger", "E1", [["=SUM(CostLedger[Cost])"]]);
 *   (await sheetValues(preview.page, "Cost ledger"))[0][4];
 *   await reopen(preview.page);                                       // reload, keeping storage
 *   assert.deepEqual(preview.errors, []); await preview.close();
 * withPreview(browser, options, body) does the last line for you.
 */
import assert from "node:assert/strict";
import { guardNetwork, watchPage } from "./browser.mjs";

/** Where the page keeps the workbook (src/preview/storage.ts). */
export const STORAGE_KEY = "svc-preview-workbook";

/** The page's address; baseUrl is the dist/ server (run.mjs passes it as E2E_BASE_URL). */
export function previewUrl({ lang = "en-US", theme = "light", baseUrl = process.env.E2E_BASE_URL } = {}) {
  if (!baseUrl) throw new Error("No dist/ server: run through test/e2e/run.mjs or pass baseUrl");
  return `${baseUrl}/preview/index.html?${new URLSearchParams({ lang, theme })}`;
}

/** Resolves once both the pane and the workbook grid have rendered. */
async function rendered(page) {
  await page.waitForSelector('[data-testid="app"]');
  await page.waitForSelector('[data-testid="grid"]');
}

/**
 * Opens the preview in a new page of target: a Browser (the page gets its own context, with
 * lang as its locale) or a BrowserContext (shared storage, so fresh: false sees its workbook).
 * fresh drops any stored workbook before the first load, so the page starts from the sample;
 * baseUrl defaults to E2E_BASE_URL.
 * Throws when the page does not render or reports errors while loading. Resolves to
 * { page, context, errors, blockedRequests, close }.
 */
export async function openPreview(target, { lang = "en-US", theme = "light", fresh = true, baseUrl } = {}) {
  const ownsContext = typeof target.newContext === "function";
  const context = ownsContext ? await target.newContext({ locale: lang }) : target;
  const page = await context.newPage();
  const errors = [];
  const blockedRequests = [];
  const close = () => (ownsContext ? context.close() : page.close());
  try {
    await guardNetwork(page, { errors, blockedRequests });
    watchPage(page, errors);
    if (fresh) {
      // Once per tab: sessionStorage survives reopen(), so a reload keeps the stored workbook.
      await page.addInitScript((key) => {
        if (sessionStorage.getItem("e2e-preview-fresh")) return;
        sessionStorage.setItem("e2e-preview-fresh", "done");
        localStorage.removeItem(key);
      }, STORAGE_KEY);
    }
    const response = await page.goto(previewUrl({ lang, theme, baseUrl }));
    if (!response?.ok()) throw new Error(`preview/index.html: HTTP ${response?.status()}`);
    await rendered(page);
    assert.deepEqual(errors, [], "the preview reported errors while loading");
  } catch (error) {
    await close();
    const seen = errors.length ? `\nErrors in the page:\n  ${errors.join("\n  ")}` : "";
    throw new Error(`The preview did not open cleanly: ${error.message}${seen}`, { cause: error });
  }
  return { page, context, errors, blockedRequests, close };
}

/** Opens a preview, runs body(preview), then fails if the page reported errors; closes it either way. */
export async function withPreview(target, options, body) {
  const preview = await openPreview(target, options);
  try {
    await body(preview);
    assert.deepEqual(preview.errors, [], "the preview reported errors");
    assert.deepEqual(preview.blockedRequests, [], "the preview requested something outside 127.0.0.1");
  } finally {
    await preview.close();
  }
}

/** Reloads the page, as closing and reopening the workbook: the stored workbook is kept. */
export async function reopen(page) {
  await page.reload();
  await rendered(page);
}

/** The calculated values of a sheet (errors as "#VALUE!" etc.), header row included. */
export function sheetValues(page, sheet) {
  return page.evaluate((name) => window.__preview.workbook().values(name), sheet);
}

/** A sheet's formulas, constants where a cell holds no formula. */
export function sheetFormulas(page, sheet) {
  return page.evaluate((name) => window.__preview.workbook().formulas(name), sheet);
}

export function sheetNames(page) {
  return page.evaluate(() => window.__preview.workbook().sheetNames());
}

/** The workbook's settings (Office.context.document.settings), as stored. */
export function settings(page) {
  return page.evaluate(() => window.__preview.workbook().snapshot().settings);
}

/** Writes formulas (or constants) into sheet!address through the page's Excel API, as the pane would. */
export function setFormulas(page, sheet, address, formulas) {
  return page.evaluate(
    async ({ sheet, address, formulas }) => {
      await window.Excel.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange(address).formulas = formulas;
        await context.sync();
      });
    },
    { sheet, address, formulas },
  );
}
