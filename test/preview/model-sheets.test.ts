/**
 * @jest-environment jsdom
 *
 * The model builders end to end in Node: sample sources read through the Office adapter, plans
 * written into the preview workbook, and every SVC formula calculated by a real spreadsheet engine.
 * The oracle is the SVC functions called directly on the same columns (and identities: the checks
 * must read OK, allocations must add up to the ledger).
 */
import { PreviewWorkbook, type PreviewCell } from "../../src/preview/host/workbook";
import { BuildCancelledError, SheetExistsError } from "../../src/taskpane/excel/access";
import { officeWorkbook } from "../../src/taskpane/excel/workbook";
import { defaultInputs } from "../../src/taskpane/model-builders/builders";
import { planModel, type SheetPlan, type Sources } from "../../src/taskpane/model-builders/plan";
import type { BuilderId, CellValue, SourceData } from "../../src/taskpane/model-builders/types";
import { hasErrors } from "../../src/taskpane/model-builders/validate";
import { openSampleWorkbook, prepareSampleModel, sampleFunctions } from "../support/sample-models";

let workbook: PreviewWorkbook;
const call = (id: string, ...args: unknown[]) => sampleFunctions.get(id)!(...args) as CellValue[][];

beforeEach(() => {
  workbook = openSampleWorkbook();
});

/** A builder's model over the sample tables, which must have no errors. */
async function prepare(builder: BuilderId, sheetName: string) {
  const prepared = await prepareSampleModel(builder, sheetName);
  expect(hasErrors(prepared.problems)).toBe(false);
  return prepared;
}

/** A column of a source's data, as a range argument. */
function columnOf(source: SourceData, header: string): CellValue[][] {
  const index = source.headers.indexOf(header);
  expect(index).toBeGreaterThanOrEqual(0);
  return source.rows.map((row) => [row[index]]);
}

function block(sheet: string, top: number, left: number, rows: number, columns: number): PreviewCell[][] {
  return workbook
    .values(sheet)
    .slice(top, top + rows)
    .map((row) => Array.from({ length: columns }, (_, c) => row[left + c] ?? null));
}

/** Numbers equal to `tolerance` relative (1e-9 unless said), text exactly. */
function expectClose(actual: PreviewCell[][], expected: CellValue[][], tolerance = 1e-9) {
  expect(actual.length).toBe(expected.length);
  expected.forEach((row, r) =>
    row.forEach((value, c) => {
      if (typeof value === "number") {
        const error = Math.abs((actual[r][c] as number) - value) / Math.max(1, Math.abs(value));
        expect({ r, c, actual: actual[r][c], expected: value, close: error <= tolerance }).toMatchObject({
          close: true,
        });
      } else expect([r, c, actual[r][c]]).toEqual([r, c, value === "" ? expect.anything() : value]);
    }),
  );
}

