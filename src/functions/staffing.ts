/**
 * Staffing family: queueing functions for contact-centre sizing. Maths in src/engine/staffing.
 * Signatures say any[][] because Excel may pass a scalar or a range to every argument.
 */
import { check, isOmitted, readRowsWithSettings, withPlace } from "../engine/core";
import {
  abandonRate as abandonRateCore,
  asa as asaCore,
  DEFAULT_INTERVAL_MIN,
  erlangB as erlangBCore,
  erlangC as erlangCCore,
  fteNeeded as fteNeededCore,
  NO_ABANDONMENT,
  occupancy as occupancyCore,
  serviceLevel as serviceLevelCore,
  staffForAsa as staffForAsaCore,
  staffNeeded as staffNeededCore,
  staffTable as staffTableCore,
} from "../engine/staffing";
import { tableLabels } from "../i18n/tables";
import { arg, optional } from "./arguments";
import { displayLocale, runElementwise, runSpill } from "./excel";

/**
 * Erlang B: probability that a contact is blocked when servers lines are offered traffic Erlangs and blocked contacts are lost.
 * @customfunction ERLANG_B
 * @helpurl https://localhost:3000/docs/functions/ERLANG_B.html
 * @param {any[][]} servers Number of servers (lines or agents), a whole number >= 0. A range spills one result per cell.
 * @param {any[][]} traffic Offered traffic in Erlangs = volume x aht_sec / (interval_min x 60), >= 0.
 * @returns {any[][]} Blocking probability, between 0 and 1.
 */
export function erlangB(servers: any[][], traffic: any[][]): any[][] {
  return runElementwise(
    "ERLANG_B",
    [
      { name: "servers", value: servers },
      { name: "traffic", value: traffic },
    ],
    erlangBCore,
  );
}

/**
 * Erlang C: probability that a contact has to wait when agents serve traffic Erlangs with an unlimited queue.
 * @customfunction ERLANG_C
 * @helpurl https://localhost:3000/docs/functions/ERLANG_C.html
 * @param {any[][]} agents Number of agents, a whole number greater than traffic. A range spills one result per cell.
 * @param {any[][]} traffic Offered traffic in Erlangs = volume x aht_sec / (interval_min x 60), >= 0.
 * @returns {any[][]} Probability of waiting, between 0 and 1.
 */
export function erlangC(agents: any[][], traffic: any[][]): any[][] {
  return runElementwise(
    "ERLANG_C",
    [
      { name: "agents", value: agents },
      { name: "traffic", value: traffic },
    ],
    erlangCCore,
  );
}

/**
 * Agents to schedule for a service-level target: the smallest number meeting target_sl within target_sec and every cap, then grossed up for shrinkage. Erlang C, or Erlang A when patience_sec is given.
 * @customfunction STAFF_NEEDED
 * @helpurl https://localhost:3000/docs/functions/STAFF_NEEDED.html
 * @param {any[][]} volume Contacts offered in the interval, >= 0. A range spills one result per cell.
 * @param {any[][]} aht_sec Average handle time in seconds, > 0.
 * @param {any[][]} target_sl Service-level target: share of offered contacts answered within target_sec, a fraction below 1 (0.8 = 80%).
 * @param {any[][]} target_sec Answer-time target in seconds, >= 0.
 * @param {any[][]} [interval_min] Interval length in minutes, > 0. Default 60.
 * @param {any[][]} [max_occupancy] Highest acceptable occupancy, a fraction > 0 and <= 1. Default 1 (no cap).
 * @param {any[][]} [shrinkage] Share of paid time off the phones (breaks, training), a fraction >= 0 and < 1. Default 0.
 * @param {any[][]} [patience_sec] Mean patience in seconds before a waiting contact abandons, > 0. Blank: nobody abandons (Erlang C).
 * @param {any[][]} [max_abandon] Highest acceptable abandon rate, a fraction. Default 1 (no cap).
 * @returns {any[][]} Scheduled agents, a whole number.
 */
