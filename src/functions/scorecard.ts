/**
 * Scorecard family: customer-experience KPIs from raw answers, weighted scorecards, RAG status,
 * customer tiers, concentration and savings levers. Maths in src/engine/scorecard. Excel's own
 * functions (AVERAGE, NPV, IRR) are composed with these, not re-implemented.
 */
import {
  asList,
  type CellValue,
  invalidValue,
  isBlank,
  isOmitted,
  type Key,
  mapNumbers,
  readKey,
  readNumber,
  readNumberList,
  readRecords,
  showValue,
} from "../engine/core";
import {
  automationSavings as automationSavingsCore,
  ces as cesCore,
  checkedTiers,
  csat as csatCore,
  direction as directionNamed,
  fcr as fcrCore,
  nps as npsCore,
  paretoShare as paretoShareCore,
  payback as paybackCore,
  rag as ragCore,
  scorecard as scorecardCore,
  scoringMethod,
  tierAssign as tierAssignCore,
} from "../engine/scorecard";
import { arg, keyCell, optional, singleCell, singleNumber, singleText } from "./arguments";
import { runElementwise, runSpill } from "./excel";

/** The answered cells of a column (or row) of answers: blanks are left out, their rows kept for messages. */
function readAnswers(
  value: unknown,
  name: string,
  read: (cell: CellValue, arg: string, place: { row?: number }) => number = readNumber,
) {
  const answers = readRecords<[number]>([{ name, value, read }]);
  return { values: answers.columns[0], rows: answers.rows };
}

/**
 * Net Promoter Score from raw 0-10 answers: % promoters (9-10) minus % detractors (0-6), from -100 to 100. Blank cells are left out.
 * @customfunction NPS
 * @helpurl https://localhost:3000/docs/functions/NPS.html
 * @param {any[][]} scores Answers to "how likely are you to recommend us", whole numbers 0-10, a column or row.
 * @returns {any[][]} NPS in points, -100 to 100.
 */
export function nps(scores: any[][]): any[][] {
  return runSpill("NPS", () => {
    const answers = readAnswers(scores, "scores");
    return [[npsCore(answers.values, answers.rows)]];
  });
}

/**
 * Customer satisfaction as a top-box share: the share of answers at or above threshold on a 1 to scale_max scale. Blank cells are left out.
 * @customfunction CSAT
 * @helpurl https://localhost:3000/docs/functions/CSAT.html
 * @param {any[][]} scores Satisfaction answers on the 1 to scale_max scale, a column or row.
 * @param {any[][]} [threshold] Lowest answer that counts as satisfied. Default scale_max - 1 (top-2-box).
 * @param {any[][]} [scale_max] Top of the scale. Default 5.
 * @returns {any[][]} CSAT, a fraction between 0 and 1.
 */
export function csat(scores: any[][], threshold?: any[][], scale_max?: any[][]): any[][] {
  return runSpill("CSAT", () => {
    const top = singleNumber(threshold, "threshold");
    const max = singleNumber(scale_max, "scale_max", 5);
    const answers = readAnswers(scores, "scores");
    return [[csatCore(answers.values, top, max, answers.rows)]];
  });
}

/**
 * Customer Effort Score: the mean effort answer on a 1 to scale_max scale. Blank cells are left out.
 * @customfunction CES
 * @helpurl https://localhost:3000/docs/functions/CES.html
 * @param {any[][]} scores Effort answers on the 1 to scale_max scale, a column or row.
 * @param {any[][]} [scale_max] Top of the scale. Default 7.
 * @returns {any[][]} Mean effort score.
 */
export function ces(scores: any[][], scale_max?: any[][]): any[][] {
  return runSpill("CES", () => {
    const max = singleNumber(scale_max, "scale_max", 7);
    const answers = readAnswers(scores, "scores");
    return [[cesCore(answers.values, max, answers.rows)]];
  });
}

/** A resolution flag: TRUE/FALSE or 1/0. */
const readFlag = (cell: CellValue, name: string, place: { row?: number }) =>
  typeof cell === "boolean" ? (cell ? 1 : 0) : readNumber(cell, name, place);

