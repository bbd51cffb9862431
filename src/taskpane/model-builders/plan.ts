/**
 * Turns a builder's setup and its sources into a sheet plan: the cells (live SVC formulas, labels,
 * inputs), number formats, the balancing check and the chart of one model sheet. Pure: the
 * workbook adapter writes the plan.
 *
 * Spill sizes (objects, intervals, customers) come from the sources as read now, so the checks and
 * chart cover the model's rows; after rows or new names are added the checks say CHECK until the
 * pane's Refresh rebuilds the sheet.
 */
import { builderStrings, type BuilderStrings } from "../../i18n/builders";
import type { Locale } from "../../i18n/locale";
import { fillPlaceholders } from "../../i18n/strings";
import { BUILDERS } from "./builders";
import { cellAddress, columnReference, rangeAddress } from "./references";
import type { CellValue, ModelSetup, RoleId, SlotId, SourceData, SourceRef } from "./types";

export interface CellBlock {
  /** Top-left cell of the block on the model sheet, e.g. "A4". */
  at: string;
  /** Constants, or formulas beginning with "=" (English function names, as Range.formulas takes). */
  cells: CellValue[][];
  /** Number format for every cell of the block. */
  numberFormat?: string;
  bold?: boolean;
}

export interface ChartPlan {
  type: "ColumnClustered" | "Line";
  /** Source range on the model sheet, header row included. */
  source: string;
  title: string;
  /** Top-left cell the chart is placed at. */
  position: string;
}

export interface SheetPlan {
  sheetName: string;
  blocks: CellBlock[];
  /** The cell that reads OK when the model balances. */
  checkCell: string;
  chart: ChartPlan;
  /** The cells whose contents set the column widths (the title and note rows stay out). */
  autofit: string;
}

export type Sources = Partial<Record<SlotId, SourceData>>;

/** Counts a plan needs from the data (how many rows the spills will have). */
export interface SpillSizes {
  /** Cost objects ABC_BY_OBJECT lists (before its Unallocated line). */
  costObjects?: number;
  /** Customers RFM lists. */
  customers?: number;
}

/** One column of formulas, one row each. */
const column = (values: CellValue[]): CellValue[][] => values.map((value) => [value]);

/** An IF that reads OK when |difference| is within a relative 1e-9 of scale (floating-point sums). */
function balanced(strings: BuilderStrings, pairs: [string, string][]): string {
  const tests = pairs.map(([left, right]) => `ABS(${left}-${right})<=0.000000001*MAX(1,ABS(${right}))`);
  const condition = tests.length === 1 ? tests[0] : `AND(${tests.join(",")})`;
  return `=IF(${condition},"${strings.ok}","${strings.mismatch}")`;
}

function sourceNames(sources: Sources): string {
  return Object.values(sources)
    .map((source) => (source.ref.kind === "table" ? source.ref.name : `${source.sheet}!${source.address}`))
    .join(", ");
}