const noErrorValues = (sheet: string) =>
  workbook
    .values(sheet)
    .flat()
    .filter((value) => typeof value === "string" && /^#[A-Z/0!?]+[!?A]$/.test(value));

describe("cost allocation model", () => {
  it("allocates the ledger by the log's handle times, as ABC_BY_OBJECT does, and balances", async () => {
    const { plan, sources, problems, setup } = await prepare("abc", "Cost allocation");
    expect(setup.slots.log!.mapping).toEqual({
      activity: "Activity",
      costObject: "Channel",
      driverQuantity: "Handle time (min)",
    });
    expect(problems.map((problem) => problem.code)).toEqual(["unusedActivity"]); // Training has no contacts
    expect(plan.blocks.find((b) => b.at === "A5")!.cells[0][0]).toBe(
      "=SVC.ABC_BY_OBJECT(CostLedger[Activity],CostLedger[Cost],ContactLog[Activity],ContactLog[Channel],ContactLog[[Handle time (min)]])",
    );
    await officeWorkbook.writeModel(plan, { replace: false });

    const { ledger, log } = sources as Required<Sources>;
    const expected = call(
      "ABC_BY_OBJECT",
      columnOf(ledger, "Activity"),
      columnOf(ledger, "Cost"),
      columnOf(log, "Activity"),
      columnOf(log, "Channel"),
      columnOf(log, "Handle time (min)"),
    );
    expectClose(block("Cost allocation", 4, 0, expected.length, 2), expected);
    const ledgerTotal = ledger.rows.reduce((sum, row) => sum + (row[2] as number), 0);
    expect(workbook.values("Cost allocation")[3][5]).toBeCloseTo(ledgerTotal, 6); // F4
    expect(workbook.values("Cost allocation")[7][5]).toBe("OK"); // F8
    expect(await officeWorkbook.cellValue("Cost allocation", plan.checkCell)).toBe("OK");
    expect(noErrorValues("Cost allocation")).toEqual([]);
    expect(workbook.charts("Cost allocation")).toEqual([
      expect.objectContaining({
        type: "ColumnClustered",
        title: "Cost by cost object",
        source: plan.chart.source,
      }),
    ]);
  });
});

describe("staffing model", () => {
  it("spills STAFF_TABLE on the forecast as the function does, with balanced totals", async () => {
    const { plan, sources } = await prepare("staffing", "Staffing plan");
    await officeWorkbook.writeModel(plan, { replace: false });
    const forecast = sources.forecast!;
    const inputs = defaultInputs("staffing");
    const expected = call(
      "STAFF_TABLE",
      columnOf(forecast, "Volume"),
      columnOf(forecast, "AHT (sec)"),
      [[inputs.targetServiceLevel]],
      [[inputs.targetSeconds]],
      [[inputs.intervalMinutes]],
      [[inputs.maxOccupancy]],
      [[inputs.shrinkage]],
      undefined,
      [[inputs.hourlyCost]],
    );
    expect(expected.length).toBe(forecast.rows.length + 2); // header, intervals, total
    expectClose(block("Staffing plan", 10, 1, expected.length, 12), expected);
    // Interval labels line up with the forecast, and the chart plots agents against them.
    expect(block("Staffing plan", 11, 0, forecast.rows.length, 1)).toEqual(columnOf(forecast, "Interval"));
    const chartData = expected
      .slice(0, -1)
      .map((row, index) => [index === 0 ? "Interval" : forecast.rows[index - 1][0], row[3], row[4]]);
    expectClose(block("Staffing plan", 10, 17, chartData.length, 3), chartData);
    expect(workbook.charts("Staffing plan")).toEqual([
      expect.objectContaining({ type: "Line", source: `R11:T${11 + forecast.rows.length}` }),
    ]);
    expect(workbook.values("Staffing plan")[14][15]).toBe("OK"); // P15
    expect(noErrorValues("Staffing plan")).toEqual([]);
  });

  it("converts per-hour volumes and handle times in minutes", async () => {
    const { setup, sources } = await prepare("staffing", "Staffing plan");
    setup.units = { handleTime: "min", volume: "perHour" };
    const plan = planModel(setup, sources, {}, "en-US");
    await officeWorkbook.writeModel(plan, { replace: false });
    const forecast = sources.forecast!;
    const minutes = setup.inputs.intervalMinutes;
    const expected = call(
      "STAFF_TABLE",
      columnOf(forecast, "Volume").map(([v]) => [(v as number) * (minutes / 60)]),
      columnOf(forecast, "AHT (sec)").map(([v]) => [(v as number) * 60]),
      [[setup.inputs.targetServiceLevel]],
      [[setup.inputs.targetSeconds]],
      [[minutes]],
      [[setup.inputs.maxOccupancy]],
      [[setup.inputs.shrinkage]],
      undefined,
      [[setup.inputs.hourlyCost]],
    );
    expectClose(block("Staffing plan", 10, 1, expected.length, 12), expected);
    expect(workbook.values("Staffing plan")[14][15]).toBe("OK");
  });
});

describe("customer value model", () => {
  it("summarises, fits and values every customer as the functions do, and counts customers consistently", async () => {
    const { plan, sources } = await prepare("value", "Customer value");
    await officeWorkbook.writeModel(plan, { replace: false });
    const tx = sources.transactions!;
    const dates = columnOf(tx, "Date").map(([d]) => d as number);
    const end = Math.max(...dates);
    const rfm = call(
      "RFM",
      columnOf(tx, "Customer"),
      columnOf(tx, "Date"),
      columnOf(tx, "Amount"),
      [[end]],
      [[7]],
    );
    expectClose(block("Customer value", 10, 0, rfm.length, 5), rfm);
    const body = rfm.slice(1);
    const col = (c: number) => body.map((row) => [row[c]]);
    // A fit is defined to its optimiser's tolerance: inputs that differ in the 15th digit (the
    // sheet's numbers) move the optimum in the 8th, so fits are compared to 1e-6, and CLV is
    // computed from the parameters the sheet shows.
    const bgnbd = block("Customer value", 3, 3, 5, 2);
    expectClose(bgnbd, call("BGNBD_FIT", col(1), col(2), col(3)), 1e-6);
    const gg = block("Customer value", 3, 6, 4, 2);
    expectClose(gg, call("GAMMAGAMMA_FIT", col(1), col(4)), 1e-6);
    const clv = call("CLV_BGNBD", bgnbd, gg, col(1), col(2), col(3), col(4), [[52]], [[0.0015]]);
    expectClose(block("Customer value", 11, 5, body.length, 1), clv);
    const counts = block("Customer value", 11, 10, 3, 1).map(([count]) => count as number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(body.length);
    expect(new Set(tx.rows.map((row) => row[0])).size).toBe(body.length);
    expect(workbook.values("Customer value")[18][10]).toBe("OK"); // K19
    expect(noErrorValues("Customer value")).toEqual([]);
  });
});

describe("safety", () => {
  const sheetNames = () => workbook.sheetNames();

  it("refuses to overwrite an existing sheet unless told to, and then replaces it whole", async () => {
    const { plan } = await prepare("abc", "Cost ledger");
    const before = JSON.stringify(workbook.snapshot());
    await expect(officeWorkbook.writeModel(plan, { replace: false })).rejects.toBeInstanceOf(
      SheetExistsError,
    );
    expect(JSON.stringify(workbook.snapshot())).toBe(before);

    expect(await officeWorkbook.freeSheetName("Cost ledger")).toBe("Cost ledger (2)");
    const { plan: model } = await prepare("abc", "Cost allocation");
    await officeWorkbook.writeModel(model, { replace: false });
    const count = sheetNames().length;
    await officeWorkbook.writeModel(model, { replace: true });
    expect(sheetNames().length).toBe(count);
    expect(workbook.values("Cost allocation")[7][5]).toBe("OK");
  });

  it("leaves the workbook as it was when a build fails or is cancelled", async () => {
    const { plan } = await prepare("abc", "Cost allocation");
    const before = JSON.stringify(workbook.snapshot());
    const broken: SheetPlan = { ...plan, blocks: [...plan.blocks, { at: "not an address", cells: [[1]] }] };
    await expect(officeWorkbook.writeModel(broken, { replace: false })).rejects.toThrow();
    expect(JSON.stringify(workbook.snapshot())).toBe(before);

    const controller = new AbortController();
    const progress: number[] = [];
    const cancelled = officeWorkbook.writeModel(plan, {
      replace: false,
      signal: controller.signal,
      onProgress: ({ done }) => {
        progress.push(done);
        if (done === 3) controller.abort();
      },
    });
    await expect(cancelled).rejects.toBeInstanceOf(BuildCancelledError);
    expect(progress).toEqual([1, 2, 3]);
    expect(JSON.stringify(workbook.snapshot())).toBe(before);
  });
});

describe("settings", () => {
  it("saves with the workbook and reads back", async () => {
    await officeWorkbook.saveSetting("svc.modelBuilders", '{"version":1}');
    expect(await officeWorkbook.loadSetting("svc.modelBuilders")).toBe('{"version":1}');
    expect(workbook.snapshot().settings["svc.modelBuilders"]).toBe('{"version":1}');
  });
});
