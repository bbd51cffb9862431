import { Notice } from "../Notice";
import { Button, Caption1, Field, makeStyles, Select, Spinner, tokens } from "@fluentui/react-components";
import { builderStrings } from "../../../i18n/builders";
import type { Locale } from "../../../i18n/locale";
import { fillPlaceholders, paneStrings } from "../../../i18n/strings";
import { sourceLabel } from "../../model-builders/plan";
import type { SlotId, SourceRef } from "../../model-builders/types";
import { sourceKey, type ModelBuilderState, type SlotState } from "../../hooks/modelBuilderState";

const useStyles = makeStyles({
  picker: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  select: { minWidth: "0", width: "100%" },
  summary: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

export interface SourcePickerProps {
  locale: Locale;
  slot: SlotId;
  state: SlotState;
  tables: ModelBuilderState["tables"];
  disabled?: boolean;
  onChoose: (source: SourceRef) => void;
  onUseRegion: () => void;
  onRefreshTables: () => void;
}

/** The options: the workbook's tables, plus the current source when it is a range or a vanished table. */
function sourceOptions(tables: ModelBuilderState["tables"], current: SourceRef | undefined) {
  const options = new Map<string, { ref: SourceRef; text: string }>();
  for (const table of tables.list) {
    const ref: SourceRef = { kind: "table", name: table.name };
    options.set(sourceKey(ref), { ref, text: table.name });
  }
  if (current && !options.has(sourceKey(current))) {
    options.set(sourceKey(current), { ref: current, text: sourceLabel(current) });
  }
  return options;
}

/** Picks one slot's source: an Excel table from a list, or the region around the selection. */
export function SourcePicker(props: SourcePickerProps) {
  const { locale, slot, state, tables, disabled, onChoose, onUseRegion, onRefreshTables } = props;
  const styles = useStyles();
  const strings = paneStrings(locale);
  const slotName = builderStrings(locale)[`slot_${slot}`];
  const options = sourceOptions(tables, state.source);
  // The empty first option stands for "no source yet"; choosing it does nothing.
  const placeholder =
    tables.status === "loading"
      ? strings.tablesLoading
      : tables.status === "ready" && tables.list.length === 0
        ? strings.sourceNoTables
        : strings.sourcePlaceholder;
  return (
    <div className={styles.picker}>
      <Field label={fillPlaceholders(strings.sourceLabel, { slot: slotName })}>
        <Select
          className={styles.select}
          data-testid={`source-${slot}`}
          value={state.source ? sourceKey(state.source) : ""}
          disabled={disabled}
          onChange={(_event, data) => {
            const chosen = options.get(data.value);
            if (chosen) onChoose(chosen.ref);
          }}
        >
          <option value="">{placeholder}</option>
          {[...options].map(([key, option]) => (
            <option key={key} value={key}>
              {option.text}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button
          size="small"
          data-testid={`use-region-${slot}`}
          aria-label={fillPlaceholders(strings.useRegionLabel, { slot: slotName })}
          disabled={disabled}
          onClick={onUseRegion}
        >
          {strings.useRegion}
        </Button>
        <Button
          size="small"
          appearance="subtle"
          data-testid={`refresh-tables-${slot}`}
          aria-label={fillPlaceholders(strings.refreshTablesLabel, { slot: slotName })}
          disabled={disabled || tables.status === "loading"}
          onClick={onRefreshTables}
        >
          {strings.refreshTables}
        </Button>
      </div>
      <SourceStatus locale={locale} slot={slot} state={state} tables={tables} />
    </div>
  );
}

function SourceStatus({
  locale,
  slot,
  state,
  tables,
}: Pick<SourcePickerProps, "locale" | "slot" | "state" | "tables">) {
  const styles = useStyles();
  const strings = paneStrings(locale);
  const source = state.source ? sourceLabel(state.source) : "";
  return (
    <>
      {tables.status === "failed" && (
        <Notice intent="warning">
          {fillPlaceholders(strings.tablesFailed, { reason: tables.reason ?? "" })}
        </Notice>
      )}
      {state.status === "reading" && (
        <Spinner
          size="extra-tiny"
          labelPosition="after"
          label={fillPlaceholders(strings.sourceReading, { source })}
        />
      )}
      {state.status === "ready" && state.data && (
        <Caption1 className={styles.summary} data-testid={`source-summary-${slot}`}>
          {fillPlaceholders(strings.sourceSummary, {
            rows: String(state.data.rows.length),
            columns: state.data.headers.join(locale === "zh-CN" ? "、" : ", "),
          })}
        </Caption1>
      )}
      {state.error && (
        <Notice intent="error" data-testid={`source-error-${slot}`}>
          {state.error.kind === "read"
            ? fillPlaceholders(strings.sourceUnreadable, { source, reason: state.error.reason })
            : fillPlaceholders(strings.regionFailed, { reason: state.error.reason })}
        </Notice>
      )}
    </>
  );
}
