/**
 * service-cost-model.xlsx: a month of service costs by channel and customer tier. The pane's ABC
 * model allocates the cost ledger over the contact log; the sheets after it turn the allocation
 * into cost per contact, the blended cost of a channel mix and a KPI scorecard.
 */
import { tableLabels } from "../../src/i18n/tables";
import { contactLog } from "../../src/preview/samples/contacts";
import { costLedger, LEDGER_ACTIVITIES } from "../../src/preview/samples/ledger";
import { CHANNELS, CONTACT_LOG, COST_LEDGER, TIERS } from "../../src/preview/samples/names";
import { defaultInputs } from "../../src/taskpane/model-builders/builders";
import {
  cellAddress,
  parseRange,
  quoteSheet,
  rangeAddress,
  structuredReference,
} from "../../src/taskpane/model-builders/references";
import type { ModelSetup } from "../../src/taskpane/model-builders/types";
import { instructionsSheet } from "./instructions";
import { INPUT_FILL } from "./sheet";
import { checkFormula, LOCALE, sampleTable, type Template, TemplateBuilder } from "./template";

export const SERVICE_COST_MODEL = {
  file: "service-cost-model.xlsx",
  sheets: {
    dictionary: "Activity dictionary",
    abc: "ABC",
    costPerContact: "Cost per contact",
    channelMix: "Channel mix",
    scorecard: "Scorecard",
  },
  dictionaryTable: "ActivityDictionary",
} as const;

/** The pane's cost allocation on the template's tables: the ledger over the log's handle times, by channel. */
export const ABC_SETUP: ModelSetup = {
  builder: "abc",
  slots: {
    ledger: {
      source: { kind: "table", name: COST_LEDGER.table },
      mapping: { activity: COST_LEDGER.columns.activity, cost: COST_LEDGER.columns.cost },
    },
    log: {
      source: { kind: "table", name: CONTACT_LOG.table },
      mapping: {
        activity: CONTACT_LOG.columns.activity,
        costObject: CONTACT_LOG.columns.channel,
        driverQuantity: CONTACT_LOG.columns.handleTime,
      },
    },
  },
  units: { handleTime: "sec", volume: "perInterval" },
  inputs: defaultInputs("abc"),
  sheetName: SERVICE_COST_MODEL.sheets.abc,
};

/** [activity, description, driver, 中文名称, 中文说明], one per ledger activity. */
const DICTIONARY: Record<string, [string, string, string, string]> = {
  "Answer calls": [
    "Inbound phone calls handled by agents",
    "Handle time (min)",
    "接听来电",
    "坐席处理的呼入电话",
  ],
  "Handle chats": [
    "Online chat conversations, including those the bot hands over",
    "Handle time (min)",
    "处理在线聊天",
    "在线聊天会话，包括机器人转人工的会话",
  ],
  "Reply to emails": ["Customer emails and web forms", "Handle time (min)", "回复邮件", "客户邮件与网页表单"],
  "Maintain bot": [
    "Chatbot licences, content and tuning",
    "Handle time (min) of bot conversations",
    "维护机器人",
    "聊天机器人的许可、内容与调优",
  ],
  "Resolve complaints": [
    "Complaints that need investigation and follow-up",
    "Handle time (min)",
    "处理投诉",
    "需要调查和跟进的投诉",
  ],
  "Process refunds": ["Refunds and goodwill credits", "Handle time (min)", "办理退款", "退款与补偿"],
  "Quality review": ["Listening to and scoring contacts", "Handle time (min)", "质量检查", "抽听联络并评分"],
  Training: [
    "Courses and coaching; no contact drives it, so its cost stays Unallocated",
    "None (Unallocated)",
    "培训",
    "课程与辅导；没有联络驱动，成本列为未分配",
  ],
};

/** Channels of the Channel mix sheet, in escalation order, and the log channels in each. */
const MIX_GROUPS: [group: string, channels: string[], targetMix: number, resolution: number][] = [
  ["Bot", ["Bot"], 0.05, 0.6],
  ["Online text", ["Chat", "Email"], 0.6, 0.85],
  ["Phone", ["Phone"], 0.35, 0.95],
];

