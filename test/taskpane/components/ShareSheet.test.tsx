/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import packageJson from "../../../package.json";
import { FROZEN_KEY, FROZEN_VERSION, parseFrozen } from "../../../src/taskpane/sharing/frozen";
import { isoDate } from "../../../src/taskpane/sharing/note";
import { FakeWorkbook } from "../fakeWorkbook";
import {
  choose,
  COST_ALLOCATION,
  listed,
  optionsIn,
  renderShare,
  shareSelect,
  shareStatus,
  sharedWorkbook,
  type User,
} from "../share";

const today = () => isoDate(new Date());
const button = (id: "freeze" | "restore") => screen.getByTestId(id);
const isDisabled = (element: HTMLElement) => element.getAttribute("aria-disabled") === "true";
const frozenSettings = (workbook: FakeWorkbook) => parseFrozen(workbook.settings.get(FROZEN_KEY) ?? null);
const hasFormula = (grid: unknown[][]) =>
  grid.some((row) => row.some((cell) => typeof cell === "string" && cell.startsWith("=")));

async function freeze(user: User, sheet = "Cost allocation") {
  await choose(user, sheet);
  await user.click(button("freeze"));
  return shareStatus();
}

describe("Share: the list", () => {
  it("lists the built model sheets and the frozen copies still in the workbook", async () => {
    const workbook = sharedWorkbook();
    const { user } = await renderShare(workbook);
    expect(optionsIn("Model sheets")).toEqual(["Cost allocation"]);
    expect(optionsIn("Frozen copies")).toEqual([]);
    expect(shareSelect().value).toBe("");
    expect(screen.getByTestId("share-hint").textContent).toBe(
      "Choose a model sheet to freeze, or a frozen copy to restore.",
    );
    expect(isDisabled(button("freeze"))).toBe(true);
    expect(isDisabled(button("restore"))).toBe(true);

    await freeze(user);
    expect(optionsIn("Frozen copies")).toEqual([
      `Cost allocation (values) (from Cost allocation, ${today()})`,
    ]);
    // A sheet known only as a frozen copy's source is a model sheet too; a deleted copy is not listed.
    workbook.settings.delete("svc.modelBuilders");
    await freeze(user);
    workbook.sheets.delete("Cost allocation (values)");
    await user.click(screen.getByTestId("share-refresh"));
    await listed();
    expect(optionsIn("Model sheets")).toEqual(["Cost allocation"]);
    expect(optionsIn("Frozen copies")).toEqual([
      `Cost allocation (values) (2) (from Cost allocation, ${today()})`,
    ]);
  });

  it("says when there is nothing to share yet", async () => {
    await renderShare(new FakeWorkbook());
    expect(shareSelect().selectedOptions[0].textContent).toBe("No model sheets yet: build one above");
  });

  it("says when the sheets cannot be listed", async () => {
    const workbook = sharedWorkbook();
    workbook.loadSetting = async () => {
      throw new Error("Settings are unavailable");
    };
    await renderShare(workbook);
    expect(screen.getByTestId("share-list-error").textContent).toBe(
      "The sheets could not be listed: Settings are unavailable",
    );
  });
});

