/** axe-core run in a page, on the task pane (#root), for the end-to-end tests. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The pane's axe violations, each as "rule: targets". */
export async function axeViolations(page) {
  // Fluent animates colours: a button caught mid-transition (just enabled, say) fails colour
  // contrast, so every running transition finishes before axe reads the page.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
  );
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    // Fluent's focus manager (tabster) adds aria-hidden focus-redirect elements on purpose; axe's
    // aria-hidden-focus flags them, a documented false positive, so they are left out.
    const result = await window.axe.run({ include: ["#root"], exclude: ["[data-tabster-dummy]"] });
    return result.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(" ")}`,
    );
  });
}