/**
 * First-contact resolution: the share of contacts resolved at the first contact, from a contact log's resolution flags (TRUE/FALSE or 1/0). Blank cells are left out.
 * @customfunction FCR
 * @helpurl https://localhost:3000/docs/functions/FCR.html
 * @param {any[][]} resolved One flag per contact: TRUE or 1 when resolved at the first contact, FALSE or 0 when not.
 * @returns {any[][]} FCR, a fraction between 0 and 1.
 */
export function fcr(resolved: any[][]): any[][] {
  return runSpill("FCR", () => {
    const flags = readAnswers(resolved, "resolved", readFlag);
    return [[fcrCore(flags.values, flags.rows)]];
  });
}

/** Direction names: one for every KPI, or one per KPI; blank means "higher". */
function readDirections(value: unknown, count: number) {
  if (isOmitted(value, "directions")) return new Array(count).fill("higher");
  const names = asList(value, "directions");
  const all = names.length === 1 ? new Array(count).fill(names[0]) : names;
  return all.map((cell, i) => {
    if (cell === null || cell === undefined || cell === "") return "higher";
    const name = readKey(cell, "directions", { row: i + 1 });
    if (typeof name !== "string")
      throw invalidValue("mustBe", { arg: "directions", rule: "text", row: i + 1, actual: showValue(name) });
    return directionNamed(name);
  });
}

/**
 * Weighted KPI scorecard: each KPI scored 0-100 against its target ("target": achievement capped at 100; "minmax": from the worst value to the target), then the weighted composite. Weights need not add up to 1.
 * @customfunction SCORECARD
 * @helpurl https://localhost:3000/docs/functions/SCORECARD.html
 * @param {any[][]} actuals Actual value of each KPI, a column.
 * @param {any[][]} targets Target of each KPI, a column matching actuals.
 * @param {any[][]} weights Weight of each KPI, >= 0, a column matching actuals.
 * @param {any[][]} [directions] "higher" (default) or "lower" is better: one value or one per KPI. Also 越高越好 / 越低越好.
 * @param {any[][]} [method] "target" (default) or "minmax".
 * @param {any[][]} [worst] For "minmax": the value scoring 0 for each KPI, a column matching actuals.
 * @returns {any[][]} A column: each KPI's score 0-100, then the composite score.
 */
export function scorecard(
  actuals: any[][],
  targets: any[][],
  weights: any[][],
  directions?: any[][],
  method?: any[][],
  worst?: any[][],
): any[][] {
  return runSpill("SCORECARD", () => {
    const actual = readNumberList(actuals, "actuals");
    const card = scorecardCore(
      actual,
      readNumberList(targets, "targets"),
      readNumberList(weights, "weights"),
      readDirections(directions, actual.length),
      scoringMethod(singleText(method, "method", "target")),
      isOmitted(worst, "worst") ? undefined : readNumberList(worst, "worst"),
    );
    return [...card.scores.map((score) => [score]), [card.composite]];
  });
}

/**
 * Red / amber / green status of a KPI: "G" when the target is met, "A" when within amber_band of it, "R" beyond.
 * @customfunction RAG
 * @helpurl https://localhost:3000/docs/functions/RAG.html
 * @param {any[][]} actual Actual value. A range spills one status per cell.
 * @param {any[][]} target Target value.
 * @param {any[][]} [direction] "higher" (default) or "lower" is better. Also 越高越好 / 越低越好.
 * @param {any[][]} [amber_band] How far short of the target still counts as amber, as a fraction of the target, >= 0. Default 0.1.
 * @returns {any[][]} "G", "A" or "R".
 */
export function rag(actual: any[][], target: any[][], direction?: any[][], amber_band?: any[][]): any[][] {
  return runSpill("RAG", () => {
    const dir = directionNamed(singleText(direction, "direction", "higher"), "direction");
    return mapNumbers(
      [arg("actual", actual), arg("target", target), optional("amber_band", amber_band, 0.1)],
      (a, t, band) => ragCore(a, t, dir, band),
    );
  });
}

