/**
 * The built add-in in a browser, inside the fake Office host: the pane renders in each shipped
 * language, the bundle registers exactly the functions its metadata declares, and a function
 * called through the bundle returns the reference values.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { TEST_TIMEOUT_MS, callFunction, registeredIds, useBrowser } from "./browser.mjs";
import { assertClose, readReferenceCsv } from "./reference.mjs";
import { DIST_DIR } from "./server.mjs";

const timeout = TEST_TIMEOUT_MS;
const ERLANG_C_ROWS = readReferenceCsv("erlang_c_reference.csv");

/** The reference P(wait) for agents serving traffic Erlangs, when the CSV has such a row. */
function referencePWait(agents, traffic) {
  const row = ERLANG_C_ROWS.find(
    (r) => Number(r.raw_agents) === agents && Math.abs(Number(r.traffic_erlangs) - traffic) < 1e-12,
  );
  return row ? Number(row.p_wait) : undefined;
}

/** An independent Erlang C, for inputs the CSV does not cover: the Erlang B recursion, then C from B. */
function erlangC(agents, traffic) {
  let b = 1;
  for (let n = 1; n <= agents; n++) b = (traffic * b) / (n + traffic * b);
  return (agents * b) / (agents - traffic * (1 - b));
}

/** Excel shows a thrown error and a 1x1 result holding that error the same way. */
function singleCell(result) {
  return Array.isArray(result) && result.length === 1 && result[0].length === 1 ? result[0][0] : result;
}

describe("the add-in in a browser", () => {
  const browser = useBrowser();

  test("the pane renders in English", { timeout }, async () => {
    await browser.e2e.withTaskpane({ displayLanguage: "en-US" }, async ({ page }) => {
      await page.waitForSelector('[data-testid="function-list"] [data-testid="function-ERLANG_C"]');
      assert.equal(await page.getByTestId("app-title").textContent(), "Service cost modeller");
      const list = page.getByTestId("function-list");
      assert.equal(await list.getByTestId("function-ERLANG_C").count(), 1);
      assert.equal(await list.getByTestId("function-ERLANG_B").count(), 1);
      assert.match(await list.getByTestId("function-ERLANG_C").textContent(), /SVC\.ERLANG_C/);
      const help = await list.getByTestId("help-ERLANG_C").getAttribute("href");
      assert.ok(help?.endsWith("/docs/functions/ERLANG_C.html"), `help link ${help}`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), "en-US");
    });
  });

  test("the pane renders in Chinese for a zh-CN Office", { timeout }, async () => {
    await browser.e2e.withTaskpane({ displayLanguage: "zh-CN" }, async ({ page }) => {
      await page.waitForSelector('[data-testid="function-list"] [data-testid="function-ERLANG_C"]');
      assert.equal(await page.getByTestId("app-title").textContent(), "客服成本建模");
      const item = page.getByTestId("function-list").getByTestId("function-ERLANG_C");
      assert.match(await item.textContent(), /爱尔兰C/);
      const help = await item.getByTestId("help-ERLANG_C").getAttribute("href");
      assert.ok(help?.endsWith("/docs/zh-CN/functions/ERLANG_C.html"), `help link ${help}`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
    });
  });

  test("the pane follows a dark Office theme", { timeout }, async () => {
    await browser.e2e.withTaskpane({ theme: "dark" }, async ({ page }) => {
      const background = await page.evaluate(() => {
        const provider = document.querySelector('[data-testid="app"]').closest(".fui-FluentProvider");
        return getComputedStyle(provider).backgroundColor;
      });
      const [red, green, blue] = background.match(/\d+/g).map(Number);
      assert.ok(Math.max(red, green, blue) < 80, `background ${background} is not dark`);
    });
  });

  test("the bundle registers exactly the functions in functions.json", { timeout }, async () => {
    const metadata = JSON.parse(readFileSync(path.join(DIST_DIR, "functions.json"), "utf8"));
    const declared = metadata.functions.map((fn) => fn.id.toUpperCase()).sort();
    assert.ok(declared.length > 0, "functions.json declares no functions");
    await browser.e2e.withTaskpane({}, async ({ page }) => {
      assert.deepEqual(await registeredIds(page), declared);
    });
  });

  test("ERLANG_C through the bundle matches the reference", { timeout }, async () => {
    await browser.e2e.withTaskpane({}, async ({ page }) => {
      const c01 = ERLANG_C_ROWS.find((row) => row.case_id === "C01");
      const [agents, traffic] = [Number(c01.raw_agents), Number(c01.traffic_erlangs)];
      const single = await callFunction(page, "ERLANG_C", [[agents]], [[traffic]]);
      assert.equal(single.length, 1);
      assert.equal(single[0].length, 1);
      assertClose(single[0][0], Number(c01.p_wait), 1e-9, `ERLANG_C(${agents}, ${traffic})`);

      // A column of agents against one traffic value spills a column.
      const column = [11, 14, 20];
      const spilled = await callFunction(
        page,
        "ERLANG_C",
        column.map((n) => [n]),
        [[10]],
      );
      assert.equal(spilled.length, column.length, "rows in the spill");
      column.forEach((n, i) => {
        assert.equal(spilled[i].length, 1, `row ${i + 1} of the spill`);
        const expected = referencePWait(n, 10) ?? erlangC(n, 10);
        assertClose(spilled[i][0], expected, 1e-9, `ERLANG_C(${n}, 10)`);
      });
      assert.ok(referencePWait(14, 10) !== undefined, "the CSV covers at least one spilled cell");

      // As many agents as Erlangs: the queue never empties, so there is no probability to give.
      const unstable = singleCell(await callFunction(page, "ERLANG_C", [[10]], [[10]]));
      assert.equal(unstable?.error, "#NUM!", `ERLANG_C(10, 10) gave ${JSON.stringify(unstable)}`);
    });
  });

  test("the functions' help pages are served in both languages", { timeout }, async () => {
    for (const displayLanguage of ["en-US", "zh-CN"]) {
      await browser.e2e.withTaskpane({ displayLanguage }, async ({ page }) => {
        // The link points at the public URL; the same path must exist in the build.
        const href = await page.getByTestId("help-ERLANG_C").getAttribute("href");
        const response = await page.goto(`${browser.e2e.url}${href.slice(href.indexOf("/docs/"))}`);
        assert.equal(response.status(), 200, `${href} is not in dist/`);
        assert.match(response.headers()["content-type"], /^text\/html/);
        assert.match(await page.locator("h1").first().textContent(), /ERLANG_C|爱尔兰C/);
        assert.equal(await page.evaluate(() => document.documentElement.lang), displayLanguage);
      });
    }
  });
});
