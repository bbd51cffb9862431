/** The model builders' state and the actions the pane's components call. */
import { useEffect, useReducer, useRef } from "react";
import type { Locale } from "../../i18n/locale";
import type { WorkbookAccess } from "../excel/access";
import type { BuilderId, RoleId, SlotId, SourceRef, Units } from "../model-builders/types";
import type { Problem } from "../model-builders/validate";
import {
  buildModel,
  chooseSource,
  loadTables,
  refreshModel,
  restoreSavedModels,
  takeCurrentRegion,
  type FlowContext,
} from "./buildFlow";
import {
  buildBlocker,
  builderProblems,
  currentSetup,
  currentSources,
  type BuildBlocker,
} from "./modelBuilderSelectors";
import {
  initialState,
  modelBuilderReducer,
  type ModelBuilderAction,
  type ModelBuilderState,
} from "./modelBuilderState";

export interface ModelBuilderActions {
  select(builder: BuilderId): void;
  refreshTables(): void;
  chooseTable(slot: SlotId, name: string): void;
  chooseSource(slot: SlotId, source: SourceRef): void;
  takeCurrentRegion(slot: SlotId): void;
  mapRole(slot: SlotId, role: RoleId, header: string | undefined): void;
  setUnits(units: Partial<Units>): void;
  setInput(input: string, text: string): void;
  setSheetName(name: string): void;
  build(): void;
  refresh(): void;
  cancelBuild(): void;
  /** Answers to "a sheet of that name exists": build under the free name, replace it, or neither. */
  buildUnderFreeName(): void;
  replaceSheet(): void;
  dismissReplace(): void;
}

export interface ModelBuilder {
  state: ModelBuilderState;
  /** Problems of the active builder's sources, errors first. */
  problems: Problem[];
  blocker: BuildBlocker | undefined;
  actions: ModelBuilderActions;
}

export function useModelBuilder(workbook: WorkbookAccess, locale: Locale): ModelBuilder {
  const [state, dispatch] = useReducer(modelBuilderReducer, locale, initialState);
  const abort = useRef<AbortController | undefined>(undefined);

  useEffect(() => {
    // Under StrictMode the effect runs twice; the first run's late answers are dropped.
    let live = true;
    const context: FlowContext = {
      workbook,
      locale,
      dispatch: (action: ModelBuilderAction) => live && dispatch(action),
      abort,
    };
    void loadTables(context);
    void restoreSavedModels(context);
    return () => {
      live = false;
    };
  }, [workbook, locale]);

  const builder = state.active;
  const builderState = state.builders[builder];
  const problems = builderProblems(builder, builderState);
  const blocker = buildBlocker(state, builder, problems);
  const context: FlowContext = { workbook, locale, dispatch, abort };
  const saved = { saved: state.saved, status: state.savedStatus };

  const actions: ModelBuilderActions = {
    select: (next) => dispatch({ type: "select", builder: next }),
    refreshTables: () => void loadTables(context),
    chooseTable: (slot, name) => void chooseSource(context, builder, slot, { kind: "table", name }),
    chooseSource: (slot, source) => void chooseSource(context, builder, slot, source),
    takeCurrentRegion: (slot) => void takeCurrentRegion(context, builder, slot),
    mapRole: (slot, role, header) => dispatch({ type: "roleMapped", builder, slot, role, header }),
    setUnits: (units) => dispatch({ type: "unitChanged", builder, units }),
    setInput: (input, text) => dispatch({ type: "inputChanged", builder, input, text }),
    setSheetName: (sheetName) => dispatch({ type: "sheetNameChanged", builder, sheetName }),
    build: () => {
      if (blocker) return;
      void buildModel(
        context,
        currentSetup(builder, builderState),
        currentSources(builderState),
        saved,
        false,
      );
    },
    refresh: () => {
      const setup = state.saved.models[builder];
      if (setup && blocker !== "busy") void refreshModel(context, setup, saved);
    },
    cancelBuild: () => abort.current?.abort(),
    buildUnderFreeName: () => {
      if (state.build.phase !== "confirm") return;
      const { setup, sources, freeName } = state.build;
      void buildModel(context, { ...setup, sheetName: freeName }, sources, saved, false);
    },
    replaceSheet: () => {
      if (state.build.phase !== "confirm") return;
      void buildModel(context, state.build.setup, state.build.sources, saved, true);
    },
    dismissReplace: () => {
      if (state.build.phase === "confirm") dispatch({ type: "buildCancelled", builder: state.build.builder });
    },
  };

  return { state, problems, blocker, actions };
}
