/**
 * The model builders' pane state and the reducer that changes it. Pure, so every rule here (what a
 * new source does to a mapping, when units follow a header) is testable without React or Excel.
 */
import { builderStrings } from "../../i18n/builders";
import type { Locale } from "../../i18n/locale";
import type { TableInfo } from "../excel/access";
import { BUILDER_IDS, BUILDERS } from "../model-builders/builders";
import type { Sources } from "../model-builders/plan";
import type { ParsedModels, SavedModels } from "../model-builders/settings";
import { SETTINGS_VERSION } from "../model-builders/settings";
import { suggestMapping, suggestUnits } from "../model-builders/suggest";
import type {
  BuilderId,
  CellValue,
  ColumnMapping,
  ModelSetup,
  RoleId,
  SlotId,
  SourceData,
  SourceRef,
  Units,
} from "../model-builders/types";

export type SlotStatus = "empty" | "reading" | "ready" | "failed";

/** Why a slot could not get its source: reading it failed, or Excel gave no current region. */
export interface SlotError {
  kind: "read" | "region";
  reason: string;
}

export interface SlotState {
  source?: SourceRef;
  status: SlotStatus;
  data?: SourceData;
  error?: SlotError;
  mapping: ColumnMapping;
  /** Roles mapped by the user (or restored from a saved setup): a new source keeps them. */
  chosen: RoleId[];
}

export interface BuilderState {
  slots: Partial<Record<SlotId, SlotState>>;
  units: Units;
  /** Input values as typed, so a half-typed number ("0.") is not lost; parsed when building. */
  inputs: Record<string, string>;
  sheetName: string;
}

/** Where a build stands. One build at a time, for the builder named in it. */
export type BuildStatus =
  | { phase: "idle" }
  | { phase: "reading"; builder: BuilderId }
  | { phase: "running"; builder: BuilderId; sheetName: string; done: number; total: number }
  | {
      phase: "confirm";
      builder: BuilderId;
      sheetName: string;
      freeName: string;
      setup: ModelSetup;
      sources: Sources;
    }
  | {
      phase: "built";
      builder: BuilderId;
      sheetName: string;
      /** The check cell's value; undefined when it could not be read. */
      check: CellValue | undefined;
      /** Set when the setup was not saved in the workbook (why). */
      notSaved?: { kind: "newer" } | { kind: "failed"; reason: string };
    }
  | { phase: "cancelled"; builder: BuilderId }
  | { phase: "failed"; builder: BuilderId; reason: string }
  /** Refresh stopped before writing: the current data has errors, or a saved source is gone. */
  | { phase: "refreshBlocked"; builder: BuilderId; because: "errors" | "source" };

export interface ModelBuilderState {
  active: BuilderId;
  builders: Record<BuilderId, BuilderState>;
  tables: { status: "loading" | "ready" | "failed"; list: TableInfo[]; reason?: string };
  /** Saved setups as read at start and written after each build; "loading" until read. */
  saved: SavedModels;
  savedStatus: ParsedModels["status"] | "loading";
  build: BuildStatus;
}

export type ModelBuilderAction =
  | { type: "select"; builder: BuilderId }
  | { type: "tablesLoading" }
  | { type: "tablesLoaded"; tables: TableInfo[] }
  | { type: "tablesFailed"; reason: string }
  | { type: "settingsLoaded"; parsed: ParsedModels }
  | { type: "restore"; setup: ModelSetup }
  | { type: "sourceChosen"; builder: BuilderId; slot: SlotId; source: SourceRef }
  | { type: "sourceRead"; builder: BuilderId; slot: SlotId; data: SourceData; restored?: boolean }
  | { type: "sourceFailed"; builder: BuilderId; slot: SlotId; source: SourceRef; reason: string }
  | { type: "regionFailed"; builder: BuilderId; slot: SlotId; reason: string }
  | { type: "roleMapped"; builder: BuilderId; slot: SlotId; role: RoleId; header: string | undefined }
  | { type: "unitChanged"; builder: BuilderId; units: Partial<Units> }
  | { type: "inputChanged"; builder: BuilderId; input: string; text: string }
  | { type: "sheetNameChanged"; builder: BuilderId; sheetName: string }
  | { type: "buildReading"; builder: BuilderId }
  | { type: "buildStarted"; builder: BuilderId; sheetName: string }
  | { type: "buildProgress"; done: number; total: number }
  | { type: "confirmReplace"; builder: BuilderId; freeName: string; setup: ModelSetup; sources: Sources }
  | {
      type: "built";
      setup: ModelSetup;
      check: CellValue | undefined;
      saved?: SavedModels;
      notSaved?: NotSaved;
    }
  | { type: "buildCancelled"; builder: BuilderId }
  | { type: "buildFailed"; builder: BuilderId; reason: string }
  | { type: "refreshBlocked"; builder: BuilderId; because: "errors" | "source" };

