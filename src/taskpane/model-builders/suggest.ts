/**
 * Suggests which column plays which role from header names in English and Chinese, and which units
 * a header names ("Handle time (min)", "处理时长（秒）").
 */
import { slotSpec } from "./builders";
import type { BuilderId, ColumnMapping, RoleId, SlotId, TimeUnit, Units, VolumeBasis } from "./types";

/** Header words for each role, best first. Matching ignores case, spacing and bracketed units. */
const SYNONYMS: Record<RoleId, string[]> = {
  activity: ["activity", "activity name", "process", "task", "作业", "作业名称", "活动", "业务活动"],
  cost: ["cost", "amount", "cost amount", "expense", "total cost", "成本", "费用", "金额", "成本金额"],
  costObject: [
    "cost object",
    "object",
    "channel",
    "tier",
    "segment",
    "customer tier",
    "product",
    "成本对象",
    "渠道",
    "等级",
    "客户等级",
    "客群",
    "产品",
  ],
  driverQuantity: [
    "driver quantity",
    "quantity",
    "driver",
    "handle time",
    "handling time",
    "minutes",
    "duration",
    "count",
    "动因量",
    "数量",
    "处理时长",
    "时长",
    "分钟",
  ],
  interval: ["interval", "time", "period", "slot", "interval start", "时段", "时间段", "区间", "时间"],
  volume: [
    "volume",
    "contacts",
    "calls",
    "offered",
    "forecast",
    "来电量",
    "话务量",
    "进线量",
    "量",
    "预测量",
  ],
  handleTime: [
    "handle time",
    "aht",
    "average handle time",
    "handling time",
    "talk time",
    "处理时长",
    "平均处理时长",
    "通话时长",
  ],
  customer: ["customer", "customer id", "client", "account", "member", "客户", "客户编号", "客户id", "会员"],
  date: ["date", "order date", "purchase date", "transaction date", "day", "日期", "交易日期", "下单日期"],
  amount: ["amount", "value", "spend", "revenue", "sales", "金额", "消费金额", "销售额", "收入"],
};

/** Lower case, bracketed parts dropped ("Handle time (min)" -> "handle time"), runs of space one. */
export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[(（[【].*?[)）\]】]/g, " ")
    .replace(/[_\-/:：]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** How well a header names a role: higher is better, 0 is no match. */
function matchScore(header: string, role: RoleId): number {
  const name = normalizeHeader(header);
  if (!name) return 0;
  const words = SYNONYMS[role];
  let best = 0;
  words.forEach((word, rank) => {
    // An exact name beats a name that merely contains the word; earlier synonyms beat later ones.
    const score = name === word ? 1000 - rank : name.includes(word) ? 500 - rank + word.length : 0;
    best = Math.max(best, score);
  });
  return best;
}

/**
 * A mapping for one source: each role gets the best-matching header not already taken, roles in
 * the slot's order of importance. Roles already mapped in `keep` (the user's choices) stay.
 */
export function suggestMapping(
  builder: BuilderId,
  slot: SlotId,
  headers: string[],
  keep: ColumnMapping = {},
): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  for (const { id } of slotSpec(builder, slot).roles) {
    const kept = keep[id];
    if (kept !== undefined && headers.includes(kept)) {
      mapping[id] = kept;
      taken.add(kept);
    }
  }
  const candidates = slotSpec(builder, slot)
    .roles.filter(({ id }) => mapping[id] === undefined)
    .flatMap(({ id }) => headers.map((header) => ({ id, header, score: matchScore(header, id) })))
    .filter(({ score }) => score > 0)
    .sort((left, right) => right.score - left.score);
  for (const { id, header } of candidates) {
    if (mapping[id] !== undefined || taken.has(header)) continue;
    mapping[id] = header;
    taken.add(header);
  }
  return mapping;
}

const TIME_UNIT_WORDS: [TimeUnit, RegExp][] = [
  ["sec", /\b(sec|secs|second|seconds|s)\b|秒/i],
  ["min", /\b(min|mins|minute|minutes)\b|分钟|分/i],
  ["hour", /\b(h|hr|hrs|hour|hours)\b|小时|时长（时）/i],
];

/** The unit a handle-time header names, e.g. "AHT (sec)" -> "sec"; undefined when it names none. */
export function suggestTimeUnit(header: string | undefined): TimeUnit | undefined {
  const bracketed = header?.match(/[(（[【](.*?)[)）\]】]/)?.[1] ?? header;
  if (!bracketed) return undefined;
  return TIME_UNIT_WORDS.find(([, pattern]) => pattern.test(bracketed))?.[0];
}

/** Whether a volume header counts per hour ("Calls per hour", "每小时来电量"). */
export function suggestVolumeBasis(header: string | undefined): VolumeBasis | undefined {
  if (!header) return undefined;
  return /per hour|\/\s*h(ou)?r?\b|hourly|每小时|小时/i.test(header) ? "perHour" : undefined;
}

/** Units suggested by the mapped headers, falling back to the current units. */
export function suggestUnits(
  mapping: ColumnMapping,
  current: Units = { handleTime: "sec", volume: "perInterval" },
): Units {
  return {
    handleTime: suggestTimeUnit(mapping.handleTime) ?? current.handleTime,
    volume: suggestVolumeBasis(mapping.volume) ?? current.volume,
  };
}
