import { defineBench } from "./suite";
import { erlangB, erlangC } from "../src/engine/staffing";
import { erlangC as erlangCFunction } from "../src/functions/staffing";

const intervals = Array.from({ length: 96 }, (_, i) => [20 + 20 * i]);
const trafficPerInterval = intervals.map(([agents]) => [agents * 0.9]);

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
]);
