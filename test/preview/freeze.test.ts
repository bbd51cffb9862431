/**
 * @jest-environment jsdom
 *
 * Freeze for sharing and Restore live formulas through the Office adapter, in Node against the
 * preview host: a model is built from the sample tables and calculated by a real spreadsheet
 * engine, frozen into a values copy, deleted, and restored from what the settings recorded.
 */
import packageJson from "../../package.json";
import { PreviewWorkbook, type PreviewCell } from "../../src/preview/host/workbook";
import type { FrozenNote } from "../../src/taskpane/excel/access";
import { ShareError } from "../../src/taskpane/excel/access";
import { officeWorkbook } from "../../src/taskpane/excel/workbook";
import type { BuilderId, ModelSetup } from "../../src/taskpane/model-builders/types";
import { FROZEN_KEY, parseFrozen } from "../../src/taskpane/sharing/frozen";
import { NOTE_ROWS } from "../../src/taskpane/sharing/layout";
import { frozenNote, setupSources } from "../../src/taskpane/sharing/note";
import { ADDIN_VERSION } from "../../src/taskpane/version";
import { openSampleWorkbook, prepareSampleModel, SAMPLE_SOURCES } from "../support/sample-models";

const SHEETS: Record<BuilderId, string> = {
  abc: "Cost allocation",
  staffing: "Staffing plan",
  value: "Customer value",
};

let workbook: PreviewWorkbook;

beforeEach(() => {
  workbook = openSampleWorkbook();
});

/** Builds a model from the sample tables, mapped by suggestion, as the pane would. */
async function build(builder: BuilderId): Promise<ModelSetup> {
  const { setup, plan } = await prepareSampleModel(builder, SHEETS[builder]);
  await officeWorkbook.writeModel(plan, { replace: false });
  return setup;
}

const noteFor = (setup: ModelSetup, date = new Date(2025, 5, 30)): FrozenNote =>
  frozenNote("en-US", { sheet: setup.sheetName, sources: setupSources(setup), date, version: ADDIN_VERSION });

/** What a cell shows: a formula's "" result shows as a blank does (Excel's Range.values reads both as ""). */
const shown = (grid: PreviewCell[][]) => grid.map((row) => row.map((cell) => (cell === "" ? null : cell)));
const isFormula = (cell: PreviewCell) => typeof cell === "string" && cell.startsWith("=");
const snapshot = () => JSON.stringify(workbook.snapshot());

async function deleteSheet(name: string) {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(name).delete();
    await context.sync();
  });
}

/** Number format, bold and width of every cell of a sheet's extent, as seen from (top, 0). */
function looks(sheet: string, top: number, rows: number, columns: number) {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => ({
      format: workbook.numberFormat(sheet, top + r, c),
      bold: workbook.cellStyle(sheet, top + r, c).bold ?? false,
    })),
  );
}

describe.each(["abc", "staffing", "value"] as BuilderId[])("the %s model", (builder) => {
  it("freezes into values with a note, then restores the live formulas after the model is deleted", async () => {
    const setup = await build(builder);
    const model = setup.sheetName;
    const values = workbook.values(model);
    const formulas = workbook.formulas(model);
    expect(formulas.flat().some(isFormula)).toBe(true);

    const copy = await officeWorkbook.freezeSheet(model, noteFor(setup));
    expect(copy).toBe(`${model} (values)`);
    expect(workbook.activeSheet()).toBe(copy);
    const copied = workbook.values(copy);
    expect(copied.slice(NOTE_ROWS)).toEqual(shown(values));
    expect(workbook.formulas(copy).flat().some(isFormula)).toBe(false);
    const sources = Object.values(SAMPLE_SOURCES[builder]).join(", ");
    expect(copied[0][0]).toBe(
      `Values frozen from ${model} on 2025-06-30 by Service cost modeller ${packageJson.version}; inputs: ${sources}.`,
    );
    expect(copied[1][0]).toMatch(/Restore live formulas/);
    expect(copied[2].every((cell) => cell === null)).toBe(true);
    // Looks: formats (text as text), bold and widths follow the cells.
    const width = values[0].length;
    const modelLooks = looks(model, 0, values.length, width);
    const copyLooks = looks(copy, NOTE_ROWS, values.length, width);
    copyLooks.forEach((row, r) =>
      row.forEach((cell, c) => {
        const text = typeof values[r][c] === "string" && values[r][c] !== "";
        expect({ r, c, ...cell }).toEqual({ r, c, ...modelLooks[r][c], ...(text ? { format: "@" } : {}) });
      }),
    );
    for (let c = 0; c < width; c++)
      expect(workbook.columnWidth(copy, c)).toBe(workbook.columnWidth(model, c));
    expect(workbook.cellStyle(copy, 0, 0).italic).toBe(true);

    const { frozen } = parseFrozen(await officeWorkbook.loadSetting(FROZEN_KEY));
    expect(frozen.sheets[copy]).toMatchObject({
      source: model,
      formulas: formulas.map((row) => row.map((cell) => cell ?? "")), // Range.formulas reads blanks as ""
      frozenAt: "2025-06-30",
      addinVersion: packageJson.version,
      sources: Object.values(SAMPLE_SOURCES[builder]),
    });

    await deleteSheet(model);
    expect(workbook.sheetNames()).not.toContain(model);
    expect(await officeWorkbook.restoreSheet(copy)).toBe(model);
    expect(workbook.activeSheet()).toBe(model);
    expect(workbook.formulas(model)).toEqual(formulas);
    expect(workbook.values(model)).toEqual(values);
    expect(looks(model, 0, values.length, width)).toEqual(modelLooks);
    expect(workbook.charts(model)).toEqual([]); // charts are not recorded
  });
});

