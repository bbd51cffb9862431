/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import { App } from "../../../src/taskpane/App";
import { EN_METADATA, fakeFetch, ZH_METADATA } from "../fixtures";
import { abcWorkbook, COST_LEDGER, FakeWorkbook, FORECAST_ZH, TRANSACTIONS } from "../fakeWorkbook";
import { buildButton, buildStatus, pickTable } from "../builders";
import { renderInPane } from "../render";

expect.extend(toHaveNoViolations);

/** The whole pane, as Office shows it, on a fake workbook. */
async function renderPane(workbook: FakeWorkbook, locale: "en-US" | "zh-CN" = "en-US") {
  const { fetchImpl } = fakeFetch({ "functions.json": EN_METADATA, "functions-zh-CN.json": ZH_METADATA });
  const user = userEvent.setup();
  const view = renderInPane(<App locale={locale} fetchImpl={fetchImpl} workbook={workbook} />);
  await screen.findByTestId("builder-tab-abc");
  await screen.findByTestId("function-list");
  return { user, ...view };
}

describe("accessibility (axe)", () => {
  it("has no violations on the ABC builder, with problems shown", async () => {
    const ledger = { ...COST_LEDGER, rows: [...COST_LEDGER.rows, ["Post", "lots"]] };
    const { user, container } = await renderPane(new FakeWorkbook().addTable("CostLedger", ledger));
    await pickTable(user, "ledger", "CostLedger");
    expect(screen.getByTestId("problem-textInNumber")).toBeTruthy();
    expect(screen.getByTestId("problem-missingSource")).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("has no violations on the staffing builder, with an invalid input", async () => {
    const { user, container } = await renderPane(new FakeWorkbook().addTable("Forecast", FORECAST_ZH));
    await user.click(screen.getByTestId("builder-tab-staffing"));
    await pickTable(user, "forecast", "Forecast");
    await user.clear(screen.getByTestId("input-shrinkage"));
    await user.type(screen.getByTestId("input-shrinkage"), "1");
    expect(screen.getByText("must be >= 0 and < 1")).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("has no violations on the customer-value builder after a build, in Chinese", async () => {
    const workbook = new FakeWorkbook().addTable("Sales", TRANSACTIONS);
    workbook.checkValue = "平衡"; // the check formula says OK in the language the sheet was built in
    const { user, container } = await renderPane(workbook, "zh-CN");
    await user.click(screen.getByTestId("builder-tab-value"));
    await pickTable(user, "transactions", "Sales");
    await user.click(buildButton());
    expect(await buildStatus()).toBe("已生成 客户价值。检查：平衡");
    // The Share section lists the new sheet: wait, so the pane is settled before axe reads it.
    await within(screen.getByTestId("share-sheet")).findByRole("option", { name: "客户价值" });
    expect(await axe(container)).toHaveNoViolations();
  });

  it("has no violations with the replace dialog open", async () => {
    const workbook = abcWorkbook();
    workbook.sheets.add("Cost allocation");
    const { user } = await renderPane(workbook);
    await pickTable(user, "ledger", "CostLedger");
    await pickTable(user, "log", "ContactLog");
    await user.click(buildButton());
    await screen.findByRole("dialog");
    expect(await axe(document.body)).toHaveNoViolations();
  });
});
