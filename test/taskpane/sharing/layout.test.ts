import type { FrozenSheet } from "../../../src/taskpane/sharing/frozen";
import {
  boldRanges,
  busyCell,
  frozenSheet,
  NOTE_ROWS,
  restoredSheet,
  type SheetContents,
  shiftRows,
  valuesCopy,
} from "../../../src/taskpane/sharing/layout";

/** A model whose used range starts at B2, with a formula at B3 spilling B3:C4. */
const CONTENTS: SheetContents = {
  address: "B2:D4",
  values: [
    ["Object", "Cost", "Time"],
    ["Phone", 12.5, "08:00"],
    ["#N/A", 3, true],
  ],
  formulas: [
    ["Object", "Cost", "Time"],
    ["=SVC.X(A1:A9)", 12.5, '=TEXT(D1,"hh:mm")'],
    ["#N/A", 3, true],
  ],
  numberFormats: [
    ["General", "General", "General"],
    ["General", "#,##0.00", "General"],
    ["General", "#,##0.00", "General"],
  ],
  bold: [
    [true, true, true],
    [false, false, false],
    [false, true, false],
  ],
  columnWidths: [60, 48, null],
  spills: ["B3:C4"],
};

const NOTE = {
  lines: ["Frozen.", "Restore from the pane."],
  sources: ["Ledger"],
  frozenAt: "2025-06-01",
  addinVersion: "1.2.3",
};

describe("valuesCopy", () => {
  it("puts the note from A1 and the model's cells NOTE_ROWS rows lower, in the same columns", () => {
    const copy = valuesCopy(CONTENTS, NOTE);
    expect(NOTE_ROWS).toBe(3);
    expect(copy.note).toEqual({ address: "A1:A2", values: [["Frozen."], ["Restore from the pane."]] });
    expect(copy.cells.address).toBe("B5:D7");
    expect(copy.cells.values).toEqual(CONTENTS.values);
    expect(copy.bold).toEqual(["B5:D5", "C7"]);
    expect(copy.columnWidths).toEqual({ first: 1, widths: [60, 48, null] });
  });

  it("formats text as text, so Excel does not read 08:00 as a time or #N/A as an error", () => {
    expect(valuesCopy(CONTENTS, NOTE).cells.numberFormats).toEqual([
      ["@", "@", "@"],
      ["@", "#,##0.00", "@"],
      ["@", "#,##0.00", "General"],
    ]);
  });

  it("refuses grids that do not fit the used range", () => {
    expect(() => valuesCopy({ ...CONTENTS, values: CONTENTS.values.slice(1) }, NOTE)).toThrow(/B2:D4/);
  });
});

describe("frozenSheet and restoredSheet", () => {
  const entry: FrozenSheet = frozenSheet("Model", CONTENTS, NOTE);

  it("records the formulas, their range, formats, spills and looks, with the note's facts", () => {
    expect(entry).toEqual({
      source: "Model",
      formulas: CONTENTS.formulas,
      address: "B2:D4",
      numberFormats: CONTENTS.numberFormats,
      spills: ["B3:C4"],
      bold: ["B2:D2", "C4"],
      columnWidths: [60, 48, null],
      sources: ["Ledger"],
      frozenAt: "2025-06-01",
      addinVersion: "1.2.3",
    });
  });

  it("writes formulas back where they were, leaving the cells a formula spills to alone", () => {
    const restored = restoredSheet(entry);
    expect(restored.cells).toEqual({
      address: "B2:D4",
      formulas: [
        ["Object", "Cost", "Time"],
        ["=SVC.X(A1:A9)", null, '=TEXT(D1,"hh:mm")'],
        [null, null, true],
      ],
      numberFormats: CONTENTS.numberFormats,
    });
    expect(restored.bold).toEqual(["B2:D2", "C4"]);
    expect(restored.columnWidths).toEqual({ first: 1, widths: [60, 48, null] });
  });

  it("refuses formulas that do not fit their range, and skips formats that do not", () => {
    expect(() => restoredSheet({ ...entry, address: "B2:D9" })).toThrow(/B2:D9/);
    expect(restoredSheet({ ...entry, numberFormats: [] }).cells.numberFormats).toBeUndefined();
  });
});

describe("helpers", () => {
  it("shifts addresses down", () => {
    expect(shiftRows("A1", 3)).toBe("A4");
    expect(shiftRows("C5:F9", 3)).toBe("C8:F12");
  });

  it("merges bold runs over rows", () => {
    expect(
      boldRanges(
        [
          [true, true],
          [true, true],
          [false, true],
        ],
        3,
        0,
      ),
    ).toEqual(["A4:B5", "B6"]);
    expect(boldRanges([], 0, 0)).toEqual([]);
  });

  it("finds a cell still calculating", () => {
    expect(busyCell(CONTENTS)).toBeUndefined();
    expect(
      busyCell({
        address: "B2:C3",
        values: [
          [1, 2],
          [3, "#BUSY!"],
        ],
      }),
    ).toBe("C3");
  });
});
