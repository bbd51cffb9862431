import { useId } from "react";
import { Field, Input, makeStyles, Select, Subtitle2, tokens } from "@fluentui/react-components";
import { builderStrings, type BuilderStrings } from "../../../i18n/builders";
import type { Locale } from "../../../i18n/locale";
import { paneStrings } from "../../../i18n/strings";
import { BUILDERS, type InputRule } from "../../model-builders/builders";
import type { BuilderId, TimeUnit, Units, VolumeBasis } from "../../model-builders/types";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  /**
   * Two columns where the pane has room for them, one where it has not. Nothing in a column may be
   * wider than the column: grid items and Fluent's Input and Select default to their content's
   * width (an <input> is about 20 characters wide), which overflowed a pane of 320 to 380 px.
   */
  fields: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 160px), 1fr))",
    gap: tokens.spacingHorizontalM,
    // A label on two lines does not stretch its neighbour's input; an error message moves nothing.
    alignItems: "start",
    "& > *": { minWidth: 0 },
    "& .fui-Input, & .fui-Select": { width: "100%", minWidth: 0 },
  },
});

const TIME_UNITS: TimeUnit[] = ["sec", "min", "hour"];
const VOLUME_BASES: VolumeBasis[] = ["perInterval", "perHour"];

export interface UnitsAndInputsProps {
  locale: Locale;
  builder: BuilderId;
  units: Units;
  inputs: Record<string, string>;
  /** The rule each invalid input breaks. */
  invalid: Record<string, InputRule>;
  disabled?: boolean;
  onUnits: (units: Partial<Units>) => void;
  onInput: (input: string, text: string) => void;
}

/** A builder's units (staffing) and its inputs, written to the model sheet as editable cells. */
export function UnitsAndInputs(props: UnitsAndInputsProps) {
  const { locale, builder, units, inputs, invalid, disabled, onUnits, onInput } = props;
  const styles = useStyles();
  const strings = paneStrings(locale);
  const names = builderStrings(locale);
  const spec = BUILDERS[builder];
  const unitsId = useId();
  const inputsId = useId();
  return (
    <>
      {spec.hasUnits && (
        <section className={styles.section} aria-labelledby={unitsId}>
          <Subtitle2 as="h3" id={unitsId} className={styles.heading}>
            {strings.unitsHeading}
          </Subtitle2>
          <div className={styles.fields}>
            <Field label={strings.unitHandleTime}>
              <Select
                data-testid="unit-handleTime"
                value={units.handleTime}
                disabled={disabled}
                onChange={(_event, data) => onUnits({ handleTime: data.value as TimeUnit })}
              >
                {TIME_UNITS.map((unit) => (
                  <option key={unit} value={unit}>
                    {names[`unit_${unit}`]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={strings.unitVolume}>
              <Select
                data-testid="unit-volume"
                value={units.volume}
                disabled={disabled}
                onChange={(_event, data) => onUnits({ volume: data.value as VolumeBasis })}
              >
                {VOLUME_BASES.map((basis) => (
                  <option key={basis} value={basis}>
                    {names[`volume_${basis}`]}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        </section>
      )}
      {spec.inputs.length > 0 && (
        <section className={styles.section} aria-labelledby={inputsId}>
          <Subtitle2 as="h3" id={inputsId} className={styles.heading}>
            {strings.inputsHeading}
          </Subtitle2>
          <div className={styles.fields}>
            {spec.inputs.map(({ id }) => {
              const rule = invalid[id];
              return (
                <Field
                  key={id}
                  label={names[`input_${id}` as keyof BuilderStrings]}
                  validationState={rule ? "error" : "none"}
                  validationMessage={rule ? names[`rule_${rule}`] : undefined}
                >
                  <Input
                    type="number"
                    inputMode="decimal"
                    data-testid={`input-${id}`}
                    value={inputs[id] ?? ""}
                    disabled={disabled}
                    onChange={(_event, data) => onInput(id, data.value)}
                  />
                </Field>
              );
            })}
          </div>
        </section>
      )}
    </>
  );
}
