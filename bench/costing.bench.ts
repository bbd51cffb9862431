import { defineBench, memoryCase } from "./suite";
import { abcAllocate, abcByObject } from "../src/functions/costing";

/** A deterministic pseudo-random stream, so every run measures the same data. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** A cost ledger of 20 activities and a contact log of `rows` lines over 50 objects, as Excel passes them. */
function ledgerAndLog(rows: number) {
  const next = random(7);
  const activities = Array.from({ length: 20 }, (_, i) => `Activity ${i + 1}`);
  const objects = Array.from({ length: 50 }, (_, i) => `客户 ${i + 1}`);
  return {
    poolActivity: activities.map((a) => [a]),
    poolCost: activities.map(() => [Math.round(next() * 1e6) / 100]),
    logActivity: Array.from({ length: rows }, () => [activities[Math.floor(next() * 20)]]),
    logObject: Array.from({ length: rows }, () => [objects[Math.floor(next() * 50)]]),
    logQuantity: Array.from({ length: rows }, () => [1 + Math.floor(next() * 10)]),
  };
}
type LedgerAndLog = ReturnType<typeof ledgerAndLog>;
const byObject = (d: LedgerAndLog) =>
  abcByObject(d.poolActivity, d.poolCost, d.logActivity, d.logObject, d.logQuantity);

const million = ledgerAndLog(1_000_000);
const matrix = (rows: number, cols: number, next: () => number) =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.floor(next() * 100)));
const next = random(11);
const resources = Array.from({ length: 50 }, () => [next() * 1e5]);
const resourceDrivers = matrix(50, 200, next);
const activityDrivers = matrix(200, 1_000, next);

const memory = [
  memoryCase({
    name: "ABC_BY_OBJECT, 1,000,000 log rows, 20 activities, 50 objects",
    build: () => ledgerAndLog(1_000_000),
    run: byObject,
    targetRatio: 3,
  }),
];

export default defineBench(
  "costing",
  [
    {
      name: "SVC.ABC_BY_OBJECT, 1,000,000 log rows, 20 activities, 50 objects",
      run: () => byObject(million),
      targetMs: 500,
    },
    {
      name: "SVC.ABC_ALLOCATE two-stage, 50 resources x 200 activities x 1,000 objects",
      run: () => abcAllocate(resources, resourceDrivers, activityDrivers),
      targetMs: 50,
    },
  ],
  memory,
);
