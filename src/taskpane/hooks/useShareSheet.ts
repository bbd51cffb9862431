/** The Share section's state and actions: list the sheets, freeze a model sheet, restore a copy. */
import { type Dispatch, useEffect, useReducer } from "react";
import type { Locale } from "../../i18n/locale";
import { ShareError, type WorkbookAccess } from "../excel/access";
import { parseSavedModels, SETTINGS_KEY } from "../model-builders/settings";
import { FROZEN_KEY, parseFrozen } from "../sharing/frozen";
import { frozenNote, setupSources } from "../sharing/note";
import { ADDIN_VERSION } from "../version";
import { reasonOf } from "./buildFlow";
import {
  chosenItem,
  type FrozenCopyItem,
  initialShareState,
  type ModelSheetItem,
  type ShareAction,
  type ShareChoice,
  type ShareFailure,
  shareReducer,
  type ShareState,
} from "./shareSheetState";

interface ShareContext {
  workbook: WorkbookAccess;
  locale: Locale;
  dispatch: Dispatch<ShareAction>;
}

const failureOf = (error: unknown): ShareFailure =>
  error instanceof ShareError ? { code: error.code } : { message: reasonOf(error) };

/**
 * The model sheets (built by the pane, or frozen before) and the values copies that are still in
 * the workbook, from the two settings keys.
 */
async function loadList({ workbook, dispatch }: ShareContext): Promise<void> {
  dispatch({ type: "listLoading" });
  try {
    const setups = Object.values(parseSavedModels(await workbook.loadSetting(SETTINGS_KEY)).saved.models);
    const frozen = Object.entries(parseFrozen(await workbook.loadSetting(FROZEN_KEY)).frozen.sheets);
    const models = new Map<string, ModelSheetItem>();
    for (const setup of setups)
      models.set(setup.sheetName, { name: setup.sheetName, sources: setupSources(setup) });
    // Newest first, so a sheet known only from its copies takes its latest copy's inputs.
    for (const [, entry] of [...frozen].sort(([, a], [, b]) => b.frozenAt.localeCompare(a.frozenAt))) {
      if (!models.has(entry.source)) models.set(entry.source, { name: entry.source, sources: entry.sources });
    }
    const copies: FrozenCopyItem[] = frozen
      .map(([name, entry]) => ({ name, source: entry.source, frozenAt: entry.frozenAt }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const present = async <T extends { name: string }>(items: T[]) => {
      const found = await Promise.all(items.map((item) => workbook.sheetExists(item.name)));
      return items.filter((_, index) => found[index]);
    };
    const copyNames = new Set(copies.map((copy) => copy.name.toLowerCase()));
    dispatch({
      type: "listLoaded",
      models: await present([...models.values()].filter((model) => !copyNames.has(model.name.toLowerCase()))),
      copies: await present(copies),
    });
  } catch (error) {
    dispatch({ type: "listFailed", reason: reasonOf(error) });
  }
}

async function freeze(context: ShareContext, { name, sources }: ModelSheetItem): Promise<void> {
  const { workbook, locale, dispatch } = context;
  dispatch({ type: "freezing", sheet: name });
  try {
    const note = frozenNote(locale, { sheet: name, sources, date: new Date(), version: ADDIN_VERSION });
    dispatch({ type: "frozen", sheet: name, copy: await workbook.freezeSheet(name, note) });
  } catch (error) {
    dispatch({ type: "failed", action: "freeze", sheet: name, failure: failureOf(error) });
  }
  await loadList(context);
}

async function restore(context: ShareContext, { name, source }: FrozenCopyItem): Promise<void> {
  const { workbook, dispatch } = context;
  dispatch({ type: "restoring", sheet: name });
  try {
    dispatch({ type: "restored", source, sheet: await workbook.restoreSheet(name) });
  } catch (error) {
    dispatch({ type: "failed", action: "restore", sheet: name, failure: failureOf(error) });
  }
  await loadList(context);
}

export interface ShareSheet {
  state: ShareState;
  choice: ShareChoice;
  busy: boolean;
  actions: {
    choose(key: string): void;
    freeze(): void;
    restore(): void;
    refreshList(): void;
  };
}

/** revision: changes when the workbook gained a model sheet (a build), so the list is read again. */
export function useShareSheet(workbook: WorkbookAccess, locale: Locale, revision = 0): ShareSheet {
  const [state, dispatch] = useReducer(shareReducer, undefined, initialShareState);

  useEffect(() => {
    // Under StrictMode the effect runs twice; the first run's late answers are dropped.
    let live = true;
    void loadList({ workbook, locale, dispatch: (action) => live && dispatch(action) });
    return () => {
      live = false;
    };
  }, [workbook, locale, revision]);

  const context: ShareContext = { workbook, locale, dispatch };
  const choice = chosenItem(state);
  const busy = state.status.phase === "freezing" || state.status.phase === "restoring";
  return {
    state,
    choice,
    busy,
    actions: {
      choose: (key) => dispatch({ type: "choose", key }),
      freeze: () => {
        if (!busy && choice?.kind === "model") void freeze(context, choice.item);
      },
      restore: () => {
        if (!busy && choice?.kind === "copy") void restore(context, choice.item);
      },
      refreshList: () => void loadList(context),
    },
  };
}
