/**
 * The pane's conversations with the workbook: reading sources, building a model sheet, saving its
 * setup. Plain async functions that report through the reducer's actions, so React only wires them.
 */
import type { Dispatch } from "react";
import type { Locale } from "../../i18n/locale";
import { BuildCancelledError, SheetExistsError, type WorkbookAccess } from "../excel/access";
import { BUILDERS } from "../model-builders/builders";
import { planModel, type Sources } from "../model-builders/plan";
import {
  parseSavedModels,
  serializeSavedModels,
  SETTINGS_KEY,
  type ParsedModels,
  type SavedModels,
} from "../model-builders/settings";
import { spillSizes } from "../model-builders/sizes";
import type {
  BuilderId,
  CellValue,
  ModelSetup,
  SlotId,
  SourceData,
  SourceRef,
} from "../model-builders/types";
import { hasErrors, validateSources } from "../model-builders/validate";
import type { ModelBuilderAction } from "./modelBuilderState";

export interface FlowContext {
  workbook: WorkbookAccess;
  locale: Locale;
  dispatch: Dispatch<ModelBuilderAction>;
  /** The running build's controller, so Cancel can abort it. */
  abort: { current: AbortController | undefined };
}

export const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const isCancellation = (error: unknown) =>
  error instanceof BuildCancelledError || (error instanceof Error && error.name === "AbortError");

export async function loadTables({ workbook, dispatch }: FlowContext): Promise<void> {
  dispatch({ type: "tablesLoading" });
  try {
    dispatch({ type: "tablesLoaded", tables: await workbook.listTables() });
  } catch (error) {
    dispatch({ type: "tablesFailed", reason: reasonOf(error) });
  }
}

/** Reads one slot's source; the reducer ignores the result if the user has moved on meanwhile. */
export async function readSlot(
  { workbook, dispatch }: FlowContext,
  builder: BuilderId,
  slot: SlotId,
  source: SourceRef,
  restored = false,
): Promise<SourceData | undefined> {
  try {
    const data = await workbook.readSource(source);
    dispatch({ type: "sourceRead", builder, slot, data: { ...data, ref: source }, restored });
    return data;
  } catch (error) {
    dispatch({ type: "sourceFailed", builder, slot, source, reason: reasonOf(error) });
    return undefined;
  }
}

export async function chooseSource(
  context: FlowContext,
  builder: BuilderId,
  slot: SlotId,
  source: SourceRef,
) {
  context.dispatch({ type: "sourceChosen", builder, slot, source });
  await readSlot(context, builder, slot, source);
}

export async function takeCurrentRegion(context: FlowContext, builder: BuilderId, slot: SlotId) {
  let region: SourceRef;
  try {
    region = await context.workbook.currentRegion();
  } catch (error) {
    context.dispatch({ type: "regionFailed", builder, slot, reason: reasonOf(error) });
    return;
  }
  await chooseSource(context, builder, slot, region);
}

/** Re-reads a saved setup's sources; resolves to them all, or undefined if one could not be read. */
async function readSetupSources(context: FlowContext, setup: ModelSetup): Promise<Sources | undefined> {
  const slots = BUILDERS[setup.builder].slots.flatMap(({ id }) => {
    const selection = setup.slots[id];
    return selection ? [{ id, source: selection.source }] : [];
  });
  const read = await Promise.all(
    slots.map(({ id, source }) => readSlot(context, setup.builder, id, source, true)),
  );
  if (read.some((data) => data === undefined)) return undefined;
  return Object.fromEntries(slots.map(({ id }, index) => [id, read[index]]));
}

/** Reads the saved setups and restores each builder, re-reading its sources. */
export async function restoreSavedModels(context: FlowContext): Promise<void> {
  let parsed: ParsedModels;
  try {
    parsed = parseSavedModels(await context.workbook.loadSetting(SETTINGS_KEY));
  } catch {
    // Unreadable settings are treated like invalid ones: ignored, and said so.
    parsed = { status: "invalid", saved: parseSavedModels(null).saved };
  }
  context.dispatch({ type: "settingsLoaded", parsed });
  await Promise.all(Object.values(parsed.saved.models).map((setup) => readSetupSources(context, setup)));
}

