/**
 * The catalogue of engine messages in every shipped language. A message names the argument, the
 * place (row/column of a range) when there is one, the rule, and the offending value, e.g.
 * "aht_sec must be > 0; row 7 is -3".
 */
export type Locale = "en-US" | "zh-CN";
export const LOCALES: readonly Locale[] = ["en-US", "zh-CN"];

/** Rules an argument can break, phrased to follow "<argument> must be ...". */
export const RULES = {
  number: { "en-US": "a number", "zh-CN": "数字" },
  finite: { "en-US": "a finite number", "zh-CN": "有限数值" },
  nonNegative: { "en-US": ">= 0", "zh-CN": "大于等于 0" },
  positive: { "en-US": "> 0", "zh-CN": "大于 0" },
  wholeNonNegative: { "en-US": "a whole number >= 0", "zh-CN": "大于等于 0 的整数" },
  wholePositive: { "en-US": "a whole number >= 1", "zh-CN": "大于等于 1 的整数" },
  fraction: { "en-US": "a fraction between 0 and 1", "zh-CN": "介于 0 到 1 之间的小数" },
  fractionBelowOne: { "en-US": "a fraction >= 0 and < 1", "zh-CN": "大于等于 0 且小于 1 的小数" },
  fractionAboveZero: { "en-US": "a fraction > 0 and <= 1", "zh-CN": "大于 0 且小于等于 1 的小数" },
  singleValue: { "en-US": "a single value", "zh-CN": "单个值" },
  oneColumn: { "en-US": "a single column or row", "zh-CN": "单列或单行区域" },
  text: { "en-US": "text", "zh-CN": "文本" },
  aboveMinusOne: { "en-US": "> -1", "zh-CN": "大于 -1" },
  aboveOne: { "en-US": "> 1", "zh-CN": "大于 1" },
} as const;
export type Rule = keyof typeof RULES;

/** Where in an argument a bad value sits: nothing for a scalar, a row and maybe a column for a range. */
export interface Place {
  row?: number;
  column?: number;
}

/** Why a valid target cannot be met, phrased to follow "<argument> <value> cannot be met: ...". */
export const REASONS = {
  someoneAlwaysWaits: {
    "en-US": "with any traffic some contacts wait",
    "zh-CN": "只要有话务，总会有来话需要等待",
  },
  someoneAlwaysAbandons: {
    "en-US": "with a finite patience_sec some waiting contacts always abandon",
    "zh-CN": "patience_sec 为有限值时，总会有等待中的来话放弃",
  },
} as const;
export type Reason = keyof typeof REASONS;

export interface MessageParams extends Place {
  arg?: string;
  rule?: Rule;
  actual?: string;
  limit?: string;
  other?: string;
  shape?: string;
  otherShape?: string;
  reason?: Reason;
}

type Template = (p: MessageParams, locale: Locale) => string;

function placeText(p: Place, locale: Locale): string {
  const zh = locale === "zh-CN";
  const row = p.row === undefined ? "" : zh ? `第 ${p.row} 行` : `row ${p.row}`;
  const column = p.column === undefined ? "" : zh ? `第 ${p.column} 列` : `column ${p.column}`;
  return row && column ? (zh ? row + column : `${row}, ${column}`) : row || column;
}

/** "; row 7 is -3" / "; got -3" (and the Chinese equivalents). */
function actualText(p: MessageParams, locale: Locale): string {
  if (p.actual === undefined) return "";
  const place = placeText(p, locale);
  if (locale === "zh-CN") return place ? `；${place}为 ${p.actual}` : `；当前为 ${p.actual}`;
  return place ? `; ${place} is ${p.actual}` : `; got ${p.actual}`;
}

