/**
 * A staffing plan for a run of intervals (a day of quarter-hours, say): per interval the load,
 * agents, scheduled agents and what they deliver, then a total row. The totals are what the day
 * delivers, not averages of percentages: service level, P(wait) and abandonment weighted by
 * volume, ASA by answered contacts, occupancy as carried load over agent time.
 */
import { EngineError } from "../core/errors";
import { locate } from "../core/grid";
import { check } from "../core/validate";
import { planStaffing, type ServiceGoal, type StaffingLimits } from "./solve";

/** A table staffs every interval for a service level. */
type ServiceLevelGoal = Extract<ServiceGoal, { kind: "serviceLevel" }>;
import type { IntervalLoad } from "./workload";

export const STAFF_TABLE_COLUMNS = [
  "interval",
  "volume",
  "traffic",
  "agents",
  "scheduled",
  "agentHours",
  "serviceLevel",
  "asaSec",
  "occupancy",
  "pWait",
  "abandonRate",
  "cost",
] as const;
export type StaffTableColumn = (typeof STAFF_TABLE_COLUMNS)[number];

/** A table cell: a number, or "" where there is nothing to measure (no contacts). */
export type TableCell = number | "";

export interface IntervalPlanInput {
  /** 1-based position of the interval in the worksheet range (for the table and for messages). */
  row: number;
  load: IntervalLoad;
  goal: ServiceLevelGoal;
  limits: StaffingLimits;
  /** Cost of one scheduled agent-hour; undefined for a table without cost. */
  hourlyCost?: number;
}

export interface StaffTable {
  columns: StaffTableColumn[];
  rows: TableCell[][];
  /** The total row; its "interval" cell is "" for the caller to label. */
  total: TableCell[];
}

/** Sums for the total row. */
class Totals {
  volume = 0;
  agentHours = 0;
  cost = 0;
  withinTarget = 0;
  waited = 0;
  abandoned = 0;
  answered = 0;
  answeredWait = 0;
  carriedHours = 0;
  staffedHours = 0;
}

const ratio = (part: number, whole: number): TableCell => (whole > 0 ? part / whole : "");

/**
 * Plans every interval. An error names the interval's worksheet row when the argument it concerns
 * varies by row (`perRowArgs`; all of them when omitted), not when it is one value for the table.
 */
export function staffTable(intervals: IntervalPlanInput[], perRowArgs?: ReadonlySet<string>): StaffTable {
  const withCost = intervals.some((interval) => interval.hourlyCost !== undefined);
  const columns = STAFF_TABLE_COLUMNS.filter((column) => withCost || column !== "cost");
  const totals = new Totals();
  const rows = intervals.map((interval) => {
    try {
      return planRow(interval, totals, columns);
    } catch (error) {
      const varies = error instanceof EngineError && (!perRowArgs || perRowArgs.has(error.params.arg ?? ""));
      throw varies ? locate(error, { row: interval.row }) : error;
    }
  });
  const total: Record<StaffTableColumn, TableCell> = {
    interval: "",
    volume: totals.volume,
    traffic: "",
    agents: "",
    scheduled: "",
    agentHours: totals.agentHours,
    serviceLevel: ratio(totals.withinTarget, totals.volume),
    asaSec: ratio(totals.answeredWait, totals.answered),
    occupancy: ratio(totals.carriedHours, totals.staffedHours),
    pWait: ratio(totals.waited, totals.volume),
    abandonRate: ratio(totals.abandoned, totals.volume),
    cost: totals.cost,
  };
  return { columns, rows, total: columns.map((column) => total[column]) };
}

function planRow(interval: IntervalPlanInput, totals: Totals, columns: StaffTableColumn[]): TableCell[] {
  const { load, goal, limits } = interval;
  const plan = planStaffing(load, goal, limits);
  const hours = load.intervalMin / 60;
  const agentHours = plan.scheduled * hours;
  const hourlyCost = check(interval.hourlyCost ?? 0, "hourly_cost", "nonNegative");
  const m = plan.measures;
  const serviceLevel = m?.serviceLevel(goal.withinSec);

  totals.volume += load.volume;
  totals.agentHours += agentHours;
  totals.cost += agentHours * hourlyCost;
  if (m) {
    totals.withinTarget += load.volume * (serviceLevel ?? 0);
    totals.waited += load.volume * m.pWait;
    totals.abandoned += load.volume * m.pAbandon;
    totals.answered += load.volume * (1 - m.pAbandon);
    totals.answeredWait += load.volume * (1 - m.pAbandon) * m.asaSec;
    totals.carriedHours += plan.traffic * (1 - m.pAbandon) * hours;
    totals.staffedHours += plan.agents * hours;
  }
  const cells: Record<StaffTableColumn, TableCell> = {
    interval: interval.row,
    volume: load.volume,
    traffic: plan.traffic,
    agents: plan.agents,
    scheduled: plan.scheduled,
    agentHours,
    serviceLevel: serviceLevel ?? "",
    asaSec: m ? m.asaSec : "",
    occupancy: m ? m.occupancy : "",
    pWait: m ? m.pWait : "",
    abandonRate: m ? m.pAbandon : "",
    cost: agentHours * hourlyCost,
  };
  return columns.map((column) => cells[column]);
}
