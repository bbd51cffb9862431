/** Structured references and the other formula-text rewrites, against hand-written translations. */
import { parseA1 } from "../../../src/preview/host/addresses";
import {
  lowerExponents,
  renameSheetReferences,
  spillBareRange,
} from "../../../src/preview/host/formula-text";
import {
  type ReferenceContext,
  type TableLayout,
  translateStructuredReferences,
} from "../../../src/preview/host/structured-references";

// Contact log!A1:F401: header row 1, data rows 2-401.
const log: TableLayout = {
  name: "ContactLog",
  sheet: "Contact log",
  box: parseA1("A1:F401").box,
  headers: ["Date", "Channel", "Activity", "Queue [main]", "Handle time (min)", "Cost #"],
};
const ledger: TableLayout = {
  name: "Ledger",
  sheet: "Ledger",
  box: parseA1("C3:D9").box,
  headers: ["Activity", "Cost"],
};

function context(row = 0, enclosing?: TableLayout): ReferenceContext {
  return {
    row,
    table: (name) => [log, ledger].find((table) => table.name.toLowerCase() === name.toLowerCase()),
    enclosingTable: () => enclosing,
  };
}

const translate = (formula: string, row?: number, enclosing?: TableLayout) =>
  translateStructuredReferences(formula, context(row, enclosing));

describe("translateStructuredReferences", () => {
  it("turns Table[Column] into the column's data body, with a quoted sheet", () => {
    expect(translate("=SUM(ContactLog[Channel])")).toBe("=SUM('Contact log'!$B$2:$B$401)");
    expect(translate("=SUM(Ledger[Cost])")).toBe("=SUM('Ledger'!$D$4:$D$9)");
  });

  it("reads table names case-insensitively and [[Column]] with spaces and parentheses", () => {
    expect(translate("=AVERAGE(contactlog[[Handle time (min)]])*60")).toBe(
      "=AVERAGE('Contact log'!$E$2:$E$401)*60",
    );
  });

  it("unescapes ' before [ ] # ' inside brackets", () => {
    expect(translate("=COUNTA(ContactLog[[Queue '[main']]])")).toBe("=COUNTA('Contact log'!$D$2:$D$401)");
    expect(translate("=SUM(ContactLog[Cost '#])")).toBe("=SUM('Contact log'!$F$2:$F$401)");
  });

  it("knows the special items, column ranges, the whole data body and this row", () => {
    expect(translate("=ROWS(Ledger[])")).toBe("=ROWS('Ledger'!$C$4:$D$9)");
    expect(translate("=ROWS(Ledger[#All])")).toBe("=ROWS('Ledger'!$C$3:$D$9)");
    expect(translate("=Ledger[#Headers]")).toBe("='Ledger'!$C$3:$D$3");
    expect(translate("=Ledger[[#Headers],[Cost]]")).toBe("='Ledger'!$D$3");
    expect(translate("=SUM(ContactLog[[Channel]:[Activity]])")).toBe("=SUM('Contact log'!$B$2:$C$401)");
    expect(translate("=Ledger[@Cost]*2", 5)).toBe("='Ledger'!$D$6*2");
    expect(translate("=[@Cost]*2", 5, ledger)).toBe("='Ledger'!$D$6*2");
    expect(translate("=Ledger[[#This Row],[Activity]]", 8)).toBe("='Ledger'!$C$9");
  });

  it("gives #REF! for unknown tables, columns and the missing totals row, #VALUE! for this row outside the table", () => {
    expect(translate("=SUM(Nowhere[Cost])")).toBe("=SUM(#REF!)");
    expect(translate("=SUM(Ledger[Price])")).toBe("=SUM(#REF!)");
    expect(translate("=Ledger[#Totals]")).toBe("=#REF!");
    expect(translate("=Ledger[@Cost]", 20)).toBe("=#VALUE!");
  });

  it("leaves string literals and quoted sheet names alone", () => {
    expect(translate('=IF(Ledger[@Cost]>0,"Ledger[Cost]","")', 4)).toBe(
      `=IF('Ledger'!$D$5>0,"Ledger[Cost]","")`,
    );
    expect(translate("='Ledger[x]'!A1+1")).toBe("='Ledger[x]'!A1+1");
  });
});

describe("other rewrites", () => {
  it("renames sheet references outside strings, quoting the new name when needed", () => {
    const prefix = (name: string) => (/^\w+$/.test(name) ? name : `'${name}'`);
    expect(renameSheetReferences(`=Data!A1+'Data'!B2&"Data!C3"+data!D4`, "Data", "Cost ledger", prefix)).toBe(
      `='Cost ledger'!A1+'Cost ledger'!B2&"Data!C3"+'Cost ledger'!D4`,
    );
    expect(renameSheetReferences("=MyData!A1+Data2!A1", "Data", "X", prefix)).toBe("=MyData!A1+Data2!A1");
  });

  it("makes a formula that is only a range spill, and spells exponents as HyperFormula reads them", () => {
    expect(spillBareRange("='Contact log'!$B$2:$B$401")).toBe("=+'Contact log'!$B$2:$B$401");
    expect(spillBareRange("=SUM(A1:A3)")).toBe("=SUM(A1:A3)");
    expect(lowerExponents('=ABS(A1-B1)<=1E-9*MAX(1,2.5E+3)&"1E5"')).toBe(
      '=ABS(A1-B1)<=1e-9*MAX(1,2.5e+3)&"1E5"',
    );
    expect(lowerExponents("=E1E5+AE3")).toBe("=E1E5+AE3");
  });
});
