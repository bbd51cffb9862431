import {
  cellAddress,
  columnIndex,
  columnLetters,
  columnReference,
  parseRange,
  quoteSheet,
  structuredReference,
  worksheetRow,
} from "../../../src/taskpane/model-builders/references";
import type { SourceData } from "../../../src/taskpane/model-builders/types";

describe("A1 addresses", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s and back", (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });

  it("parses ranges with or without sheet and dollars", () => {
    expect(parseRange("B4")).toEqual({ top: 3, left: 1, bottom: 3, right: 1 });
    expect(parseRange("'Cost ledger'!$A$1:$C$9")).toEqual({ top: 0, left: 0, bottom: 8, right: 2 });
    expect(parseRange("D9:B2")).toEqual({ top: 1, left: 1, bottom: 8, right: 3 });
    expect(() => parseRange("R1C1")).toThrow("Not an A1 range");
    expect(cellAddress(3, 1, true)).toBe("$B$4");
  });

  it("quotes sheet names as formulas need", () => {
    expect(quoteSheet("Sheet1x")).toBe("Sheet1x");
    expect(quoteSheet("Cost ledger")).toBe("'Cost ledger'");
    expect(quoteSheet("AB12")).toBe("'AB12'"); // looks like a cell address
    expect(quoteSheet("O'Brien")).toBe("'O''Brien'");
    expect(quoteSheet("成本台账")).toBe("'成本台账'");
  });
});

describe("structured references", () => {
  it("uses single brackets for plain names and double brackets for special characters", () => {
    expect(structuredReference("CostLedger", "Cost")).toBe("CostLedger[Cost]");
    expect(structuredReference("ContactLog", "Handle time (min)")).toBe("ContactLog[[Handle time (min)]]");
    expect(structuredReference("T", "处理时长")).toBe("T[处理时长]");
  });

  it("escapes brackets, # and ' with a '", () => {
    expect(structuredReference("T", "Cost [USD]")).toBe("T[[Cost '[USD']]]");
    expect(structuredReference("T", "#Calls")).toBe("T[['#Calls]]");
    expect(structuredReference("T", "Agent's")).toBe("T[[Agent''s]]");
  });

  it("references a range source's column absolutely, from the row under its header", () => {
    const source: SourceData = {
      ref: { kind: "range", sheet: "Data 1", address: "C3:E10" },
      sheet: "Data 1",
      address: "C3:E10",
      headers: ["Interval", "Volume", "AHT"],
      rows: [],
    };
    expect(columnReference(source, "AHT")).toBe("'Data 1'!$E$4:$E$10");
    expect(worksheetRow(source, 0)).toBe(4);
    expect(() => columnReference(source, "Nope")).toThrow("Column Nope");
    expect(columnReference({ ...source, ref: { kind: "table", name: "Fc" } }, "AHT")).toBe("Fc[AHT]");
  });
});
