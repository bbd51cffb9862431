/** The task pane's user-facing strings, one dictionary per shipped locale (same keys in each). */
import enUS from "./en-US/pane.json";
import zhCN from "./zh-CN/pane.json";
import type { Locale } from "./locale";

export type PaneStrings = typeof enUS;
export type PaneStringKey = keyof PaneStrings;

// Typed against the English file so a key missing from a translation fails to compile.
const PANE_STRINGS: Record<Locale, PaneStrings> = { "en-US": enUS, "zh-CN": zhCN };

export function paneStrings(locale: Locale): PaneStrings {
  return PANE_STRINGS[locale];
}

/** Fills "{name}"-style placeholders; an unknown placeholder stays visible so the gap is noticed. */
export function fillPlaceholders(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, key: string) => values[key] ?? placeholder);
}
