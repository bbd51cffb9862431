/**
 * customer-value.xlsx: customer lifetime value from a transaction log and CLV net of the cost of
 * serving each customer. The CLV sheet is the pane's customer value model (self-contained, its
 * inputs drive the workbook); RFM and Fits show its first two steps on their own, with
 * diagnostics and a check that they agree with it.
 */
import { tableLabels } from "../../src/i18n/tables";
import { TRANSACTIONS } from "../../src/preview/samples/names";
import { transactions } from "../../src/preview/samples/transactions";
import { defaultInputs } from "../../src/taskpane/model-builders/builders";
import type { SheetPlan } from "../../src/taskpane/model-builders/plan";
import {
  cellAddress,
  quoteSheet,
  rangeAddress,
  structuredReference,
} from "../../src/taskpane/model-builders/references";
import { spillSizes } from "../../src/taskpane/model-builders/sizes";
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

export const CUSTOMER_VALUE = {
  file: "customer-value.xlsx",
  sheets: { rfm: "RFM", fits: "Fits", clv: "CLV", net: "CLV net of cost-to-serve" },
  costToServeTable: "CostToServe",
  costToServeColumns: { tier: "Value tier", contacts: "Contacts per customer", cost: "Cost per contact" },
} as const;

/** The pane's customer value model on the Transactions table, with the builder's default inputs. */
export const VALUE_SETUP: ModelSetup = {
  builder: "value",
  slots: {
    transactions: {
      source: { kind: "table", name: TRANSACTIONS.table },
      mapping: {
        customer: TRANSACTIONS.columns.customer,
        date: TRANSACTIONS.columns.date,
        amount: TRANSACTIONS.columns.amount,
      },
    },
  },
  units: { handleTime: "sec", volume: "perInterval" },
  inputs: defaultInputs("value"),
  sheetName: CUSTOMER_VALUE.sheets.clv,
};

/**
 * Cost to serve by value tier: contacts per customer over the CLV horizon and cost per contact.
 * Top customers call more and by phone more often, so their contacts cost more.
 */
export const COST_TO_SERVE: readonly [tier: string, contacts: number, costPerContact: number][] = [
  [STRINGS.value_tierTop, 3, 5.2],
  [STRINGS.value_tierMiddle, 2, 4.5],
  [STRINGS.value_tierBottom, 1, 3.8],
];

/** The cells of the pane's value plan this workbook reads, checked against the plan itself. */
function valueLayout(plan: SheetPlan) {
  const formulaAt = (at: string, start: string) => {
    const block = plan.blocks.find((candidate) => candidate.at === at);
    const formula = block?.cells[0]?.[0];
    if (typeof formula !== "string" || !formula.startsWith(start)) {
      throw new Error(`${plan.sheetName}: expected ${start}... at ${at}`);
    }
  };
  formulaAt("B4", "=MAX(");
  formulaAt("D4", "=SVC.BGNBD_FIT(");
  formulaAt("G4", "=SVC.GAMMAGAMMA_FIT(");
  formulaAt("A11", "=SVC.RFM(");
  formulaAt("F12", "=SVC.CLV_BGNBD(");
  formulaAt("G12", "=SVC.TIER_ASSIGN(");
  return {
    endDate: "$B$4",
    periodDays: "$B$5",
    horizon: "$B$6",
    /** BG/NBD r, alpha, a, b and Gamma-Gamma p, q, gamma. */
    bgnbd: ["$E$4", "$E$5", "$E$6", "$E$7"],
    gammaGamma: ["$H$4", "$H$5", "$H$6"],
    /** Zero-based row of the first customer, and the columns of customer, CLV and tier. */
    firstRow: 11,
    customer: 0,
    clv: 5,
    tier: 6,
  };
}