describe("never overwriting", () => {
  it("freezes to the next free name and restores beside a model that is still there", async () => {
    const setup = await build("abc");
    const formulas = workbook.formulas("Cost allocation");
    expect(await officeWorkbook.freezeSheet("Cost allocation", noteFor(setup))).toBe(
      "Cost allocation (values)",
    );
    const first = workbook.values("Cost allocation (values)");
    const second = await officeWorkbook.freezeSheet("Cost allocation", noteFor(setup, new Date(2025, 6, 1)));
    expect(second).toBe("Cost allocation (values) (2)");
    expect(workbook.values("Cost allocation (values)")).toEqual(first);

    expect(await officeWorkbook.restoreSheet("Cost allocation (values)")).toBe("Cost allocation (2)");
    expect(workbook.formulas("Cost allocation")).toEqual(formulas);
    expect(workbook.formulas("Cost allocation (2)")).toEqual(formulas);
    const { frozen } = parseFrozen(await officeWorkbook.loadSetting(FROZEN_KEY));
    expect(Object.keys(frozen.sheets)).toEqual(["Cost allocation (values)", "Cost allocation (values) (2)"]);
  });

  it("forgets the records of copies deleted since", async () => {
    const setup = await build("abc");
    await officeWorkbook.freezeSheet("Cost allocation", noteFor(setup));
    await deleteSheet("Cost allocation (values)");
    expect(await officeWorkbook.freezeSheet("Cost allocation", noteFor(setup))).toBe(
      "Cost allocation (values)",
    );
    const { frozen } = parseFrozen(await officeWorkbook.loadSetting(FROZEN_KEY));
    expect(Object.keys(frozen.sheets)).toEqual(["Cost allocation (values)"]);
  });
});

describe("failures leave the workbook as it was", () => {
  it("when the settings cannot be saved after the copy was written", async () => {
    const setup = await build("abc");
    const before = snapshot();
    const settings = Office.context.document.settings;
    settings.saveAsync = ((callback: (result: Office.AsyncResult<void>) => void) =>
      setTimeout(() =>
        callback({ status: Office.AsyncResultStatus.Failed, error: new Error("The disk is full") } as never),
      )) as never;
    await expect(officeWorkbook.freezeSheet("Cost allocation", noteFor(setup))).rejects.toThrow(
      "The disk is full",
    );
    expect(snapshot()).toBe(before);
    expect(settings.get(FROZEN_KEY)).toBeNull(); // the in-memory settings were put back too
  });

  it("when restoring fails half-way", async () => {
    const setup = await build("abc");
    const copy = await officeWorkbook.freezeSheet("Cost allocation", noteFor(setup));
    const recorded = JSON.parse((await officeWorkbook.loadSetting(FROZEN_KEY)) as string);
    // Records whose range lies past the sheet's last column: Excel refuses to write there.
    recorded.sheets[copy] = { ...recorded.sheets[copy], address: "XFC1:XFE1", formulas: [[1, 2, 3]] };
    await officeWorkbook.saveSetting(FROZEN_KEY, JSON.stringify(recorded));
    const before = snapshot();
    await expect(officeWorkbook.restoreSheet(copy)).rejects.toThrow();
    expect(snapshot()).toBe(before);
  });

  it("with our own reasons for a missing or empty sheet, a copy without records, newer records", async () => {
    const setup = await build("abc");
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("Empty");
      await context.sync();
    });
    const before = snapshot();
    const code = (promise: Promise<unknown>) =>
      promise.then(
        () => "resolved",
        (error: unknown) => (error instanceof ShareError ? error.code : String(error)),
      );
    expect(await code(officeWorkbook.freezeSheet("Gone", noteFor(setup)))).toBe("missingSheet");
    expect(await code(officeWorkbook.freezeSheet("Empty", noteFor(setup)))).toBe("emptySheet");
    expect(await code(officeWorkbook.restoreSheet("Cost ledger"))).toBe("unknownCopy");
    expect(snapshot()).toBe(before);
    await officeWorkbook.saveSetting(FROZEN_KEY, JSON.stringify({ version: 99, sheets: {} }));
    const newer = snapshot();
    expect(await code(officeWorkbook.freezeSheet("Cost allocation", noteFor(setup)))).toBe("newerSettings");
    expect(await code(officeWorkbook.restoreSheet("Cost allocation (values)"))).toBe("newerSettings");
    expect(snapshot()).toBe(newer);
  });
});
