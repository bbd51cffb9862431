/**
 * The task pane at the widths Excel gives it (320 to 350 px; the preview's 380 px): with each
 * model builder chosen and its sample sources picked, nothing in the pane is wider than the pane,
 * so no input, select or button is cut off on the right and the pane never scrolls sideways.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { TEST_TIMEOUT_MS, useBrowser } from "./browser.mjs";
import { withPreview } from "./preview.mjs";

const timeout = 2 * TEST_TIMEOUT_MS;
const PANE_WIDTHS = [320, 380];

/** Each builder with the sample table picked for each of its source slots. */
const BUILDERS = [
  { builder: "abc", sources: { ledger: "CostLedger", log: "ContactLog" } },
  { builder: "staffing", sources: { forecast: "IntervalForecast" } },
  { builder: "value", sources: { transactions: "Transactions" } },
];

/** Narrows the preview's pane (a fixed-width column beside the workbook) to width pixels, border included. */
async function setPaneWidth(page, width) {
  await page.addStyleTag({
    content: `.preview-pane { flex-basis: ${width}px !important; box-sizing: border-box; }`,
  });
  const shown = await page.evaluate(() => document.querySelector(".preview-pane").offsetWidth);
  assert.equal(shown, width, "the pane's width");
}

/**
 * How much wider than #root the pane's content is, and the innermost elements that show past its
 * right edge (not counting what an ancestor clips), to say what overflows.
 */
function horizontalOverflow(page) {
  return page.evaluate(() => {
    const root = document.getElementById("root");
    const right = root.getBoundingClientRect().right;
    /** The element's right edge as shown: its box cut at every clipping ancestor's edge. */
    const shownRight = (element) => {
      let edge = element.getBoundingClientRect().right;
      for (
        let ancestor = element.parentElement;
        ancestor && ancestor !== root;
        ancestor = ancestor.parentElement
      ) {
        if (getComputedStyle(ancestor).overflowX !== "visible") {
          edge = Math.min(edge, ancestor.getBoundingClientRect().right);
        }
      }
      return edge;
    };
    const past = [...root.querySelectorAll("*")].filter(
      (element) => element.getBoundingClientRect().width > 0 && shownRight(element) > right + 0.5,
    );
    const innermost = past.filter(
      (element) => !past.some((other) => other !== element && element.contains(other)),
    );
    const describe = (element) => {
      const owner = element.closest("[data-testid]");
      const where = owner ? ` in [data-testid="${owner.dataset.testid}"]` : "";
      const name = `${element.tagName.toLowerCase()}.${[...element.classList].slice(0, 2).join(".")}`;
      return `${name}${where}: ${Math.round(shownRight(element) - right)} px past the pane`;
    };
    return { excess: root.scrollWidth - root.clientWidth, culprits: innermost.slice(0, 8).map(describe) };
  });
}

describe("the task pane's layout at narrow widths", { timeout: 5 * 60_000 }, () => {
  const browser = useBrowser();

  for (const width of PANE_WIDTHS) {
    test(`nothing is wider than a ${width} px pane, for every builder`, { timeout }, async () => {
      await withPreview(browser.e2e.browser, { baseUrl: browser.e2e.url }, async ({ page }) => {
        await setPaneWidth(page, width);
        for (const { builder, sources } of BUILDERS) {
          await page.getByTestId(`builder-tab-${builder}`).click();
          for (const [slot, table] of Object.entries(sources)) {
            await page.getByTestId(`source-${slot}`).selectOption({ label: table });
            await page.getByTestId(`source-summary-${slot}`).waitFor();
          }
          const { excess, culprits } = await horizontalOverflow(page);
          assert.ok(
            excess <= 0 && culprits.length === 0,
            `${builder} at ${width} px: the pane's content is ${excess} px too wide:\n  ${culprits.join("\n  ")}`,
          );
        }
      });
    });
  }
});
