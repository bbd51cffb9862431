import { defineBench } from "./suite";
import { erlangB, erlangC, staffNeeded } from "../src/engine/staffing";
import { erlangC as erlangCFunction, staffTable } from "../src/functions/staffing";

const intervals = Array.from({ length: 96 }, (_, i) => [20 + 20 * i]);
const trafficPerInterval = intervals.map(([agents]) => [agents * 0.9]);

/** Contacts per hour at a 300-second handle time that make `erlangs` of traffic. */
const volumeFor = (erlangs: number) => (erlangs * 3600) / 300;
/** A day of 96 quarter-hours rising from 10 to 2,000 Erlangs and back. */
const quarterHours = Array.from({ length: 96 }, (_, i) => [
  Math.round(((10 + 1990 * Math.sin((Math.PI * i) / 95) ** 2) * 900) / 300),
]);

const staffingCases = [10, 500, 2_000].flatMap((erlangs) => [
  {
    name: `STAFF_NEEDED at ${erlangs.toLocaleString("en-US")} Erlangs, Erlang C (80/20, shrinkage 30%)`,
    run: () => staffNeeded(volumeFor(erlangs), 300, 0.8, 20, 60, 0.95, 0.3),
    targetMs: 1,
  },
  {
    name: `STAFF_NEEDED at ${erlangs.toLocaleString("en-US")} Erlangs, Erlang A (patience 120 s, abandon <= 5%)`,
    run: () => staffNeeded(volumeFor(erlangs), 300, 0.8, 20, 60, 0.95, 0.3, 120, 0.05),
    targetMs: 1,
  },
]);

export default defineBench("staffing", [
  { name: "ERLANG_C at 10 agents (8 Erlangs)", run: () => erlangC(10, 8), targetMs: 0.01 },
  { name: "ERLANG_C at 1,000 agents (950 Erlangs)", run: () => erlangC(1_000, 950), targetMs: 0.1 },
  { name: "ERLANG_C at 10,000 agents (9,800 Erlangs)", run: () => erlangC(10_000, 9_800), targetMs: 1 },
  { name: "ERLANG_B at 10,000 servers (5,000 Erlangs)", run: () => erlangB(10_000, 5_000), targetMs: 1 },
  {
    name: "SVC.ERLANG_C spill of 96 intervals (20-1,920 agents)",
    run: () => erlangCFunction(intervals, trafficPerInterval),
    targetMs: 5,
  },
  ...staffingCases,
  {
    name: "SVC.STAFF_TABLE of 96 quarter-hours, 10-2,000 Erlangs, Erlang C",
    run: () =>
      staffTable(quarterHours, [[300]], [[0.8]], [[20]], [[15]], [[0.9]], [[0.3]], undefined, [[25]]),
    targetMs: 50,
  },
  {
    name: "SVC.STAFF_TABLE of 96 quarter-hours, 10-2,000 Erlangs, Erlang A",
    run: () => staffTable(quarterHours, [[300]], [[0.8]], [[20]], [[15]], [[0.9]], [[0.3]], [[120]], [[25]]),
    targetMs: 50,
  },
]);
