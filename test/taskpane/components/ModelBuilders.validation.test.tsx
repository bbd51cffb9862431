/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import { abcWorkbook, CONTACT_LOG, COST_LEDGER, FakeWorkbook, FORECAST_ZH } from "../fakeWorkbook";
import { buildButton, isDisabled, pickTable, renderBuilders } from "../builders";

async function renderAbc(ledger = COST_LEDGER, log = CONTACT_LOG) {
  const workbook = new FakeWorkbook().addTable("CostLedger", ledger).addTable("ContactLog", log);
  const rendered = await renderBuilders(workbook);
  await pickTable(rendered.user, "ledger", "CostLedger");
  await pickTable(rendered.user, "log", "ContactLog");
  return { workbook, ...rendered };
}

describe("validation before building", () => {
  it("asks for each source first, and Build says why it is disabled", async () => {
    await renderBuilders(abcWorkbook());
    const missing = screen.getAllByTestId("problem-missingSource");
    expect(missing.map((problem) => problem.textContent)).toEqual([
      expect.stringContaining("Cost ledger: choose a table or a range."),
      expect.stringContaining("Contact log: choose a table or a range."),
    ]);
    expect(isDisabled(buildButton())).toBe(true);
    expect(screen.getByTestId("build-blocker").textContent).toBe(
      "Build is disabled until the errors above are fixed.",
    );
    expect(buildButton().getAttribute("aria-describedby")).toBe(screen.getByTestId("build-blocker").id);
  });

  it("names the worksheet rows that hold text in a numeric column", async () => {
    const ledger = {
      ...COST_LEDGER,
      rows: [
        ["Answer calls", "n/a"],
        ["Reply to email", 500],
        ["Handle chat", "1,000"],
      ],
    };
    await renderAbc(ledger);
    const problem = screen.getByTestId("problem-textInNumber");
    expect(problem.textContent).toContain("Text instead of a number in Cost: 2 (row numbers 2, 4).");
    expect(problem.textContent).toContain("#VALUE!");
    expect(isDisabled(buildButton())).toBe(true);
  });

  it("reports blank cells and negative values as errors, listed before warnings", async () => {
    const log = {
      ...CONTACT_LOG,
      rows: [
        ["Answer calls", "Phone", -30],
        ["Answer calls", null, 10],
        ["Reply to email", "Email", 20],
        ["Handle chat", "Chat", 15],
        ["Send letters", "Post", 5],
      ],
    };
    await renderAbc(COST_LEDGER, log);
    expect(screen.getByTestId("problem-negative").textContent).toContain(
      "Negative values in Minutes: 1 (row numbers 2).",
    );
    expect(screen.getByTestId("problem-blankCell").textContent).toContain(
      "Blank cells in otherwise filled rows of Channel: 1",
    );
    expect(screen.getByTestId("problem-blankCell").textContent).toContain("(row numbers 3)");
    const order = screen.getAllByTestId(/^problem-/).map((problem) => problem.getAttribute("data-testid"));
    expect(order.indexOf("problem-unknownActivity")).toBeGreaterThan(order.indexOf("problem-blankCell"));
    expect(isDisabled(buildButton())).toBe(true);
  });

  it("warns about log activities the ledger lacks, and still lets the user build", async () => {
    const log = { ...CONTACT_LOG, rows: [...CONTACT_LOG.rows, ["Send letters", "Post", 5]] };
    await renderAbc(COST_LEDGER, log);
    const warning = screen.getByTestId("problem-unknownActivity");
    expect(warning.textContent).toContain(
      "Contact-log rows naming activities the ledger does not have: 1 (Send letters; row numbers 7).",
    );
    expect(warning.textContent).toContain("the allocation leaves them out");
    expect(warning.getAttribute("data-severity")).toBe("warning");
    expect(isDisabled(buildButton())).toBe(false);
    expect(screen.queryByTestId("build-blocker")).toBeNull();
  });

  it("reports a column chosen for two roles", async () => {
    const { user } = await renderAbc();
    expect(screen.getByTestId("no-problems").textContent).toBe("No problems found: ready to build.");
    const select = screen.getByTestId("role-log-costObject");
    await user.selectOptions(select, "Minutes");
    expect(screen.getByTestId("problem-duplicateColumn").textContent).toContain(
      "“Minutes” is chosen for more than one role",
    );
    expect(isDisabled(buildButton())).toBe(true);
  });

  it("shows an input's rule when its value breaks it", async () => {
    const { user } = await renderBuilders(new FakeWorkbook().addTable("Forecast", FORECAST_ZH));
    await user.click(screen.getByTestId("builder-tab-staffing"));
    await pickTable(user, "forecast", "Forecast");
    expect(isDisabled(buildButton())).toBe(false);
    const level = screen.getByTestId("input-targetServiceLevel");
    await user.clear(level);
    await user.type(level, "1.5");
    expect(screen.getByText("must be > 0 and < 1")).toBeTruthy();
    expect(level.getAttribute("aria-invalid")).toBe("true");
    expect(isDisabled(buildButton())).toBe(true);
    expect(screen.getByTestId("build-blocker").textContent).toBe(
      "Build is disabled until the inputs marked above are corrected.",
    );
    await user.clear(level);
    await user.type(level, "0.9");
    expect(isDisabled(buildButton())).toBe(false);
  });

  it("refuses a sheet name Excel would refuse", async () => {
    const { user } = await renderAbc();
    const name = screen.getByTestId("sheet-name") as HTMLInputElement;
    expect(name.value).toBe("Cost allocation");
    await user.clear(name);
    await user.type(name, "Q3/Q4");
    expect(isDisabled(buildButton())).toBe(true);
    expect(screen.getByTestId("build-blocker").textContent).toBe(
      "Build is disabled until the sheet name is valid.",
    );
  });
});
