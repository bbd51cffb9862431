/** Renders the Share section on a fake workbook holding a built cost-allocation sheet, and drives it. */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Locale } from "../../src/i18n/locale";
import { ShareSheet } from "../../src/taskpane/components/ShareSheet";
import {
  serializeSavedModels,
  SETTINGS_KEY,
  SETTINGS_VERSION,
} from "../../src/taskpane/model-builders/settings";
import type { ModelSetup } from "../../src/taskpane/model-builders/types";
import { abcWorkbook, type FakeSheet, type FakeWorkbook } from "./fakeWorkbook";
import { renderInPaneFast } from "./render";
import "./setup-dom";

export type User = ReturnType<typeof userEvent.setup>;

export const ABC_SETUP: ModelSetup = {
  builder: "abc",
  slots: {
    ledger: {
      source: { kind: "table", name: "CostLedger" },
      mapping: { activity: "Activity", cost: "Cost" },
    },
    log: {
      source: { kind: "table", name: "ContactLog" },
      mapping: { activity: "Activity", costObject: "Channel", driverQuantity: "Minutes" },
    },
  },
  units: { handleTime: "sec", volume: "perInterval" },
  inputs: {},
  sheetName: "Cost allocation",
};

const ALLOCATION =
  "=SVC.ABC_BY_OBJECT(CostLedger[Activity],CostLedger[Cost],ContactLog[Activity],ContactLog[Channel],ContactLog[Minutes])";

/**
 * A cost-allocation sheet as Range.formulas and Range.values read it: ABC_BY_OBJECT at A5 spills
 * A5:B8 (spilled cells read as constants in formulas), shares and totals are formulas.
 */
export const COST_ALLOCATION: FakeSheet = {
  formulas: [
    ["Cost allocation", "", "", "", "", ""],
    ["Live model: SVC formulas over CostLedger, ContactLog.", "", "", "", "", ""],
    ["", "", "", "", "", ""],
    ["Cost object", "Cost", "Share", "", "Ledger total", "=SUM(CostLedger[Cost])"],
    [ALLOCATION, 1000, "=IF($F$4=0,0,B5/$F$4)", "", "Allocated", "=SUM(B5:B7)"],
    ["Email", 500, "=IF($F$4=0,0,B6/$F$4)", "", "Check", '=IF(ABS(F5-F4)<=0.000000001,"OK","CHECK")'],
    ["Chat", 300, "=IF($F$4=0,0,B7/$F$4)", "", "", ""],
    ["Unallocated", 0, "=IF($F$4=0,0,B8/$F$4)", "", "", ""],
  ],
  values: [
    ["Cost allocation", "", "", "", "", ""],
    ["Live model: SVC formulas over CostLedger, ContactLog.", "", "", "", "", ""],
    ["", "", "", "", "", ""],
    ["Cost object", "Cost", "Share", "", "Ledger total", 1800],
    ["Phone", 1000, 1000 / 1800, "", "Allocated", 1800],
    ["Email", 500, 500 / 1800, "", "Check", "OK"],
    ["Chat", 300, 300 / 1800, "", "", ""],
    ["Unallocated", 0, 0, "", "", ""],
  ],
  numberFormats: [
    [],
    [],
    [],
    ["General", "General", "General", "General", "General", "#,##0.00"],
    ["General", "#,##0.00", "0.0%", "General", "General", "#,##0.00"],
    ["General", "#,##0.00", "0.0%"],
    ["General", "#,##0.00", "0.0%"],
    ["General", "#,##0.00", "0.0%"],
  ],
  bold: [[true], [], [], [true, true, true], [], [false, false, false, false, true, true]],
  spills: ["A5:B8"],
};

/** A workbook with the ABC tables, the saved setup of "Cost allocation", and that sheet. */
export function sharedWorkbook(): FakeWorkbook {
  const workbook = abcWorkbook().addSheet(
    "Cost allocation",
    JSON.parse(JSON.stringify(COST_ALLOCATION)) as FakeSheet,
  );
  workbook.settings.set(
    SETTINGS_KEY,
    serializeSavedModels({ version: SETTINGS_VERSION, active: "abc", models: { abc: ABC_SETUP } }),
  );
  return workbook;
}

/**
 * Renders the Share section in the pane's main landmark and waits until it has listed the sheets.
 * Unstyled unless `styled`: see renderInPaneFast.
 */
export async function renderShare(workbook: FakeWorkbook, locale: Locale = "en-US", styled = false) {
  const user = userEvent.setup();
  const pane = (
    <main>
      <ShareSheet locale={locale} workbook={workbook} />
    </main>
  );
  const view = renderInPaneFast(pane, styled);
  await listed();
  return { user, ...view };
}

export const shareSelect = () => screen.getByTestId("share-sheet") as HTMLSelectElement;

/** Waits until the list has been read (again). */
export async function listed() {
  await waitFor(() =>
    expect(screen.getByTestId("share-refresh").getAttribute("aria-disabled")).not.toBe("true"),
  );
}

/** The options of a group of the select ("Model sheets", "Frozen copies"), by text. */
export function optionsIn(group: string): string[] {
  const optgroup = shareSelect().querySelector(`optgroup[label="${group}"]`);
  return optgroup ? [...optgroup.querySelectorAll("option")].map((option) => option.textContent ?? "") : [];
}

export async function choose(user: User, text: string | RegExp) {
  await user.selectOptions(shareSelect(), within(shareSelect()).getByRole("option", { name: text }));
}

/** Waits until the status has left the working phases, and gives its text. */
export async function shareStatus(): Promise<string> {
  const region = screen.getByTestId("share-status-region");
  await waitFor(() => expect(["frozen", "restored", "failed"]).toContain(region.dataset.phase));
  await listed();
  return screen.getByTestId("share-status").textContent ?? "";
}