/**
 * Customer tier of each value between ascending thresholds; inclusive says whether a value equal to a threshold belongs to the upper tier (以上: TRUE) or the lower one (超过: FALSE).
 * @customfunction TIER_ASSIGN
 * @helpurl https://localhost:3000/docs/functions/TIER_ASSIGN.html
 * @param {any[][]} values Value of each customer (spend, mileage...). A range spills one tier per cell.
 * @param {any[][]} thresholds Tier boundaries, strictly ascending, a column or row.
 * @param {any[][]} labels Tier names, one more than thresholds: the tier below the first threshold first.
 * @param {any[][]} [inclusive] TRUE (default): a value equal to a threshold is in the upper tier; FALSE: in the lower one.
 * @returns {any[][]} The tier label of each value.
 */
export function tierAssign(
  values: any[][],
  thresholds: any[][],
  labels: any[][],
  inclusive?: any[][],
): any[][] {
  return runSpill("TIER_ASSIGN", () => {
    const tiers = checkedTiers(
      readNumberList(thresholds, "thresholds"),
      asList(labels, "labels").map((cell, i) => {
        if (isBlank(cell)) throw invalidValue("blankCell", { arg: "labels", row: i + 1 });
        return readKey(cell, "labels", { row: i + 1 });
      }),
    );
    const given = singleCell(inclusive, "inclusive");
    const upper =
      given === undefined ? true : typeof given === "boolean" ? given : readNumber(given, "inclusive") !== 0;
    return mapNumbers([arg("values", values)], (value) => {
      const label: Key = tierAssignCore(value, tiers.thresholds, tiers.labels, upper);
      return keyCell(label);
    });
  });
}

/**
 * Pareto share: the share of the total held by the top top_share of items (for example the revenue share of the top 20% of customers).
 * @customfunction PARETO_SHARE
 * @helpurl https://localhost:3000/docs/functions/PARETO_SHARE.html
 * @param {any[][]} values Value of each item, >= 0, a column or row; blank cells are left out.
 * @param {any[][]} [top_share] Share of items at the top, a fraction. Default 0.2.
 * @returns {any[][]} Their share of the total, a fraction between 0 and 1.
 */
export function paretoShare(values: any[][], top_share?: any[][]): any[][] {
  return runSpill("PARETO_SHARE", () => {
    const items = readAnswers(values, "values");
    return [[paretoShareCore(items.values, singleNumber(top_share, "top_share", 0.2), items.rows)]];
  });
}

/**
 * Savings per period from automation: volume x deflection_rate x (bot_resolution x human_cost - bot_cost); contacts the bot does not resolve still need a human.
 * @customfunction AUTOMATION_SAVINGS
 * @helpurl https://localhost:3000/docs/functions/AUTOMATION_SAVINGS.html
 * @param {any[][]} volume Contacts per period, >= 0. A range spills one result per cell.
 * @param {any[][]} deflection_rate Share of contacts the bot or self-service takes, a fraction.
 * @param {any[][]} human_cost Cost of a contact handled by a person, >= 0.
 * @param {any[][]} bot_cost Cost of a contact handled by the bot, >= 0.
 * @param {any[][]} [bot_resolution] Share of its contacts the bot resolves, a fraction. Default 1.
 * @returns {any[][]} Savings per period.
 */
export function automationSavings(
  volume: any[][],
  deflection_rate: any[][],
  human_cost: any[][],
  bot_cost: any[][],
  bot_resolution?: any[][],
): any[][] {
  return runElementwise(
    "AUTOMATION_SAVINGS",
    [
      arg("volume", volume),
      arg("deflection_rate", deflection_rate),
      arg("human_cost", human_cost),
      arg("bot_cost", bot_cost),
      optional("bot_resolution", bot_resolution, 1),
    ],
    automationSavingsCore,
  );
}

/**
 * Payback period: periods until savings recover the investment; one saving per period, or a list of savings period by period (interpolated within the period).
 * @customfunction PAYBACK
 * @helpurl https://localhost:3000/docs/functions/PAYBACK.html
 * @param {any[][]} investment The investment to recover, >= 0.
 * @param {any[][]} savings_per_period The saving of every period (one value), or of each period in turn (a column or row).
 * @returns {any[][]} Number of periods, with a fraction for the last one.
 */
export function payback(investment: any[][], savings_per_period: any[][]): any[][] {
  return runSpill("PAYBACK", () => [
    [
      paybackCore(
        singleNumber(investment, "investment", 0),
        readNumberList(savings_per_period, "savings_per_period"),
      ),
    ],
  ]);
}
