/**
 * staffing-plan.xlsx: a week of quarter-hour intervals staffed with Erlang C (the pane's staffing
 * plan) and with Erlang A (the same plan with patience, so callers abandon), and the weekly cost
 * of each.
 */
import { tableLabels } from "../../src/i18n/tables";
import { STAFF_TABLE_COLUMNS } from "../../src/engine/staffing/table";
import { intervalForecast } from "../../src/preview/samples/forecast";
import { INTERVAL_FORECAST } from "../../src/preview/samples/names";
import { defaultInputs } from "../../src/taskpane/model-builders/builders";
import type { SheetPlan } from "../../src/taskpane/model-builders/plan";
import {
  cellAddress,
  parseRange,
  quoteSheet,
  rangeAddress,
  structuredReference,
} from "../../src/taskpane/model-builders/references";
import type { ModelSetup } from "../../src/taskpane/model-builders/types";
import { instructionsSheet } from "./instructions";
import {
  checkFormula,
  inputRange,
  LOCALE,
  sampleTable,
  STRINGS,
  type Template,
  TemplateBuilder,
} from "./template";

export const STAFFING_PLAN = {
  file: "staffing-plan.xlsx",
  sheets: { erlangC: "Erlang C", erlangA: "Erlang A", cost: "Cost" },
  dayColumn: "Day",
  /** Mean patience of the Erlang A plan, seconds. */
  patienceSec: 120,
} as const;

/** Day of week and its volume factor on the sample day's profile (Monday busiest, Sunday quietest). */
export const WEEK: readonly [day: string, factor: number][] = [
  ["Mon", 1.12],
  ["Tue", 1.05],
  ["Wed", 1],
  ["Thu", 0.98],
  ["Fri", 0.93],
  ["Sat", 0.62],
  ["Sun", 0.48],
];

const { columns } = INTERVAL_FORECAST;

/** The pane's staffing plan on the week's forecast: Erlang C with the builder's default inputs. */
export const STAFFING_SETUP: ModelSetup = {
  builder: "staffing",
  slots: {
    forecast: {
      source: { kind: "table", name: INTERVAL_FORECAST.table },
      mapping: { interval: columns.interval, volume: columns.volume, handleTime: columns.aht },
    },
  },
  units: { handleTime: "sec", volume: "perInterval" },
  inputs: defaultInputs("staffing"),
  sheetName: STAFFING_PLAN.sheets.erlangC,
};

/** The week: the sample day's 96 quarter-hours on each day, volumes scaled by the day's factor. */
export function weekForecast() {
  const day = sampleTable(intervalForecast());
  const rows = WEEK.flatMap(([name, factor]) =>
    day.rows.map(([interval, volume, aht]) => [name, interval, Math.round((volume as number) * factor), aht]),
  );
  return { columns: [{ header: STAFFING_PLAN.dayColumn }, ...day.columns], rows };
}

/** The plan's STAFF_TABLE block: the formula spilling a header row, one row per interval and a total row. */
function staffTableBlock(plan: SheetPlan) {
  const table = plan.blocks.find(
    (block) => typeof block.cells[0]?.[0] === "string" && block.cells[0][0].startsWith("=SVC.STAFF_TABLE("),
  );
  if (!table) throw new Error(`${plan.sheetName}: no STAFF_TABLE`);
  return table;
}

/** Where a staffing plan's table lands (zero-based rows) for a forecast of `intervals` rows. */
function tableRows(plan: SheetPlan, intervals: number) {
  const header = parseRange(staffTableBlock(plan).at).top;
  return { header, first: header + 1, last: header + intervals, total: header + intervals + 1 };
}

/** The cell of the Erlang A plan's patience input: under the pane's inputs, above the table. */
function patienceCell(plan: SheetPlan): string {
  return cellAddress(parseRange(staffTableBlock(plan).at).top - 1, 1);
}

