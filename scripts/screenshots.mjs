/**
 * The README's tour screenshots: builds each of the three models in the preview page
 * (dist/preview/index.html, the real pane over the in-browser sample workbook) by clicking as a
 * user would, and saves a picture of the page with the built sheet.
 *
 *   npm run screenshots          # builds dist/ first, then runs this script
 *   node scripts/screenshots.mjs # with dist/ already built
 *
 * Writes docs/images/model-abc.png, model-staffing.png and model-value.png. Uses Debian's Chromium
 * through playwright-core (no browser downloads; E2E_CHROMIUM overrides the path) and needs no
 * network: the page only talks to the local dist/ server. The pictures are taken in English, which
 * renders on machines without CJK fonts.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { guardNetwork, launchBrowser, watchPage } from "../test/e2e/browser.mjs";
import { STORAGE_KEY } from "../test/e2e/preview.mjs";
import { startServer } from "../test/e2e/server.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT_DIR = path.join(ROOT, "docs/images");
/** Wide enough for the whole cost-allocation table beside its chart and the 380 px pane. */
const VIEWPORT = { width: 1480, height: 900 };
/** A README picture larger than this is a sign that something other than the page was captured. */
const MAX_BYTES = 400 * 1024;
const BUILD_TIMEOUT_MS = 60_000;

/** The three builders: tab id, the sample table picked for each source slot, and the output file. */
const MODELS = [
  {
    builder: "abc",
    sources: { ledger: "CostLedger", log: "ContactLog" },
    sheet: "Cost allocation",
    file: "model-abc.png",
  },
  {
    builder: "staffing",
    sources: { forecast: "IntervalForecast" },
    sheet: "Staffing plan",
    file: "model-staffing.png",
  },
  {
    builder: "value",
    sources: { transactions: "Transactions" },
    sheet: "Customer value",
    file: "model-value.png",
  },
];

/** Opens the preview on a fresh sample workbook, in English, with animations reduced. */
async function openPreview(browser, baseUrl) {
  const context = await browser.newContext({
    locale: "en-US",
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    reducedMotion: "reduce",
    colorScheme: "light",
  });
  const errors = [];
  const blockedRequests = [];
  await guardNetwork(context, { errors, blockedRequests });
  // A fresh workbook: drop whatever an earlier run left in localStorage before the page loads.
  await context.addInitScript((key) => localStorage.removeItem(key), STORAGE_KEY);
  const page = await context.newPage();
  watchPage(page, errors);
  const url = `${baseUrl}/preview/index.html?${new URLSearchParams({ lang: "en-US", theme: "light" })}`;
  const response = await page.goto(url);
  if (!response?.ok()) throw new Error(`${url}: HTTP ${response?.status()}`);
  await page.waitForSelector('[data-testid="app"]');
  await page.waitForSelector('[data-testid="grid"]');
  return { page, errors, close: () => context.close() };
}

/** Chooses the builder, its source tables, builds, and waits for the build's check. */
async function buildModel(page, { builder, sources }) {
  await page.getByTestId(`builder-tab-${builder}`).click();
  for (const [slot, table] of Object.entries(sources)) {
    await page.getByTestId(`source-${slot}`).selectOption({ label: table });
    await page.getByTestId(`source-summary-${slot}`).waitFor();
  }
  await page.getByTestId("build").click();
  await page.getByTestId("build-status-built").waitFor({ timeout: BUILD_TIMEOUT_MS });
  return (await page.getByTestId("build-status").innerText()).trim();
}

/** Shows the built sheet (the builder normally activates it; the tab makes sure). */
async function showSheet(page, sheet) {
  const tab = page.getByTestId(`sheet-tab-${sheet}`);
  if (await tab.count()) await tab.click();
  await page.evaluate(() => document.fonts.ready);
  // Let the grid and the pane settle (layout, fonts, a chart's first paint) before the picture.
  await page.waitForTimeout(500);
}

async function main() {
  await mkdir(OUT_DIR, { recursive: true });
  const server = await startServer();
  let browser;
  const written = [];
  try {
    browser = await launchBrowser();
    for (const model of MODELS) {
      const preview = await openPreview(browser, server.url);
      try {
        const status = await buildModel(preview.page, model);
        // A picture for the README shows a model whose balancing check passed.
        if (!/Check: OK/.test(status)) throw new Error(`${model.sheet} built with "${status}"`);
        await showSheet(preview.page, model.sheet);
        const png = await preview.page.screenshot({ type: "png", animations: "disabled", caret: "hide" });
        if (preview.errors.length > 0)
          throw new Error(`the preview reported errors:\n  ${preview.errors.join("\n  ")}`);
        if (png.length > MAX_BYTES)
          throw new Error(
            `${model.file} is ${Math.round(png.length / 1024)} KB, over ${MAX_BYTES / 1024} KB`,
          );
        const file = path.join(OUT_DIR, model.file);
        await writeFile(file, png);
        written.push(file);
        console.log(
          `${path.relative(ROOT, file)}: ${Math.round(png.length / 1024)} KB (${status.split("\n")[0]})`,
        );
      } finally {
        await preview.close();
      }
    }
  } finally {
    await browser?.close().catch(() => {});
    await server.close();
  }
  console.log(`${written.length} screenshots in ${path.relative(ROOT, OUT_DIR)}/`);
}

main().catch((error) => {
  console.error(`screenshots: ${error.stack ?? error.message}`);
  process.exitCode = 1;
});
