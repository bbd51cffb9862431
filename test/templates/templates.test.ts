/**
 * The shared workbook templates (templates/*.xlsx), read back from the committed files and
 * calculated by the preview host with the registered SVC functions: no error anywhere, every
 * check OK, totals equal to oracles computed here from the sample data, the pane's saved models
 * in place, and the files identical in content to what the generator builds from source now.
 */
import fs from "fs";
import path from "path";
import { installCustomFunctionsRuntime } from "../../src/preview/host/office";
import { type PreviewCell, PreviewWorkbook } from "../../src/preview/host/workbook";
import { contactLog } from "../../src/preview/samples/contacts";
import { intervalForecast } from "../../src/preview/samples/forecast";
import { costLedger } from "../../src/preview/samples/ledger";
import { transactions } from "../../src/preview/samples/transactions";
import { parseRange } from "../../src/taskpane/model-builders/references";
import { parseSavedModels, SETTINGS_KEY } from "../../src/taskpane/model-builders/settings";
import type { BuilderId, CellValue, ModelSetup } from "../../src/taskpane/model-builders/types";
import { TEMPLATES, type Template, writeXlsx } from "../../scripts/templates";
import { CUSTOMER_VALUE } from "../../scripts/templates/customer-value";
import { SERVICE_COST_MODEL } from "../../scripts/templates/service-cost-model";
import { STAFFING_PLAN, WEEK } from "../../scripts/templates/staffing-plan";
import { manifestReference } from "../../scripts/templates/webextension";
import { FIXED_DATE } from "../../scripts/templates/xlsx";
import { registeredFunctions } from "../support/registry";
import { readXlsx, type XlsxWorkbook } from "../support/xlsx-workbook";

const TEMPLATE_DIR = path.resolve(__dirname, "../../templates");
const ERROR_VALUES = new Set([
  "#VALUE!",
  "#NUM!",
  "#N/A",
  "#DIV/0!",
  "#NAME?",
  "#REF!",
  "#SPILL!",
  "#ERROR!",
  "#NULL!",
  "#CALC!",
]);

const functions = new Map(registeredFunctions().map(({ id, call }) => [id, call]));
const call = (id: string, ...args: unknown[]) => functions.get(id)!(...args) as CellValue[][];
const templates = new Map(TEMPLATES.map((build) => build()).map((template) => [template.file, template]));

interface Opened {
  template: Template;
  file: XlsxWorkbook;
  workbook: PreviewWorkbook;
}
const opened = new Map<string, Opened>();

/** The committed template, read from its .xlsx and calculated as Excel would on opening it. */
async function open(name: string): Promise<Opened> {
  const cached = opened.get(name);
  if (cached) return cached;
  const template = templates.get(name);
  if (!template) throw new Error(`No template ${name}`);
  const file = await readXlsx(fs.readFileSync(path.join(TEMPLATE_DIR, name)));
  installCustomFunctionsRuntime(globalThis);
  const workbook = new PreviewWorkbook(file.snapshot, functions);
  workbook.recalculate();
  const result = { template, file, workbook };
  opened.set(name, result);
  return result;
}

/** The calculated value at an A1 address ("B4"). */
function value(workbook: PreviewWorkbook, sheet: string, address: string): PreviewCell {
  const { top, left } = parseRange(address);
  return workbook.values(sheet)[top]?.[left] ?? null;
}

function number(workbook: PreviewWorkbook, sheet: string, address: string): number {
  const found = value(workbook, sheet, address);
  if (typeof found !== "number")
    throw new Error(`${sheet}!${address} is ${JSON.stringify(found)}, not a number`);
  return found;
}

/** Rows of a sheet's calculated values from a zero-based row, `width` columns from `left`. */
function block(
  workbook: PreviewWorkbook,
  sheet: string,
  top: number,
  left: number,
  rows: number,
  width: number,
) {
  return workbook
    .values(sheet)
    .slice(top, top + rows)
    .map((row) => Array.from({ length: width }, (_, c) => row[left + c] ?? null));
}

const relativeError = (actual: number, expected: number) =>
  Math.abs(actual - expected) / Math.max(1, Math.abs(expected));

