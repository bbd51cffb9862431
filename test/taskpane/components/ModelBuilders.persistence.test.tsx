/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import {
  parseSavedModels,
  serializeSavedModels,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  type SavedModels,
} from "../../../src/taskpane/model-builders/settings";
import type { ModelSetup } from "../../../src/taskpane/model-builders/types";
import { CONTACT_LOG, COST_LEDGER, FakeWorkbook, FORECAST_ZH } from "../fakeWorkbook";
import {
  buildButton,
  isDisabled,
  buildStatus,
  pickTable,
  renderBuilders,
  roleSelect,
  sourceChoice,
} from "../builders";

/** A contact log with a second candidate cost object, so a user's choice differs from the suggestion. */
const TIERED_LOG = {
  ...CONTACT_LOG,
  address: "D1:G6",
  headers: ["Activity", "Channel", "Tier", "Minutes"],
  rows: CONTACT_LOG.rows.map(([activity, channel, minutes], index) => [
    activity,
    channel,
    index % 2 ? "Gold" : "Silver",
    minutes,
  ]),
};

const abcWorkbook = () =>
  new FakeWorkbook().addTable("CostLedger", COST_LEDGER).addTable("ContactLog", TIERED_LOG);

const ABC_SETUP: ModelSetup = {
  builder: "abc",
  slots: {
    ledger: {
      source: { kind: "table", name: "CostLedger" },
      mapping: { activity: "Activity", cost: "Cost" },
    },
    log: {
      source: { kind: "table", name: "ContactLog" },
      mapping: { activity: "Activity", costObject: "Tier", driverQuantity: "Minutes" },
    },
  },
  units: { handleTime: "sec", volume: "perInterval" },
  inputs: {},
  sheetName: "ABC Q3",
};

function withSaved(workbook: FakeWorkbook, setup: ModelSetup = ABC_SETUP) {
  const saved: SavedModels = {
    version: SETTINGS_VERSION,
    active: setup.builder,
    models: { [setup.builder]: setup },
  };
  workbook.settings.set(SETTINGS_KEY, serializeSavedModels(saved));
  workbook.sheets.add(setup.sheetName);
  return workbook;
}

describe("saving a built setup", () => {
  it("saves what was built, in a form the settings reader reads back", async () => {
    const workbook = abcWorkbook();
    const { user } = await renderBuilders(workbook);
    await pickTable(user, "ledger", "CostLedger");
    await pickTable(user, "log", "ContactLog");
    await user.selectOptions(roleSelect("log", "costObject"), "Tier");
    const name = screen.getByTestId("sheet-name");
    await user.clear(name);
    await user.type(name, "ABC Q3");
    await user.click(buildButton());
    await buildStatus();

    expect(workbook.saved.map(({ key }) => key)).toEqual([SETTINGS_KEY]);
    const parsed = parseSavedModels(workbook.saved[0].value);
    expect(parsed.status).toBe("ok");
    expect(parsed.saved.active).toBe("abc");
    expect(parsed.saved.models.abc).toEqual(ABC_SETUP);
  });

  it("saves the name a model was actually built under, and keeps other builders' setups", async () => {
    const workbook = withSaved(new FakeWorkbook().addTable("Forecast", FORECAST_ZH), ABC_SETUP);
    workbook.sheets.add("Staffing plan");
    const { user } = await renderBuilders(workbook);
    await user.click(screen.getByTestId("builder-tab-staffing"));
    await pickTable(user, "forecast", "Forecast");
    await user.click(buildButton());
    await user.click(await screen.findByTestId("dialog-use-free-name"));
    await buildStatus();
    const { saved } = parseSavedModels(workbook.saved[0].value);
    expect(saved.active).toBe("staffing");
    expect(saved.models.staffing?.sheetName).toBe("Staffing plan (2)");
    expect(saved.models.staffing?.units.handleTime).toBe("min");
    expect(saved.models.staffing?.inputs.targetServiceLevel).toBe(0.8);
    expect(saved.models.abc).toEqual(ABC_SETUP);
  });
});

