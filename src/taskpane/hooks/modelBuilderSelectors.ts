/** What the pane derives from its state: problems, the setup to build, and what blocks a build. */
import { BUILDERS, inputAllowed, type InputRule } from "../model-builders/builders";
import type { Sources } from "../model-builders/plan";
import { hasErrors, validateSources, type Problem, type SlotInput } from "../model-builders/validate";
import type { BuilderId, ModelSetup, SlotId } from "../model-builders/types";
import type { BuilderState, ModelBuilderState } from "./modelBuilderState";

/** The sources read so far with their mappings, as validateSources takes them. */
function slotInputs(state: BuilderState): Partial<Record<SlotId, SlotInput>> {
  return Object.fromEntries(
    Object.entries(state.slots).map(([slot, selection]) => [
      slot,
      { source: selection.status === "ready" ? selection.data : undefined, mapping: selection.mapping },
    ]),
  );
}

/**
 * Every problem of a builder's sources, errors first. A source still being read, or one that could
 * not be read, is not reported as missing: its own message under the source picker says more.
 */
export function builderProblems(builder: BuilderId, state: BuilderState): Problem[] {
  return validateSources(builder, slotInputs(state)).filter((problem) => {
    const status = state.slots[problem.slot]?.status;
    return !(problem.code === "missingSource" && (status === "reading" || status === "failed"));
  });
}

/** An input's typed text as a number; blank text is not 0. */
export function parseInput(text: string | undefined): number {
  return text === undefined || text.trim() === "" ? NaN : Number(text);
}

/** The rule each invalid input breaks, by input id. */
export function inputErrors(builder: BuilderId, state: BuilderState): Record<string, InputRule> {
  return Object.fromEntries(
    BUILDERS[builder].inputs
      .filter(({ id, rule }) => !inputAllowed(rule, parseInput(state.inputs[id])))
      .map(({ id, rule }) => [id, rule]),
  );
}

/** Excel's rules for a sheet name: 1 to 31 characters, none of : \ / ? * [ ], no ' at either end. */
export function sheetNameAllowed(name: string): boolean {
  const trimmed = name.trim();
  return trimmed.length > 0 && trimmed.length <= 31 && !/[:\\/?*[\]]/.test(trimmed) && !/^'|'$/.test(trimmed);
}

/** The setup the pane would build now. */
export function currentSetup(builder: BuilderId, state: BuilderState): ModelSetup {
  const slots: ModelSetup["slots"] = {};
  for (const [slot, selection] of Object.entries(state.slots) as [SlotId, BuilderState["slots"][SlotId]][]) {
    if (selection?.source) slots[slot] = { source: selection.source, mapping: { ...selection.mapping } };
  }
  return {
    builder,
    slots,
    units: { ...state.units },
    inputs: Object.fromEntries(BUILDERS[builder].inputs.map(({ id }) => [id, parseInput(state.inputs[id])])),
    sheetName: state.sheetName.trim(),
  };
}

export function currentSources(state: BuilderState): Sources {
  const sources: Sources = {};
  for (const [slot, selection] of Object.entries(state.slots) as [SlotId, BuilderState["slots"][SlotId]][]) {
    if (selection?.status === "ready" && selection.data) sources[slot] = selection.data;
  }
  return sources;
}

/** Why Build is disabled, most urgent first; undefined when it is enabled. */
export type BuildBlocker = "busy" | "reading" | "errors" | "inputs" | "sheetName";

export function buildBlocker(
  state: ModelBuilderState,
  builder: BuilderId,
  problems: Problem[],
): BuildBlocker | undefined {
  const builderState = state.builders[builder];
  const { phase } = state.build;
  if (phase === "reading" || phase === "running" || phase === "confirm") return "busy";
  if (Object.values(builderState.slots).some((slot) => slot.status === "reading")) return "reading";
  // A source that could not be read is an error shown under its picker, not in the problem list.
  if (hasErrors(problems) || Object.values(builderState.slots).some((slot) => slot.status === "failed")) {
    return "errors";
  }
  if (Object.keys(inputErrors(builder, builderState)).length > 0) return "inputs";
  if (!sheetNameAllowed(builderState.sheetName)) return "sheetName";
  return undefined;
}