export function staffNeeded(
  volume: any[][],
  aht_sec: any[][],
  target_sl: any[][],
  target_sec: any[][],
  interval_min?: any[][],
  max_occupancy?: any[][],
  shrinkage?: any[][],
  patience_sec?: any[][],
  max_abandon?: any[][],
): any[][] {
  return runElementwise(
    "STAFF_NEEDED",
    [
      arg("volume", volume),
      arg("aht_sec", aht_sec),
      arg("target_sl", target_sl),
      arg("target_sec", target_sec),
      optional("interval_min", interval_min, DEFAULT_INTERVAL_MIN),
      optional("max_occupancy", max_occupancy, 1),
      optional("shrinkage", shrinkage, 0),
      optional("patience_sec", patience_sec, NO_ABANDONMENT),
      optional("max_abandon", max_abandon, 1),
    ],
    staffNeededCore,
  );
}

/**
 * Agents to schedule for an average-speed-of-answer target: the smallest number whose ASA is at most target_asa_sec and meets the occupancy cap, then grossed up for shrinkage.
 * @customfunction STAFF_FOR_ASA
 * @helpurl https://localhost:3000/docs/functions/STAFF_FOR_ASA.html
 * @param {any[][]} volume Contacts offered in the interval, >= 0. A range spills one result per cell.
 * @param {any[][]} aht_sec Average handle time in seconds, > 0.
 * @param {any[][]} target_asa_sec Highest acceptable ASA (mean wait of answered contacts) in seconds, > 0.
 * @param {any[][]} [interval_min] Interval length in minutes, > 0. Default 60.
 * @param {any[][]} [max_occupancy] Highest acceptable occupancy, a fraction > 0 and <= 1. Default 1 (no cap).
 * @param {any[][]} [shrinkage] Share of paid time off the phones, a fraction >= 0 and < 1. Default 0.
 * @param {any[][]} [patience_sec] Mean patience in seconds before a waiting contact abandons, > 0. Blank: nobody abandons (Erlang C).
 * @returns {any[][]} Scheduled agents, a whole number.
 */
export function staffForAsa(
  volume: any[][],
  aht_sec: any[][],
  target_asa_sec: any[][],
  interval_min?: any[][],
  max_occupancy?: any[][],
  shrinkage?: any[][],
  patience_sec?: any[][],
): any[][] {
  return runElementwise(
    "STAFF_FOR_ASA",
    [
      arg("volume", volume),
      arg("aht_sec", aht_sec),
      arg("target_asa_sec", target_asa_sec),
      optional("interval_min", interval_min, DEFAULT_INTERVAL_MIN),
      optional("max_occupancy", max_occupancy, 1),
      optional("shrinkage", shrinkage, 0),
      optional("patience_sec", patience_sec, NO_ABANDONMENT),
    ],
    staffForAsaCore,
  );
}

/**
 * Staffing plan for a column of intervals: one row per interval (volume, traffic, agents, scheduled agents, agent hours, service level, ASA, occupancy, P(wait), abandon rate, cost) under a header row, then a total row.
 * @customfunction STAFF_TABLE
 * @helpurl https://localhost:3000/docs/functions/STAFF_TABLE.html
 * @param {any[][]} volumes Contacts offered per interval, a column (for example 96 quarter-hours). Wholly blank rows are skipped.
 * @param {any[][]} aht_sec Average handle time in seconds, > 0: one value or a column matching volumes.
 * @param {any[][]} target_sl Service-level target, a fraction below 1: one value or a matching column.
 * @param {any[][]} target_sec Answer-time target in seconds, >= 0: one value or a matching column.
 * @param {any[][]} [interval_min] Interval length in minutes, > 0. Default 60.
 * @param {any[][]} [max_occupancy] Highest acceptable occupancy, a fraction > 0 and <= 1. Default 1 (no cap).
 * @param {any[][]} [shrinkage] Share of paid time off the phones, a fraction >= 0 and < 1. Default 0.
 * @param {any[][]} [patience_sec] Mean patience in seconds, > 0. Blank: nobody abandons (Erlang C).
 * @param {any[][]} [hourly_cost] Cost of one scheduled agent-hour, >= 0. Given: adds a cost column (scheduled x hourly_cost x interval hours).
 * @returns {any[][]} A table with a header row, one row per interval and a total row.
 */
