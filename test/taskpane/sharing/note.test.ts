import packageJson from "../../../package.json";
import type { ModelSetup } from "../../../src/taskpane/model-builders/types";
import { frozenNote, isoDate, setupSources } from "../../../src/taskpane/sharing/note";
import { ADDIN_VERSION } from "../../../src/taskpane/version";

describe("the note of a values copy", () => {
  it("names the sheet, the day, the add-in and its version, and the inputs", () => {
    const note = frozenNote("en-US", {
      sheet: "Cost allocation",
      sources: ["CostLedger", "Data!A1:C9"],
      date: new Date(2025, 0, 5, 23, 30),
      version: "1.2.3",
    });
    expect(note).toEqual({
      lines: [
        "Values frozen from Cost allocation on 2025-01-05 by Service cost modeller 1.2.3; inputs: CostLedger, Data!A1:C9.",
        "These are values, not live formulas. To bring the formulas back, open the Service cost modeller pane, choose this sheet under Share and click Restore live formulas.",
      ],
      sources: ["CostLedger", "Data!A1:C9"],
      frozenAt: "2025-01-05",
      addinVersion: "1.2.3",
    });
  });

  it("says when the inputs are not known, in Chinese too", () => {
    const note = frozenNote("zh-CN", {
      sheet: "排班计划",
      sources: [],
      date: new Date(2025, 11, 31),
      version: "1.0.0",
    });
    expect(note.lines[0]).toBe(
      "数值冻结自 排班计划，日期 2025-12-31，由 客服成本建模 1.0.0 生成；输入：未记录。",
    );
  });

  it("takes the local day, not the UTC one", () => {
    expect(isoDate(new Date(2024, 1, 29, 0, 5))).toBe("2024-02-29");
  });

  it("lists a setup's sources in the order of its builder's slots", () => {
    const setup: ModelSetup = {
      builder: "abc",
      slots: {
        log: { source: { kind: "range", sheet: "Data", address: "D1:F6" }, mapping: {} },
        ledger: { source: { kind: "table", name: "CostLedger" }, mapping: {} },
      },
      units: { handleTime: "sec", volume: "perInterval" },
      inputs: {},
      sheetName: "Cost allocation",
    };
    expect(setupSources(setup)).toEqual(["CostLedger", "Data!D1:F6"]);
  });

  it("uses the add-in's version from package.json", () => {
    expect(ADDIN_VERSION).toBe(packageJson.version);
    expect(ADDIN_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });
});