type NotSaved = Extract<BuildStatus, { phase: "built" }>["notSaved"];

/** A key that tells sources apart, for dropdown options and for ignoring stale reads. */
export function sourceKey(ref: SourceRef): string {
  return ref.kind === "table" ? `table:${ref.name}` : `range:${ref.sheet}!${ref.address}`;
}

const emptySlot = (): SlotState => ({ status: "empty", mapping: {}, chosen: [] });

const inputTexts = (inputs: Record<string, number>): Record<string, string> =>
  Object.fromEntries(Object.entries(inputs).map(([id, value]) => [id, String(value)]));

function freshBuilder(builder: BuilderId, locale: Locale): BuilderState {
  const spec = BUILDERS[builder];
  return {
    slots: Object.fromEntries(spec.slots.map(({ id }) => [id, emptySlot()])),
    units: { handleTime: "sec", volume: "perInterval" },
    inputs: Object.fromEntries(spec.inputs.map(({ id, defaultValue }) => [id, String(defaultValue)])),
    sheetName: builderStrings(locale)[`sheet_${builder}`],
  };
}

/** A builder's state from a saved setup: its sources to be re-read, its choices as saved. */
function restoredBuilder(setup: ModelSetup, current: BuilderState): BuilderState {
  const slots = { ...current.slots };
  for (const { id } of BUILDERS[setup.builder].slots) {
    const saved = setup.slots[id];
    if (!saved) continue;
    slots[id] = {
      source: saved.source,
      status: "reading",
      mapping: { ...saved.mapping },
      chosen: Object.keys(saved.mapping) as RoleId[],
    };
  }
  return {
    slots,
    units: { ...setup.units },
    inputs: { ...current.inputs, ...inputTexts(setup.inputs) },
    sheetName: setup.sheetName,
  };
}

export function initialState(locale: Locale): ModelBuilderState {
  return {
    active: "abc",
    builders: Object.fromEntries(BUILDER_IDS.map((id) => [id, freshBuilder(id, locale)])) as Record<
      BuilderId,
      BuilderState
    >,
    tables: { status: "loading", list: [] },
    saved: { version: SETTINGS_VERSION, models: {} },
    savedStatus: "loading",
    build: { phase: "idle" },
  };
}

/** The mapping for a newly read source: saved or hand-made choices stay, the rest is suggested. */
function mappingFor(builder: BuilderId, slot: SlotId, state: SlotState, data: SourceData, restored: boolean) {
  const keep = Object.fromEntries(state.chosen.map((role) => [role, state.mapping[role]])) as ColumnMapping;
  const suggested = suggestMapping(builder, slot, data.headers, keep);
  // A restored column that is gone stays mapped, so validation says it is missing rather than a
  // different column silently taking its place.
  return restored ? { ...suggested, ...keep } : suggested;
}

/** The unit a role's header decides: handle time names its unit, volume its basis. */
const UNIT_OF_ROLE: Partial<Record<RoleId, keyof Units>> = { handleTime: "handleTime", volume: "volume" };

function updateBuilder(
  state: ModelBuilderState,
  builder: BuilderId,
  change: (current: BuilderState) => BuilderState,
): ModelBuilderState {
  return { ...state, builders: { ...state.builders, [builder]: change(state.builders[builder]) } };
}

function updateSlot(
  state: ModelBuilderState,
  builder: BuilderId,
  slot: SlotId,
  change: (current: SlotState, builderState: BuilderState) => Partial<BuilderState> & { slot: SlotState },
): ModelBuilderState {
  return updateBuilder(state, builder, (current) => {
    const { slot: next, ...rest } = change(current.slots[slot] ?? emptySlot(), current);
    return { ...current, ...rest, slots: { ...current.slots, [slot]: next } };
  });
}

