/** Strings of the model builders: names, validation messages and the model sheets' labels. */
import enUS from "./en-US/builders.json";
import zhCN from "./zh-CN/builders.json";
import type { Locale } from "./locale";

export type BuilderStrings = typeof enUS;

// Typed against the English file so a key missing from a translation fails to compile.
const BUILDER_STRINGS: Record<Locale, BuilderStrings> = { "en-US": enUS, "zh-CN": zhCN };

export function builderStrings(locale: Locale): BuilderStrings {
  return BUILDER_STRINGS[locale];
}
