/** The three model builders: which sources each needs, which columns, and which inputs it writes. */
import type { BuilderId, RoleSpec, SlotId, SlotSpec } from "./types";

/** How an input cell's value is checked; the same rules the SVC functions apply to the argument. */
export type InputRule =
  "positive" | "nonNegative" | "share" | "openShare" | "fractionBelowOne" | "wholePositive";

export interface InputSpec {
  id: string;
  defaultValue: number;
  rule: InputRule;
  numberFormat: string;
}

export interface BuilderSpec {
  id: BuilderId;
  slots: SlotSpec[];
  inputs: InputSpec[];
  /** Whether the builder reads handle times and volumes, so the pane offers their units. */
  hasUnits: boolean;
}

const role = (id: RoleSpec["id"], kind: RoleSpec["kind"], required = true): RoleSpec => ({
  id,
  kind,
  required,
});

export const BUILDERS: Record<BuilderId, BuilderSpec> = {
  abc: {
    id: "abc",
    slots: [
      { id: "ledger", roles: [role("activity", "text"), role("cost", "number")] },
      {
        id: "log",
        roles: [role("activity", "text"), role("costObject", "text"), role("driverQuantity", "number")],
      },
    ],
    inputs: [],
    hasUnits: false,
  },
  staffing: {
    id: "staffing",
    slots: [
      {
        id: "forecast",
        roles: [role("interval", "text"), role("volume", "number"), role("handleTime", "number")],
      },
    ],
    inputs: [
      { id: "intervalMinutes", defaultValue: 15, rule: "positive", numberFormat: "0" },
      { id: "targetServiceLevel", defaultValue: 0.8, rule: "openShare", numberFormat: "0%" },
      { id: "targetSeconds", defaultValue: 20, rule: "nonNegative", numberFormat: "0" },
      { id: "shrinkage", defaultValue: 0.3, rule: "fractionBelowOne", numberFormat: "0%" },
      { id: "maxOccupancy", defaultValue: 0.85, rule: "share", numberFormat: "0%" },
      { id: "hourlyCost", defaultValue: 30, rule: "nonNegative", numberFormat: "#,##0.00" },
    ],
    hasUnits: true,
  },
  value: {
    id: "value",
    slots: [
      {
        id: "transactions",
        roles: [role("customer", "text"), role("date", "date"), role("amount", "number")],
      },
    ],
    inputs: [
      { id: "periodDays", defaultValue: 7, rule: "positive", numberFormat: "0" },
      { id: "horizonPeriods", defaultValue: 52, rule: "wholePositive", numberFormat: "0" },
      { id: "discountRate", defaultValue: 0.0015, rule: "nonNegative", numberFormat: "0.00%" },
    ],
    hasUnits: false,
  },
};

export const BUILDER_IDS = Object.keys(BUILDERS) as BuilderId[];

export function slotSpec(builder: BuilderId, slot: SlotId): SlotSpec {
  const spec = BUILDERS[builder].slots.find((candidate) => candidate.id === slot);
  if (!spec) throw new Error(`Builder ${builder} has no ${slot} source`);
  return spec;
}

/** The defaults of a builder's inputs, as a fresh record. */
export function defaultInputs(builder: BuilderId): Record<string, number> {
  return Object.fromEntries(BUILDERS[builder].inputs.map((input) => [input.id, input.defaultValue]));
}

/** Whether value satisfies an input rule. */
export function inputAllowed(rule: InputRule, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  switch (rule) {
    case "positive":
      return value > 0;
    case "nonNegative":
      return value >= 0;
    case "share":
      return value > 0 && value <= 1;
    case "openShare":
      return value > 0 && value < 1;
    case "fractionBelowOne":
      return value >= 0 && value < 1;
    case "wholePositive":
      return value > 0 && Number.isInteger(value);
  }
}
