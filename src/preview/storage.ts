/**
 * The preview workbook kept in localStorage: saving after each change and loading on start is
 * what makes a page reload "reopen" the workbook, as closing and opening a file in Excel would.
 */
import type { WorkbookSnapshot } from "./host/workbook";

export const STORAGE_KEY = "svc-preview-workbook";

/** The stored snapshot, or undefined when there is none or it is unreadable. */
export function loadSnapshot(storage: Storage = localStorage): WorkbookSnapshot | undefined {
  const text = storage.getItem(STORAGE_KEY);
  if (text === null) return undefined;
  try {
    const snapshot = JSON.parse(text) as WorkbookSnapshot;
    if (Array.isArray(snapshot?.sheets) && snapshot.sheets.length > 0) return snapshot;
  } catch {
    // fall through: a damaged entry is dropped below
  }
  console.warn(`Ignoring the unreadable workbook stored under ${STORAGE_KEY}; starting from the sample.`);
  storage.removeItem(STORAGE_KEY);
  return undefined;
}

export function saveSnapshot(snapshot: WorkbookSnapshot, storage: Storage = localStorage): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(snapshot));
  } catch (error) {
    // Full or disabled storage: the preview still works, it just will not survive a reload.
    console.warn("The preview workbook could not be saved:", error);
  }
}

export function clearSnapshot(storage: Storage = localStorage): void {
  storage.removeItem(STORAGE_KEY);
}