export function staffTable(
  volumes: any[][],
  aht_sec: any[][],
  target_sl: any[][],
  target_sec: any[][],
  interval_min?: any[][],
  max_occupancy?: any[][],
  shrinkage?: any[][],
  patience_sec?: any[][],
  hourly_cost?: any[][],
): any[][] {
  return runSpill("STAFF_TABLE", () => {
    const withCost = !isOmitted(hourly_cost, "hourly_cost");
    const read = readRowsWithSettings(
      [arg("volumes", volumes)],
      [
        arg("aht_sec", aht_sec),
        arg("target_sl", target_sl),
        arg("target_sec", target_sec),
        optional("interval_min", interval_min, DEFAULT_INTERVAL_MIN),
        optional("max_occupancy", max_occupancy, 1),
        optional("shrinkage", shrinkage, 0),
        optional("patience_sec", patience_sec, NO_ABANDONMENT),
        ...(withCost ? [arg("hourly_cost", hourly_cost)] : []),
      ],
    );
    const [[volumeColumn], settings] = [read.data, read.settings];
    const table = staffTableCore(
      read.rows.map((row, k) => {
        const volume = withPlace({ row }, () => check(volumeColumn[k], "volumes", "nonNegative"));
        const [ahtSec, targetSl, targetSec, intervalMin, maxOccupancy, share, patienceSec, hourlyCost] =
          settings.map((column) => column[k]);
        return {
          row,
          load: { volume, ahtSec, intervalMin },
          goal: { kind: "serviceLevel", target: targetSl, withinSec: targetSec },
          limits: { maxOccupancy, shrinkage: share, patienceSec, maxAbandon: 1 },
          hourlyCost,
        };
      }),
      new Set(["volume", ...read.varying]),
    );
    const labels = tableLabels(displayLocale());
    return [
      table.columns.map((column) => labels[column]),
      ...table.rows,
      [labels.total, ...table.total.slice(1)],
    ];
  });
}

/**
 * Service level with a given number of agents: the share of offered contacts answered within target_sec (abandons count as misses).
 * @customfunction SERVICE_LEVEL
 * @helpurl https://localhost:3000/docs/functions/SERVICE_LEVEL.html
 * @param {any[][]} agents Agents on the phones, a whole number >= 0 (greater than the traffic without patience_sec). A range spills one result per cell.
 * @param {any[][]} volume Contacts offered in the interval, >= 0.
 * @param {any[][]} aht_sec Average handle time in seconds, > 0.
 * @param {any[][]} target_sec Answer-time target in seconds, >= 0.
 * @param {any[][]} [interval_min] Interval length in minutes, > 0. Default 60.
 * @param {any[][]} [patience_sec] Mean patience in seconds, > 0. Blank: nobody abandons (Erlang C).
 * @returns {any[][]} Service level, a fraction between 0 and 1.
 */
export function serviceLevel(
  agents: any[][],
  volume: any[][],
  aht_sec: any[][],
  target_sec: any[][],
  interval_min?: any[][],
  patience_sec?: any[][],
): any[][] {
  return runElementwise(
    "SERVICE_LEVEL",
    [
      arg("agents", agents),
      arg("volume", volume),
      arg("aht_sec", aht_sec),
      arg("target_sec", target_sec),
      optional("interval_min", interval_min, DEFAULT_INTERVAL_MIN),
      optional("patience_sec", patience_sec, NO_ABANDONMENT),
    ],
    serviceLevelCore,
  );
}

/**
 * Average speed of answer with a given number of agents: the mean wait of answered contacts, in seconds.
 * @customfunction ASA
 * @helpurl https://localhost:3000/docs/functions/ASA.html
 * @param {any[][]} agents Agents on the phones, a whole number >= 0 (greater than the traffic without patience_sec). A range spills one result per cell.
 * @param {any[][]} volume Contacts offered in the interval, >= 0.
 * @param {any[][]} aht_sec Average handle time in seconds, > 0.
 * @param {any[][]} [interval_min] Interval length in minutes, > 0. Default 60.
 * @param {any[][]} [patience_sec] Mean patience in seconds, > 0. Blank: nobody abandons (Erlang C).
 * @returns {any[][]} ASA in seconds.
 */
export function asa(
  agents: any[][],
  volume: any[][],
  aht_sec: any[][],
  interval_min?: any[][],
  patience_sec?: any[][],
): any[][] {
  return runElementwise(
    "ASA",
    [
      arg("agents", agents),
      arg("volume", volume),
      arg("aht_sec", aht_sec),
      optional("interval_min", interval_min, DEFAULT_INTERVAL_MIN),
      optional("patience_sec", patience_sec, NO_ABANDONMENT),
    ],
    asaCore,
  );
}

