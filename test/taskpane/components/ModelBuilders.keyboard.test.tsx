/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import { abcWorkbook, FakeWorkbook, FORECAST_ZH, LEDGER_ZH, LOG_ZH } from "../fakeWorkbook";
import {
  buildButton,
  buildStatus,
  pickTable,
  renderBuilders,
  sourceChoice,
  sourceSelect,
  type User,
} from "../builders";

/** Presses Tab until element has focus; returns how many presses it took. */
async function tabTo(user: User, element: HTMLElement, most = 40): Promise<number> {
  for (let presses = 1; presses <= most; presses++) {
    await user.tab();
    if (document.activeElement === element) return presses;
  }
  throw new Error(`Tab never reached ${element.getAttribute("data-testid")}`);
}

describe("keyboard", () => {
  it("reaches the builder tabs, a source and Build with Tab, and works them with Enter and Space", async () => {
    const workbook = abcWorkbook();
    const { user } = await renderBuilders(workbook);
    expect(await tabTo(user, screen.getByTestId("builder-tab-abc"))).toBe(1);
    // The other builder tabs are reached with the arrow keys, so the next Tab goes to the first source.
    expect(await tabTo(user, screen.getByTestId("source-ledger"))).toBe(1);

    // The sources are native selects: in a browser ArrowDown on a closed one moves to the next
    // option (the e2e suite checks that); jsdom has no such behaviour, so choose on the focused select.
    await pickTable(user, "ledger", "CostLedger");
    expect(sourceChoice("ledger")).toBe("CostLedger");

    await tabTo(user, sourceSelect("log"));
    await pickTable(user, "log", "ContactLog");
    expect(screen.getByTestId("source-summary-log").textContent).toMatch(/^Data rows: 5/);
    expect(sourceChoice("log")).toBe("ContactLog");

    await tabTo(user, buildButton());
    await user.keyboard("{Enter}");
    expect(await buildStatus()).toBe("Built Cost allocation. Check: OK");
    expect(workbook.writes).toHaveLength(1);
  });

  it("switches builders with the arrow keys, Enter and Space", async () => {
    const { user } = await renderBuilders(abcWorkbook());
    await tabTo(user, screen.getByTestId("builder-tab-abc"));
    await user.keyboard("{ArrowRight}{ArrowRight}");
    expect(document.activeElement).toBe(screen.getByTestId("builder-tab-value"));
    await user.keyboard("{Enter}");
    expect(screen.getByTestId("builder-tab-value").getAttribute("aria-selected")).toBe("true");
    expect(screen.getByTestId("source-transactions")).toBeTruthy();
    await user.keyboard("{ArrowLeft}");
    await user.keyboard(" ");
    expect(screen.getByTestId("builder-tab-staffing").getAttribute("aria-selected")).toBe("true");
    expect(screen.getByTestId("builder-hint").textContent).toMatch(/Erlang C/);
  });

  it("announces the build status", async () => {
    await renderBuilders(abcWorkbook());
    const status = screen.getByTestId("build-status");
    expect(status.getAttribute("role")).toBe("status");
    expect(status.getAttribute("aria-live")).toBe("polite");
  });
});

describe("in Chinese", () => {
  it("labels tabs, sources, roles, units and buttons in Chinese", async () => {
    const workbook = new FakeWorkbook()
      .addTable("台账", LEDGER_ZH)
      .addTable("联络", LOG_ZH)
      .addTable("预测", FORECAST_ZH);
    const { user } = await renderBuilders(workbook, "zh-CN", true);
    expect(screen.getByRole("tablist", { name: "要生成的模型" })).toBeTruthy();
    const tabs = within(screen.getByRole("tablist"));
    expect(tabs.getByRole("tab", { name: "成本分配（作业成本法）" })).toBe(
      screen.getByTestId("builder-tab-abc"),
    );
    expect(tabs.getByRole("tab", { name: "排班计划" })).toBe(screen.getByTestId("builder-tab-staffing"));
    expect(tabs.getByRole("tab", { name: "客户价值" })).toBe(screen.getByTestId("builder-tab-value"));
    expect(screen.getByRole("combobox", { name: "数据源：成本台账" })).toBe(
      screen.getByTestId("source-ledger"),
    );
    expect(screen.getByTestId("use-region-ledger").textContent).toBe("使用当前区域");
    expect(buildButton().textContent).toBe("生成模型工作表");
    expect(screen.getAllByTestId("problem-missingSource")[0].textContent).toContain(
      "成本台账：请选择一个表格或区域。",
    );
    await pickTable(user, "ledger", "台账");
    expect(screen.getByTestId("source-summary-ledger").textContent).toBe("3 行 · 列：作业、成本");
    expect(screen.getByRole("combobox", { name: /^成本/ })).toBe(screen.getByTestId("role-ledger-cost"));
    await user.click(screen.getByTestId("builder-tab-staffing"));
    expect((screen.getByTestId("sheet-name") as HTMLInputElement).value).toBe("排班计划");
    expect(screen.getByRole("combobox", { name: "处理时长的单位" })).toBe(
      screen.getByTestId("unit-handleTime"),
    );
    expect(screen.getByRole("spinbutton", { name: "目标服务水平" })).toBe(
      screen.getByTestId("input-targetServiceLevel"),
    );
  });
});
