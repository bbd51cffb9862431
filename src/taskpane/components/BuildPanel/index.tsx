import { useId } from "react";
import { Button, Caption1, Field, Input, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import type { Locale } from "../../../i18n/locale";
import { fillPlaceholders, paneStrings } from "../../../i18n/strings";
import type { BuildBlocker } from "../../hooks/modelBuilderSelectors";
import type { BuildStatus } from "../../hooks/modelBuilderState";
import type { BuilderId, ModelSetup } from "../../model-builders/types";
import { BuildStatusMessage } from "./BuildStatusMessage";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    "& .fui-Input": { minWidth: 0 },
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground2 },
  progress: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  progressField: { flexGrow: 1, minWidth: 0 },
});

const BLOCKER_TEXT = {
  busy: "blockedBusy",
  reading: "blockedReading",
  errors: "blockedErrors",
  inputs: "blockedInputs",
  sheetName: "blockedSheetName",
} as const satisfies Record<BuildBlocker, string>;

export interface BuildPanelProps {
  locale: Locale;
  builder: BuilderId;
  sheetName: string;
  sheetNameValid: boolean;
  blocker: BuildBlocker | undefined;
  build: BuildStatus;
  /** The builder's saved setup, which Refresh rebuilds; undefined until the model has been built. */
  saved: ModelSetup | undefined;
  onSheetName: (name: string) => void;
  onBuild: () => void;
  onRefresh: () => void;
  onCancel: () => void;
}

/** The sheet name, Build and Refresh, a running build's progress, and how the last build went. */
export function BuildPanel(props: BuildPanelProps) {
  const { locale, builder, sheetName, sheetNameValid, blocker, build, saved, onSheetName } = props;
  const styles = useStyles();
  const strings = paneStrings(locale);
  const blockerId = useId();
  const refreshId = useId();
  const busy = blocker === "busy";
  // Another builder's finished build says nothing about this one.
  const status =
    build.phase !== "idle" && build.phase !== "confirm" && build.builder === builder ? build : undefined;
  return (
    <div className={styles.panel}>
      <Field
        label={strings.sheetName}
        validationState={sheetNameValid ? "none" : "error"}
        validationMessage={sheetNameValid ? undefined : strings.sheetNameInvalid}
      >
        <Input
          data-testid="sheet-name"
          value={sheetName}
          disabled={busy}
          onChange={(_event, data) => onSheetName(data.value)}
        />
      </Field>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          data-testid="build"
          // Focusable while disabled: focus stays put during a build, and the reason can be heard.
          disabledFocusable={blocker !== undefined}
          aria-describedby={blocker ? blockerId : undefined}
          onClick={props.onBuild}
        >
          {strings.build}
        </Button>
        <Button
          data-testid="refresh"
          disabledFocusable={!saved || busy}
          aria-describedby={refreshId}
          onClick={props.onRefresh}
        >
          {strings.refresh}
        </Button>
      </div>
      {blocker && (
        <Caption1 id={blockerId} className={styles.note} data-testid="build-blocker">
          {strings[BLOCKER_TEXT[blocker]]}
        </Caption1>
      )}
      <Caption1 id={refreshId} className={styles.note}>
        {saved
          ? fillPlaceholders(strings.refreshHint, { sheet: saved.sheetName })
          : strings.refreshUnavailable}
      </Caption1>
      {status?.phase === "running" && (
        <div className={styles.progress}>
          <Field
            className={styles.progressField}
            label={strings.buildProgressLabel}
            hint={
              status.total > 0
                ? fillPlaceholders(strings.buildProgress, {
                    done: String(status.done),
                    total: String(status.total),
                  })
                : undefined
            }
          >
            <ProgressBar
              data-testid="build-progress"
              value={status.total > 0 ? status.done / status.total : undefined}
            />
          </Field>
          <Button data-testid="cancel-build" onClick={props.onCancel}>
            {strings.cancelBuild}
          </Button>
        </div>
      )}
      <div role="status" aria-live="polite" data-testid="build-status">
        {status && <BuildStatusMessage locale={locale} status={status} />}
      </div>
    </div>
  );
}
