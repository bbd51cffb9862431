/**
 * Reads the outside reference data in ../shared/data/reference (published values and independent
 * computations) for the end-to-end tests. The values are oracles and are never edited here.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

export const REFERENCE_DIR = new URL("../../../shared/data/reference/", import.meta.url);

/** Parses RFC 4180 CSV into one object per row, keyed by the header row. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  const [header, ...body] = rows;
  return body
    .filter((cells) => cells.some((cell) => cell !== ""))
    .map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""])));
}

export function readReferenceCsv(file) {
  return parseCsv(readFileSync(new URL(file, REFERENCE_DIR), "utf8"));
}

/** Asserts that actual is a number within `relative` of expected. */
export function assertClose(actual, expected, relative, label) {
  assert.equal(typeof actual, "number", `${label}: expected a number, got ${JSON.stringify(actual)}`);
  assert.ok(
    Math.abs(actual - expected) <= relative * Math.abs(expected),
    `${label}: ${actual} differs from ${expected} by more than ${relative} relative`,
  );
}