describe("Share: Freeze for sharing", () => {
  it("writes the values, with the note, into a new sheet and records the formulas in the settings", async () => {
    const workbook = sharedWorkbook();
    const { user } = await renderShare(workbook);
    await choose(user, "Cost allocation");
    expect(screen.getByTestId("share-hint").textContent).toBe(
      "Freezing writes the values of “Cost allocation” to a new sheet; “Cost allocation” itself is not changed.",
    );
    expect(button("freeze").getAttribute("aria-describedby")).toBe(screen.getByTestId("share-hint").id);
    await user.click(button("freeze"));
    expect(await shareStatus()).toBe(
      "Wrote the values of Cost allocation to “Cost allocation (values)”. Share that sheet: it shows numbers without the add-in.",
    );

    const copy = workbook.contents.get("Cost allocation (values)")!;
    expect(copy.values[0][0]).toBe(
      `Values frozen from Cost allocation on ${today()} by Service cost modeller ${packageJson.version}; inputs: CostLedger, ContactLog.`,
    );
    expect(copy.values[1][0]).toMatch(/^These are values, not live formulas\..*Restore live formulas\.$/);
    expect(copy.values[2].every((cell) => cell === "")).toBe(true);
    // The model's cells, three rows lower, as values; no formula anywhere.
    expect(copy.values.slice(3)).toEqual(COST_ALLOCATION.values);
    expect(hasFormula(copy.formulas)).toBe(false);
    // Text is formatted as text, so Excel keeps it as written; numbers keep the model's formats.
    expect(copy.numberFormats![7]).toEqual(["@", "#,##0.00", "0.0%", "General", "@", "#,##0.00"]);
    expect(copy.bold![6].slice(0, 3)).toEqual([true, true, true]); // the model's header row, row 4 -> 7
    expect(workbook.contents.get("Cost allocation")).toEqual(COST_ALLOCATION); // the model is untouched

    const { status, frozen } = frozenSettings(workbook);
    expect(status).toBe("ok");
    expect(JSON.parse(workbook.settings.get(FROZEN_KEY) as string).version).toBe(FROZEN_VERSION);
    expect(frozen.sheets["Cost allocation (values)"]).toEqual({
      source: "Cost allocation",
      formulas: COST_ALLOCATION.formulas,
      address: "A1:F8",
      numberFormats: expect.arrayContaining([
        ["General", "#,##0.00", "0.0%", "General", "General", "#,##0.00"],
      ]),
      spills: ["A5:B8"],
      bold: ["A1", "A4:C4", "E6:F6"],
      columnWidths: [48, 48, 48, 48, 48, 48],
      sources: ["CostLedger", "ContactLog"],
      frozenAt: today(),
      addinVersion: packageJson.version,
    });
    // The new copy is chosen, ready to be restored.
    expect(shareSelect().selectedOptions[0].textContent).toMatch(/^Cost allocation \(values\)/);
    expect(isDisabled(button("restore"))).toBe(false);
  });

  it("never overwrites: a second freeze takes the next free name", async () => {
    const workbook = sharedWorkbook();
    workbook.addSheet("Cost allocation (values)", { formulas: [["mine"]], values: [["mine"]] });
    const { user } = await renderShare(workbook);
    expect(await freeze(user)).toMatch(/to “Cost allocation \(values\) \(2\)”/);
    expect(await freeze(user)).toMatch(/to “Cost allocation \(values\) \(3\)”/);
    expect(workbook.contents.get("Cost allocation (values)")!.values).toEqual([["mine"]]);
    expect(Object.keys(frozenSettings(workbook).frozen.sheets)).toEqual([
      "Cost allocation (values) (2)",
      "Cost allocation (values) (3)",
    ]);
  });

  it("says why a freeze failed and that nothing changed", async () => {
    const workbook = sharedWorkbook();
    const { user } = await renderShare(workbook);
    workbook.sheets.delete("Cost allocation"); // deleted in Excel while the pane was open
    expect(await freeze(user)).toBe(
      "Cost allocation could not be frozen: the sheet no longer exists. Nothing was changed.",
    );
    expect(optionsIn("Model sheets")).toEqual([]); // the list was read again

    workbook.addSheet("Cost allocation", { ...COST_ALLOCATION, values: [["#BUSY!"]] });
    await user.click(screen.getByTestId("share-refresh"));
    await listed();
    expect(await freeze(user)).toBe(
      "Cost allocation could not be frozen: some of its formulas are still calculating; try again once they show results. Nothing was changed.",
    );

    workbook.freeze = async () => {
      throw new Error("The workbook is protected.");
    };
    expect(await freeze(user)).toBe(
      "Cost allocation could not be frozen: The workbook is protected. Nothing was changed.",
    );
    expect(workbook.sheets.has("Cost allocation (values)")).toBe(false);
  });

  it("leaves a newer add-in's records alone", async () => {
    const workbook = sharedWorkbook();
    workbook.settings.set(FROZEN_KEY, JSON.stringify({ version: FROZEN_VERSION + 1, sheets: {} }));
    const { user } = await renderShare(workbook);
    expect(await freeze(user)).toBe(
      "Cost allocation could not be frozen: the frozen copies of this workbook were recorded by a newer version of the add-in. Nothing was changed.",
    );
    expect(workbook.saved).toEqual([]);
  });
});