const TEMPLATES = {
  mustBe: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 必须为${RULES[p.rule ?? "number"][l]}${actualText(p, l)}`
      : `${p.arg} must be ${RULES[p.rule ?? "number"][l]}${actualText(p, l)}`,
  blankCell: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 不能为空：${placeText(p, l)}为空（整行空白的行会被跳过）`
      : `${p.arg} must be filled in; ${placeText(p, l)} is blank (only wholly blank rows are skipped)`,
  atMost: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 不能超过 ${p.limit}${actualText(p, l)}`
      : `${p.arg} must be at most ${p.limit}${actualText(p, l)}`,
  inputError: (p, l) =>
    l === "zh-CN"
      ? `${p.arg}${placeText(p, l) ? ` ${placeText(p, l)}` : ""} 含有错误值 ${p.actual}`
      : `${p.arg}${placeText(p, l) ? ` ${placeText(p, l)}` : ""} holds the error ${p.actual}`,
  shapesDiffer: (p, l) =>
    l === "zh-CN"
      ? `${p.arg}（${p.shape}）与 ${p.other}（${p.otherShape}）的形状不匹配：每个方向的大小须相同或为 1`
      : `${p.arg} (${p.shape}) and ${p.other} (${p.otherShape}) do not match: each dimension must be equal or 1`,
  notFinite: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 的计算结果不是有限数值，请检查输入`
      : `${p.arg} did not produce a finite result; check the inputs`,
  unexpected: (p, l) =>
    l === "zh-CN" ? `${p.arg} 出现意外错误：${p.actual}` : `${p.arg} failed unexpectedly: ${p.actual}`,
  agentsNotAboveTraffic: (p, l) =>
    l === "zh-CN"
      ? `坐席数 ${p.actual} 不大于话务量 ${p.limit} 爱尔兰：队列无法稳定，等待概率为 1`
      : `agents ${p.actual} is not above traffic ${p.limit} Erlangs: the queue never clears, so every contact waits`,
  unreachable: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 为 ${p.actual} 的目标无法达到：${REASONS[p.reason ?? "someoneAlwaysWaits"][l]}`
      : `${p.arg} ${p.actual} cannot be met: ${REASONS[p.reason ?? "someoneAlwaysWaits"][l]}`,
  tooManyAgents: (p, l) =>
    l === "zh-CN"
      ? `在 ${p.actual} 爱尔兰话务量下达到这些目标需要超过 ${p.limit} 名坐席`
      : `meeting these targets at ${p.actual} Erlangs needs more than ${p.limit} agents`,
  queueTooLong: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 为 ${p.actual} 时过长，坐席数接近或低于话务量，队列会超过 ${p.limit} 个等待来话，无法计算；如需使用爱尔兰 C，请省略 patience_sec`
      : `${p.arg} ${p.actual} is too long to evaluate with agents this close to or below the traffic: the queue would pass ${p.limit} waiting contacts; leave patience_sec out to use Erlang C`,
  overflow: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 过大，超出 Excel 的数值范围${actualText(p, l)}`
      : `${p.arg} is too large for Excel's numbers${actualText(p, l)}`,
  rowsDiffer: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 的行数须与 ${p.other} 的行数相同（${p.limit}），实际为 ${p.actual}`
      : `${p.arg} must have one row per row of ${p.other} (${p.limit}); it has ${p.actual}`,
  rowsPerColumn: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 的行数须与 ${p.other} 的列数相同（${p.limit}），实际为 ${p.actual}`
      : `${p.arg} must have one row per column of ${p.other} (${p.limit}); it has ${p.actual}`,
  unknownMethod: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 必须为以下之一：${p.limit}${actualText(p, l)}`
      : `${p.arg} must be one of ${p.limit}${actualText(p, l)}`,
  nothingToShare: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 的合计为 0，无法计算占比`
      : `${p.arg} adds up to 0, so there are no shares to weight by`,
  closedSupportLoop: (p, l) =>
    l === "zh-CN"
      ? `${p.arg}：部分辅助部门只相互提供服务，其成本到达不了任何基本生产部门`
      : `${p.arg}: some support departments serve only each other, so their cost never reaches an operating department`,
  noDriverQuantity: (p, l) =>
    l === "zh-CN"
      ? `第 ${p.row} 个作业没有动因量，无法计算单位成本`
      : `activity ${p.row} has no driver quantity, so it has no rate`,
  nothingResolved: (p, l) =>
    l === "zh-CN"
      ? `${p.arg}：没有任何联系被解决，因此没有每次解决成本`
      : `${p.arg}: no contact is resolved, so there is no cost per resolved contact`,
  noOperatingColumns: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 须先为每个辅助部门各列一列（${p.limit} 列），再至少列出一个基本生产部门；实际共 ${p.actual} 列`
      : `${p.arg} needs one column per support department (${p.limit}) and then at least one operating department; it has ${p.actual} columns in all`,
  notConverged: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 未能收敛（已计算 ${p.limit} 次似然）：请检查数据是否符合模型`
      : `${p.arg} did not converge within ${p.limit} likelihood evaluations; check that the data suit the model`,
  noCustomers: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 至少需要一位${p.other === "repeat" ? "重复购买（frequency 大于 0）的" : ""}客户`
      : `${p.arg} needs at least one ${p.other === "repeat" ? "repeat buyer (frequency > 0)" : "customer"}`,
  inconsistentHistory: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 须在 frequency 大于 0 时大于 0、在 frequency 为 0 时为 0${actualText(p, l)}（frequency 为 ${p.limit}）`
      : `${p.arg} must be > 0 when frequency > 0 and 0 when frequency is 0${actualText(p, l)} with frequency ${p.limit}`,
  notIdentified: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 的参数趋于 0 或无穷，数据无法确定模型（客户太少或取值几乎相同）`
      : `${p.arg} ran off towards parameters of 0 or without bound: the data cannot pin the model down (too few customers, or values that barely vary)`,
  tooFewParameters: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 需要 ${p.limit} 个参数（${p.other}），实际只有 ${p.actual} 个`
      : `${p.arg} needs ${p.limit} parameters (${p.other}); it has ${p.actual}`,
  minmaxWorst: (p, l) =>
    l === "zh-CN"
      ? `使用 "minmax" 时 ${p.arg} 必须给出且不等于目标值${actualText(p, l)}`
      : `${p.arg} must be given and differ from the target for "minmax"${actualText(p, l)}`,
  outOfScale: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 必须在 ${p.limit} 的量表范围内${actualText(p, l)}`
      : `${p.arg} must be on the ${p.limit} scale${actualText(p, l)}`,
  noAnswers: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 中没有任何有效答复（空白会被忽略）`
      : `${p.arg} holds no answers (blanks are left out)`,
  noWeight: (p, l) =>
    l === "zh-CN" ? `${p.arg} 合计为 0，无法加权` : `${p.arg} add up to 0, so there is nothing to weight by`,
  notAscending: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 必须严格递增${actualText(p, l)}`
      : `${p.arg} must be strictly ascending${actualText(p, l)}`,
  tierLabels: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 须比 thresholds 多一个（共 ${p.limit} 个等级），实际为 ${p.actual} 个`
      : `${p.arg} needs one label per tier, one more than thresholds (${p.limit}); it has ${p.actual}`,
  neverPaysBack: (p, l) =>
    l === "zh-CN" ? `${p.arg} 不足以收回投资` : `${p.arg} never recover the investment`,
  diverges: (_p, l) =>
    l === "zh-CN"
      ? `无限期的客户终身价值发散：retention x (1 + margin_growth) 必须小于 1 + discount_rate；如需有限期，请给出 periods`
      : `the lifetime value over an infinite horizon has no limit: retention x (1 + margin_growth) must be below 1 + discount_rate; give periods for a finite horizon`,
  notAfter: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 不能大于 ${p.other}${actualText(p, l)}`
      : `${p.arg} must not exceed ${p.other}${actualText(p, l)}`,
  noAgents: (p, l) =>
    l === "zh-CN"
      ? `${p.arg} 无法计算：坐席数为 0，没有来话被接听`
      : `${p.arg} is undefined with 0 agents: no contact is answered`,
} satisfies Record<string, Template>;
export type MessageKey = keyof typeof TEMPLATES;

export function renderMessage(key: MessageKey, params: MessageParams, locale: Locale): string {
  return TEMPLATES[key](params, locale);
}

/** Shows a value the way a user typed it: numbers plainly, text quoted. */
export function showValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || value === undefined) return "blank";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}
