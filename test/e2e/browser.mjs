/**
 * Browser side of the end-to-end harness: Debian's Chromium driven by playwright-core, with the
 * built task pane loaded inside the fake Office host (test/fakes/office-host.js).
 *
 *   const e2e = await startE2E();                       // one browser per test file
 *   await e2e.withTaskpane({ displayLanguage: "zh-CN" }, async ({ page }) => {   // a context per test
 *     assert.deepEqual(await callFunction(page, "ERLANG_C", [[14]], [[10]]), [[0.174...]]);
 *   });                                                  // fails if the page logged errors
 *   await e2e.close();
 * openTaskpane() gives the same pane without the checks, for tests that expect errors.
 *
 * The machine running these tests has no internet, and the add-in must not need it: office.js is
 * answered with the fake host, other 127.0.0.1 requests go to the dist/ server, and every other
 * request is aborted and recorded.
 */
import assert from "node:assert/strict";
import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before } from "node:test";
import { chromium } from "playwright-core";
import { DIST_DIR, startServer } from "./server.mjs";

export const CHROMIUM_PATH = process.env.E2E_CHROMIUM ?? "/usr/bin/chromium";
/** Per-test budget; a test that hangs (a selector that never appears) fails instead of stalling the run. */
export const TEST_TIMEOUT_MS = 30_000;
const WAIT_MS = 15_000;

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

const OFFICE_JS = "https://appsforoffice.microsoft.com/**";

/** The fake host as the page's office.js: the CustomFunctions fake first, then the Office/Excel fake. */
const FAKE_OFFICE_JS = ["custom-functions-runtime.js", "office-host.js"]
  .map((file) => readFileSync(new URL(`../fakes/${file}`, import.meta.url), "utf8"))
  .join(";\n");

/** Throws an actionable error when the browser or the build is missing. */
export function checkPrerequisites() {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}. Install Debian's package (apt-get install -y chromium) ` +
        "or set E2E_CHROMIUM; playwright's own browser downloads are not used.",
    );
  }
  if (!existsSync(path.join(DIST_DIR, "taskpane.html"))) {
    throw new Error(`No build in ${DIST_DIR}: run \`npm run build\` first (npm run test:e2e does).`);
  }
}

export async function launchBrowser() {
  checkPrerequisites();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

function isLocal(url) {
  const { protocol, hostname } = new URL(url);
  return protocol === "data:" || protocol === "blob:" || hostname === "127.0.0.1";
}

/**
 * Lets a browser context or page reach only 127.0.0.1 (and data:/blob:): any other request is
 * aborted and noted in errors and blockedRequests. Routes added later take precedence over this one.
 */
export async function guardNetwork(contextOrPage, { errors, blockedRequests }) {
  await contextOrPage.route("**/*", (route) => {
    const requestUrl = route.request().url();
    if (isLocal(requestUrl)) return route.continue();
    blockedRequests.push(requestUrl);
    errors.push(`blocked request to ${requestUrl}`);
    return route.abort("blockedbyclient");
  });
}

/** Notes the page's console errors and uncaught exceptions in errors, and sets its wait budget. */
export function watchPage(page, errors) {
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const { url: where, lineNumber } = message.location();
    errors.push(`console.error: ${message.text()}${where ? ` (${where}:${lineNumber})` : ""}`);
  });
  page.on("pageerror", (error) => errors.push(`page error: ${error.stack ?? error.message}`));
  page.setDefaultTimeout(WAIT_MS);
}

/**
 * Starts a browser, and a dist/ server unless run.mjs already started one (E2E_BASE_URL), so a
 * single file also runs on its own: node --test test/e2e/addin.e2e.mjs.
 */
export async function startE2E() {
  checkPrerequisites();
  const server = process.env.E2E_BASE_URL ? null : await startServer();
  const url = process.env.E2E_BASE_URL ?? server.url;
  let browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await server?.close();
    throw error;
  }

  /**
   * Opens taskpane.html in a fresh browser context configured as the given Office host and waits
   * for the pane to render. errors collects console errors, uncaught page errors and blocked
   * requests; tests assert it stays empty.
   */
  async function openTaskpane({
    displayLanguage = "en-US",
    theme = "light",
    workbook,
    settings,
    file = "taskpane.html",
  } = {}) {
    const context = await browser.newContext({ locale: displayLanguage });
    const errors = [];
    const blockedRequests = [];
    // Later routes take precedence: office.js gets the fake host, everything else the guard.
    await guardNetwork(context, { errors, blockedRequests });
    await context.route(OFFICE_JS, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: FAKE_OFFICE_JS }),
    );
    await context.addInitScript(
      (config) => {
        window.__fakeOfficeConfig = config;
      },
      { displayLanguage, theme, workbook, settings },
    );

    const page = await context.newPage();
    watchPage(page, errors);

    const close = () => context.close();
    try {
      const response = await page.goto(`${url}/${file}`);
      if (!response?.ok()) throw new Error(`${file}: HTTP ${response?.status()}`);
      await page.waitForSelector('[data-testid="app"]');
    } catch (error) {
      await close();
      const seen = errors.length ? `\nErrors in the page:\n  ${errors.join("\n  ")}` : "";
      throw new Error(`The task pane did not render: ${error.message}${seen}`, { cause: error });
    }
    return { page, context, errors, blockedRequests, close };
  }

  /**
   * Opens a pane, runs body(pane), then fails if the page logged errors or was blocked from a
   * request; the pane is closed either way.
   */
  async function withTaskpane(options, body) {
    const pane = await openTaskpane(options);
    try {
      await body(pane);
      assert.deepEqual(pane.errors, [], "the page reported errors");
    } finally {
      await pane.close();
    }
  }

  return {
    url,
    browser,
    openTaskpane,
    withTaskpane,
    async close() {
      await browser.close().catch(() => {});
      await server?.close();
    },
  };
}

/**
 * Calls the function the bundle registered under id (via CustomFunctions.associate) inside the
 * page, as Excel would, and returns its result as plain data. window.CustomFunctions.Error values, thrown
 * or returned in cells, come back as { error: code, message } (message null when the code carries
 * none). A function that is not registered comes back as { error: "#NAME?", message }.
 */
export function callFunction(page, id, ...args) {
  return page.evaluate(
    async ({ id, args }) => {
      const asError = (value) =>
        value instanceof window.CustomFunctions.Error
          ? { error: value.code, message: value.message ?? null }
          : null;
      const plain = (value) =>
        Array.isArray(value) ? value.map(plain) : (asError(value) ?? (value === undefined ? null : value));
      const fn = window.CustomFunctions.__registered.get(id.toUpperCase());
      if (!fn) return { error: "#NAME?", message: `${id} is not registered` };
      try {
        return plain(await fn(...args));
      } catch (thrown) {
        const error = asError(thrown);
        if (error) return error;
        throw thrown; // not an Excel error: a bug the test should see as such
      }
    },
    { id, args },
  );
}

/** The ids the bundle registered, sorted. */
export function registeredIds(page) {
  return page.evaluate(() => [...window.CustomFunctions.__registered.keys()].sort());
}

/**
 * Inside a describe(): starts the browser (and server) before its tests and closes it after.
 * Returns a holder whose `e2e` is what startE2E() gave, once the tests run.
 */
export function useBrowser() {
  const holder = { e2e: undefined };
  before(
    async () => {
      holder.e2e = await startE2E();
    },
    { timeout: TEST_TIMEOUT_MS },
  );
  after(() => holder.e2e?.close());
  return holder;
}
