/**
 * Checks a mapping and its source data before a build, with the rules the SVC functions apply, so
 * the user learns what is wrong (and on which worksheet rows) before any sheet is written.
 */
import { BUILDERS } from "./builders";
import { keyIdentity } from "../../engine/core/grid";
import { headerColumn, worksheetRow } from "./references";
import type { BuilderId, CellValue, ColumnMapping, RoleId, RoleSpec, SlotId, SourceData } from "./types";

export type ProblemCode =
  | "missingSource"
  | "noRows"
  | "missingRole"
  | "missingColumn"
  | "duplicateColumn"
  | "textInNumber"
  | "textDate"
  | "blankCell"
  | "negative"
  | "notPositive"
  | "blankRows"
  | "unknownActivity"
  | "unusedActivity";

/** error: the build would give Excel errors, so it is refused; warning/info: the build goes ahead. */
export type Severity = "error" | "warning" | "info";

export interface Problem {
  slot: SlotId;
  code: ProblemCode;
  severity: Severity;
  role?: RoleId;
  column?: string;
  /** How many rows (or values) are affected. */
  count: number;
  /** The first few worksheet row numbers affected. */
  rows: number[];
  /** The first few offending values, where they help (unknown activity names). */
  values: string[];
}

/** How many row numbers and values a problem lists. */
export const LISTED = 5;

const SEVERITY: Record<ProblemCode, Severity> = {
  missingSource: "error",
  noRows: "error",
  missingRole: "error",
  missingColumn: "error",
  duplicateColumn: "error",
  textInNumber: "error",
  textDate: "error",
  blankCell: "error",
  negative: "error",
  notPositive: "error",
  blankRows: "info",
  unknownActivity: "warning",
  unusedActivity: "info",
};

/** Roles whose values must be > 0 (the others, when numeric, must be >= 0). */
const POSITIVE_ROLES: RoleId[] = ["handleTime"];
/** Slots whose functions keep one output row per source row, so a blank row cannot be skipped. */
const ROW_ALIGNED_SLOTS: SlotId[] = ["forecast"];

const isBlank = (value: CellValue | undefined) => value === null || value === undefined || value === "";

class ProblemList {
  readonly problems: Problem[] = [];
  private open = new Map<string, Problem>();

  /** Records one occurrence (a row, a value) of a problem, listing the first few. */
  add(
    slot: SlotId,
    code: ProblemCode,
    details: { role?: RoleId; column?: string; row?: number; value?: string },
  ) {
    const key = `${slot}|${code}|${details.role ?? ""}`;
    let problem = this.open.get(key);
    if (!problem) {
      problem = { slot, code, severity: SEVERITY[code], count: 0, rows: [], values: [] };
      if (details.role) problem.role = details.role;
      if (details.column) problem.column = details.column;
      this.open.set(key, problem);
      this.problems.push(problem);
    }
    problem.count += 1;
    if (details.row !== undefined && problem.rows.length < LISTED) problem.rows.push(details.row);
    if (
      details.value !== undefined &&
      problem.values.length < LISTED &&
      !problem.values.includes(details.value)
    ) {
      problem.values.push(details.value);
    }
  }
}

/** Problems of one mapping against its source's headers: roles missing, columns gone or repeated. */
function mappingProblems(
  builder: BuilderId,
  slot: SlotId,
  source: SourceData,
  mapping: ColumnMapping,
  list: ProblemList,
) {
  const roles = BUILDERS[builder].slots.find((spec) => spec.id === slot)?.roles ?? [];
  const seen = new Map<string, RoleId>();
  for (const { id, required } of roles) {
    const header = mapping[id];
    if (header === undefined) {
      if (required) list.add(slot, "missingRole", { role: id });
      continue;
    }
    if (!source.headers.includes(header)) list.add(slot, "missingColumn", { role: id, column: header });
    else if (seen.has(header)) list.add(slot, "duplicateColumn", { role: id, column: header });
    seen.set(header, id);
  }
  if (source.rows.length === 0) list.add(slot, "noRows", {});
}

