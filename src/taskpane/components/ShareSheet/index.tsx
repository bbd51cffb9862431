import { useId } from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  Select,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import type { Locale } from "../../../i18n/locale";
import { fillPlaceholders, paneStrings, type PaneStrings } from "../../../i18n/strings";
import type { WorkbookAccess } from "../../excel/access";
import { choiceKey, type ShareChoice, type ShareList } from "../../hooks/shareSheetState";
import { useShareSheet } from "../../hooks/useShareSheet";
import { Notice } from "../Notice";
import { ShareStatusMessage } from "./ShareStatusMessage";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  note: { color: tokens.colorNeutralForeground2 },
  select: { minWidth: "0", width: "100%" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ShareSheetProps {
  locale: Locale;
  workbook: WorkbookAccess;
  /** Changes when a model sheet was built, so the list is read again. */
  revision?: number;
}

function placeholder(list: ShareList, strings: PaneStrings): string {
  if (list.status === "loading") return strings.shareLoading;
  if (list.status === "ready" && list.models.length === 0 && list.copies.length === 0) {
    return strings.shareNoSheets;
  }
  return strings.sharePlaceholder;
}

function hint(choice: ShareChoice, strings: PaneStrings): string {
  if (choice?.kind === "model") return fillPlaceholders(strings.shareHintModel, { sheet: choice.item.name });
  if (choice?.kind === "copy") return fillPlaceholders(strings.shareHintCopy, { source: choice.item.source });
  return strings.shareHintNone;
}

/**
 * Freeze for sharing: a model sheet's values in a new sheet that opens without the add-in; and
 * Restore live formulas: the model's formulas back in a new sheet. Neither overwrites anything.
 */
export function ShareSheet({ locale, workbook, revision }: ShareSheetProps) {
  const styles = useStyles();
  const strings = paneStrings(locale);
  const headingId = useId();
  const hintId = useId();
  const { state, choice, busy, actions } = useShareSheet(workbook, locale, revision);
  const { list, status } = state;
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="share">
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {strings.shareHeading}
      </Subtitle2>
      <Body1 as="p" className={styles.heading}>
        {strings.shareIntro}
      </Body1>
      <Field label={strings.shareSheetLabel}>
        <Select
          className={styles.select}
          data-testid="share-sheet"
          value={choice ? state.chosen : ""}
          disabled={busy}
          onChange={(_event, data) => actions.choose(data.value)}
        >
          <option value="">{placeholder(list, strings)}</option>
          {list.models.length > 0 && (
            <optgroup label={strings.shareModels}>
              {list.models.map((model) => (
                <option key={model.name} value={choiceKey("model", model.name)}>
                  {model.name}
                </option>
              ))}
            </optgroup>
          )}
          {list.copies.length > 0 && (
            <optgroup label={strings.shareCopies}>
              {list.copies.map((copy) => (
                <option key={copy.name} value={choiceKey("copy", copy.name)}>
                  {fillPlaceholders(strings.shareCopyOption, {
                    sheet: copy.name,
                    source: copy.source,
                    date: copy.frozenAt,
                  })}
                </option>
              ))}
            </optgroup>
          )}
        </Select>
      </Field>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          data-testid="freeze"
          // Focusable while disabled, so the hint saying why can be heard.
          disabledFocusable={busy || choice?.kind !== "model"}
          aria-describedby={hintId}
          onClick={actions.freeze}
        >
          {strings.freeze}
        </Button>
        <Button
          data-testid="restore"
          disabledFocusable={busy || choice?.kind !== "copy"}
          aria-describedby={hintId}
          onClick={actions.restore}
        >
          {strings.restore}
        </Button>
        <Button
          appearance="subtle"
          data-testid="share-refresh"
          aria-label={strings.shareRefreshLabel}
          disabledFocusable={busy || list.status === "loading"}
          onClick={actions.refreshList}
        >
          {strings.shareRefresh}
        </Button>
      </div>
      <Caption1 id={hintId} className={styles.note} data-testid="share-hint">
        {hint(choice, strings)}
      </Caption1>
      {list.status === "failed" && (
        <Notice intent="warning" data-testid="share-list-error">
          {fillPlaceholders(strings.shareListFailed, { reason: list.reason ?? "" })}
        </Notice>
      )}
      <div role="status" aria-live="polite" data-testid="share-status-region" data-phase={status.phase}>
        {status.phase !== "idle" && <ShareStatusMessage locale={locale} status={status} />}
      </div>
    </section>
  );
}
