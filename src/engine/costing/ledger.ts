/**
 * Activity-based costing from long tables as they sit in workbooks: a cost ledger (activity, cost)
 * and a driver log (activity, cost object, quantity), unsorted, with repeated keys. Each pool is
 * spread over the objects in proportion to the quantities its activity logged; a pool no log row
 * drives stays on the unallocated line.
 */
import { type Key, KeyIndex, withPlace } from "../core/grid";
import { check } from "../core/validate";
import { exactSum } from "./amounts";

export interface ObjectCost {
  /** The cost object as first written in the log. */
  object: Key;
  cost: number;
}

export interface LedgerAllocation {
  /** Cost objects in order of first appearance in the log. */
  objects: ObjectCost[];
  /** Cost of the pools that no log row drives. */
  unallocated: number;
}

export function abcByObject(
  poolActivity: Key[],
  poolCost: number[],
  logActivity: Key[],
  logObject: Key[],
  logQuantity: number[],
  /** Worksheet row of each ledger and log entry, for messages (defaults: 1, 2, 3...). */
  rows: { pool?: number[]; log?: number[] } = {},
): LedgerAllocation {
  const activities = new KeyIndex();
  const pools: number[][] = [];
  poolActivity.forEach((activity, i) => {
    const cost = withPlace({ row: rows.pool?.[i] ?? i + 1 }, () =>
      check(poolCost[i], "pool_cost", "nonNegative"),
    );
    const a = activities.find(activity, true);
    (pools[a] ??= []).push(cost);
  });
  const poolTotals = pools.map((costs) => exactSum(costs));

  const objects = new KeyIndex();
  const driven: number[][] = poolTotals.map(() => []); // driven[activity][object] = quantity
  const drivenTotals = poolTotals.map(() => 0);
  for (let r = 0; r < logActivity.length; r++) {
    const quantity = logQuantity[r];
    if (!(quantity >= 0))
      withPlace({ row: rows.log?.[r] ?? r + 1 }, () => check(quantity, "log_quantity", "nonNegative"));
    const o = objects.find(logObject[r], true);
    const a = activities.find(logActivity[r], false);
    if (a < 0) continue; // an activity with no cost in the ledger carries no cost to its objects
    driven[a][o] = (driven[a][o] ?? 0) + quantity;
    drivenTotals[a] += quantity;
  }

  const costs = objects.keys.map(() => [] as number[]);
  const unallocated: number[] = [];
  poolTotals.forEach((pool, a) => {
    if (drivenTotals[a] === 0) unallocated.push(pool);
    else driven[a].forEach((quantity, o) => costs[o].push(pool * (quantity / drivenTotals[a])));
  });
  return {
    objects: objects.keys.map((object, o) => ({ object, cost: exactSum(costs[o]) })),
    unallocated: exactSum(unallocated),
  };
}