/**
 * Occupancy with a given number of agents: the share of their time spent handling contacts (carried load / agents).
 * @customfunction OCCUPANCY
 * @helpurl https://localhost:3000/docs/functions/OCCUPANCY.html
 * @param {any[][]} agents Agents on the phones, a whole number >= 0 (greater than the traffic without patience_sec). A range spills one result per cell.
 * @param {any[][]} volume Contacts offered in the interval, >= 0.
 * @param {any[][]} aht_sec Average handle time in seconds, > 0.
 * @param {any[][]} [interval_min] Interval length in minutes, > 0. Default 60.
 * @param {any[][]} [patience_sec] Mean patience in seconds, > 0. Blank: nobody abandons (Erlang C).
 * @returns {any[][]} Occupancy, a fraction between 0 and 1.
 */
export function occupancy(
  agents: any[][],
  volume: any[][],
  aht_sec: any[][],
  interval_min?: any[][],
  patience_sec?: any[][],
): any[][] {
  return runElementwise(
    "OCCUPANCY",
    [
      arg("agents", agents),
      arg("volume", volume),
      arg("aht_sec", aht_sec),
      optional("interval_min", interval_min, DEFAULT_INTERVAL_MIN),
      optional("patience_sec", patience_sec, NO_ABANDONMENT),
    ],
    occupancyCore,
  );
}

/**
 * Abandon rate with a given number of agents (Erlang A): the share of offered contacts that hang up before they are answered.
 * @customfunction ABANDON_RATE
 * @helpurl https://localhost:3000/docs/functions/ABANDON_RATE.html
 * @param {any[][]} agents Agents on the phones, a whole number >= 0; may be below the traffic. A range spills one result per cell.
 * @param {any[][]} volume Contacts offered in the interval, >= 0.
 * @param {any[][]} aht_sec Average handle time in seconds, > 0.
 * @param {any[][]} patience_sec Mean patience in seconds before a waiting contact abandons, > 0.
 * @param {any[][]} [interval_min] Interval length in minutes, > 0. Default 60.
 * @returns {any[][]} Abandon rate, a fraction between 0 and 1.
 */
export function abandonRate(
  agents: any[][],
  volume: any[][],
  aht_sec: any[][],
  patience_sec: any[][],
  interval_min?: any[][],
): any[][] {
  return runElementwise(
    "ABANDON_RATE",
    [
      arg("agents", agents),
      arg("volume", volume),
      arg("aht_sec", aht_sec),
      arg("patience_sec", patience_sec),
      optional("interval_min", interval_min, DEFAULT_INTERVAL_MIN),
    ],
    abandonRateCore,
  );
}

/**
 * Full-time equivalents for a period's workload: volume x aht_sec / 3600 x (1 + redundancy) / (hours_per_fte x occupancy), not rounded.
 * @customfunction FTE_NEEDED
 * @helpurl https://localhost:3000/docs/functions/FTE_NEEDED.html
 * @param {any[][]} volume Contacts in the period (for example a month), >= 0. A range spills one result per cell.
 * @param {any[][]} aht_sec Average handle time in seconds, > 0.
 * @param {any[][]} hours_per_fte Working hours of one FTE in the same period, > 0.
 * @param {any[][]} [redundancy] Extra share of workload to cover (meetings, peaks), >= 0. Default 0.
 * @param {any[][]} [occupancy] Share of working hours spent handling contacts, a fraction > 0 and <= 1. Default 1.
 * @returns {any[][]} FTEs needed, not rounded.
 */
export function fteNeeded(
  volume: any[][],
  aht_sec: any[][],
  hours_per_fte: any[][],
  redundancy?: any[][],
  occupancy?: any[][],
): any[][] {
  return runElementwise(
    "FTE_NEEDED",
    [
      arg("volume", volume),
      arg("aht_sec", aht_sec),
      arg("hours_per_fte", hours_per_fte),
      optional("redundancy", redundancy, 0),
      optional("occupancy", occupancy, 1),
    ],
    fteNeededCore,
  );
}
