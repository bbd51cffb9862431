/**
 * The builders' setups as saved in the workbook (Office document settings), versioned so a newer
 * pane can read what an older one wrote and an older pane refuses what it cannot understand.
 */
import { BUILDER_IDS, BUILDERS } from "./builders";
import type { BuilderId, ModelSetup, SlotSelection, SourceRef } from "./types";
import { isRecord, readVersionedSetting } from "../versioned-setting";

export const SETTINGS_KEY = "svc.modelBuilders";
export const SETTINGS_VERSION = 1;

export interface SavedModels {
  version: typeof SETTINGS_VERSION;
  /** The builder the pane last showed. */
  active?: BuilderId;
  models: Partial<Record<BuilderId, ModelSetup>>;
}

export type ParsedModels =
  { status: "empty" | "ok"; saved: SavedModels } | { status: "newer" | "invalid"; saved: SavedModels };

const empty = (): SavedModels => ({ version: SETTINGS_VERSION, models: {} });

function isSourceRef(value: unknown): value is SourceRef {
  if (!isRecord(value)) return false;
  if (value.kind === "table") return typeof value.name === "string";
  return value.kind === "range" && typeof value.sheet === "string" && typeof value.address === "string";
}

function isSelection(value: unknown): value is SlotSelection {
  return (
    isRecord(value) &&
    isSourceRef(value.source) &&
    isRecord(value.mapping) &&
    Object.values(value.mapping).every((header) => typeof header === "string")
  );
}

/** A saved setup, or undefined when it is not one this version can use. */
function readSetup(builder: BuilderId, value: unknown): ModelSetup | undefined {
  if (!isRecord(value) || value.builder !== builder || typeof value.sheetName !== "string") return undefined;
  const spec = BUILDERS[builder];
  const slots = isRecord(value.slots) ? value.slots : {};
  if (!spec.slots.every(({ id }) => slots[id] === undefined || isSelection(slots[id]))) return undefined;
  const units = isRecord(value.units) ? value.units : {};
  const inputs = isRecord(value.inputs) ? value.inputs : {};
  return {
    builder,
    slots: slots as ModelSetup["slots"],
    units: {
      handleTime: units.handleTime === "min" || units.handleTime === "hour" ? units.handleTime : "sec",
      volume: units.volume === "perHour" ? "perHour" : "perInterval",
    },
    inputs: Object.fromEntries(
      spec.inputs.map(({ id, defaultValue }) => [
        id,
        typeof inputs[id] === "number" && Number.isFinite(inputs[id]) ? (inputs[id] as number) : defaultValue,
      ]),
    ),
    sheetName: value.sheetName,
  };
}

/** Reads what settings hold; never throws, and says when it had to ignore something. */
export function parseSavedModels(raw: unknown): ParsedModels {
  const setting = readVersionedSetting(raw, SETTINGS_VERSION);
  if (setting.status !== "ok") return { status: setting.status, saved: empty() };
  const { value } = setting;
  const models: SavedModels["models"] = {};
  const stored = isRecord(value.models) ? value.models : {};
  let dropped = false;
  for (const builder of BUILDER_IDS) {
    if (stored[builder] === undefined) continue;
    const setup = readSetup(builder, stored[builder]);
    if (setup) models[builder] = setup;
    else dropped = true;
  }
  const active = BUILDER_IDS.find((builder) => builder === value.active);
  const saved: SavedModels = { version: SETTINGS_VERSION, models, ...(active ? { active } : {}) };
  return { status: dropped ? "invalid" : "ok", saved };
}

/** The JSON text stored in settings. */
export function serializeSavedModels(saved: SavedModels): string {
  return JSON.stringify(saved);
}
