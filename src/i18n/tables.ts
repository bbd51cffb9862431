/** Header and total labels of the tables that functions spill, one dictionary per shipped locale. */
import enUS from "./en-US/tables.json";
import zhCN from "./zh-CN/tables.json";
import type { Locale } from "./locale";

export type TableLabels = typeof enUS;
export type TableLabelKey = keyof TableLabels;

// Typed against the English file so a label missing from a translation fails to compile.
const TABLE_LABELS: Record<Locale, TableLabels> = { "en-US": enUS, "zh-CN": zhCN };

export function tableLabels(locale: Locale): TableLabels {
  return TABLE_LABELS[locale];
}
