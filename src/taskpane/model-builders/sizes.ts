/** How many rows a model's spills will have, counted as the SVC functions count keys. */
import { keyIdentity } from "../../engine/core/grid";
import type { SpillSizes, Sources } from "./plan";
import { headerColumn } from "./references";
import type { ModelSetup, SlotId } from "./types";

/** Distinct keys of a mapped column, matched as the functions match them (case-insensitive text). */
function distinctKeys(
  setup: ModelSetup,
  sources: Sources,
  slot: SlotId,
  role: "costObject" | "customer",
): number {
  const source = sources[slot];
  const column = source ? headerColumn(source, setup.slots[slot]?.mapping[role]) : -1;
  if (!source || column < 0) return 0;
  const keys = new Set<string>();
  for (const row of source.rows) {
    const value = row[column];
    if (value !== null && value !== "") keys.add(keyIdentity(value));
  }
  return keys.size;
}

export function spillSizes(setup: ModelSetup, sources: Sources): SpillSizes {
  switch (setup.builder) {
    case "abc":
      return { costObjects: distinctKeys(setup, sources, "log", "costObject") };
    case "value":
      return { customers: distinctKeys(setup, sources, "transactions", "customer") };
    case "staffing":
      return {};
  }
}
