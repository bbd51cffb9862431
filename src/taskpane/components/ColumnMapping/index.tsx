import { Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { builderStrings } from "../../../i18n/builders";
import type { Locale } from "../../../i18n/locale";
import { fillPlaceholders, paneStrings } from "../../../i18n/strings";
import { slotSpec } from "../../model-builders/builders";
import type { BuilderId, ColumnMapping as Mapping, RoleId, SlotId } from "../../model-builders/types";

const useStyles = makeStyles({
  /** As many columns as fit, each no wider than its share of the pane (see UnitsAndInputs). */
  roles: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 140px), 1fr))",
    gap: tokens.spacingHorizontalM,
    "& > *": { minWidth: 0 },
    "& .fui-Select": { width: "100%", minWidth: 0 },
  },
});

export interface ColumnMappingProps {
  locale: Locale;
  builder: BuilderId;
  slot: SlotId;
  headers: string[];
  mapping: Mapping;
  disabled?: boolean;
  onMap: (role: RoleId, header: string | undefined) => void;
}

/** One column choice per role of a slot; required roles are marked and have no "none". */
export function ColumnMapping({
  locale,
  builder,
  slot,
  headers,
  mapping,
  disabled,
  onMap,
}: ColumnMappingProps) {
  const styles = useStyles();
  const strings = paneStrings(locale);
  const names = builderStrings(locale);
  // A range's header row may repeat a name or leave one blank; neither can be told apart by name.
  const choices = [...new Set(headers)].filter((name) => name !== "");
  return (
    <div
      className={styles.roles}
      role="group"
      aria-label={fillPlaceholders(strings.columnsHeading, { slot: names[`slot_${slot}`] })}
    >
      {slotSpec(builder, slot).roles.map(({ id, required }) => {
        const header = mapping[id];
        const missing = header !== undefined && !headers.includes(header);
        return (
          <Field key={id} label={names[`role_${id}`]} required={required}>
            <Select
              data-testid={`role-${slot}-${id}`}
              value={header ?? ""}
              disabled={disabled}
              onChange={(_event, data) => onMap(id, data.value === "" ? undefined : data.value)}
            >
              {(header === undefined || !required) && (
                <option value="" disabled={required}>
                  {required ? strings.roleChoose : strings.roleNone}
                </option>
              )}
              {missing && (
                <option value={header}>{fillPlaceholders(strings.columnMissing, { column: header })}</option>
              )}
              {choices.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
    </div>
  );
}