describe("Share: Restore live formulas", () => {
  it("writes the recorded formulas into a sheet of the model's name, even after the model was deleted", async () => {
    const workbook = sharedWorkbook();
    const { user } = await renderShare(workbook);
    await freeze(user);
    workbook.sheets.delete("Cost allocation");
    workbook.contents.delete("Cost allocation");
    expect(screen.getByTestId("share-hint").textContent).toBe(
      "Restoring writes the live formulas of “Cost allocation” to a new sheet, named “Cost allocation” if that name is free; no sheet is overwritten.",
    );
    await user.click(button("restore"));
    expect(await shareStatus()).toBe(
      "Restored the live formulas of Cost allocation to “Cost allocation”. Charts are not restored.",
    );
    expect(workbook.restores).toEqual(["Cost allocation (values)"]);
    const restored = workbook.contents.get("Cost allocation")!;
    expect(restored.formulas).toEqual(COST_ALLOCATION.formulas);
    expect(restored.spills).toEqual(["A5:B8"]);
    expect(optionsIn("Model sheets")).toEqual(["Cost allocation"]);
  });

  it("never overwrites: with the model still there, it restores under a free name", async () => {
    const workbook = sharedWorkbook();
    const { user } = await renderShare(workbook);
    await freeze(user);
    await user.click(button("restore"));
    expect(await shareStatus()).toMatch(/to “Cost allocation \(2\)”/);
    expect(workbook.contents.get("Cost allocation")).toEqual(COST_ALLOCATION);
    expect(workbook.contents.get("Cost allocation (2)")!.formulas).toEqual(COST_ALLOCATION.formulas);
  });

  it("says why a restore failed and that nothing changed", async () => {
    const workbook = sharedWorkbook();
    const { user } = await renderShare(workbook);
    await freeze(user);
    workbook.restore = async () => {
      throw new Error("The formula contains an error.");
    };
    await user.click(button("restore"));
    expect(await shareStatus()).toBe(
      "The formulas of Cost allocation (values) could not be restored: The formula contains an error. Nothing was changed.",
    );
    // Records that went missing meanwhile.
    workbook.restore = undefined;
    workbook.settings.delete(FROZEN_KEY);
    await user.click(button("restore"));
    expect(await shareStatus()).toBe(
      "The formulas of Cost allocation (values) could not be restored: this workbook holds no formulas for it. Nothing was changed.",
    );
  });
});

describe("Share in Chinese", () => {
  it("writes the note and speaks in Chinese", async () => {
    const workbook = sharedWorkbook();
    const { user } = await renderShare(workbook, "zh-CN");
    expect(screen.getByRole("region", { name: "共享" })).toBeTruthy();
    expect(optionsIn("模型工作表")).toEqual(["Cost allocation"]);
    await choose(user, "Cost allocation");
    await user.click(screen.getByRole("button", { name: "冻结以便共享" }));
    expect(await shareStatus()).toBe(
      "已将 Cost allocation 的数值写入“Cost allocation (values)”。请共享该工作表：没有加载项也能显示数字。",
    );
    const [note, hint] = workbook.contents.get("Cost allocation (values)")!.values;
    expect(note[0]).toBe(
      `数值冻结自 Cost allocation，日期 ${today()}，由 客服成本建模 ${packageJson.version} 生成；输入：CostLedger、ContactLog。`,
    );
    expect(hint[0]).toMatch(/还原实时公式/);
  });
});