/** The Erlang C plan made Erlang A: a patience input under the pane's inputs, passed as patience_sec. */
function withPatience(plan: SheetPlan, sheetName: string): SheetPlan {
  const patienceRow = parseRange(patienceCell(plan)).top;
  const taken = plan.blocks.some((block) => {
    const box = parseRange(block.at);
    return (
      box.top <= patienceRow && patienceRow <= box.top + Math.max(0, block.cells.length - 1) && box.left <= 1
    );
  });
  if (taken)
    throw new Error(
      `${plan.sheetName}: A${patienceRow + 1}:B${patienceRow + 1} is not free for the patience`,
    );
  const patience = cellAddress(patienceRow, 1, true);
  const blocks = plan.blocks.map((block) => {
    const first = block.cells[0]?.[0];
    if (block.at === "A1") return { ...block, cells: [["Staffing plan with abandonment (Erlang A)"]] };
    if (typeof first !== "string" || !first.startsWith("=SVC.STAFF_TABLE(")) return block;
    // STAFF_TABLE(volumes, aht_sec, target_sl, target_sec, interval_min, max_occupancy, shrinkage, patience_sec, hourly_cost)
    const formula = first.replace(/,,(\$[A-Z]+\$\d+\))$/, (_, cost: string) => `,${patience},${cost}`);
    if (formula === first) throw new Error(`${plan.sheetName}: unexpected STAFF_TABLE ${first}`);
    return { ...block, cells: [[formula]] };
  });
  return {
    ...plan,
    sheetName,
    blocks: [
      ...blocks,
      { at: cellAddress(patienceRow, 0), cells: [["Patience (sec)"]] },
      { at: cellAddress(patienceRow, 1), cells: [[STAFFING_PLAN.patienceSec]], numberFormat: "0" },
    ],
  };
}

