import {
  FROZEN_VERSION,
  frozenEntry,
  type FrozenSheet,
  type FrozenSheets,
  parseFrozen,
  serializeFrozen,
  withFrozenSheet,
} from "../../../src/taskpane/sharing/frozen";

const ENTRY: FrozenSheet = {
  source: "Cost allocation",
  formulas: [
    ["Title", ""],
    ["=SUM(CostLedger[Cost])", 12],
  ],
  address: "A1:B2",
  numberFormats: [
    ["General", "General"],
    ["#,##0.00", "General"],
  ],
  spills: [],
  bold: ["A1"],
  columnWidths: [60, null],
  sources: ["CostLedger"],
  frozenAt: "2025-06-01",
  addinVersion: "0.1.0",
};

const SAVED: FrozenSheets = { version: FROZEN_VERSION, sheets: { "Cost allocation (values)": ENTRY } };

describe("frozen copies in the settings", () => {
  it("reads back what it wrote", () => {
    expect(parseFrozen(serializeFrozen(SAVED))).toEqual({ status: "ok", frozen: SAVED });
    expect(parseFrozen(SAVED)).toEqual({ status: "ok", frozen: SAVED });
  });

  it("reads nothing as empty, and what it cannot read as invalid", () => {
    expect(parseFrozen(null)).toEqual({ status: "empty", frozen: { version: 1, sheets: {} } });
    expect(parseFrozen("{oops").status).toBe("invalid");
    expect(parseFrozen({ sheets: {} }).status).toBe("invalid");
  });

  it("drops an entry it cannot use and keeps the others", () => {
    const raw = { version: 1, sheets: { good: ENTRY, bad: { ...ENTRY, formulas: "=A1" } } };
    expect(parseFrozen(raw)).toEqual({ status: "invalid", frozen: { version: 1, sheets: { good: ENTRY } } });
  });

  it("fills optional fields an entry lacks", () => {
    const bare: Partial<FrozenSheet> = { ...ENTRY };
    for (const optional of ["spills", "bold", "columnWidths", "sources"] as const) delete bare[optional];
    expect(parseFrozen({ version: 1, sheets: { copy: bare } }).frozen.sheets.copy).toEqual({
      ...bare,
      spills: [],
      bold: [],
      columnWidths: [],
      sources: [],
    });
  });

  it("leaves a newer version's records unread", () => {
    expect(parseFrozen({ version: FROZEN_VERSION + 1, sheets: { x: ENTRY } })).toEqual({
      status: "newer",
      frozen: { version: 1, sheets: {} },
    });
  });

  it("finds an entry without regard to case", () => {
    expect(frozenEntry(SAVED, "COST ALLOCATION (VALUES)")).toBe(ENTRY);
    expect(frozenEntry(SAVED, "Other")).toBeUndefined();
  });

  it("adds a copy and forgets the copies no longer in the workbook", () => {
    const two = withFrozenSheet(SAVED, "Staffing plan (values)", ENTRY, ["Cost allocation (values)"]);
    expect(Object.keys(two.sheets)).toEqual(["Cost allocation (values)", "Staffing plan (values)"]);
    const pruned = withFrozenSheet(two, "New (values)", ENTRY, ["cost allocation (VALUES)"]);
    expect(Object.keys(pruned.sheets)).toEqual(["Cost allocation (values)", "New (values)"]);
  });
});