describe("restoring saved setups", () => {
  it("restores, when the workbook is reopened, what a build saved", async () => {
    const workbook = abcWorkbook();
    const first = await renderBuilders(workbook);
    await pickTable(first.user, "ledger", "CostLedger");
    await pickTable(first.user, "log", "ContactLog");
    await first.user.selectOptions(roleSelect("log", "costObject"), "Tier");
    await first.user.click(screen.getByTestId("builder-tab-staffing"));
    await first.user.click(screen.getByTestId("builder-tab-abc"));
    await first.user.click(buildButton());
    await buildStatus();
    first.unmount();

    await renderBuilders(workbook);
    await screen.findByTestId("source-summary-log");
    expect(screen.getByTestId("builder-tab-abc").getAttribute("aria-selected")).toBe("true");
    expect(sourceChoice("ledger")).toBe("CostLedger");
    expect(roleSelect("log", "costObject").value).toBe("Tier");
    expect((screen.getByTestId("sheet-name") as HTMLInputElement).value).toBe("Cost allocation");
    expect(isDisabled(screen.getByTestId("refresh"))).toBe(false);
  });

  it("restores the builder, its sources, mapping and sheet name, re-reading the sources", async () => {
    await renderBuilders(withSaved(abcWorkbook()));
    expect(screen.getByTestId("builder-tab-abc").getAttribute("aria-selected")).toBe("true");
    expect((await screen.findByTestId("source-summary-log")).textContent).toBe(
      "Data rows: 5 · columns: Activity, Channel, Tier, Minutes",
    );
    expect(sourceChoice("ledger")).toBe("CostLedger");
    expect(sourceChoice("log")).toBe("ContactLog");
    expect(roleSelect("log", "costObject").value).toBe("Tier");
    expect((screen.getByTestId("sheet-name") as HTMLInputElement).value).toBe("ABC Q3");
  });

  it("restores the builder that was built last", async () => {
    const staffing: ModelSetup = {
      builder: "staffing",
      slots: {
        forecast: {
          source: { kind: "table", name: "Forecast" },
          mapping: { interval: "时段", volume: "来电量", handleTime: "处理时长（分钟）" },
        },
      },
      units: { handleTime: "hour", volume: "perHour" },
      inputs: {
        intervalMinutes: 30,
        targetServiceLevel: 0.9,
        targetSeconds: 15,
        shrinkage: 0.25,
        maxOccupancy: 0.8,
        hourlyCost: 40,
      },
      sheetName: "排班",
    };
    await renderBuilders(withSaved(new FakeWorkbook().addTable("Forecast", FORECAST_ZH), staffing));
    expect(screen.getByTestId("builder-tab-staffing").getAttribute("aria-selected")).toBe("true");
    await screen.findByTestId("source-summary-forecast");
    // Saved units are the user's; the header's "(分钟)" does not override them.
    expect((screen.getByTestId("unit-handleTime") as HTMLSelectElement).value).toBe("hour");
    expect((screen.getByTestId("unit-volume") as HTMLSelectElement).value).toBe("perHour");
    expect((screen.getByTestId("input-intervalMinutes") as HTMLInputElement).value).toBe("30");
  });

  it("says clearly when a saved source no longer exists", async () => {
    const workbook = withSaved(new FakeWorkbook().addTable("CostLedger", COST_LEDGER));
    await renderBuilders(workbook);
    const error = await screen.findByTestId("source-error-log");
    expect(error.textContent).toContain(
      "“ContactLog” could not be read; it may have been deleted or renamed.",
    );
    expect(isDisabled(buildButton())).toBe(true);
  });

  it("keeps a saved column that is gone, and says it is missing", async () => {
    const workbook = abcWorkbook();
    const renamed = {
      ...workbook.tables.get("ContactLog")!,
      headers: ["Activity", "Channel", "Tier", "Handle minutes"],
    };
    workbook.tables.set("ContactLog", renamed);
    await renderBuilders(withSaved(workbook));
    await screen.findByTestId("source-summary-log");
    expect(roleSelect("log", "driverQuantity").value).toBe("Minutes");
    expect(screen.getByTestId("problem-missingColumn").textContent).toContain(
      "Contact log: column “Minutes” (Driver quantity) is not in the source any more.",
    );
  });

  it.each([
    ["newer", JSON.stringify({ version: SETTINGS_VERSION + 1, models: {} }), /newer version/],
    ["invalid", "{not json", /could not be read, so those saved mappings were ignored/],
  ])("ignores %s saved setups and says so", async (_status, raw, message) => {
    const workbook = abcWorkbook();
    workbook.settings.set(SETTINGS_KEY, raw);
    await renderBuilders(workbook);
    expect(screen.getByTestId("setups-notice").textContent).toMatch(message);
    expect(isDisabled(screen.getByTestId("refresh"))).toBe(true);
  });

  it("does not overwrite setups saved by a newer version", async () => {
    const workbook = abcWorkbook();
    const newer = JSON.stringify({ version: SETTINGS_VERSION + 1, models: {} });
    workbook.settings.set(SETTINGS_KEY, newer);
    const { user } = await renderBuilders(workbook);
    await pickTable(user, "ledger", "CostLedger");
    await pickTable(user, "log", "ContactLog");
    await user.click(buildButton());
    expect(await buildStatus()).toContain("The setup was not saved");
    expect(workbook.saved).toEqual([]);
  });
});

describe("Refresh", () => {
  it("is disabled until the model has been built", async () => {
    await renderBuilders(abcWorkbook());
    const refresh = screen.getByTestId("refresh");
    expect(isDisabled(refresh)).toBe(true);
    const why = screen.getByText("Refresh becomes available after this model has been built once.");
    expect(refresh.getAttribute("aria-describedby")).toBe(why.id);
  });

  it("rebuilds the saved model from the current data, replacing its sheet", async () => {
    const workbook = withSaved(abcWorkbook());
    const { user } = await renderBuilders(workbook);
    const refresh = screen.getByTestId("refresh");
    expect(
      screen.getByText(/Rebuilds “ABC Q3” from the saved setup with the current data, replacing that sheet/),
    ).toBeTruthy();
    expect(refresh.getAttribute("aria-describedby")).toBeTruthy();
    workbook.tables.get("ContactLog")!.rows.push(["Handle chat", "Web", "Gold", 7]);
    await user.click(refresh);
    expect(await buildStatus()).toBe("Built ABC Q3. Check: OK");
    expect(workbook.writes).toHaveLength(1);
    const [{ plan, replace }] = workbook.writes;
    expect(replace).toBe(true);
    expect(plan.sheetName).toBe("ABC Q3");
    expect(screen.getByTestId("source-summary-log").textContent).toMatch(/^Data rows: 6/);
  });

  it("stops without writing when the current data has errors", async () => {
    const workbook = withSaved(abcWorkbook());
    const { user } = await renderBuilders(workbook);
    await screen.findByTestId("source-summary-ledger");
    workbook.tables.get("CostLedger")!.rows.push(["Post", "lots"]);
    await user.click(screen.getByTestId("refresh"));
    expect(await buildStatus()).toBe(
      "Refresh stopped: the current data has errors (listed above). Nothing was changed.",
    );
    expect(screen.getByTestId("problem-textInNumber")).toBeTruthy();
    expect(workbook.writes).toEqual([]);
  });
});
