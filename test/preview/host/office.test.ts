/**
 * @jest-environment jsdom
 *
 * The fake Office and Excel API over a preview workbook, used through the Office.js types the task
 * pane is written against. Expectations follow Excel's documented behaviour: load/sync,
 * PropertyNotLoaded, queued writes applied in order, error codes, current region.
 */
import { installCustomFunctionsRuntime, installOfficeHost } from "../../../src/preview/host/office";
import { PreviewWorkbook, type WorkbookSnapshot } from "../../../src/preview/host/workbook";

let workbook: PreviewWorkbook;
let changes: WorkbookSnapshot[];

function open(
  snapshot: WorkbookSnapshot,
  options: { theme?: "light" | "dark"; displayLanguage?: string } = {},
) {
  const functions = installCustomFunctionsRuntime(globalThis);
  functions.set("DOUBLE", (x: unknown) => (x as number[][]).map((row) => row.map((v) => v * 2)));
  workbook = new PreviewWorkbook(snapshot, functions);
  changes = [];
  installOfficeHost(globalThis, () => workbook, { ...options, onChange: (saved) => changes.push(saved) });
}

const blank = (): WorkbookSnapshot => ({
  sheets: [{ name: "Sheet1", cells: [] }],
  tables: [],
  charts: [],
  settings: {},
});

beforeEach(() => open(blank()));

describe("Office", () => {
  it("is ready only once the document has loaded, and reports language and theme", async () => {
    Object.defineProperty(document, "readyState", { value: "loading", configurable: true });
    try {
      open(blank(), { displayLanguage: "zh-CN", theme: "dark" });
      const initialize = jest.fn();
      Office.initialize = initialize;
      let ready = false;
      const whenReady = Office.onReady().then((info) => {
        ready = true;
        return info;
      });
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(ready).toBe(false);
      document.dispatchEvent(new Event("DOMContentLoaded"));
      expect(await whenReady).toEqual(expect.objectContaining({ host: "Excel" }));
      expect(initialize).toHaveBeenCalled();
    } finally {
      delete (document as unknown as Record<string, unknown>).readyState;
    }
    expect(Office.context.displayLanguage).toBe("zh-CN");
    expect(Office.context.officeTheme.bodyBackgroundColor).toBe("#262626");
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(true);
  });

  it("keeps settings in memory until saveAsync stores them in the workbook and its snapshot", async () => {
    const settings = Office.context.document.settings;
    settings.set("models", { version: 1, names: ["a"] });
    expect(settings.get("models")).toEqual({ version: 1, names: ["a"] });
    expect(workbook.snapshot().settings).toEqual({});
    const status = await new Promise((resolve) => settings.saveAsync((result) => resolve(result.status)));
    expect(status).toBe(Office.AsyncResultStatus.Succeeded);
    const saved = changes.at(-1)!;
    expect(saved.settings).toEqual({ models: { version: 1, names: ["a"] } });

    open(JSON.parse(JSON.stringify(saved))); // reopening the workbook
    expect(Office.context.document.settings.get("models")).toEqual({ version: 1, names: ["a"] });
    Office.context.document.settings.remove("models");
    expect(Office.context.document.settings.get("models")).toBeNull();
  });
});