export function staffingPlan(): Template {
  const { sheets } = STAFFING_PLAN;
  const template = new TemplateBuilder(STAFFING_PLAN.file, "Staffing plan");

  const week = weekForecast();
  template.tableSheet(INTERVAL_FORECAST.sheet, INTERVAL_FORECAST.table, week.columns, week.rows);

  // Column widths of the plans: the spilled table's header labels, as Excel would fit them.
  const labels = tableLabels(LOCALE);
  const spillHeaders = Object.fromEntries(STAFF_TABLE_COLUMNS.map((column, i) => [1 + i, [labels[column]]]));
  const { plan: planC } = template.model(STAFFING_SETUP, spillHeaders);
  const planA = withPatience(template.plan({ ...STAFFING_SETUP, sheetName: sheets.erlangA }), sheets.erlangA);
  template.addPlan(planA, spillHeaders);

  // ---- Cost ---------------------------------------------------------------------------------
  const intervalCount = week.rows.length;
  const rowsC = tableRows(planC, intervalCount);
  const rowsA = tableRows(planA, intervalCount);
  if (rowsC.total !== rowsA.total) throw new Error("Erlang C and Erlang A plans differ in size");
  const { first, last, total } = rowsC;
  const erlangC = quoteSheet(sheets.erlangC);
  const erlangA = quoteSheet(sheets.erlangA);
  const totalOf = (sheet: string, col: number) => `=${sheet}!${cellAddress(total, col)}`;
  const intervals = (sheet: string, col: number) => `${sheet}!${rangeAddress(first, col, last, col, true)}`;
  const forecast = (column: string) => structuredReference(INTERVAL_FORECAST.table, column);
  // STAFF_TABLE's columns from B: interval, volume, traffic, agents, scheduled, agent hours, ...
  const col = (name: (typeof STAFF_TABLE_COLUMNS)[number]) => 1 + STAFF_TABLE_COLUMNS.indexOf(name);

  const measures: [
    label: string,
    column: (typeof STAFF_TABLE_COLUMNS)[number],
    format: string,
    relative: boolean,
  ][] = [
    ["Contacts offered", "volume", "#,##0", true],
    ["Agent hours (scheduled)", "agentHours", "#,##0.0", true],
    ["Cost", "cost", "#,##0.00", true],
    ["Service level", "serviceLevel", "0.0%", false],
    ["ASA (sec)", "asaSec", "0.0", false],
    ["Occupancy", "occupancy", "0.0%", false],
    ["Abandon rate", "abandonRate", "0.0%", false],
  ];
  const cost = template.sheet(sheets.cost);
  cost
    .put({ at: "A1", cells: [["Weekly staffing cost: Erlang C and Erlang A"]], bold: true })
    .put({
      at: "A2",
      cells: [
        [
          "From the total rows of the two plans' STAFF_TABLE; by day with SUMIFS over IntervalForecast[Day]. Erlang A lets callers hang up after their patience; Erlang C assumes nobody does.",
        ],
      ],
    })
    .put({ at: "A4", cells: [["Measure", "Erlang C", "Erlang A", "A − C", "A vs C"]], bold: true });
  measures.forEach(([label, column, format, relative], index) => {
    const row = 4 + index;
    const one = row + 1;
    cost
      .put({
        at: cellAddress(row, 0),
        cells: [
          [
            label,
            totalOf(erlangC, col(column)),
            totalOf(erlangA, col(column)),
            `=C${one}-B${one}`,
            relative ? `=IF(B${one}=0,0,D${one}/B${one})` : null,
          ],
        ],
      })
      .put({ at: rangeAddress(row, 1, row, 3), cells: [], numberFormat: format })
      .put({ at: cellAddress(row, 4), cells: [], numberFormat: "0.0%" });
  });
  const perContactRow = 4 + measures.length; // zero-based
  const contacts = 5;
  const costRow = 7;
  cost
    .put({
      at: cellAddress(perContactRow, 0),
      cells: [
        [
          "Cost per contact",
          `=IF(B${contacts}=0,0,B${costRow}/B${contacts})`,
          `=IF(C${contacts}=0,0,C${costRow}/C${contacts})`,
          `=C${perContactRow + 1}-B${perContactRow + 1}`,
          `=IF(B${perContactRow + 1}=0,0,D${perContactRow + 1}/B${perContactRow + 1})`,
        ],
      ],
    })
    .put({ at: rangeAddress(perContactRow, 1, perContactRow, 3), cells: [], numberFormat: "#,##0.00" })
    .put({ at: cellAddress(perContactRow, 4), cells: [], numberFormat: "0.0%" });

  // By day.
  const dayHeader = perContactRow + 3; // zero-based
  const dayFirst = dayHeader + 1;
  const dayLast = dayHeader + WEEK.length;
  const weekRow = dayLast + 1;
  const byDay = (sumRange: string, row: number) =>
    `=SUMIFS(${sumRange},${forecast(STAFFING_PLAN.dayColumn)},$A${row + 1})`;
  cost
    .put({ at: cellAddress(dayHeader - 1, 0), cells: [["By day"]], bold: true })
    .put({
      at: cellAddress(dayHeader, 0),
      cells: [
        [
          "Day",
          "Contacts",
          "Erlang C hours",
          "Erlang C cost",
          "Erlang A hours",
          "Erlang A cost",
          "Cost A − C",
        ],
      ],
      bold: true,
    })
    .put({
      at: cellAddress(dayFirst, 0),
      cells: WEEK.map(([day], index) => {
        const row = dayFirst + index;
        return [
          day,
          byDay(forecast(columns.volume), row),
          byDay(intervals(erlangC, col("agentHours")), row),
          byDay(intervals(erlangC, col("cost")), row),
          byDay(intervals(erlangA, col("agentHours")), row),
          byDay(intervals(erlangA, col("cost")), row),
          `=F${row + 1}-D${row + 1}`,
        ];
      }),
    })
    .put({
      at: cellAddress(weekRow, 0),
      cells: [
        [
          "Week",
          ...["B", "C", "D", "E", "F", "G"].map(
            (letter) => `=SUM(${letter}${dayFirst + 1}:${letter}${dayLast + 1})`,
          ),
        ],
      ],
      bold: true,
    })
    .put({ at: rangeAddress(dayFirst, 1, weekRow, 1), cells: [], numberFormat: "#,##0" })
    .put({ at: rangeAddress(dayFirst, 2, weekRow, 2), cells: [], numberFormat: "#,##0.0" })
    .put({ at: rangeAddress(dayFirst, 4, weekRow, 4), cells: [], numberFormat: "#,##0.0" })
    .put({ at: rangeAddress(dayFirst, 3, weekRow, 3), cells: [], numberFormat: "#,##0.00" })
    .put({ at: rangeAddress(dayFirst, 5, weekRow, 6), cells: [], numberFormat: "#,##0.00" });

  const week1 = weekRow + 1; // one-based row of the week's totals
  cost
    .put({
      at: "I4",
      cells: [
        ["Forecast contacts", `=SUM(${forecast(columns.volume)})`],
        ["Erlang C hours, sum of intervals", `=SUM(${intervals(erlangC, col("agentHours"))})`],
        ["Erlang A hours, sum of intervals", `=SUM(${intervals(erlangA, col("agentHours"))})`],
        ["Erlang C cost, sum of intervals", `=SUM(${intervals(erlangC, col("cost"))})`],
      ],
    })
    .put({ at: "J4", cells: [], numberFormat: "#,##0" })
    .put({ at: "J5:J6", cells: [], numberFormat: "#,##0.0" })
    .put({ at: "J7", cells: [], numberFormat: "#,##0.00" })
    .put({ at: "I8", cells: [[STRINGS.check]], bold: true })
    .put({
      at: "J8",
      cells: [
        [
          checkFormula([
            ["B5", "J4"],
            ["C5", "J4"],
            [`B${week1}`, "J4"],
            ["B6", "J5"],
            ["C6", "J6"],
            [`C${week1}`, "B6"],
            [`E${week1}`, "C6"],
            [`D${week1}`, "B7"],
            [`F${week1}`, "C7"],
            ["B7", "J7"],
          ]),
        ],
      ],
      bold: true,
    })
    .autofit(rangeAddress(3, 0, weekRow, 9), { formulaChars: 13 });
  template.check(sheets.cost, "J8");
  instructionsSheet(template, {
    title: { en: "Staffing plan: Erlang C and Erlang A", zh: "排班计划：Erlang C 与 Erlang A" },
    purpose: {
      en: "Agents needed for a week of quarter-hour intervals with Erlang C (callers wait as long as it takes) and Erlang A (callers hang up after their patience), and what each plan costs per week.",
      zh: "按一周的 15 分钟时段计算所需坐席：Erlang C（来电者会一直等待）与 Erlang A（来电者超过耐心时间后挂断），并比较两个计划每周的成本。",
    },
    sheets: [
      {
        sheet: INTERVAL_FORECAST.sheet,
        en: "Contacts and average handle time for each quarter-hour of a week, Monday to Sunday (table IntervalForecast: Day, Interval, Volume, AHT (sec)).",
        zh: "一周（周一至周日）每个 15 分钟时段的联络量和平均处理时长（表 IntervalForecast：Day、Interval、Volume、AHT (sec)）。",
      },
      {
        sheet: sheets.erlangC,
        en: `The pane's staffing plan: SVC.STAFF_TABLE over the week's intervals with the inputs in ${inputRange(planC)} (interval length, service-level target, answer-time target, shrinkage, maximum occupancy, hourly cost).`,
        zh: `任务窗格生成的排班计划：对一周的各时段使用 SVC.STAFF_TABLE，参数在 ${inputRange(planC)}（时段长度、服务水平目标、目标应答时间、缩减率、最高占用率、小时成本）。`,
      },
      {
        sheet: sheets.erlangA,
        en: `The same plan with abandonment: the patience in ${patienceCell(planA)} (mean ${STAFFING_PLAN.patienceSec} s) is STAFF_TABLE's patience_sec, so it uses Erlang A and the Abandon rate column shows who hangs up.`,
        zh: `含放弃的同一计划：${patienceCell(planA)} 中的耐心时间（平均 ${STAFFING_PLAN.patienceSec} 秒）作为 STAFF_TABLE 的 patience_sec，计算改用 Erlang A，“Abandon rate”列显示挂断比例。`,
      },
      {
        sheet: sheets.cost,
        en: "Weekly contacts, agent hours, cost, service level and abandonment from the total rows of both plans, the difference Erlang A − Erlang C, and the same by day (SUMIFS over IntervalForecast[Day]).",
        zh: "两个计划合计行中的每周联络量、坐席工时、成本、服务水平和放弃率，Erlang A − Erlang C 的差额，以及按天的同样数据（对 IntervalForecast[Day] 使用 SUMIFS）。",
      },
    ],
    steps: [
      {
        en: "Paste your forecast into Interval forecast, one row per interval in time order (Monday 00:00 first), below the headers.",
        zh: "把预测粘贴到“Interval forecast”的标题行下方，每个时段一行，按时间顺序（从周一 00:00 开始）。",
      },
      {
        en: "The plans are laid out for 672 rows (7 days x 96 quarter-hours). For another number of rows, Refresh model rebuilds Erlang C; Erlang A and Cost keep their ranges, so extend them (their checks read CHECK until they match).",
        zh: "各计划按 672 行（7 天 × 96 个 15 分钟时段）布局。行数不同时，“刷新模型”会重新生成“Erlang C”；“Erlang A”和“Cost”的区域保持不变，请相应扩展（在一致之前其校验显示 CHECK）。",
      },
      {
        en: "Set targets and costs in the yellow cells of Erlang C and Erlang A (the same inputs on both, plus the patience on Erlang A).",
        zh: "在“Erlang C”和“Erlang A”的黄色单元格中设置目标和成本（两者参数相同，“Erlang A”另有耐心时间）。",
      },
    ],
  });

  return template.build();
}