/** KPI, actual (a number or a formula), target, weight, direction, number format. */
const KPIS: [string, number | string, number, number, "higher" | "lower", string][] = [
  [
    "Cost per contact (fully loaded)",
    `=SUM(${structuredReference(COST_LEDGER.table, COST_LEDGER.columns.cost)})/ROWS(${structuredReference(CONTACT_LOG.table, CONTACT_LOG.columns.channel)})`,
    850,
    0.3,
    "lower",
    "#,##0.00",
  ],
  ["Service level", 0.78, 0.8, 0.25, "higher", "0.0%"],
  ["CSAT (top-2-box)", 0.86, 0.85, 0.25, "higher", "0.0%"],
  ["First-contact resolution", 0.71, 0.75, 0.2, "higher", "0.0%"],
];

const column = <T>(values: T[]): T[][] => values.map((value) => [value]);

export function serviceCostModel(): Template {
  const { sheets } = SERVICE_COST_MODEL;
  const template = new TemplateBuilder(SERVICE_COST_MODEL.file, "Service cost model");
  const ledgerRef = (name: keyof typeof COST_LEDGER.columns) =>
    structuredReference(COST_LEDGER.table, COST_LEDGER.columns[name]);
  const logRef = (name: keyof typeof CONTACT_LOG.columns) =>
    structuredReference(CONTACT_LOG.table, CONTACT_LOG.columns[name]);

  // ---- Data ---------------------------------------------------------------------------------
  const ledger = sampleTable(costLedger());
  template.tableSheet(COST_LEDGER.sheet, COST_LEDGER.table, ledger.columns, ledger.rows);
  template.tableSheet(
    sheets.dictionary,
    SERVICE_COST_MODEL.dictionaryTable,
    [
      { header: "Activity" },
      { header: "Description" },
      { header: "Driver" },
      { header: "中文名称" },
      { header: "中文说明" },
    ],
    LEDGER_ACTIVITIES.map((activity) => {
      const entry = DICTIONARY[activity];
      if (!entry) throw new Error(`The activity dictionary lacks ${activity}`);
      return [activity, ...entry];
    }),
  );
  const log = sampleTable(contactLog());
  template.tableSheet(CONTACT_LOG.sheet, CONTACT_LOG.table, log.columns, log.rows);

  // ---- ABC: the pane's model --------------------------------------------------------------
  const unallocated = tableLabels(LOCALE).unallocated;
  const channels = [...new Set(log.rows.map((row) => String(row[1])))];
  const { plan: abcPlan } = template.model(ABC_SETUP, { 0: [...channels, unallocated] });
  // The allocation spills object | cost, one row per channel and then Unallocated.
  const allocation = abcPlan.blocks.find(
    (block) => typeof block.cells[0]?.[0] === "string" && block.cells[0][0].startsWith("=SVC.ABC_BY_OBJECT("),
  );
  if (!allocation) throw new Error("The ABC plan has no ABC_BY_OBJECT");
  const { top: firstObject, left } = parseRange(allocation.at);
  const unallocatedRow = firstObject + channels.length;
  const abc = quoteSheet(sheets.abc);
  const abcObjects = `${abc}!${rangeAddress(firstObject, left, unallocatedRow, left, true)}`;
  const abcCosts = `${abc}!${rangeAddress(firstObject, left + 1, unallocatedRow, left + 1, true)}`;
  const abcUnallocated = `${abc}!${cellAddress(unallocatedRow, left + 1, true)}`;

  // ---- Cost per contact ----------------------------------------------------------------------
  const perContact = template.sheet(sheets.costPerContact);
  const channelRows = CHANNELS.length; // rows 5..8
  const channelTotal = 4 + channelRows; // zero-based row of the total
  const groupOf = (channel: string) => MIX_GROUPS.find(([, members]) => members.includes(channel))![0];
  perContact
    .put({ at: "A1", cells: [["Cost per contact"]], bold: true })
    .put({
      at: "A2",
      cells: [
        [
          "ABC cost (sheet ABC) divided by contacts (COUNTIF on the contact log), by channel and by customer tier. Unallocated cost (activities no contact drives) is in no channel or tier; the fully loaded cost per contact is on Scorecard.",
        ],
      ],
    })
    .put({
      at: "A4",
      cells: [["Channel", "Mix group", "ABC cost", "Contacts", "Cost per contact"]],
      bold: true,
    })
    .put({
      at: "A5",
      cells: CHANNELS.map((channel, index) => {
        const row = 5 + index;
        return [
          channel,
          groupOf(channel),
          `=SUMIF(${abcObjects},$A${row},${abcCosts})`,
          `=COUNTIF(${logRef("channel")},$A${row})`,
          `=IF(D${row}=0,0,C${row}/D${row})`,
        ];
      }),
    })
    .put({ at: `B5:B${4 + channelRows}`, cells: [], fill: INPUT_FILL })
    .put({
      at: cellAddress(channelTotal, 0),
      cells: [
        [
          "Total",
          null,
          `=SUM(C5:C${channelTotal})`,
          `=SUM(D5:D${channelTotal})`,
          `=IF(D${channelTotal + 1}=0,0,C${channelTotal + 1}/D${channelTotal + 1})`,
        ],
      ],
      bold: true,
    })
    .put({ at: `C5:C${channelTotal + 1}`, cells: [], numberFormat: "#,##0.00" })
    .put({ at: `D5:D${channelTotal + 1}`, cells: [], numberFormat: "#,##0" })
    .put({ at: `E5:E${channelTotal + 1}`, cells: [], numberFormat: "#,##0.00" });

  // By tier: a second allocation, spilling tier | cost and then Unallocated.
  const tiers = [...new Set(log.rows.map((row) => String(row[2])))];
  if (tiers.length !== TIERS.length) throw new Error(`The contact log has tiers ${tiers.join(", ")}`);
  const tierTop = channelTotal + 4; // zero-based row of the first tier
  const tierLast = tierTop + tiers.length - 1;
  const tierUnallocated = tierLast + 1;
  const byTier =
    `=SVC.ABC_BY_OBJECT(${ledgerRef("activity")},${ledgerRef("cost")},` +
    `${logRef("activity")},${logRef("tier")},${logRef("handleTime")})`;
  perContact
    .put({ at: cellAddress(tierTop - 2, 0), cells: [["By customer tier"]], bold: true })
    .put({
      at: cellAddress(tierTop - 1, 0),
      cells: [["Tier", "ABC cost", "Contacts", "Cost per contact"]],
      bold: true,
    })
    .put({ at: cellAddress(tierTop, 0), cells: [[byTier]] })
    .put({
      at: cellAddress(tierTop, 2),
      cells: tiers.map((_, index) => {
        const row = tierTop + index + 1;
        return [`=COUNTIF(${logRef("tier")},$A${row})`, `=IF(C${row}=0,0,B${row}/C${row})`];
      }),
    })
    .put({ at: rangeAddress(tierTop, 1, tierUnallocated, 1), cells: [], numberFormat: "#,##0.00" })
    .put({ at: rangeAddress(tierTop, 2, tierLast, 2), cells: [], numberFormat: "#,##0" })
    .put({ at: rangeAddress(tierTop, 3, tierLast, 3), cells: [], numberFormat: "#,##0.00" });

  const perContactChecks: [string, string][] = [
    ["Ledger total", `=SUM(${ledgerRef("cost")})`],
    ["Channels + unallocated", `=C${channelTotal + 1}+${abcUnallocated}`],
    ["Tiers + unallocated", `=SUM(${rangeAddress(tierTop, 1, tierUnallocated, 1)})`],
    ["Contacts in the log", `=ROWS(${logRef("channel")})`],
    ["Contacts by channel", `=D${channelTotal + 1}`],
    ["Contacts by tier", `=SUM(${rangeAddress(tierTop, 2, tierLast, 2)})`],
  ];
  perContact
    .put({ at: "G4", cells: column(perContactChecks.map(([label]) => label)) })
    .put({
      at: "H4",
      cells: column(perContactChecks.map(([, formula]) => formula)),
      numberFormat: "#,##0.00",
    })
    .put({ at: "H7:H9", cells: [], numberFormat: "#,##0" })
    .put({ at: "G10", cells: [["Check"]], bold: true })
    .put({
      at: "H10",
      cells: [
        [
          checkFormula([
            ["H5", "H4"],
            ["H6", "H4"],
            ["H8", "H7"],
            ["H9", "H7"],
          ]),
        ],
      ],
      bold: true,
    })
    .autofit(rangeAddress(3, 0, tierUnallocated, 7), { extra: { 0: [...tiers, unallocated] } });
  template.check(sheets.costPerContact, "H10");

  // ---- Channel mix ---------------------------------------------------------------------------
  const mix = template.sheet(sheets.channelMix);
  const cpc = quoteSheet(sheets.costPerContact);
  const groups = `${cpc}!$B$5:$B$${4 + channelRows}`;
  const groupCost = `${cpc}!$C$5:$C$${4 + channelRows}`;
  const groupContacts = `${cpc}!$D$5:$D$${4 + channelRows}`;
  const last = 4 + MIX_GROUPS.length; // one-based row of the last group
  mix
    .put({ at: "A1", cells: [["Channel mix"]], bold: true })
    .put({
      at: "A2",
      cells: [
        [
          "Cost per contact of each channel group from Cost per contact (its Mix group column). Contacts start in a channel by the mix; the share a channel does not resolve escalates to the next channel down the list and costs that channel's rate again (SVC.CHANNEL_COST).",
        ],
      ],
    })
    .put({
      at: "A4",
      cells: [["Channel", "Cost per contact", "Contacts", "Current mix", "Target mix", "Resolution rate"]],
      bold: true,
    })
    .put({
      at: "A5",
      cells: MIX_GROUPS.map(([group, , target, resolution], index) => {
        const row = 5 + index;
        return [
          group,
          `=IF(C${row}=0,0,SUMIF(${groups},$A${row},${groupCost})/C${row})`,
          `=SUMIF(${groups},$A${row},${groupContacts})`,
          `=IF(SUM($C$5:$C$${last})=0,0,C${row}/SUM($C$5:$C$${last}))`,
          target,
          resolution,
        ];
      }),
    })
    .put({
      at: `A${last + 1}`,
      cells: [["Total", null, `=SUM(C5:C${last})`, `=SUM(D5:D${last})`, `=SUM(E5:E${last})`]],
      bold: true,
    })
    .put({ at: `B5:B${last}`, cells: [], numberFormat: "#,##0.00" })
    .put({ at: `C5:C${last + 1}`, cells: [], numberFormat: "#,##0" })
    .put({ at: `D5:F${last + 1}`, cells: [], numberFormat: "0.0%" })
    .put({ at: `E5:F${last}`, cells: [], fill: INPUT_FILL });
  const scenarioRow = last + 3; // one-based: header of the scenarios
  const blended = (mixColumn: string) =>
    `=SVC.CHANNEL_COST($B$5:$B$${last},$${mixColumn}$5:$${mixColumn}$${last},$F$5:$F$${last})`;
  mix
    .put({
      at: `A${scenarioRow}`,
      cells: [
        ["Scenario", "Cost per contact", "Cost per resolved contact", "Contacts", "Cost of the contacts"],
      ],
      bold: true,
    })
    .put({
      at: `A${scenarioRow + 1}`,
      cells: [
        ["Current mix", blended("D"), null, `=$C$${last + 1}`, `=B${scenarioRow + 1}*D${scenarioRow + 1}`],
        ["Target mix", blended("E"), null, `=$C$${last + 1}`, `=B${scenarioRow + 2}*D${scenarioRow + 2}`],
        ["Saving at the target mix", null, null, null, `=E${scenarioRow + 1}-E${scenarioRow + 2}`],
      ],
    })
    .put({ at: `B${scenarioRow + 1}:C${scenarioRow + 2}`, cells: [], numberFormat: "#,##0.00" })
    .put({ at: `D${scenarioRow + 1}:D${scenarioRow + 2}`, cells: [], numberFormat: "#,##0" })
    .put({ at: `E${scenarioRow + 1}:E${scenarioRow + 3}`, cells: [], numberFormat: "#,##0.00" })
    .put({ at: `A${scenarioRow + 3}`, cells: [], bold: true })
    .put({
      at: "H4",
      cells: [
        ["Contacts in the log", `=ROWS(${logRef("channel")})`],
        ["Contacts in the mix", `=C${last + 1}`],
        ["Target mix total", `=E${last + 1}`],
      ],
    })
    .put({ at: "I4:I5", cells: [], numberFormat: "#,##0" })
    .put({ at: "I6", cells: [], numberFormat: "0.0%" })
    .put({ at: "H7", cells: [["Check"]], bold: true })
    .put({
      at: "I7",
      cells: [
        [
          checkFormula([
            ["I5", "I4"],
            ["I6", "1"],
          ]),
        ],
      ],
      bold: true,
    })
    .autofit(`A4:I${scenarioRow + 3}`, { formulaChars: 10 });
  template.check(sheets.channelMix, "I7");

  // ---- Scorecard ----------------------------------------------------------------------------
  const score = template.sheet(sheets.scorecard);
  const kpiLast = 4 + KPIS.length; // one-based row of the last KPI
  score
    .put({ at: "A1", cells: [["Service scorecard"]], bold: true })
    .put({
      at: "A2",
      cells: [
        [
          "Each KPI scores 0-100 against its target (SVC.SCORECARD, achievement capped at 100) and the weights combine them; RAG is G when the target is met, A within the amber band of it, R beyond (SVC.RAG).",
        ],
      ],
    })
    .put({
      at: "A4",
      cells: [["KPI", "Actual", "Target", "Weight", "Direction", "Score", "RAG"]],
      bold: true,
    })
    .put({
      at: "A5",
      cells: KPIS.map(([kpi, actual, target, weight, direction], index) => [
        kpi,
        actual,
        target,
        weight,
        direction,
        index === 0 ? `=SVC.SCORECARD(B5:B${kpiLast},C5:C${kpiLast},D5:D${kpiLast},E5:E${kpiLast})` : null,
        `=SVC.RAG(B${5 + index},C${5 + index},E${5 + index},$B$${kpiLast + 3})`,
      ]),
    })
    .put({ at: `A${kpiLast + 1}`, cells: [["Composite score"]], bold: true })
    .put({ at: `F5:F${kpiLast + 1}`, cells: [], numberFormat: "0.0" })
    .put({ at: `F${kpiLast + 1}`, cells: [], bold: true })
    .put({ at: `D5:D${kpiLast}`, cells: [], numberFormat: "0%" })
    .put({ at: `C5:E${kpiLast}`, cells: [], fill: INPUT_FILL })
    .put({ at: `B6:B${kpiLast}`, cells: [], fill: INPUT_FILL })
    .put({ at: `A${kpiLast + 3}`, cells: [["Amber band (share of target)", 0.1]] })
    .put({ at: `B${kpiLast + 3}`, cells: [], numberFormat: "0%", fill: INPUT_FILL });
  KPIS.forEach(([, , , , , format], index) =>
    score.put({ at: `B${5 + index}:C${5 + index}`, cells: [], numberFormat: format }),
  );
  score
    .put({
      at: "I4",
      cells: [
        ["Composite recomputed", `=SUMPRODUCT(F5:F${kpiLast},D5:D${kpiLast})/SUM(D5:D${kpiLast})`],
        ["Composite", `=F${kpiLast + 1}`],
      ],
    })
    .put({ at: "J4:J5", cells: [], numberFormat: "0.0" })
    .put({ at: "I6", cells: [["Check"]], bold: true })
    .put({ at: "J6", cells: [[checkFormula([["J5", "J4"]])]], bold: true })
    .autofit(`A4:J${kpiLast + 3}`, { formulaChars: 10 });
  template.check(sheets.scorecard, "J6");

  instructionsSheet(template, {
    title: { en: "Service cost model", zh: "客服成本模型" },
    purpose: {
      en: "What a month of customer service costs, by channel and customer tier: activity-based costing of the cost ledger over the contact log, cost per contact, the blended cost of a channel mix and a KPI scorecard.",
      zh: "按渠道和客户等级分析一个月的客户服务成本：以联络记录为动因对成本台账进行作业成本分配，计算单次联络成本和渠道组合的综合成本，并生成 KPI 计分卡。",
    },
    sheets: [
      {
        sheet: COST_LEDGER.sheet,
        en: "The month's costs by activity pool and account (table CostLedger). Replace the rows with your ledger; keep the headers.",
        zh: "按作业成本池和科目列示的当月成本（表 CostLedger）。用您的台账替换数据行，保留标题行。",
      },
      {
        sheet: sheets.dictionary,
        en: "What each activity is, its cost driver and its Chinese name (table ActivityDictionary). The ledger and the contact log should use these activities.",
        zh: "各作业的含义、成本动因及中文名称（表 ActivityDictionary）。成本台账和联络记录应使用这些作业名称。",
      },
      {
        sheet: CONTACT_LOG.sheet,
        en: "One row per contact: date, channel, customer tier, activity, handle time and customer (table ContactLog). Handle time is the cost driver.",
        zh: "每次联络一行：日期、渠道、客户等级、作业、处理时长和客户（表 ContactLog）。处理时长即成本动因。",
      },
      {
        sheet: sheets.abc,
        en: "The pane's cost allocation: SVC.ABC_BY_OBJECT spreads each activity's cost over the channels by handle time; cost no contact drives (Training) stays Unallocated.",
        zh: "任务窗格生成的成本分配：SVC.ABC_BY_OBJECT 按处理时长把各作业成本分配到各渠道；没有联络驱动的成本（培训）列为未分配。",
      },
      {
        sheet: sheets.costPerContact,
        en: "Each channel's ABC cost divided by its contacts (COUNTIF), and the same by customer tier with a second SVC.ABC_BY_OBJECT over ContactLog[Tier]. The Mix group column puts channels into the groups of Channel mix.",
        zh: "各渠道的作业成本除以其联络次数（COUNTIF）；按客户等级的同样计算使用第二个 SVC.ABC_BY_OBJECT（按 ContactLog[Tier]）。“Mix group”列把渠道归入“Channel mix”中的渠道组。",
      },
      {
        sheet: sheets.channelMix,
        en: "Blended cost per contact and per resolved contact of bot, online text and phone (SVC.CHANNEL_COST) for the current mix and a target mix, with each channel's resolution rate; unresolved contacts escalate down the list.",
        zh: "机器人、在线文字、电话三类渠道在当前组合和目标组合下的综合单次联络成本与单次解决成本（SVC.CHANNEL_COST），含各渠道解决率；未解决的联络依次升级到列表中的下一个渠道。",
      },
      {
        sheet: sheets.scorecard,
        en: "Weighted KPI scorecard (SVC.SCORECARD) of cost per contact, service level, CSAT and first-contact resolution, with a red/amber/green status per KPI (SVC.RAG).",
        zh: "KPI 加权计分卡（SVC.SCORECARD）：单次联络成本、服务水平、客户满意度和首次解决率，并为每个 KPI 给出红/黄/绿状态（SVC.RAG）。",
      },
    ],
    steps: [
      {
        en: "Paste your month's ledger into Cost ledger and your contacts into Contact log, below the headers (the tables grow as you paste).",
        zh: "把当月台账粘贴到“Cost ledger”，把联络记录粘贴到“Contact log”的标题行下方（表格会随粘贴自动扩展）。",
      },
      {
        en: "Read the allocation on ABC and the unit costs on Cost per contact; set the target mix and resolution rates on Channel mix, and the month's KPI actuals and targets on Scorecard.",
        zh: "在“ABC”查看成本分配，在“Cost per contact”查看单位成本；在“Channel mix”设置目标组合和解决率，在“Scorecard”填写当月 KPI 实际值和目标值。",
      },
    ],
  });

  return template.build();
}
