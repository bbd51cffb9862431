/**
 * Checks a mapping and its source data before a build, with the rules the SVC functions apply, so
 * the user learns what is wrong (and on which worksheet rows) before any sheet is written.
 */
import { BUILDERS } from "./builders";
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
  source.rows.forEach((row, index) => {
    const rowNumber = worksheetRow(source, index);
    const blanks = columns.filter(({ column }) => isBlank(row[column]));
    if (blanks.length === columns.length && !ROW_ALIGNED_SLOTS.includes(slot)) {
      list.add(slot, "blankRows", { row: rowNumber });
      return;
    }
    for (const { role, column } of columns) {
      const value = row[column] ?? null;
      const header = source.headers[column];
      const code = isBlank(value) ? "blankCell" : cellProblem(role, value);
      if (code) list.add(slot, code, { role: role.id, column: header, row: rowNumber });
    }
  });
}

/** The activity names of a source's activity column, as text, blanks left out. */
function activityNames(source: SourceData, mapping: ColumnMapping): { name: string; index: number }[] {
  const column = headerColumn(source, mapping.activity);
  if (column < 0) return [];
  return source.rows
    .map((row, index) => ({ name: isBlank(row[column]) ? "" : String(row[column]).trim(), index }))
    .filter(({ name }) => name !== "");
}

/** ABC: log activities with no ledger pool get no cost; pools with no log rows stay unallocated. */
function activityProblems(
  ledger: SourceData,
  ledgerMapping: ColumnMapping,
  log: SourceData,
  logMapping: ColumnMapping,
  list: ProblemList,
) {
  const pools = activityNames(ledger, ledgerMapping);
  const logged = activityNames(log, logMapping);
  if (pools.length === 0 || logged.length === 0) return;
  const poolNames = new Set(pools.map(({ name }) => name.toLowerCase()));
  const loggedNames = new Set(logged.map(({ name }) => name.toLowerCase()));
  for (const { name, index } of logged) {
    if (!poolNames.has(name.toLowerCase())) {
      list.add("log", "unknownActivity", {
        column: logMapping.activity,
        row: worksheetRow(log, index),
        value: name,
      });
    }
  }
  const unused = new Set<string>();
  for (const { name, index } of pools) {
    // One note per activity, however many ledger lines (accounts) it has.
    if (!loggedNames.has(name.toLowerCase()) && !unused.has(name.toLowerCase())) {
      unused.add(name.toLowerCase());
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
