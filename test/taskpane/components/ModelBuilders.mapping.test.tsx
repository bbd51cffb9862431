/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import {
  abcWorkbook,
  CONTACT_LOG,
  COST_LEDGER,
  FakeWorkbook,
  FORECAST_ZH,
  LEDGER_ZH,
  LOG_ZH,
} from "../fakeWorkbook";
import { pickTable, renderBuilders, roleSelect, sourceChoice, sourceSelect } from "../builders";

describe("choosing sources", () => {
  it("lists the workbook's tables and shows what a picked table holds", async () => {
    const { user } = await renderBuilders(abcWorkbook());
    const select = sourceSelect("ledger");
    await waitFor(() => expect(select.options).toHaveLength(3));
    const options = within(select).getAllByRole("option");
    expect(options.map((option) => option.textContent)).toEqual([
      "Choose a table",
      "CostLedger",
      "ContactLog",
    ]);
    expect(sourceChoice("ledger")).toBe("Choose a table");
    await user.selectOptions(select, "CostLedger");
    expect((await screen.findByTestId("source-summary-ledger")).textContent).toBe(
      "Data rows: 3 · columns: Activity, Cost",
    );
    expect(sourceChoice("ledger")).toBe("CostLedger");

    // Choosing the placeholder again keeps the source.
    await user.selectOptions(select, "Choose a table");
    expect(sourceChoice("ledger")).toBe("CostLedger");
    expect(screen.getByTestId("source-summary-ledger")).toBeTruthy();
  });

  it("finds tables added after the pane opened when the list is refreshed", async () => {
    const workbook = new FakeWorkbook();
    const { user } = await renderBuilders(workbook);
    await waitFor(() => expect(sourceChoice("ledger")).toBe("No tables: use the current region"));
    workbook.addTable("CostLedger", COST_LEDGER);
    await user.click(screen.getByTestId("refresh-tables-ledger"));
    await pickTable(user, "ledger", "CostLedger");
    expect(roleSelect("ledger", "cost").value).toBe("Cost");
  });

  it("takes the region around the selection", async () => {
    const workbook = new FakeWorkbook().addRange(COST_LEDGER);
    workbook.region = "Data!A1:B4";
    const { user } = await renderBuilders(workbook);
    await user.click(screen.getByTestId("use-region-ledger"));
    expect((await screen.findByTestId("source-summary-ledger")).textContent).toBe(
      "Data rows: 3 · columns: Activity, Cost",
    );
    expect(sourceChoice("ledger")).toBe("Data!A1:B4");
    expect(roleSelect("ledger", "activity").value).toBe("Activity");
  });

  it("says why when there is no current region", async () => {
    const { user } = await renderBuilders(new FakeWorkbook());
    await user.click(screen.getByTestId("use-region-log"));
    expect((await screen.findByTestId("source-error-log")).textContent).toContain("No cell is selected");
  });
});

describe("mapping columns to roles", () => {
  it("suggests roles from English headers", async () => {
    const { user } = await renderBuilders(abcWorkbook());
    await pickTable(user, "ledger", "CostLedger");
    await pickTable(user, "log", "ContactLog");
    expect([roleSelect("ledger", "activity").value, roleSelect("ledger", "cost").value]).toEqual([
      "Activity",
      "Cost",
    ]);
    expect(["activity", "costObject", "driverQuantity"].map((role) => roleSelect("log", role).value)).toEqual(
      ["Activity", "Channel", "Minutes"],
    );
  });

  it("suggests roles from Chinese headers", async () => {
    const workbook = new FakeWorkbook().addTable("台账", LEDGER_ZH).addTable("联络", LOG_ZH);
    const { user } = await renderBuilders(workbook);
    await pickTable(user, "ledger", "台账");
    await pickTable(user, "log", "联络");
    expect([roleSelect("ledger", "activity").value, roleSelect("ledger", "cost").value]).toEqual([
      "作业",
      "成本",
    ]);
    expect(["activity", "costObject", "driverQuantity"].map((role) => roleSelect("log", role).value)).toEqual(
      ["作业", "渠道", "处理时长（分钟）"],
    );
  });

  it("takes the handle-time unit from a staffing forecast's header", async () => {
    const workbook = new FakeWorkbook().addTable("预测表", FORECAST_ZH);
    const { user } = await renderBuilders(workbook);
    await user.click(screen.getByTestId("builder-tab-staffing"));
    expect((screen.getByTestId("unit-handleTime") as HTMLSelectElement).value).toBe("sec");
    await pickTable(user, "forecast", "预测表");
    expect(["interval", "volume", "handleTime"].map((role) => roleSelect("forecast", role).value)).toEqual([
      "时段",
      "来电量",
      "处理时长（分钟）",
    ]);
    expect((screen.getByTestId("unit-handleTime") as HTMLSelectElement).value).toBe("min");
    expect((screen.getByTestId("unit-volume") as HTMLSelectElement).value).toBe("perInterval");
  });

  it("keeps the user's choice over a suggestion, also when the source changes", async () => {
    const tiered = { ...CONTACT_LOG, headers: ["Activity", "Channel", "Minutes"] };
    const workbook = abcWorkbook().addTable("ContactLog2", { ...tiered, sheet: "Old" });
    const { user } = await renderBuilders(workbook);
    await pickTable(user, "log", "ContactLog");
    expect(roleSelect("log", "costObject").value).toBe("Channel");

    await user.selectOptions(roleSelect("log", "costObject"), "Activity");
    expect(roleSelect("log", "costObject").value).toBe("Activity");
    await user.selectOptions(roleSelect("log", "activity"), "Channel");

    await pickTable(user, "log", "ContactLog2");
    expect(roleSelect("log", "costObject").value).toBe("Activity");
    expect(roleSelect("log", "activity").value).toBe("Channel");
    expect(roleSelect("log", "driverQuantity").value).toBe("Minutes");
  });

  it("marks required roles and offers only the source's columns", async () => {
    const { user } = await renderBuilders(abcWorkbook());
    await pickTable(user, "ledger", "CostLedger");
    const select = roleSelect("ledger", "cost");
    expect(select.required).toBe(true); // a native required select is announced as required
    expect(
      within(select)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["Activity", "Cost"]);
    expect(screen.getByRole("combobox", { name: /^Cost/ })).toBe(select);
  });
});