describe("Excel.run and context.sync", () => {
  it("throws PropertyNotLoaded until a loaded property is synced", async () => {
    workbook.transaction(() => workbook.write(workbook.findSheet("Sheet1")!, 0, 0, [[4, "=A1*10"]]));
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values, address");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([[4, 40]]);
      expect(range.address).toBe("Sheet1!A1:B1");
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("applies queued writes in order at sync, loads seeing the writes queued before them", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [[1]];
      const first = sheet.getRange("A1").load("values");
      sheet.getRange("A1").formulas = [["=B1*2"]];
      sheet.getRange("B1").values = [[5]];
      const second = sheet.getRange("A1:B1").load("values, formulas");
      expect(workbook.values("Sheet1")).toEqual([]); // nothing reaches the workbook before sync
      await context.sync();
      expect(first.values).toEqual([[1]]);
      expect(second.values).toEqual([[10, 5]]);
      expect(second.formulas).toEqual([["=B1*2", 5]]);
    });
    expect(changes).toHaveLength(1);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await context.sync();
    });
    expect(changes).toHaveLength(1); // a read-only sync changes nothing
  });

  it("drops operations a failing batch never synced, and stops a sync at the failing operation", async () => {
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["lost"]];
        throw new Error("the pane gave up");
      }),
    ).rejects.toThrow("the pane gave up");
    expect(workbook.values("Sheet1")).toEqual([]);

    await expect(
      Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.getItem("Sheet1").getRange("A1").values = [["applied"]];
        sheets.getItem("Missing").getRange("A1").values = [["never"]];
        sheets.getItem("Sheet1").getRange("B1").values = [["dropped"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(workbook.values("Sheet1")).toEqual([["applied"]]);
  });

  it("refuses input arrays that do not match the range, and NaN", async () => {
    const attempt = (write: (range: Excel.Range) => void) =>
      Excel.run(async (context) => {
        write(context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2"));
        await context.sync();
      });
    await expect(attempt((r) => (r.values = [[1, 2]]))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(attempt((r) => (r.numberFormat = [["0.0"]]))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(
      attempt(
        (r) =>
          (r.values = [
            [1, Number.NaN],
            [3, 4],
          ]),
      ),
    ).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await attempt(
      (r) =>
        (r.numberFormat = [
          ["0.0", null],
          [null, "0%"],
        ]),
    );
    expect(workbook.numberFormat("Sheet1", 0, 0)).toBe("0.0");
    expect(workbook.numberFormat("Sheet1", 1, 1)).toBe("0%");
    expect(workbook.numberFormat("Sheet1", 0, 1)).toBe("General");
  });
});

describe("worksheets", () => {
  it("adds sheets, refusing an existing name (in any case) and names Excel forbids", async () => {
    await Excel.run(async (context) => {
      const added = context.workbook.worksheets.add("Cost ledger").load("name, position");
      await context.sync();
      expect([added.name, added.position]).toEqual(["Cost ledger", 1]);
    });
    const add = (name: string) =>
      Excel.run(async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      });
    await expect(add("cost LEDGER")).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    for (const bad of ["a/b", "x".repeat(32), "'quoted'", "[x]", ""]) {
      await expect(add(bad)).rejects.toMatchObject({ code: "InvalidArgument" });
    }
    expect(workbook.sheetNames()).toEqual(["Sheet1", "Cost ledger"]);
  });

  it("renames a sheet through its name property, and formulas follow", async () => {
    workbook.transaction(() => {
      const id = workbook.addSheet("Report");
      workbook.write(workbook.findSheet("Sheet1")!, 0, 0, [[21]]);
      workbook.write(id, 0, 0, [["=Sheet1!A1*2"]]);
    });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.name = "Inputs 2024";
      sheet.getRange("A2").values = [["still the same sheet"]];
      const items = context.workbook.worksheets.load("items/name");
      await context.sync();
      expect(items.items.map((item) => item.name)).toEqual(["Inputs 2024", "Report"]);
    });
    expect(workbook.formulas("Report")).toEqual([["='Inputs 2024'!A1*2"]]);
    expect(workbook.values("Report")).toEqual([[42]]);
    expect(workbook.values("Inputs 2024")[1][0]).toBe("still the same sheet");
  });

  it("tells a missing sheet by isNullObject, and deletes sheets", async () => {
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const missing = sheets.getItemOrNullObject("Nope");
      const present = sheets.getItemOrNullObject("sheet1");
      sheets.add("Scratch");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      sheets.getItem("Scratch").delete();
      await context.sync();
    });
    expect(workbook.sheetNames()).toEqual(["Sheet1"]);
  });

  it("finds Excel's current region around a cell, diagonal neighbours included", async () => {
    // B2:C3 and D4 touch only at a corner; F8 stands alone; A10 is beyond a blank row.
    workbook.transaction(() => {
      const sheet = workbook.findSheet("Sheet1")!;
      workbook.write(sheet, 1, 1, [
        ["h1", "h2"],
        [1, null],
      ]);
      workbook.write(sheet, 3, 3, [[5]]);
      workbook.write(sheet, 7, 5, [[9]]);
      workbook.write(sheet, 9, 0, [[0]]);
    });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const region = sheet.getRange("C3").getSurroundingRegion().load("address");
      const alone = sheet.getRange("F8:G9").getSurroundingRegion().load("address");
      const empty = sheet.getRange("H1").getSurroundingRegion().load("address");
      await context.sync();
      expect(region.address).toBe("Sheet1!B2:D4");
      expect(alone.address).toBe("Sheet1!F8");
      expect(empty.address).toBe("Sheet1!H1");
    });
    workbook.select("Sheet1", "B3");
    await Excel.run(async (context) => {
      const selected = context.workbook.getSelectedRange().getSurroundingRegion().load("address, rowCount");
      await context.sync();
      expect([selected.address, selected.rowCount]).toEqual(["Sheet1!B2:D4", 3]);
    });
  });
});

