import { LOCALES, type Locale } from "../engine/core/messages";

export type { Locale };
export { LOCALES };

/** The shipped locale for an Office display language such as "zh-CN", "zh-Hans-CN" or "en-GB". */
export function localeFor(displayLanguage: string | undefined): Locale {
  return displayLanguage?.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}