function expectClose(actual: number, expected: number, tolerance = 1e-9) {
  expect({ actual, expected, close: relativeError(actual, expected) <= tolerance }).toMatchObject({
    close: true,
  });
}

/** A sample sheet's data rows (its table at A1). */
const dataRows = (part: { sheet: { cells: PreviewCell[][] } }) => part.sheet.cells.slice(1);

/** Reading, writing and calculating a template takes seconds on a busy machine. */
const SLOW = 120_000;

describe.each([...templates.keys()])("%s", (name) => {
  beforeAll(() => open(name), SLOW);

  it(
    "is what the generator builds from source now (regenerated in memory and compared as workbooks)",
    async () => {
      const { template, file } = await open(name);
      const regenerated = await readXlsx(await writeXlsx(template));
      expect(regenerated).toEqual(file);
      // And the file holds exactly the source's workbook: cells, formats, tables and settings.
      expect(file.snapshot).toEqual(template.snapshot);
    },
    SLOW,
  );

  it("calculates without an error value anywhere", async () => {
    const { workbook } = await open(name);
    const errors = workbook
      .sheetNames()
      .flatMap((sheet) =>
        workbook
          .values(sheet)
          .flatMap((row, r) =>
            row.flatMap((cell, c) =>
              typeof cell === "string" && ERROR_VALUES.has(cell)
                ? [`${sheet}!R${r + 1}C${c + 1} ${cell} ${workbook.errorMessage(sheet, r, c) ?? ""}`]
                : [],
            ),
          ),
      );
    expect(errors).toEqual([]);
  });

  it("reads OK in every check cell", async () => {
    const { template, workbook } = await open(name);
    expect(template.checks.length).toBeGreaterThanOrEqual(3);
    expect(template.checks.map(({ sheet, cell }) => [sheet, cell, value(workbook, sheet, cell)])).toEqual(
      template.checks.map(({ sheet, cell }) => [sheet, cell, "OK"]),
    );
  });

  it("stores SVC calls as the add-in's functions, as dynamic-array formulas", async () => {
    const { file } = await open(name);
    const stored = [...file.stored];
    const svc = stored.filter(([, formula]) => formula.text.includes("_xldudf_SVC_"));
    expect(svc.length).toBeGreaterThan(0);
    expect(svc.filter(([, formula]) => !formula.dynamicArray).map(([at]) => at)).toEqual([]);
    // A bare SVC.NAME( in a file stays #NAME? in Excel even with the add-in loaded.
    expect(stored.filter(([, formula]) => /\bSVC\./i.test(formula.text)).map(([at]) => at)).toEqual([]);
    expect(stored.filter(([, formula]) => /(^|[^.])\bUNIQUE\(/.test(formula.text)).map(([at]) => at)).toEqual(
      [],
    );
    expect(file.contentTypes["/xl/metadata.xml"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml",
    );
    expect(file.fullCalcOnLoad).toBe(true);
    expect(file.properties).toEqual({
      creator: "Service cost modeller",
      lastModifiedBy: "Service cost modeller",
      created: FIXED_DATE,
      modified: FIXED_DATE,
      title: expect.any(String),
    });
  });

  it("refers to the add-in and opens its pane with the workbook", async () => {
    const { file } = await open(name);
    const { id, version } = manifestReference();
    expect(file.addin).toEqual({ id, version, store: "developer", storeType: "Registry" });
    expect(file.taskpaneVisible).toBe(true);
    expect(file.contentTypes).toMatchObject({
      "/xl/webextensions/webextension1.xml": "application/vnd.ms-office.webextension+xml",
      "/xl/webextensions/taskpanes.xml": "application/vnd.ms-office.webextensiontaskpanes+xml",
    });
    expect(file.rootRelationships["xl/webextensions/taskpanes.xml"]).toBe(
      "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
    );
  });
});

/** What the pane reads from settings: status ok, and per model its sources and column mappings. */
async function savedModels(name: string) {
  const { file, template } = await open(name);
  const raw = file.snapshot.settings[SETTINGS_KEY];
  expect(typeof raw).toBe("string");
  const parsed = parseSavedModels(raw);
  expect(parsed.status).toBe("ok");
  // The pane restores exactly the setups the template was built from.
  expect(parsed.saved).toEqual(template.models);
  const summary = (setup: ModelSetup) => ({
    sheetName: setup.sheetName,
    slots: Object.fromEntries(
      Object.entries(setup.slots).map(([slot, selection]) => [
        slot,
        { ...selection.source, ...selection.mapping },
      ]),
    ),
  });
  return {
    active: parsed.saved.active,
    models: Object.fromEntries(
      Object.entries(parsed.saved.models).map(([builder, setup]) => [builder as BuilderId, summary(setup)]),
    ),
    saved: parsed.saved,
  };
}

describe("service-cost-model.xlsx", () => {
  const name = SERVICE_COST_MODEL.file;
  beforeAll(() => open(name), SLOW);
  const { sheets } = SERVICE_COST_MODEL;
  const ledgerTotal = dataRows(costLedger()).reduce((sum, row) => sum + (row[2] as number), 0);
  const contacts = dataRows(contactLog());

  it("carries the pane's cost allocation setup", async () => {
    const { active, models } = await savedModels(name);
    expect(active).toBe("abc");
    expect(models).toEqual({
      abc: {
        sheetName: "ABC",
        slots: {
          ledger: { kind: "table", name: "CostLedger", activity: "Activity", cost: "Cost" },
          log: {
            kind: "table",
            name: "ContactLog",
            activity: "Activity",
            costObject: "Channel",
            driverQuantity: "Handle time (min)",
          },
        },
      },
    });
  });

  it("allocates the whole ledger: total = allocated + unallocated = the sample ledger's sum", async () => {
    const { workbook } = await open(name);
    expectClose(number(workbook, sheets.abc, "F4"), ledgerTotal);
    expectClose(number(workbook, sheets.abc, "F5") + number(workbook, sheets.abc, "F6"), ledgerTotal);
    expect(ledgerTotal).toBe(354_200);
    // The same allocation by tier on Cost per contact, spilled under its header.
    const tiers = block(workbook, sheets.costPerContact, 12, 0, 4, 2);
    expect(tiers.map(([tier]) => tier)).toEqual(
      expect.arrayContaining(["Gold", "Silver", "Bronze", "Unallocated"]),
    );
    expectClose(
      tiers.reduce((sum, [, cost]) => sum + (cost as number), 0),
      ledgerTotal,
    );
  });

  it("divides each channel's ABC cost by its contacts counted in the sample log", async () => {
    const { workbook } = await open(name);
    const abc = new Map(
      block(workbook, sheets.abc, 4, 0, 5, 2).map(([object, cost]) => [object, cost as number]),
    );
    const rows = block(workbook, sheets.costPerContact, 4, 0, 4, 5);
    for (const [channel, , cost, count, perContact] of rows) {
      const expectedCount = contacts.filter((row) => row[1] === channel).length;
      expect([channel, count]).toEqual([channel, expectedCount]);
      expectClose(cost as number, abc.get(channel)!);
      expectClose(perContact as number, abc.get(channel)! / expectedCount);
    }
  });

  it("blends the channel mix as escalation by hand does", async () => {
    const { workbook } = await open(name);
    const groups = block(workbook, sheets.channelMix, 4, 0, 3, 6);
    // Group cost per contact: ABC cost of the group's channels over their contacts.
    const channels = block(workbook, sheets.costPerContact, 4, 0, 4, 4);
    for (const [group, costPerContact, count] of groups) {
      const members = channels.filter(([, memberGroup]) => memberGroup === group);
      const cost = members.reduce((sum, [, , memberCost]) => sum + (memberCost as number), 0);
      const memberCount = members.reduce((sum, [, , , memberCount]) => sum + (memberCount as number), 0);
      expect(count).toBe(memberCount);
      expectClose(costPerContact as number, cost / memberCount);
    }
    const blend = (mixColumn: number) => {
      const weights = groups.map((row) => row[mixColumn] as number);
      const total = weights.reduce((a, b) => a + b, 0);
      let escalated = 0;
      let cost = 0;
      let resolved = 0;
      groups.forEach((row, i) => {
        const arriving = weights[i] / total + escalated;
        cost += arriving * (row[1] as number);
        resolved += arriving * (row[5] as number);
        escalated = arriving * (1 - (row[5] as number));
      });
      return [cost, cost / resolved];
    };
    const [current, target] = block(workbook, sheets.channelMix, 10, 1, 2, 2);
    const [currentCost, currentResolved] = blend(3);
    const [targetCost, targetResolved] = blend(4);
    expectClose(current[0] as number, currentCost);
    expectClose(current[1] as number, currentResolved);
    expectClose(target[0] as number, targetCost);
    expectClose(target[1] as number, targetResolved);
    // The current mix is the log's: Bot, then online text (chat and email), then phone.
    const share = (names: string[]) =>
      contacts.filter((row) => names.includes(row[1] as string)).length / contacts.length;
    expectClose(groups[0][3] as number, share(["Bot"]));
    expectClose(groups[1][3] as number, share(["Chat", "Email"]));
    expectClose(groups[2][3] as number, share(["Phone"]));
  });

  it("scores the KPIs against their targets and weights", async () => {
    const { workbook } = await open(name);
    const kpis = block(workbook, sheets.scorecard, 4, 0, 4, 7);
    expectClose(kpis[0][1] as number, ledgerTotal / contacts.length);
    const scores = kpis.map(([, actual, target, , direction]) => {
      const gap = ((actual as number) - (target as number)) / Math.abs(target as number);
      return Math.min(100, Math.max(0, 100 * (1 + (direction === "lower" ? -gap : gap))));
    });
    kpis.forEach((row, i) => expectClose(row[5] as number, scores[i]));
    const weights = kpis.map((row) => row[3] as number);
    const composite =
      scores.reduce((sum, score, i) => sum + score * weights[i], 0) / weights.reduce((a, b) => a + b);
    expectClose(number(workbook, sheets.scorecard, "F9"), composite);
    const band = number(workbook, sheets.scorecard, "B11");
    for (const [kpi, actual, target, , direction, , status] of kpis) {
      const shortfall =
        direction === "lower"
          ? (actual as number) - (target as number)
          : (target as number) - (actual as number);
      const expected = shortfall <= 0 ? "G" : shortfall <= band * Math.abs(target as number) ? "A" : "R";
      expect([kpi, status]).toEqual([kpi, expected]);
    }
  });
});

describe("staffing-plan.xlsx", () => {
  const name = STAFFING_PLAN.file;
  beforeAll(() => open(name), SLOW);
  const { sheets } = STAFFING_PLAN;
  const day = dataRows(intervalForecast());
  // The week rebuilt here from the sample day and the day factors.
  const week = WEEK.flatMap(([, factor]) =>
    day.map(([, volume, aht]) => [Math.round((volume as number) * factor), aht as number]),
  );
  const weekVolume = week.reduce((sum, [volume]) => sum + volume, 0);

  it("carries the pane's staffing setup", async () => {
    const { models } = await savedModels(name);
    expect(models).toEqual({
      staffing: {
        sheetName: "Erlang C",
        slots: {
          forecast: {
            kind: "table",
            name: "IntervalForecast",
            interval: "Interval",
            volume: "Volume",
            handleTime: "AHT (sec)",
          },
        },
      },
    });
  });

  it("holds a week of quarter-hours whose volume every total matches", async () => {
    const { file, workbook } = await open(name);
    expect(file.snapshot.tables).toContainEqual({
      name: "IntervalForecast",
      sheet: "Interval forecast",
      address: "A1:D673",
    });
    expect(week).toHaveLength(7 * 96);
    expect(number(workbook, sheets.erlangC, "P11")).toBe(weekVolume); // forecast volume
    expect(number(workbook, sheets.erlangC, "P12")).toBe(weekVolume); // volume in the plan
    expect(number(workbook, sheets.erlangA, "P12")).toBe(weekVolume);
    expect(number(workbook, sheets.cost, "B5")).toBe(weekVolume);
    expect(number(workbook, sheets.cost, "C5")).toBe(weekVolume);
    expect(number(workbook, sheets.cost, "B23")).toBe(weekVolume); // the days' sum
  });

  it("plans Erlang C and Erlang A as STAFF_TABLE does, and costs the difference", async () => {
    const { workbook } = await open(name);
    const volumes = week.map(([volume]) => [volume]);
    const ahts = week.map(([, aht]) => [aht]);
    const inputs = [[[0.8]], [[20]], [[15]], [[0.85]], [[0.3]]];
    const erlangC = call("STAFF_TABLE", volumes, ahts, ...inputs, undefined, [[30]]);
    const erlangA = call("STAFF_TABLE", volumes, ahts, ...inputs, [[STAFFING_PLAN.patienceSec]], [[30]]);
    const totalC = erlangC[erlangC.length - 1];
    const totalA = erlangA[erlangA.length - 1];
    const sheetTotal = (sheet: string) => block(workbook, sheet, 10 + week.length + 1, 1, 1, 12)[0];
    totalC
      .slice(1)
      .forEach(
        (cell, i) =>
          typeof cell === "number" && expectClose(sheetTotal(sheets.erlangC)[i + 1] as number, cell),
      );
    totalA
      .slice(1)
      .forEach(
        (cell, i) =>
          typeof cell === "number" && expectClose(sheetTotal(sheets.erlangA)[i + 1] as number, cell),
      );
    // Agent hours, cost and abandonment of each plan, and the difference A - C.
    const hours = 5;
    const cost = 11;
    const abandon = 10;
    expectClose(number(workbook, sheets.cost, "B6"), totalC[hours] as number);
    expectClose(number(workbook, sheets.cost, "C6"), totalA[hours] as number);
    expectClose(number(workbook, sheets.cost, "D7"), (totalA[cost] as number) - (totalC[cost] as number));
    expect(number(workbook, sheets.cost, "B11")).toBe(0);
    expect(totalA[abandon]).toBeGreaterThan(0);
    expectClose(number(workbook, sheets.cost, "C11"), totalA[abandon] as number);
  });
});

describe("customer-value.xlsx", () => {
  const name = CUSTOMER_VALUE.file;
  beforeAll(() => open(name), SLOW);
  const { sheets } = CUSTOMER_VALUE;
  const customers = new Set(dataRows(transactions()).map((row) => row[0])).size;

  it("carries the pane's customer value setup", async () => {
    const { models } = await savedModels(name);
    expect(models).toEqual({
      value: {
        sheetName: "CLV",
        slots: {
          transactions: {
            kind: "table",
            name: "Transactions",
            customer: "Customer",
            date: "Date",
            amount: "Amount",
          },
        },
      },
    });
  });

  it("models every distinct customer of the sample, on each sheet", async () => {
    const { workbook } = await open(name);
    expect(customers).toBe(600);
    expect(number(workbook, sheets.rfm, "J4")).toBe(customers);
    expect(number(workbook, sheets.rfm, "J5")).toBe(customers);
    expect(number(workbook, sheets.clv, "K16")).toBe(customers);
    expect(number(workbook, sheets.clv, "K17")).toBe(customers);
    expect(number(workbook, sheets.net, "J4")).toBe(customers);
  });

  it("nets each customer's CLV of contacts x cost per contact of the customer's tier", async () => {
    const { workbook } = await open(name);
    const costToServe = new Map(
      block(workbook, sheets.net, 4, 0, 3, 3).map(([tier, contacts, cost]) => [
        tier,
        (contacts as number) * (cost as number),
      ]),
    );
    const clv = block(workbook, sheets.clv, 11, 0, customers, 7);
    const net = block(workbook, sheets.net, 10, 0, customers, 7);
    for (const index of [0, 1, 2, 99, 250, customers - 1]) {
      const [customer, , , , , value, tier] = clv[index];
      const row = net[index];
      expect([row[0], row[2]]).toEqual([customer, tier]);
      expectClose(row[5] as number, costToServe.get(tier)!);
      expectClose(row[6] as number, (value as number) - costToServe.get(tier)!);
    }
    const totalClv = clv.reduce((sum, row) => sum + (row[5] as number), 0);
    const totalCost = clv.reduce((sum, row) => sum + costToServe.get(row[6])!, 0);
    expectClose(number(workbook, sheets.net, "J7"), totalClv - totalCost);
    expect(number(workbook, sheets.net, "J8")).toBe(net.filter((row) => (row[6] as number) < 0).length);
  });
});