export function customerValue(): Template {
  const { sheets } = CUSTOMER_VALUE;
  const template = new TemplateBuilder(CUSTOMER_VALUE.file, "Customer value");

  const log = sampleTable(transactions());
  template.tableSheet(TRANSACTIONS.sheet, TRANSACTIONS.table, log.columns, log.rows);
  const customers = spillSizes(VALUE_SETUP, { transactions: template.source(TRANSACTIONS.table) }).customers!;
  const tx = (column: keyof typeof TRANSACTIONS.columns) =>
    structuredReference(TRANSACTIONS.table, TRANSACTIONS.columns[column]);
  const labels = tableLabels(LOCALE);

  // ---- RFM ----------------------------------------------------------------------------------
  // Sheets are created in workbook order; the CLV sheet's plan is needed first for its addresses.
  const rfm = template.sheet(sheets.rfm);
  const fits = template.sheet(sheets.fits);
  const { plan: clvPlan } = template.model(VALUE_SETUP, { 0: [labels.customer, "C0000"] });
  const clv = valueLayout(clvPlan);
  const clvSheet = quoteSheet(sheets.clv);

  const rfmHeader = 7; // zero-based: the RFM spill's header row
  const first = rfmHeader + 1;
  const last = rfmHeader + customers;
  const rfmColumn = (col: number, sheet = "") => `${sheet}${rangeAddress(first, col, last, col, true)}`;
  const fitsRef = quoteSheet(sheets.fits);
  const bgnbdParams = `${fitsRef}!$A$5:$B$9`;
  rfm
    .put({ at: "A1", cells: [["RFM: each customer's purchase summary"]], bold: true })
    .put({
      at: "A2",
      cells: [
        [
          "Frequency counts repeat purchases; recency and T are in periods of the CLV sheet's days per period, up to its end of observation. P(alive) and expected purchases use the BG/NBD fit on Fits.",
        ],
      ],
    })
    .put({
      at: "A4",
      cells: [
        [STRINGS.value_endDate, `=${clvSheet}!${clv.endDate}`],
        [STRINGS.input_periodDays, `=${clvSheet}!${clv.periodDays}`],
        [STRINGS.input_horizonPeriods, `=${clvSheet}!${clv.horizon}`],
      ],
    })
    .put({ at: "B4", cells: [], numberFormat: "yyyy-mm-dd" })
    .put({ at: "B5:B6", cells: [], numberFormat: "0" })
    .put({
      at: cellAddress(rfmHeader, 0),
      cells: [[`=SVC.RFM(${tx("customer")},${tx("date")},${tx("amount")},$B$4,$B$5)`]],
    })
    .put({
      at: cellAddress(rfmHeader, 5),
      cells: [["P(alive)", "Expected purchases in the horizon"]],
      bold: true,
    })
    .put({
      at: cellAddress(first, 5),
      cells: [
        [
          `=SVC.P_ALIVE(${bgnbdParams},${rfmColumn(1)},${rfmColumn(2)},${rfmColumn(3)})`,
          `=SVC.BGNBD_EXPECTED(${bgnbdParams},${rfmColumn(1)},${rfmColumn(2)},${rfmColumn(3)},$B$6)`,
        ],
      ],
    })
    .put({ at: rangeAddress(first, 2, last, 3), cells: [], numberFormat: "0.00" })
    .put({ at: rangeAddress(first, 4, last, 4), cells: [], numberFormat: "#,##0.00" })
    .put({ at: rangeAddress(first, 5, last, 5), cells: [], numberFormat: "0.0%" })
    .put({ at: rangeAddress(first, 6, last, 6), cells: [], numberFormat: "0.00" });
  const rfmSummary: [string, string, string][] = [
    ["Customers", `=COUNTA(${rfmColumn(0)})`, "#,##0"],
    [STRINGS.value_customersInSource, `=ROWS(UNIQUE(${tx("customer")}))`, "#,##0"],
    ["Repeat customers", `=COUNTIF(${rfmColumn(1)},">0")`, "#,##0"],
    ["Share with repeat purchases", "=IF(J4=0,0,J6/J4)", "0.0%"],
    ["Mean P(alive)", `=AVERAGE(${rfmColumn(5)})`, "0.0%"],
    ["Expected purchases, all customers", `=SUM(${rfmColumn(6)})`, "#,##0.0"],
  ];
  rfmSummary.forEach(([label, formula, format], index) =>
    rfm.put({ at: cellAddress(3 + index, 8), cells: [[label, formula]] }).put({
      at: cellAddress(3 + index, 9),
      cells: [],
      numberFormat: format,
    }),
  );
  rfm
    .put({ at: "I10", cells: [[STRINGS.check]], bold: true })
    .put({ at: "J10", cells: [[checkFormula([["J4", "J5"]])]], bold: true })
    .autofit(rangeAddress(3, 0, last, 9), {
      extra: { 0: [labels.customer], 1: [labels.frequency], 4: [labels.monetary] },
    });
  template.check(sheets.rfm, "J10");

  // ---- Fits ---------------------------------------------------------------------------------
  const rfmSheet = quoteSheet(sheets.rfm);
  fits
    .put({ at: "A1", cells: [["Model fits: BG/NBD (purchases) and Gamma-Gamma (spend)"]], bold: true })
    .put({
      at: "A2",
      cells: [
        [
          "Fitted on the RFM sheet by maximum likelihood. The CLV sheet fits the same models on its own RFM; the check says whether the two agree.",
        ],
      ],
    })
    .put({ at: "A4", cells: [[STRINGS.value_bgnbd, null, null, STRINGS.value_gammaGamma]], bold: true })
    .put({
      at: "A5",
      cells: [
        [
          `=SVC.BGNBD_FIT(${rfmColumn(1, `${rfmSheet}!`)},${rfmColumn(2, `${rfmSheet}!`)},${rfmColumn(3, `${rfmSheet}!`)})`,
        ],
      ],
    })
    .put({
      at: "D5",
      cells: [[`=SVC.GAMMAGAMMA_FIT(${rfmColumn(1, `${rfmSheet}!`)},${rfmColumn(4, `${rfmSheet}!`)})`]],
    })
    .put({ at: "B5:B9", cells: [], numberFormat: "0.0000" })
    .put({ at: "E5:E8", cells: [], numberFormat: "0.0000" })
    .put({ at: "A11", cells: [["What the parameters say"]], bold: true })
    .put({
      at: "A12",
      cells: [
        ["Mean purchases per period while active (r / alpha)", "=B5/B6"],
        ["Chance of dropping out after a purchase (a / (a + b))", "=B7/(B7+B8)"],
        ["Mean spend per purchase (p x gamma / (q - 1))", '=IF(E6>1,E5*E7/(E6-1),"")'],
      ],
    })
    .put({ at: "B12", cells: [], numberFormat: "0.000" })
    .put({ at: "B13", cells: [], numberFormat: "0.0%" })
    .put({ at: "B14", cells: [], numberFormat: "#,##0.00" })
    .put({ at: "A16", cells: [[`${STRINGS.check} (same fits as the CLV sheet)`]], bold: true })
    .put({
      at: "B16",
      cells: [
        [
          checkFormula([
            ...["B5", "B6", "B7", "B8"].map((cell, i): [string, string] => [
              cell,
              `${clvSheet}!${clv.bgnbd[i]}`,
            ]),
            ...["E5", "E6", "E7"].map((cell, i): [string, string] => [
              cell,
              `${clvSheet}!${clv.gammaGamma[i]}`,
            ]),
          ]),
        ],
      ],
      bold: true,
    })
    .width(0, 52)
    .width(1, 12)
    .width(2, 4)
    .width(3, 16)
    .width(4, 12);
  template.check(sheets.fits, "B16");

  // ---- CLV net of cost-to-serve --------------------------------------------------------------
  const net = template.sheet(sheets.net);
  const { costToServeTable: table, costToServeColumns: cts } = CUSTOMER_VALUE;
  net.put({ at: "A1", cells: [["CLV net of cost-to-serve"]], bold: true }).put({
    at: "A2",
    cells: [
      [
        "Cost to serve = contacts per customer over the CLV horizon x cost per contact, by value tier (table CostToServe). Net CLV = CLV - cost to serve.",
      ],
    ],
  });
  template.table(
    net,
    table,
    [3, 0],
    [
      { header: cts.tier },
      { header: cts.contacts, numberFormat: "0.0", input: true },
      { header: cts.cost, numberFormat: "#,##0.00", input: true },
    ],
    COST_TO_SERVE.map((row) => [...row]),
  );
  const listHeader = 9; // zero-based
  const listFirst = listHeader + 1;
  const listLast = listHeader + customers;
  const lookup = (column: string, row: number) =>
    `=INDEX(${structuredReference(table, column)},MATCH($C${row},${structuredReference(table, cts.tier)},0))`;
  net.put({
    at: cellAddress(listHeader, 0),
    cells: [
      [
        labels.customer,
        STRINGS.value_clv,
        STRINGS.value_tier,
        "Contacts",
        cts.cost,
        "Cost to serve",
        "Net CLV",
      ],
    ],
    bold: true,
  });
  net.put({
    at: cellAddress(listFirst, 0),
    cells: Array.from({ length: customers }, (_, index) => {
      const row = listFirst + index + 1; // one-based
      const source = clv.firstRow + index;
      return [
        `=${clvSheet}!${cellAddress(source, clv.customer)}`,
        `=${clvSheet}!${cellAddress(source, clv.clv)}`,
        `=${clvSheet}!${cellAddress(source, clv.tier)}`,
        lookup(cts.contacts, row),
        lookup(cts.cost, row),
        `=D${row}*E${row}`,
        `=B${row}-F${row}`,
      ];
    }),
  });
  const listColumn = (col: number, absolute = true) => rangeAddress(listFirst, col, listLast, col, absolute);
  net
    .put({ at: listColumn(1, false), cells: [], numberFormat: "#,##0.00" })
    .put({ at: listColumn(3, false), cells: [], numberFormat: "0.0" })
    .put({ at: rangeAddress(listFirst, 4, listLast, 6), cells: [], numberFormat: "#,##0.00" });
  const clvColumn = `${clvSheet}!${rangeAddress(clv.firstRow, clv.clv, clv.firstRow + customers - 1, clv.clv, true)}`;
  net
    .put({
      at: "I4",
      cells: [
        [STRINGS.value_customers, `=COUNTA(${listColumn(0)})`],
        [STRINGS.value_totalClv, `=SUM(${listColumn(1)})`],
        ["Total cost to serve", `=SUM(${listColumn(5)})`],
        ["Total net CLV", `=SUM(${listColumn(6)})`],
        ["Customers with negative net CLV", `=COUNTIF(${listColumn(6)},"<0")`],
        ["Total CLV on the CLV sheet", `=SUM(${clvColumn})`],
      ],
    })
    .put({ at: "J4", cells: [], numberFormat: "#,##0" })
    .put({ at: "J5:J7", cells: [], numberFormat: "#,##0.00" })
    .put({ at: "J8", cells: [], numberFormat: "#,##0" })
    .put({ at: "J9", cells: [], numberFormat: "#,##0.00" })
    .put({ at: "I10", cells: [[STRINGS.check]], bold: true })
    .put({
      at: "J10",
      cells: [
        [
          checkFormula([
            ["J5", "J9"],
            ["J7", "J5-J6"],
          ]),
        ],
      ],
      bold: true,
    })
    .put({
      at: "I12",
      cells: [[STRINGS.value_tier, STRINGS.value_customers, "Net CLV", "Average net CLV"]],
      bold: true,
    })
    .put({
      at: "I13",
      cells: COST_TO_SERVE.map(([tier], index) => {
        const row = 13 + index;
        return [
          tier,
          `=COUNTIF(${listColumn(2)},I${row})`,
          `=SUMIF(${listColumn(2)},I${row},${listColumn(6)})`,
          `=IF(J${row}=0,0,K${row}/J${row})`,
        ];
      }),
    })
    .put({ at: "J13:J15", cells: [], numberFormat: "#,##0" })
    .put({ at: "K13:L15", cells: [], numberFormat: "#,##0.00" })
    .autofit(rangeAddress(3, 0, listLast, 11), { padding: 3 });
  template.check(sheets.net, "J10");

  const inputs = inputRange(clvPlan);

  instructionsSheet(template, {
    title: { en: "Customer value net of cost-to-serve", zh: "扣除服务成本后的客户价值" },
    purpose: {
      en: "Each customer's lifetime value from the transaction log (BG/NBD for purchases, Gamma-Gamma for spend), value tiers, and CLV net of the cost of serving the customer.",
      zh: "根据交易记录计算每位客户的终身价值（购买次数用 BG/NBD，消费金额用 Gamma-Gamma）和价值分层，并扣除服务该客户的成本。",
    },
    sheets: [
      {
        sheet: TRANSACTIONS.sheet,
        en: "One row per purchase: customer, date and amount (table Transactions).",
        zh: "每笔购买一行：客户、日期和金额（表 Transactions）。",
      },
      {
        sheet: sheets.rfm,
        en: "SVC.RFM: each customer's frequency (repeat purchases), recency, age T and mean repeat spend, in periods of the CLV sheet's days per period; with P(alive) (SVC.P_ALIVE) and expected purchases over the horizon (SVC.BGNBD_EXPECTED).",
        zh: "SVC.RFM：每位客户的购买频次（重复购买次数）、最近购买时间、观察时长 T 和平均重复消费金额，期间长度取自“CLV”工作表；并给出仍活跃的概率（SVC.P_ALIVE）和预测期内的预期购买次数（SVC.BGNBD_EXPECTED）。",
      },
      {
        sheet: sheets.fits,
        en: "SVC.BGNBD_FIT and SVC.GAMMAGAMMA_FIT on the RFM sheet and what their parameters say; the check compares them with the CLV sheet's own fits.",
        zh: "基于“RFM”工作表的 SVC.BGNBD_FIT 与 SVC.GAMMAGAMMA_FIT，以及参数的含义；校验将其与“CLV”工作表自身的拟合结果比较。",
      },
      {
        sheet: sheets.clv,
        en: `The pane's customer value model: RFM, both fits, CLV per customer over the horizon (SVC.CLV_BGNBD) and value tiers at the 50th and 80th percentiles (SVC.TIER_ASSIGN). Its inputs in ${inputs} drive the whole workbook.`,
        zh: `任务窗格生成的客户价值模型：RFM、两个拟合、预测期内每位客户的 CLV（SVC.CLV_BGNBD）以及按第 50 和第 80 百分位划分的价值层级（SVC.TIER_ASSIGN）。${inputs} 中的参数驱动整个工作簿。`,
      },
      {
        sheet: sheets.net,
        en: "Cost to serve per customer = contacts per customer over the horizon x cost per contact, both by value tier (input table CostToServe); net CLV = CLV − cost to serve, with totals and tiers.",
        zh: "每位客户的服务成本 = 预测期内人均联络次数 × 单次联络成本，均按价值层级设定（输入表 CostToServe）；净 CLV = CLV − 服务成本，并给出合计与分层汇总。",
      },
    ],
    steps: [
      {
        en: `Paste your purchases into Transactions, below the headers. Set days per period, horizon and discount rate on CLV (${inputs}): the other sheets follow them.`,
        zh: `把购买记录粘贴到“Transactions”的标题行下方。在“CLV”（${inputs}）设置每期天数、预测期数和折现率，其他工作表随之更新。`,
      },
      {
        en: "Enter contacts per customer and cost per contact by tier in the CostToServe table; the service cost model's Cost per contact sheet gives a cost per contact.",
        zh: "在 CostToServe 表中按层级填写人均联络次数和单次联络成本；单次联络成本可取自服务成本模型的“Cost per contact”工作表。",
      },
      {
        en: "RFM, Fits and the net sheet list one row per customer in the data now. When new customers arrive, Refresh model rebuilds CLV; extend the rows of RFM and the net sheet (their checks read CHECK until they match).",
        zh: "“RFM”、“Fits”和净值工作表按当前数据中的客户逐行列出。有新客户后，“刷新模型”会重新生成“CLV”；请相应扩展“RFM”和净值工作表的行（在一致之前其校验显示 CHECK）。",
      },
    ],
  });

  return template.build();
}