export function modelBuilderReducer(state: ModelBuilderState, action: ModelBuilderAction): ModelBuilderState {
  switch (action.type) {
    case "select":
      return { ...state, active: action.builder };
    case "tablesLoading":
      return { ...state, tables: { ...state.tables, status: "loading" } };
    case "tablesLoaded":
      return { ...state, tables: { status: "ready", list: action.tables } };
    case "tablesFailed":
      return { ...state, tables: { status: "failed", list: [], reason: action.reason } };
    case "settingsLoaded": {
      const { saved, status } = action.parsed;
      let next: ModelBuilderState = {
        ...state,
        saved,
        savedStatus: status,
        active: saved.active ?? state.active,
      };
      for (const setup of Object.values(saved.models)) {
        next = updateBuilder(next, setup.builder, (current) => restoredBuilder(setup, current));
      }
      return next;
    }
    case "restore":
      return updateBuilder(state, action.setup.builder, (current) => restoredBuilder(action.setup, current));
    case "sourceChosen":
      return updateSlot(state, action.builder, action.slot, (current) => ({
        slot: { ...current, source: action.source, status: "reading", data: undefined, error: undefined },
      }));
    case "sourceRead":
      return updateSlot(state, action.builder, action.slot, (current, builderState) => {
        // A read that finished after the user picked another source is stale.
        if (!current.source || sourceKey(current.source) !== sourceKey(action.data.ref))
          return { slot: current };
        const restored = action.restored ?? false;
        const mapping = mappingFor(action.builder, action.slot, current, action.data, restored);
        const units =
          BUILDERS[action.builder].hasUnits && !restored
            ? suggestUnits(mapping, builderState.units)
            : builderState.units;
        return { units, slot: { ...current, status: "ready", data: action.data, error: undefined, mapping } };
      });
    case "sourceFailed":
      return updateSlot(state, action.builder, action.slot, (current) =>
        current.source && sourceKey(current.source) === sourceKey(action.source)
          ? {
              slot: {
                ...current,
                status: "failed",
                data: undefined,
                error: { kind: "read", reason: action.reason },
              },
            }
          : { slot: current },
      );
    case "regionFailed":
      return updateSlot(state, action.builder, action.slot, (current) => ({
        slot: { ...current, error: { kind: "region", reason: action.reason } },
      }));
    case "roleMapped":
      return updateSlot(state, action.builder, action.slot, (current, builderState) => {
        const mapping = { ...current.mapping };
        if (action.header === undefined) delete mapping[action.role];
        else mapping[action.role] = action.header;
        const chosen = current.chosen.includes(action.role)
          ? current.chosen
          : [...current.chosen, action.role];
        // A newly mapped handle-time or volume column may name its unit ("AHT (min)").
        const unit = UNIT_OF_ROLE[action.role];
        const units =
          unit && BUILDERS[action.builder].hasUnits
            ? { ...builderState.units, [unit]: suggestUnits(mapping, builderState.units)[unit] }
            : builderState.units;
        return { units, slot: { ...current, mapping, chosen } };
      });
    case "unitChanged":
      return updateBuilder(state, action.builder, (current) => ({
        ...current,
        units: { ...current.units, ...action.units },
      }));
    case "inputChanged":
      return updateBuilder(state, action.builder, (current) => ({
        ...current,
        inputs: { ...current.inputs, [action.input]: action.text },
      }));
    case "sheetNameChanged":
      return updateBuilder(state, action.builder, (current) => ({ ...current, sheetName: action.sheetName }));
    case "buildReading":
      return { ...state, build: { phase: "reading", builder: action.builder } };
    case "buildStarted":
      return {
        ...state,
        build: { phase: "running", builder: action.builder, sheetName: action.sheetName, done: 0, total: 0 },
      };
    case "buildProgress":
      return state.build.phase === "running"
        ? { ...state, build: { ...state.build, done: action.done, total: action.total } }
        : state;
    case "confirmReplace":
      return {
        ...state,
        build: {
          phase: "confirm",
          builder: action.builder,
          sheetName: action.setup.sheetName,
          freeName: action.freeName,
          setup: action.setup,
          sources: action.sources,
        },
      };
    case "built": {
      const { setup } = action;
      const next = updateBuilder(state, setup.builder, (current) => ({
        ...current,
        sheetName: setup.sheetName,
      }));
      return {
        ...next,
        saved: action.saved ?? state.saved,
        build: {
          phase: "built",
          builder: setup.builder,
          sheetName: setup.sheetName,
          check: action.check,
          ...(action.notSaved ? { notSaved: action.notSaved } : {}),
        },
      };
    }
    case "buildCancelled":
      return { ...state, build: { phase: "cancelled", builder: action.builder } };
    case "buildFailed":
      return { ...state, build: { phase: "failed", builder: action.builder, reason: action.reason } };
    case "refreshBlocked":
      return {
        ...state,
        build: { phase: "refreshBlocked", builder: action.builder, because: action.because },
      };
  }
}
