/** @jest-environment jsdom */
import { screen, waitFor } from "@testing-library/react";
import type { SheetPlan } from "../../../src/taskpane/model-builders/plan";
import { abcWorkbook, FakeWorkbook, FORECAST_ZH, slowWrite, TRANSACTIONS } from "../fakeWorkbook";
import { buildButton, isDisabled, buildStatus, pickTable, renderBuilders, type User } from "../builders";

async function readyAbc(workbook = abcWorkbook()) {
  const rendered = await renderBuilders(workbook);
  await pickTable(rendered.user, "ledger", "CostLedger");
  await pickTable(rendered.user, "log", "ContactLog");
  return { workbook, ...rendered };
}

const formulaAt = (plan: SheetPlan, at: string) => plan.blocks.find((block) => block.at === at)?.cells[0][0];

async function build(user: User) {
  await user.click(buildButton());
}

describe("building a model sheet", () => {
  it("writes the plan, with structured references to the tables, and reports the check", async () => {
    const { workbook, user } = await readyAbc();
    await build(user);
    expect(await buildStatus()).toBe("Built Cost allocation. Check: OK");
    expect(workbook.writes).toHaveLength(1);
    const [{ plan, replace }] = workbook.writes;
    expect(replace).toBe(false);
    expect(plan.sheetName).toBe("Cost allocation");
    expect(formulaAt(plan, "A5")).toBe(
      "=SVC.ABC_BY_OBJECT(CostLedger[Activity],CostLedger[Cost],ContactLog[Activity],ContactLog[Channel],ContactLog[Minutes])",
    );
    expect(plan.checkCell).toBe("F8");
  });

  it("builds under the name the user typed", async () => {
    const { workbook, user } = await readyAbc();
    const name = screen.getByTestId("sheet-name");
    await user.clear(name);
    await user.type(name, "ABC Q3");
    await build(user);
    await buildStatus();
    expect(workbook.writes[0].plan.sheetName).toBe("ABC Q3");
  });

  it("shows a check that does not read OK as a warning", async () => {
    const workbook = abcWorkbook();
    workbook.checkValue = "CHECK";
    const { user } = await readyAbc(workbook);
    await build(user);
    expect(await buildStatus()).toMatch(/^Built Cost allocation\. Check: CHECK\. The totals do not balance/);
    expect(screen.getByTestId("build-status-built")).toBeTruthy();
  });

  it("builds a customer-value model on a range with absolute references", async () => {
    const workbook = new FakeWorkbook().addRange(TRANSACTIONS);
    workbook.region = "Sales!A1:C6";
    const { user } = await renderBuilders(workbook);
    await user.click(screen.getByTestId("builder-tab-value"));
    await user.click(screen.getByTestId("use-region-transactions"));
    await screen.findByTestId("source-summary-transactions");
    await build(user);
    expect(await buildStatus()).toBe("Built Customer value. Check: OK");
    const { plan } = workbook.writes[0];
    expect(formulaAt(plan, "A11")).toBe(
      "=SVC.RFM(Sales!$A$2:$A$6,Sales!$B$2:$B$6,Sales!$C$2:$C$6,$B$4,$B$5)",
    );
  });

  it("builds a staffing plan with the handle-time unit and inputs the user chose", async () => {
    const workbook = new FakeWorkbook().addTable("预测表", FORECAST_ZH);
    const { user } = await renderBuilders(workbook);
    await user.click(screen.getByTestId("builder-tab-staffing"));
    await pickTable(user, "forecast", "预测表");
    await user.selectOptions(screen.getByTestId("unit-volume"), "perHour");
    const interval = screen.getByTestId("input-intervalMinutes");
    await user.clear(interval);
    await user.type(interval, "30");
    await build(user);
    expect(await buildStatus()).toBe("Built Staffing plan. Check: OK");
    const { plan } = workbook.writes[0];
    expect(formulaAt(plan, "B11")).toBe(
      "=SVC.STAFF_TABLE(预测表[来电量]*$B$4/60,预测表[处理时长（分钟）]*60,$B$5,$B$6,$B$4,$B$8,$B$7,,$B$9)",
    );
    expect(formulaAt(plan, "B4")).toBe(30);
  });

  it("reports a failure and that nothing was changed", async () => {
    const workbook = abcWorkbook();
    workbook.write = async () => {
      throw new Error("The workbook is protected.");
    };
    const { user } = await readyAbc(workbook);
    await build(user);
    expect(await buildStatus()).toBe(
      "The model sheet could not be built: The workbook is protected. Nothing was changed.",
    );
  });

  it("shows progress and cancels a slow build", async () => {
    const workbook = abcWorkbook();
    workbook.write = slowWrite({ done: 2, total: 8 });
    const { user } = await readyAbc(workbook);
    await build(user);
    const progress = await screen.findByRole("progressbar");
    expect(progress.getAttribute("aria-valuenow")).toBe("0.25");
    expect(screen.getByText("2 of 8 steps")).toBeTruthy();
    expect(isDisabled(buildButton())).toBe(true);
    await user.click(screen.getByTestId("cancel-build"));
    expect(await buildStatus()).toBe("Cancelled; the workbook is unchanged.");
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(isDisabled(buildButton())).toBe(false);
  });
});

describe("when the sheet already exists", () => {
  async function conflict() {
    const workbook = abcWorkbook();
    workbook.sheets.add("Cost allocation");
    const rendered = await readyAbc(workbook);
    await build(rendered.user);
    const dialog = await screen.findByRole("dialog");
    return { ...rendered, workbook, dialog };
  }

  it("offers the free name, focused, the replacement and cancelling", async () => {
    const { dialog } = await conflict();
    expect(dialog.textContent).toContain(
      "A sheet named “Cost allocation” already exists. Build as “Cost allocation (2)”?",
    );
    const useFree = screen.getByTestId("dialog-use-free-name");
    expect(useFree.textContent).toBe("Build as “Cost allocation (2)”");
    expect(screen.getByTestId("dialog-replace").textContent).toBe("Replace “Cost allocation”");
    await waitFor(() => expect(document.activeElement).toBe(useFree));
  });

  it("builds under the free name", async () => {
    const { workbook, user } = await conflict();
    await user.click(screen.getByTestId("dialog-use-free-name"));
    expect(await buildStatus()).toBe("Built Cost allocation (2). Check: OK");
    expect(workbook.writes.map(({ plan, replace }) => [plan.sheetName, replace])).toEqual([
      ["Cost allocation", false],
      ["Cost allocation (2)", false],
    ]);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect((screen.getByTestId("sheet-name") as HTMLInputElement).value).toBe("Cost allocation (2)");
  });

  it("replaces the sheet after explicit confirmation", async () => {
    const { workbook, user } = await conflict();
    await user.click(screen.getByTestId("dialog-replace"));
    expect(await buildStatus()).toBe("Built Cost allocation. Check: OK");
    expect(workbook.writes.map(({ plan, replace }) => [plan.sheetName, replace])).toEqual([
      ["Cost allocation", false],
      ["Cost allocation", true],
    ]);
  });

  it("changes nothing when cancelled, by button or Escape", async () => {
    const { workbook, user } = await conflict();
    await user.click(screen.getByTestId("dialog-cancel"));
    expect(await buildStatus()).toBe("Cancelled; the workbook is unchanged.");
    expect(screen.queryByRole("dialog")).toBeNull();
    await build(user);
    await screen.findByRole("dialog");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(workbook.writes.map(({ replace }) => replace)).toEqual([false, false]);
    expect(workbook.saved).toEqual([]);
  });
});
