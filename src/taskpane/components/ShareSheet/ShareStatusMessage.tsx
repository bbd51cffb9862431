import type { MessageBarIntent } from "@fluentui/react-components";
import type { Locale } from "../../../i18n/locale";
import { fillPlaceholders, paneStrings, type PaneStrings } from "../../../i18n/strings";
import type { ShareErrorCode } from "../../excel/access";
import type { ShareFailure, ShareStatus } from "../../hooks/shareSheetState";
import { Notice } from "../Notice";

export type ShownShareStatus = Exclude<ShareStatus, { phase: "idle" }>;

const FAILURE_TEXT = {
  missingSheet: "shareMissingSheet",
  emptySheet: "shareEmptySheet",
  calculating: "shareCalculating",
  unknownCopy: "shareUnknownCopy",
  newerSettings: "shareNewer",
} as const satisfies Record<ShareErrorCode, keyof PaneStrings>;

/** A failure's reason in words, without the full stop the sentence around it adds. */
function reasonText(failure: ShareFailure, strings: PaneStrings): string {
  return "code" in failure ? strings[FAILURE_TEXT[failure.code]] : failure.message.replace(/[.。\s]+$/, "");
}

function describe(
  status: ShownShareStatus,
  strings: PaneStrings,
): { intent: MessageBarIntent; text: string } {
  switch (status.phase) {
    case "freezing":
      return { intent: "info", text: fillPlaceholders(strings.freezing, { sheet: status.sheet }) };
    case "restoring":
      return { intent: "info", text: fillPlaceholders(strings.restoring, { sheet: status.sheet }) };
    case "frozen":
      return {
        intent: "success",
        text: fillPlaceholders(strings.frozen, { sheet: status.sheet, copy: status.copy }),
      };
    case "restored":
      return {
        intent: "success",
        text: fillPlaceholders(strings.restored, { source: status.source, sheet: status.sheet }),
      };
    case "failed":
      return {
        intent: "error",
        text: fillPlaceholders(status.action === "freeze" ? strings.freezeFailed : strings.restoreFailed, {
          sheet: status.sheet,
          reason: reasonText(status.failure, strings),
        }),
      };
  }
}

export function ShareStatusMessage({ locale, status }: { locale: Locale; status: ShownShareStatus }) {
  const { intent, text } = describe(status, paneStrings(locale));
  return (
    <Notice intent={intent} data-testid="share-status">
      {text}
    </Notice>
  );
}
