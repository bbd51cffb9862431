/**
 * The Share section's state: which model sheets and values copies the workbook has, which one is
 * chosen, and how the last freeze or restore went. Pure, like the builders' reducer.
 */
import type { ShareErrorCode } from "../excel/access";

export interface ModelSheetItem {
  name: string;
  /** Its inputs, for the note: from the saved setup, else from an earlier copy of it. */
  sources: string[];
}

export interface FrozenCopyItem {
  name: string;
  /** The model sheet it was frozen from. */
  source: string;
  frozenAt: string;
}

export interface ShareList {
  status: "loading" | "ready" | "failed";
  models: ModelSheetItem[];
  copies: FrozenCopyItem[];
  reason?: string;
}

/** Why a freeze or restore failed: one of ours (said in the pane's words), or what Excel said. */
export type ShareFailure = { code: ShareErrorCode } | { message: string };

export type ShareStatus =
  | { phase: "idle" }
  | { phase: "freezing"; sheet: string }
  | { phase: "restoring"; sheet: string }
  | { phase: "frozen"; sheet: string; copy: string }
  | { phase: "restored"; source: string; sheet: string }
  | { phase: "failed"; action: "freeze" | "restore"; sheet: string; failure: ShareFailure };

export interface ShareState {
  list: ShareList;
  /** The chosen option's key (see choiceKey), "" for none. */
  chosen: string;
  status: ShareStatus;
}

export type ShareAction =
  | { type: "listLoading" }
  | { type: "listLoaded"; models: ModelSheetItem[]; copies: FrozenCopyItem[] }
  | { type: "listFailed"; reason: string }
  | { type: "choose"; key: string }
  | { type: "freezing"; sheet: string }
  | { type: "restoring"; sheet: string }
  | { type: "frozen"; sheet: string; copy: string }
  | { type: "restored"; source: string; sheet: string }
  | { type: "failed"; action: "freeze" | "restore"; sheet: string; failure: ShareFailure };

export type ShareChoice =
  { kind: "model"; item: ModelSheetItem } | { kind: "copy"; item: FrozenCopyItem } | undefined;

/** Option keys tell a model sheet from a copy of the same name ("model:…", "copy:…"). */
export const choiceKey = (kind: "model" | "copy", sheet: string) => `${kind}:${sheet}`;

/** The chosen item, if it is still in the list. */
export function chosenItem({ list, chosen }: Pick<ShareState, "list" | "chosen">): ShareChoice {
  const model = list.models.find((item) => choiceKey("model", item.name) === chosen);
  if (model) return { kind: "model", item: model };
  const copy = list.copies.find((item) => choiceKey("copy", item.name) === chosen);
  return copy ? { kind: "copy", item: copy } : undefined;
}

export const initialShareState = (): ShareState => ({
  list: { status: "loading", models: [], copies: [] },
  chosen: "",
  status: { phase: "idle" },
});

export function shareReducer(state: ShareState, action: ShareAction): ShareState {
  switch (action.type) {
    case "listLoading":
      return { ...state, list: { ...state.list, status: "loading" } };
    case "listLoaded":
      return { ...state, list: { status: "ready", models: action.models, copies: action.copies } };
    case "listFailed":
      return { ...state, list: { status: "failed", models: [], copies: [], reason: action.reason } };
    case "choose":
      return { ...state, chosen: action.key };
    case "freezing":
      return { ...state, status: { phase: "freezing", sheet: action.sheet } };
    case "restoring":
      return { ...state, status: { phase: "restoring", sheet: action.sheet } };
    case "frozen":
      // The new copy is chosen, so Restore is one click away and the user sees what was made.
      return {
        ...state,
        chosen: choiceKey("copy", action.copy),
        status: { phase: "frozen", sheet: action.sheet, copy: action.copy },
      };
    case "restored":
      return { ...state, status: { phase: "restored", source: action.source, sheet: action.sheet } };
    case "failed":
      return {
        ...state,
        status: { phase: "failed", action: action.action, sheet: action.sheet, failure: action.failure },
      };
  }
}
