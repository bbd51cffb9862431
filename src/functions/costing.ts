/**
 * Costing family: activity-based costing, time-driven ABC, support-department allocation and
 * channel cost on workbook ranges. Maths in src/engine/costing. Allocations end with the
 * unallocated amount, so every result adds up to the cost it was given.
 */
import {
  type CellValue,
  divisionByZero,
  isOmitted,
  readKey,
  readNumber,
  readNumberGrid,
  readNumberList,
  readRecords,
  type Key,
  type Place,
} from "../engine/core";
import {
  abcAllocate as abcAllocateCore,
  abcByObject as abcByObjectCore,
  abcRates as abcRatesCore,
  channelCost as channelCostCore,
  supportAllocate as supportAllocateCore,
  tdabc as tdabcCore,
} from "../engine/costing";
import { tableLabels } from "../i18n/tables";
import { keyCell, singleNumber, singleText } from "./arguments";
import { displayLocale, runSpill } from "./excel";

const NON_NEGATIVE = { rule: "nonNegative" } as const;
const readNonNegative = (cell: CellValue, arg: string, place: Place) =>
  readNumber(cell, arg, place, NON_NEGATIVE);

/** An optional range, or undefined when it is left out (a single blank cell). */
function optionalRange<T>(
  value: unknown,
  arg: string,
  read: (value: unknown, arg: string) => T,
): T | undefined {
  return isOmitted(value, arg) ? undefined : read(value, arg);
}

/**
 * Activity-based costing: spreads cost pools over cost objects by driver quantities (one stage), or resources over activities and then activities over cost objects (two stages). Returns one cost per cost object, then the unallocated cost.
 * @customfunction ABC_ALLOCATE
 * @helpurl https://localhost:3000/docs/functions/ABC_ALLOCATE.html
 * @param {any[][]} costs One stage: activity cost pools, a column (M). Two stages: resource costs, a column (K). Each >= 0.
 * @param {any[][]} drivers One stage: driver quantities, one row per pool and one column per cost object (M x N). Two stages: resource-to-activity quantities (K x M). Blank cells count as 0.
 * @param {any[][]} [activity_drivers] Two stages only: activity-to-object driver quantities, one row per activity and one column per cost object (M x N).
 * @returns {any[][]} A row: cost per cost object, then the unallocated cost (pools without driver quantity).
 */
export function abcAllocate(costs: any[][], drivers: any[][], activity_drivers?: any[][]): any[][] {
  return runSpill("ABC_ALLOCATE", () => {
    const allocation = abcAllocateCore(
      readNumberList(costs, "costs", NON_NEGATIVE),
      readNumberGrid(drivers, "drivers", NON_NEGATIVE),
      optionalRange(activity_drivers, "activity_drivers", (value, arg) =>
        readNumberGrid(value, arg, NON_NEGATIVE),
      ),
    );
    return [[...allocation.receivers, allocation.unallocated]];
  });
}

/**
 * Activity-based costing from long tables: a cost ledger (activity, cost) and a driver log (activity, cost object, quantity), unsorted with repeated keys. Spills cost object | cost in order of first appearance, then an Unallocated row.
 * @customfunction ABC_BY_OBJECT
 * @helpurl https://localhost:3000/docs/functions/ABC_BY_OBJECT.html
 * @param {any[][]} pool_activity Activity of each ledger line, a column (text or numbers; matched ignoring case, as SUMIFS does).
 * @param {any[][]} pool_cost Cost of each ledger line, a column matching pool_activity, >= 0.
 * @param {any[][]} log_activity Activity of each log line, a column.
 * @param {any[][]} log_object Cost object of each log line (customer, channel, tier...), a column matching log_activity.
 * @param {any[][]} log_quantity Driver quantity of each log line (contacts, minutes...), a column matching log_activity, >= 0.
 * @returns {any[][]} Two columns: cost object and its cost, then "Unallocated" and the cost no log line drives.
 */
export function abcByObject(
  pool_activity: any[][],
  pool_cost: any[][],
  log_activity: any[][],
  log_object: any[][],
  log_quantity: any[][],
): any[][] {
  return runSpill("ABC_BY_OBJECT", () => {
    const ledger = readRecords<[Key, number]>([
      { name: "pool_activity", value: pool_activity, read: readKey },
      { name: "pool_cost", value: pool_cost, read: readNonNegative },
    ]);
    const log = readRecords<[Key, Key, number]>([
      { name: "log_activity", value: log_activity, read: readKey },
      { name: "log_object", value: log_object, read: readKey },
      { name: "log_quantity", value: log_quantity, read: readNonNegative },
    ]);
    const allocation = abcByObjectCore(...ledger.columns, ...log.columns, {
      pool: ledger.rows,
      log: log.rows,
    });
    const labels = tableLabels(displayLocale());
    return [
      ...allocation.objects.map(({ object, cost }) => [keyCell(object), cost]),
      [labels.unallocated, allocation.unallocated],
    ];
  });
}

/**
 * Activity rates: cost per driver unit of each activity (activity pool / its total driver quantity), for one-stage or two-stage models as ABC_ALLOCATE.
 * @customfunction ABC_RATES
 * @helpurl https://localhost:3000/docs/functions/ABC_RATES.html
 * @param {any[][]} costs One stage: activity cost pools, a column (M). Two stages: resource costs, a column (K). Each >= 0.
 * @param {any[][]} drivers One stage: driver quantities (M x N). Two stages: resource-to-activity quantities (K x M). Blank cells count as 0.
 * @param {any[][]} [activity_drivers] Two stages only: activity-to-object driver quantities (M x N).
 * @returns {any[][]} A column: cost per driver unit of each activity; #DIV/0! for an activity without driver quantity.
 */
