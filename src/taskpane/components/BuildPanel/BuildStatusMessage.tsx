import { Notice } from "../Notice";
import type { MessageBarIntent } from "@fluentui/react-components";
import { builderStrings } from "../../../i18n/builders";
import type { Locale } from "../../../i18n/locale";
import { fillPlaceholders, paneStrings, type PaneStrings } from "../../../i18n/strings";
import type { BuildStatus } from "../../hooks/modelBuilderState";

/** The dialog speaks for a pending confirmation, so only these phases have a status line. */
export type ShownStatus = Exclude<BuildStatus, { phase: "idle" | "confirm" }>;

/** The words and intent of a build's status. */
function describe(
  status: ShownStatus,
  strings: PaneStrings,
  ok: string,
): { intent: MessageBarIntent; text: string[] } {
  switch (status.phase) {
    case "reading":
      return { intent: "info", text: [strings.refreshReading] };
    case "running":
      return { intent: "info", text: [fillPlaceholders(strings.building, { sheet: status.sheetName })] };
    case "built": {
      const sheet = status.sheetName;
      const checked =
        status.check === undefined
          ? { intent: "warning" as const, text: fillPlaceholders(strings.builtUnchecked, { sheet }) }
          : status.check === ok
            ? { intent: "success" as const, text: fillPlaceholders(strings.builtOk, { sheet, value: ok }) }
            : {
                intent: "warning" as const,
                text: fillPlaceholders(strings.builtCheck, { sheet, value: String(status.check) }),
              };
      const notSaved = status.notSaved
        ? status.notSaved.kind === "newer"
          ? strings.notSavedNewer
          : fillPlaceholders(strings.notSavedFailed, { reason: status.notSaved.reason })
        : undefined;
      return {
        intent: notSaved && checked.intent === "success" ? "warning" : checked.intent,
        text: notSaved ? [checked.text, notSaved] : [checked.text],
      };
    }
    case "cancelled":
      return { intent: "info", text: [strings.buildCancelled] };
    case "failed":
      return {
        intent: "error",
        text: [fillPlaceholders(strings.buildFailed, { reason: status.reason.replace(/[.。\s]+$/, "") })],
      };
    case "refreshBlocked":
      return {
        intent: "error",
        text: [status.because === "errors" ? strings.refreshBlockedErrors : strings.refreshBlockedSource],
      };
  }
}

export function BuildStatusMessage({ locale, status }: { locale: Locale; status: ShownStatus }) {
  const { intent, text } = describe(status, paneStrings(locale), builderStrings(locale).ok);
  return (
    <Notice intent={intent} data-testid={`build-status-${status.phase}`}>
      {text.join(" ")}
    </Notice>
  );
}
