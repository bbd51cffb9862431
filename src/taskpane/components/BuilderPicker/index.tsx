import { useId } from "react";
import { Body1, makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import { builderStrings } from "../../../i18n/builders";
import type { Locale } from "../../../i18n/locale";
import { paneStrings } from "../../../i18n/strings";
import { BUILDER_IDS } from "../../model-builders/builders";
import type { BuilderId } from "../../model-builders/types";

const useStyles = makeStyles({
  picker: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    // The tabs take a second line in a pane too narrow for all three (320 px in English).
    "& .fui-TabList": { flexWrap: "wrap" },
  },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface BuilderPickerProps {
  locale: Locale;
  active: BuilderId;
  onSelect: (builder: BuilderId) => void;
}

/** The three builders as tabs (arrow keys move between them), with the chosen one's hint. */
export function BuilderPicker({ locale, active, onSelect }: BuilderPickerProps) {
  const styles = useStyles();
  const names = builderStrings(locale);
  const hintId = useId();
  return (
    <div className={styles.picker}>
      <TabList
        selectedValue={active}
        onTabSelect={(_event, data) => onSelect(data.value as BuilderId)}
        aria-label={paneStrings(locale).buildersLabel}
        aria-describedby={hintId}
        data-testid="builder-tabs"
      >
        {BUILDER_IDS.map((id) => (
          <Tab key={id} value={id} data-testid={`builder-tab-${id}`}>
            {names[`builder_${id}`]}
          </Tab>
        ))}
      </TabList>
      <Body1 as="p" id={hintId} className={styles.hint} data-testid="builder-hint">
        {names[`builderHint_${active}`]}
      </Body1>
    </div>
  );
}