describe("tables and charts", () => {
  it("adds a table whose parts, names and structured references work as in Excel", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B4").values = [
        ["Channel", "Cost (USD)"],
        ["Phone", 10],
        ["Chat", 5],
        ["Email", 2.5],
      ];
      const table = sheet.tables.add("A1:B4", true);
      table.name = "Costs";
      sheet.getRange("D1").formulas = [["=SUM(Costs[[Cost (USD)]])"]];
      const body = table.getDataBodyRange().load("address");
      const header = context.workbook.tables.getItem("costs").getHeaderRowRange().load("values");
      const tables = context.workbook.tables.load("items/name");
      const missing = context.workbook.tables.getItemOrNullObject("Nope");
      const owner = table.worksheet.load("name");
      await context.sync();
      expect(body.address).toBe("Sheet1!A2:B4");
      expect(header.values).toEqual([["Channel", "Cost (USD)"]]);
      expect(tables.items.map((item) => item.name)).toEqual(["Costs"]);
      expect(missing.isNullObject).toBe(true);
      expect(owner.name).toBe("Sheet1");
      const clash = sheet.tables.add("B2:C3", true);
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      void clash;
    });
    expect(workbook.values("Sheet1")[0][3]).toBe(17.5);
    expect(workbook.tables()).toEqual([{ name: "Costs", sheet: "Sheet1", address: "A1:B4" }]);
  });

  it("records charts with their type, title, source and position", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A4:B6").values = [
        ["Object", "Cost"],
        ["Phone", 3],
        ["Chat", 4],
      ];
      const chart = sheet.charts.add(Excel.ChartType.columnClustered, sheet.getRange("A4:B6"), "Columns");
      chart.title.text = "Cost by object";
      chart.setPosition("E2", "L18");
      const names = sheet.charts.load("items/name");
      await context.sync();
      expect(names.items.map((item) => item.name)).toEqual(["Chart 1"]);
    });
    expect(workbook.charts("Sheet1")).toEqual([
      {
        sheet: "Sheet1",
        name: "Chart 1",
        type: "ColumnClustered",
        title: "Cost by object",
        source: "A4:B6",
        seriesBy: "Columns",
        position: "E2:L18",
      },
    ]);
  });

  it("spills a custom function written through the API, and reports used ranges", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A3").values = [[1], [2], [3]];
      sheet.getRange("C1").formulas = [["=SVC.DOUBLE(A1:A3)"]];
      const spill = sheet.getRange("C1:C3").load("values, formulas, valueTypes");
      const used = sheet.getUsedRangeOrNullObject(true).load("address");
      const empty = context.workbook.worksheets.add("Empty").getUsedRangeOrNullObject();
      await context.sync();
      expect(spill.values).toEqual([[2], [4], [6]]);
      expect(spill.formulas).toEqual([["=SVC.DOUBLE(A1:A3)"], [4], [6]]);
      expect(spill.valueTypes).toEqual([["Double"], ["Double"], ["Double"]]);
      expect(used.address).toBe("Sheet1!A1:C3");
      expect(empty.isNullObject).toBe(true);
    });
  });

  it("finds the range an anchor spills to, and a null object for other cells", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B3").values = [
        [1, 4],
        [2, 5],
        [3, 6],
      ];
      sheet.getRange("D1").formulas = [["=SVC.DOUBLE(A1:B3)"]];
      sheet.getRange("G1").formulas = [["=SUM(A1:B3)"]];
      const anchor = sheet.getRange("D1").getSpillingToRangeOrNullObject().load("address");
      const spilled = sheet.getRange("E2").getSpillingToRangeOrNullObject();
      const scalar = sheet.getRange("G1").getSpillingToRangeOrNullObject();
      const constant = sheet.getRange("A1").getSpillingToRangeOrNullObject();
      await context.sync();
      expect(anchor.address).toBe("Sheet1!D1:E3");
      expect([spilled.isNullObject, scalar.isNullObject, constant.isNullObject]).toEqual([true, true, true]);
    });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("D1:E1").getSpillingToRangeOrNullObject();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("gives cell properties the preview keeps, and refuses the others", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").values = [["Object", "Cost"]];
      sheet.getRange("A1").format.font.bold = true;
      sheet.getRange("B1").format.fill.color = "#FFFF00";
      const properties = sheet
        .getRange("A1:B1")
        .getCellProperties({ address: true, format: { font: { bold: true }, fill: { color: true } } });
      await context.sync();
      expect(properties.value).toEqual([
        [
          { address: "Sheet1!A1", format: { font: { bold: true }, fill: { color: "#FFFFFF" } } },
          { address: "Sheet1!B1", format: { font: { bold: false }, fill: { color: "#FFFF00" } } },
        ],
      ]);
    });
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => range.getCellProperties({ format: { borders: { color: true } } })).toThrow(/borders/);
      expect(() => range.getCellProperties({ style: true })).toThrow(/style/);
    });
  });
});
