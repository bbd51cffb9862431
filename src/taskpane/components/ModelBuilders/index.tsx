import { Notice } from "../Notice";
import { useEffect, useId } from "react";
import { makeStyles, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import { builderStrings } from "../../../i18n/builders";
import type { Locale } from "../../../i18n/locale";
import { paneStrings } from "../../../i18n/strings";
import type { WorkbookAccess } from "../../excel/access";
import { inputErrors, sheetNameAllowed } from "../../hooks/modelBuilderSelectors";
import { useModelBuilder } from "../../hooks/useModelBuilder";
import { BUILDERS } from "../../model-builders/builders";
import { BuilderPicker } from "../BuilderPicker";
import { BuildPanel } from "../BuildPanel";
import { ColumnMapping } from "../ColumnMapping";
import { ReplaceSheetDialog } from "../ReplaceSheetDialog";
import { SourcePicker } from "../SourcePicker";
import { UnitsAndInputs } from "../UnitsAndInputs";
import { ValidationList } from "../ValidationList";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  slot: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
});

export interface ModelBuildersProps {
  locale: Locale;
  workbook: WorkbookAccess;
  /** Told after each build that wrote a sheet (others list the workbook's sheets). */
  onBuilt?: (sheetName: string) => void;
}

/** From a table in the workbook to a built model sheet: source, columns, units, checks, build. */
export function ModelBuilders({ locale, workbook, onBuilt }: ModelBuildersProps) {
  const styles = useStyles();
  const strings = paneStrings(locale);
  const names = builderStrings(locale);
  const headingId = useId();
  const slotId = useId();
  const { state, problems, blocker, actions } = useModelBuilder(workbook, locale);
  const builder = state.active;
  const current = state.builders[builder];
  const busy = blocker === "busy";
  const conflict = state.build.phase === "confirm" ? state.build : undefined;
  const built = state.build.phase === "built" ? state.build : undefined;
  useEffect(() => {
    if (built) onBuilt?.(built.sheetName);
  }, [built, onBuilt]);
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="model-builders">
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {strings.buildersHeading}
      </Subtitle2>
      {state.savedStatus === "loading" ? (
        <Spinner size="small" label={strings.loadingSetups} />
      ) : (
        <>
          {(state.savedStatus === "newer" || state.savedStatus === "invalid") && (
            <Notice intent="info" data-testid="setups-notice">
              {state.savedStatus === "newer" ? strings.setupsNewer : strings.setupsInvalid}
            </Notice>
          )}
          <BuilderPicker locale={locale} active={builder} onSelect={actions.select} />
          <div role="tabpanel" aria-label={names[`builder_${builder}`]} className={styles.panel}>
            {BUILDERS[builder].slots.map(({ id }) => {
              const slot = current.slots[id] ?? { status: "empty" as const, mapping: {}, chosen: [] };
              return (
                <section key={id} className={styles.slot} aria-labelledby={`${slotId}-${id}`}>
                  <Subtitle2 as="h3" id={`${slotId}-${id}`} className={styles.heading}>
                    {names[`slot_${id}`]}
                  </Subtitle2>
                  <SourcePicker
                    locale={locale}
                    slot={id}
                    state={slot}
                    tables={state.tables}
                    disabled={busy}
                    onChoose={(source) => actions.chooseSource(id, source)}
                    onUseRegion={() => actions.takeCurrentRegion(id)}
                    onRefreshTables={actions.refreshTables}
                  />
                  {slot.data && (
                    <ColumnMapping
                      locale={locale}
                      builder={builder}
                      slot={id}
                      headers={slot.data.headers}
                      mapping={slot.mapping}
                      disabled={busy}
                      onMap={(role, header) => actions.mapRole(id, role, header)}
                    />
                  )}
                </section>
              );
            })}
            <UnitsAndInputs
              locale={locale}
              builder={builder}
              units={current.units}
              inputs={current.inputs}
              invalid={inputErrors(builder, current)}
              disabled={busy}
              onUnits={actions.setUnits}
              onInput={actions.setInput}
            />
            <ValidationList locale={locale} problems={problems} />
            <BuildPanel
              locale={locale}
              builder={builder}
              sheetName={current.sheetName}
              sheetNameValid={sheetNameAllowed(current.sheetName)}
              blocker={blocker}
              build={state.build}
              saved={state.saved.models[builder]}
              onSheetName={actions.setSheetName}
              onBuild={actions.build}
              onRefresh={actions.refresh}
              onCancel={actions.cancelBuild}
            />
          </div>
          <ReplaceSheetDialog
            locale={locale}
            conflict={conflict}
            onUseFreeName={actions.buildUnderFreeName}
            onReplace={actions.replaceSheet}
            onCancel={actions.dismissReplace}
          />
        </>
      )}
    </section>
  );
}