function header(strings: BuilderStrings, title: string, sources: Sources): CellBlock[] {
  return [
    { at: "A1", cells: [[title]], bold: true },
    { at: "A2", cells: [[fillPlaceholders(strings.note, { sources: sourceNames(sources) })]] },
  ];
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The model needs ${what}`);
  return value;
}

/** The reference to a mapped column of a slot's source. */
function reference(setup: ModelSetup, sources: Sources, slot: SlotId, role: RoleId): string {
  const source = required(sources[slot], `the ${slot}`);
  const header = required(setup.slots[slot]?.mapping[role], `a ${role} column`);
  return columnReference(source, header);
}

function abcPlan(setup: ModelSetup, sources: Sources, sizes: SpillSizes, strings: BuilderStrings): SheetPlan {
  const objects = required(sizes.costObjects, "the number of cost objects");
  if (objects < 1) throw new Error("The contact log names no cost object");
  const ref = (slot: SlotId, role: RoleId) => reference(setup, sources, slot, role);
  const first = 4; // first result row (zero-based): row 5
  const lastObject = first + objects - 1;
  const unallocatedRow = lastObject + 1;
  const allocation =
    `=SVC.ABC_BY_OBJECT(${ref("ledger", "activity")},${ref("ledger", "cost")},` +
    `${ref("log", "activity")},${ref("log", "costObject")},${ref("log", "driverQuantity")})`;
  const total = "$F$4";
  const shares = Array.from({ length: objects + 1 }, (_, index) => {
    const cost = cellAddress(first + index, 1);
    return `=IF(${total}=0,0,${cost}/${total})`;
  });
  return {
    sheetName: setup.sheetName,
    blocks: [
      ...header(strings, strings.builder_abc, sources),
      { at: "A4", cells: [[strings.abc_costObject, strings.abc_cost, strings.abc_share]], bold: true },
      { at: "A5", cells: [[allocation]] },
      { at: `B5:B${unallocatedRow + 1}`, cells: [], numberFormat: "#,##0.00" },
      { at: "C5", cells: column(shares), numberFormat: "0.0%" },
      {
        at: "E4",
        cells: column([
          strings.abc_ledgerTotal,
          strings.abc_allocated,
          strings.abc_unallocated,
          strings.difference,
        ]),
      },
      {
        at: "F4",
        cells: column([
          `=SUM(${ref("ledger", "cost")})`,
          `=SUM(${rangeAddress(first, 1, lastObject, 1)})`,
          `=${cellAddress(unallocatedRow, 1)}`,
          "=F5+F6-F4",
        ]),
        numberFormat: "#,##0.00",
      },
      { at: "E8", cells: [[strings.check]], bold: true },
      { at: "F8", cells: [[balanced(strings, [["F5+F6", "F4"]])]], bold: true },
    ],
    checkCell: "F8",
    chart: {
      type: "ColumnClustered",
      source: rangeAddress(first - 1, 0, lastObject, 1),
      title: strings.abc_chart,
      position: "H4",
    },
    autofit: rangeAddress(3, 0, unallocatedRow, 5),
  };
}

/** First column of the staffing sheet's chart data (R). */
const CHART_DATA = 17;

/** Seconds per unit of a handle-time column. */
const SECONDS = { sec: 1, min: 60, hour: 3600 } as const;

/** Input cells: labels in column A from row 4, values in column B; returns each input's address. */
function inputBlocks(setup: ModelSetup, strings: BuilderStrings, firstRow: number) {
  const blocks: CellBlock[] = [];
  const address: Record<string, string> = {};
  BUILDERS[setup.builder].inputs.forEach((input, index) => {
    const row = firstRow + index;
    address[input.id] = cellAddress(row, 1, true);
    blocks.push({ at: cellAddress(row, 0), cells: [[strings[`input_${input.id}` as keyof BuilderStrings]]] });
    blocks.push({
      at: cellAddress(row, 1),
      cells: [[setup.inputs[input.id] ?? input.defaultValue]],
      numberFormat: input.numberFormat,
    });
  });
  return { blocks, address };
}

function staffingPlan(setup: ModelSetup, sources: Sources, strings: BuilderStrings): SheetPlan {
  const forecast = required(sources.forecast, "the interval forecast");
  const intervals = forecast.rows.length;
  const ref = (role: RoleId) => reference(setup, sources, "forecast", role);
  const inputs = inputBlocks(setup, strings, 3);
  const at = inputs.address;
  // Per-hour volumes become per-interval ones: x interval_min / 60.
  const perInterval = (expression: string) =>
    setup.units.volume === "perHour" ? `${expression}*${at.intervalMinutes}/60` : expression;
  const volume = perInterval(ref("volume"));
  const factor = SECONDS[setup.units.handleTime];
  const aht = factor === 1 ? ref("handleTime") : `${ref("handleTime")}*${factor}`;
  const headerRow = 10; // row 11
  const firstRow = headerRow + 1;
  const lastRow = headerRow + intervals;
  const totalRow = lastRow + 1;
  // STAFF_TABLE(volumes, aht_sec, target_sl, target_sec, interval_min, max_occupancy, shrinkage, patience_sec, hourly_cost)
  const table =
    `=SVC.STAFF_TABLE(${volume},${aht},${at.targetServiceLevel},${at.targetSeconds},` +
    `${at.intervalMinutes},${at.maxOccupancy},${at.shrinkage},,${at.hourlyCost})`;
  const labels = Array.from({ length: intervals }, (_, index) => `=INDEX(${ref("interval")},${index + 1})`);
  const rows = (column: number, format: string): CellBlock => ({
    at: rangeAddress(firstRow, column, totalRow, column),
    cells: [],
    numberFormat: format,
  });
  const forecastVolume = perInterval(`SUM(${ref("volume")})`);
  return {
    sheetName: setup.sheetName,
    blocks: [
      ...header(strings, strings.builder_staffing, sources),
      ...inputs.blocks,
      { at: cellAddress(headerRow, 0), cells: [[strings.staffing_interval]], bold: true },
      { at: cellAddress(firstRow, 0), cells: column(labels) },
      { at: cellAddress(headerRow, 1), cells: [[table]] },
      rows(2, "#,##0.0"),
      rows(3, "0.00"),
      rows(4, "0"),
      rows(5, "0"),
      rows(6, "#,##0.0"),
      rows(7, "0.0%"),
      rows(8, "0.0"),
      rows(9, "0.0%"),
      rows(10, "0.0%"),
      rows(11, "0.0%"),
      rows(12, "#,##0.00"),
      {
        at: cellAddress(headerRow, 14),
        cells: column([
          strings.staffing_forecastVolume,
          strings.staffing_planVolume,
          strings.staffing_hoursByInterval,
          strings.staffing_hoursTotal,
        ]),
      },
      {
        at: cellAddress(headerRow, 15),
        cells: column([
          `=${forecastVolume}`,
          `=${cellAddress(totalRow, 2)}`,
          `=SUM(${rangeAddress(firstRow, 6, lastRow, 6)})`,
          `=${cellAddress(totalRow, 6)}`,
        ]),
        numberFormat: "#,##0.0",
      },
      { at: cellAddress(headerRow + 4, 14), cells: [[strings.check]], bold: true },
      {
        at: cellAddress(headerRow + 4, 15),
        cells: [
          [
            balanced(strings, [
              ["P12", "P11"],
              ["P14", "P13"],
            ]),
          ],
        ],
        bold: true,
      },
      // The chart's data side by side (labels, agents, scheduled agents), since the interval labels
      // and STAFF_TABLE's agent columns are not adjacent; the headers follow the spill's own.
      { at: cellAddress(headerRow - 1, CHART_DATA), cells: [[strings.staffing_chartData]], bold: true },
      {
        at: cellAddress(headerRow, CHART_DATA),
        cells: Array.from({ length: intervals + 1 }, (_, offset) =>
          [0, 4, 5].map((column) => `=${cellAddress(headerRow + offset, column)}`),
        ),
      },
    ],
    checkCell: cellAddress(headerRow + 4, 15),
    chart: {
      type: "Line",
      source: rangeAddress(headerRow, CHART_DATA, lastRow, CHART_DATA + 2),
      title: strings.staffing_chart,
      position: cellAddress(headerRow + 6, 14),
    },
    autofit: rangeAddress(3, 0, totalRow, CHART_DATA + 2),
  };
}

function valuePlan(
  setup: ModelSetup,
  sources: Sources,
  sizes: SpillSizes,
  strings: BuilderStrings,
): SheetPlan {
  const customers = required(sizes.customers, "the number of customers");
  if (customers < 1) throw new Error("The transaction log names no customer");
  const ref = (role: RoleId) => reference(setup, sources, "transactions", role);
  const inputs = inputBlocks(setup, strings, 4);
  const at = inputs.address;
  const headerRow = 10; // row 11: RFM's header
  const firstRow = headerRow + 1;
  const lastRow = headerRow + customers;
  const col = (column: number) => rangeAddress(firstRow, column, lastRow, column, true);
  const [frequency, recency, age, monetary, clv, tier] = [1, 2, 3, 4, 5, 6].map(col);
  const tiers = [strings.value_tierBottom, strings.value_tierMiddle, strings.value_tierTop];
  const distribution = tiers.map((_, index) => {
    const row = 11 + index; // rows 12-14
    const label = cellAddress(row, 9);
    return [
      `=${cellAddress(5, 10 + index)}`,
      `=COUNTIF(${tier},${label})`,
      `=SUMIF(${tier},${label},${clv})`,
      `=IF(${cellAddress(row, 10)}=0,0,${cellAddress(row, 11)}/${cellAddress(row, 10)})`,
    ];
  });
  return {
    sheetName: setup.sheetName,
    blocks: [
      ...header(strings, strings.builder_value, sources),
      { at: "A4", cells: [[strings.value_endDate]] },
      { at: "B4", cells: [[`=MAX(${ref("date")})`]], numberFormat: "yyyy-mm-dd" },
      ...inputs.blocks,
      { at: "D3", cells: [[strings.value_bgnbd]], bold: true },
      { at: "D4", cells: [[`=SVC.BGNBD_FIT(${frequency},${recency},${age})`]] },
      { at: "E4:E8", cells: [], numberFormat: "0.0000" },
      { at: "G3", cells: [[strings.value_gammaGamma]], bold: true },
      { at: "G4", cells: [[`=SVC.GAMMAGAMMA_FIT(${frequency},${monetary})`]] },
      { at: "H4:H7", cells: [], numberFormat: "0.0000" },
      { at: "J5", cells: [[strings.value_threshold, `=PERCENTILE(${clv},0.5)`, `=PERCENTILE(${clv},0.8)`]] },
      { at: "K5:L5", cells: [], numberFormat: "#,##0.00" },
      { at: "J6", cells: [[strings.value_tier, ...tiers]] },
      {
        at: cellAddress(headerRow, 0),
        cells: [[`=SVC.RFM(${ref("customer")},${ref("date")},${ref("amount")},$B$4,${at.periodDays})`]],
      },
      { at: rangeAddress(firstRow, 2, lastRow, 4), cells: [], numberFormat: "0.00" },
      { at: cellAddress(headerRow, 5), cells: [[strings.value_clv, strings.value_tier]], bold: true },
      {
        at: cellAddress(firstRow, 5),
        cells: [
          [
            `=SVC.CLV_BGNBD($D$4:$E$8,$G$4:$H$7,${frequency},${recency},${age},${monetary},${at.horizonPeriods},${at.discountRate})`,
          ],
        ],
      },
      { at: rangeAddress(firstRow, 5, lastRow, 5), cells: [], numberFormat: "#,##0.00" },
      { at: cellAddress(firstRow, 6), cells: [[`=SVC.TIER_ASSIGN(${clv},$K$5:$L$5,$K$6:$M$6)`]] },
      {
        at: "J11",
        cells: [
          [strings.value_tier, strings.value_customers, strings.value_totalClv, strings.value_averageClv],
        ],
        bold: true,
      },
      { at: "J12", cells: distribution },
      { at: "L12:M14", cells: [], numberFormat: "#,##0.00" },
      {
        at: "J16",
        cells: column([
          strings.value_customersInSource,
          strings.value_customersModelled,
          strings.value_customersInTiers,
        ]),
      },
      {
        at: "K16",
        cells: column([`=ROWS(UNIQUE(${ref("customer")}))`, `=COUNTA(${col(0)})`, "=SUM(K12:K14)"]),
        numberFormat: "#,##0",
      },
      { at: "J19", cells: [[strings.check]], bold: true },
      {
        at: "K19",
        cells: [
          [
            balanced(strings, [
              ["K17", "K16"],
              ["K18", "K17"],
            ]),
          ],
        ],
        bold: true,
      },
    ],
    checkCell: "K19",
    chart: { type: "ColumnClustered", source: "J11:K14", title: strings.value_chart, position: "O4" },
    autofit: rangeAddress(2, 0, lastRow, 12),
  };
}

/** The plan of a model sheet. Throws when the setup lacks what the builder needs (the pane validates first). */
export function planModel(setup: ModelSetup, sources: Sources, sizes: SpillSizes, locale: Locale): SheetPlan {
  const strings = builderStrings(locale);
  switch (setup.builder) {
    case "abc":
      return abcPlan(setup, sources, sizes, strings);
    case "staffing":
      return staffingPlan(setup, sources, strings);
    case "value":
      return valuePlan(setup, sources, sizes, strings);
  }
}

/** A label for a source in the pane and in the sheet's note. */
export function sourceLabel(ref: SourceRef): string {
  return ref.kind === "table" ? ref.name : `${ref.sheet}!${ref.address}`;
}