export function abcRates(costs: any[][], drivers: any[][], activity_drivers?: any[][]): any[][] {
  return runSpill("ABC_RATES", () =>
    abcRatesCore(
      readNumberList(costs, "costs", NON_NEGATIVE),
      readNumberGrid(drivers, "drivers", NON_NEGATIVE),
      optionalRange(activity_drivers, "activity_drivers", (value, arg) =>
        readNumberGrid(value, arg, NON_NEGATIVE),
      ),
    ).map((rate) => [rate]),
  );
}

/**
 * Time-driven activity-based costing: cost per minute of practical capacity, each activity's unit cost, minutes used and cost assigned, then used and unused capacity. Use one time unit throughout (minutes or hours).
 * @customfunction TDABC
 * @helpurl https://localhost:3000/docs/functions/TDABC.html
 * @param {any[][]} capacity_cost Cost of the capacity supplied in the period (people, space, systems), >= 0.
 * @param {any[][]} capacity_minutes Practical capacity in the period, in minutes (or the time unit of unit_minutes), > 0.
 * @param {any[][]} unit_minutes Time one unit of each activity takes, a column (one row per activity), >= 0.
 * @param {any[][]} quantities How many units of each activity were performed, a column matching unit_minutes, >= 0.
 * @returns {any[][]} A table with a header row: per activity unit cost, minutes used and cost assigned; then used, unused and practical capacity.
 */
export function tdabc(
  capacity_cost: any[][],
  capacity_minutes: any[][],
  unit_minutes: any[][],
  quantities: any[][],
): any[][] {
  return runSpill("TDABC", () => {
    const cost = singleNumber(capacity_cost, "capacity_cost", 0);
    const minutes = singleNumber(capacity_minutes, "capacity_minutes", 0);
    const activities = readRecords<[number, number]>([
      { name: "unit_minutes", value: unit_minutes, read: readNonNegative },
      { name: "quantities", value: quantities, read: readNonNegative },
    ]);
    const result = tdabcCore(cost, minutes, ...activities.columns, activities.rows);
    const labels = tableLabels(displayLocale());
    return [
      [labels.activity, labels.unitCost, labels.timeUsed, labels.costAssigned],
      ...result.activities.map((a, i) => [activities.rows[i], a.unitCost, a.minutesUsed, a.costAssigned]),
      [labels.usedCapacity, "", result.usedMinutes, result.usedCost],
      [labels.unusedCapacity, "", result.unusedMinutes, result.unusedCost],
      [labels.practicalCapacity, result.rate, result.capacityMinutes, result.capacityCost],
    ];
  });
}

/**
 * Support-department allocation: support departments' costs onto operating departments by a service matrix, with the direct, step-down, reciprocal (algebraic) or interactive method. Returns one cost per operating department, then the unallocated cost.
 * @customfunction SUPPORT_ALLOCATE
 * @helpurl https://localhost:3000/docs/functions/SUPPORT_ALLOCATE.html
 * @param {any[][]} support_costs Cost of each support department, a column (S), >= 0.
 * @param {any[][]} service_matrix One row per support department; one column per department, the S support departments first (same order), then the operating ones. Shares or quantities of service received, >= 0; blank cells count as 0.
 * @param {any[][]} [method] "reciprocal" (default), "step", "direct" or "interactive"; or 代数分配法, 顺序分配法, 直接分配法, 交互分配法.
 * @returns {any[][]} A row: cost per operating department, then the unallocated cost.
 */
export function supportAllocate(support_costs: any[][], service_matrix: any[][], method?: any[][]): any[][] {
  return runSpill("SUPPORT_ALLOCATE", () => {
    const name = singleText(method, "method", "reciprocal");
    const allocation = supportAllocateCore(
      readNumberList(support_costs, "support_costs", NON_NEGATIVE),
      readNumberGrid(service_matrix, "service_matrix", NON_NEGATIVE),
      name,
    );
    return [[...allocation.receivers, allocation.unallocated]];
  });
}

/**
 * Blended cost of a channel mix: cost per contact and per resolved contact, a channel's unresolved contacts escalating to the next channel in the list.
 * @customfunction CHANNEL_COST
 * @helpurl https://localhost:3000/docs/functions/CHANNEL_COST.html
 * @param {any[][]} cost_per_contact Cost of one contact in each channel, a column (or row), >= 0.
 * @param {any[][]} mix Share (or volume) of contacts starting in each channel, matching cost_per_contact, >= 0.
 * @param {any[][]} [resolution_rate] Share of its contacts each channel resolves, a fraction; the rest escalate to the next channel. Default 1 (all resolved).
 * @returns {any[][]} A row: blended cost per contact, cost per resolved contact.
 */
export function channelCost(cost_per_contact: any[][], mix: any[][], resolution_rate?: any[][]): any[][] {
  return runSpill("CHANNEL_COST", () => {
    const result = channelCostCore(
      readNumberList(cost_per_contact, "cost_per_contact", NON_NEGATIVE),
      readNumberList(mix, "mix", NON_NEGATIVE),
      optionalRange(resolution_rate, "resolution_rate", (value, arg) =>
        readNumberList(value, arg, { rule: "fraction" }),
      ),
    );
    const perResolved = result.perResolved ?? divisionByZero("nothingResolved", { arg: "resolution_rate" });
    return [[result.perContact, perResolved]];
  });
}
