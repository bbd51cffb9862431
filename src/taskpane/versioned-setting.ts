/**
 * The envelope of a versioned JSON value in the workbook's settings, shared by the builders' setups
 * and the frozen copies' records: nothing saved, unreadable, written by a newer pane (to be left
 * alone), or an object of this version or older for the caller to read.
 */

export type VersionedSetting =
  { status: "empty" | "invalid" | "newer" } | { status: "ok"; value: Record<string, unknown> };

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Reads a settings value (the JSON text, or what it parses to); never throws. */
export function readVersionedSetting(raw: unknown, currentVersion: number): VersionedSetting {
  if (raw === null || raw === undefined) return { status: "empty" };
  let value = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      return { status: "invalid" };
    }
  }
  if (!isRecord(value) || typeof value.version !== "number") return { status: "invalid" };
  if (value.version > currentVersion) return { status: "newer" };
  return { status: "ok", value };
}