async function readCheck(
  workbook: WorkbookAccess,
  sheet: string,
  cell: string,
): Promise<CellValue | undefined> {
  try {
    return await workbook.cellValue(sheet, cell);
  } catch {
    return undefined;
  }
}

export interface SavedState {
  saved: SavedModels;
  status: ParsedModels["status"] | "loading";
}

/**
 * Saves a built setup with the others. Settings from a newer version of the add-in are left alone:
 * writing ours over them would lose what that version saved.
 */
async function saveSetup(workbook: WorkbookAccess, setup: ModelSetup, current: SavedState) {
  if (current.status === "newer") return { notSaved: { kind: "newer" as const } };
  const saved: SavedModels = {
    ...current.saved,
    active: setup.builder,
    models: { ...current.saved.models, [setup.builder]: setup },
  };
  try {
    await workbook.saveSetting(SETTINGS_KEY, serializeSavedModels(saved));
    return { saved };
  } catch (error) {
    return { notSaved: { kind: "failed" as const, reason: reasonOf(error) } };
  }
}

/**
 * Plans and writes a model sheet. Without `replace`, an existing sheet of that name asks the user
 * (a free name, or replacing it) instead of overwriting anything.
 */
export async function buildModel(
  context: FlowContext,
  setup: ModelSetup,
  sources: Sources,
  saved: SavedState,
  replace: boolean,
): Promise<void> {
  const { workbook, locale, dispatch, abort } = context;
  const { builder } = setup;
  const controller = new AbortController();
  abort.current = controller;
  dispatch({ type: "buildStarted", builder, sheetName: setup.sheetName });
  try {
    const plan = planModel(setup, sources, spillSizes(setup, sources), locale);
    await workbook.writeModel(plan, {
      replace,
      signal: controller.signal,
      onProgress: ({ done, total }) => dispatch({ type: "buildProgress", done, total }),
    });
    const check = await readCheck(workbook, plan.sheetName, plan.checkCell);
    const outcome = await saveSetup(workbook, setup, saved);
    dispatch({ type: "built", setup, check, ...outcome });
  } catch (error) {
    if (isCancellation(error)) {
      dispatch({ type: "buildCancelled", builder });
    } else if (error instanceof SheetExistsError && !replace) {
      try {
        const freeName = await workbook.freeSheetName(setup.sheetName);
        dispatch({ type: "confirmReplace", builder, freeName, setup, sources });
      } catch (nameError) {
        dispatch({ type: "buildFailed", builder, reason: reasonOf(nameError) });
      }
    } else {
      dispatch({ type: "buildFailed", builder, reason: reasonOf(error) });
    }
  } finally {
    if (abort.current === controller) abort.current = undefined;
  }
}

/** Rebuilds a saved model from the current data, replacing the sheet the pane built before. */
export async function refreshModel(
  context: FlowContext,
  setup: ModelSetup,
  saved: SavedState,
): Promise<void> {
  const { dispatch } = context;
  dispatch({ type: "restore", setup });
  dispatch({ type: "buildReading", builder: setup.builder });
  const sources = await readSetupSources(context, setup);
  if (!sources) {
    dispatch({ type: "refreshBlocked", builder: setup.builder, because: "source" });
    return;
  }
  const inputs = Object.fromEntries(
    Object.entries(setup.slots).map(([slot, selection]) => [
      slot,
      { source: sources[slot as SlotId], mapping: selection.mapping },
    ]),
  );
  if (hasErrors(validateSources(setup.builder, inputs))) {
    dispatch({ type: "refreshBlocked", builder: setup.builder, because: "errors" });
    return;
  }
  await buildModel(context, setup, sources, saved, true);
}