/** One cell's problem under its role's rules, or undefined. */
function cellProblem(role: RoleSpec, value: CellValue): ProblemCode | undefined {
  if (role.kind === "text") return undefined;
  if (typeof value !== "number") return role.kind === "date" ? "textDate" : "textInNumber";
  if (role.kind === "date") return undefined;
  if (POSITIVE_ROLES.includes(role.id)) return value > 0 ? undefined : "notPositive";
  return value < 0 ? "negative" : undefined;
}

function dataProblems(
  slot: SlotId,
  roles: RoleSpec[],
  source: SourceData,
  mapping: ColumnMapping,
  list: ProblemList,
) {
  const columns = roles
    .map((role) => ({ role, column: headerColumn(source, mapping[role.id]) }))
    .filter(({ column }) => column >= 0);
  const firstRow = worksheetRow(source, 0);
  const rowAligned = ROW_ALIGNED_SLOTS.includes(slot);
  source.rows.forEach((row, index) => {
    const rowNumber = firstRow + index;
    if (!rowAligned && columns.every(({ column }) => isBlank(row[column]))) {
      list.add(slot, "blankRows", { row: rowNumber });
      return;
    }
    for (const { role, column } of columns) {
      const value = row[column] ?? null;
      const code = isBlank(value) ? "blankCell" : cellProblem(role, value);
      if (code) list.add(slot, code, { role: role.id, column: source.headers[column], row: rowNumber });
    }
  });
}

/**
 * The activities of a source's activity column, keyed as the functions match them (keyIdentity:
 * text without regard to case), each with the first row and spelling it appears with.
 */
function activities(
  source: SourceData,
  mapping: ColumnMapping,
): Map<string, { name: string; index: number }[]> {
  const column = headerColumn(source, mapping.activity);
  const found = new Map<string, { name: string; index: number }[]>();
  if (column < 0) return found;
  source.rows.forEach((row, index) => {
    const value = row[column];
    if (isBlank(value)) return;
    const key = keyIdentity(value);
    const rows = found.get(key);
    if (rows) rows.push({ name: String(value), index });
    else found.set(key, [{ name: String(value), index }]);
  });
  return found;
}

/** ABC: log activities with no ledger pool get no cost; pools with no log rows stay unallocated. */
function activityProblems(
  ledger: SourceData,
  ledgerMapping: ColumnMapping,
  log: SourceData,
  logMapping: ColumnMapping,
  list: ProblemList,
) {
  const pools = activities(ledger, ledgerMapping);
  const logged = activities(log, logMapping);
  if (pools.size === 0 || logged.size === 0) return;
  const unknown = [...logged].filter(([key]) => !pools.has(key)).flatMap(([, rows]) => rows);
  // Rows in worksheet order, so the first row numbers listed are the first in the log.
  for (const { name, index } of unknown.sort((left, right) => left.index - right.index)) {
    list.add("log", "unknownActivity", {
      column: logMapping.activity,
      row: worksheetRow(log, index),
      value: name,
    });
  }
  // One note per activity, however many ledger lines (accounts) it has.
  for (const [key, [{ name, index }]] of pools) {
    if (!logged.has(key)) {
      list.add("ledger", "unusedActivity", {
        column: ledgerMapping.activity,
        row: worksheetRow(ledger, index),
        value: name,
      });
    }
  }
}

export interface SlotInput {
  source?: SourceData;
  mapping: ColumnMapping;
}

/** Every problem of a builder's sources and mappings, errors first. */
export function validateSources(builder: BuilderId, inputs: Partial<Record<SlotId, SlotInput>>): Problem[] {
  const list = new ProblemList();
  for (const { id: slot, roles } of BUILDERS[builder].slots) {
    const input = inputs[slot];
    if (!input?.source) {
      list.add(slot, "missingSource", {});
      continue;
    }
    mappingProblems(builder, slot, input.source, input.mapping, list);
    dataProblems(slot, roles, input.source, input.mapping, list);
  }
  const { ledger, log } = inputs;
  if (builder === "abc" && ledger?.source && log?.source) {
    activityProblems(ledger.source, ledger.mapping, log.source, log.mapping, list);
  }
  const order: Severity[] = ["error", "warning", "info"];
  return list.problems.sort((left, right) => order.indexOf(left.severity) - order.indexOf(right.severity));
}

export function hasErrors(problems: Problem[]): boolean {
  return problems.some((problem) => problem.severity === "error");
}
