/** The note a values copy carries: where its values came from, when, from which add-in, how to undo. */
import type { Locale } from "../../i18n/locale";
import { fillPlaceholders, paneStrings } from "../../i18n/strings";
import type { FrozenNote } from "../excel/access";
import { BUILDERS } from "../model-builders/builders";
import { sourceLabel } from "../model-builders/plan";
import type { ModelSetup } from "../model-builders/types";

/** The local calendar day as yyyy-mm-dd (toISOString would give the UTC day). */
export function isoDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A saved setup's sources, in the order of the builder's slots: table names, or Sheet!A1:C9. */
export function setupSources(setup: ModelSetup): string[] {
  return BUILDERS[setup.builder].slots.flatMap(({ id }) => {
    const selection = setup.slots[id];
    return selection ? [sourceLabel(selection.source)] : [];
  });
}

export interface NoteFacts {
  sheet: string;
  sources: string[];
  date: Date;
  version: string;
}

export function frozenNote(locale: Locale, { sheet, sources, date, version }: NoteFacts): FrozenNote {
  const strings = paneStrings(locale);
  const frozenAt = isoDate(date);
  const list = sources.length > 0 ? sources.join(locale === "zh-CN" ? "、" : ", ") : strings.noteNoSources;
  const product = strings.productName;
  return {
    lines: [
      fillPlaceholders(strings.noteFrozen, { sheet, date: frozenAt, product, version, sources: list }),
      fillPlaceholders(strings.noteRestore, { product }),
    ],
    sources,
    frozenAt,
    addinVersion: version,
  };
}
