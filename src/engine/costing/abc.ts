/**
 * Activity-based costing on matrices. One stage spreads activity pools over cost objects by driver
 * quantities; two stages first spread resources over activities. Every unit of cost lands on a cost
 * object or, when its pool has no driver quantity at all, on the explicit unallocated line.
 */
import { divisionByZero, type EngineError } from "../core/errors";
import { checkedAmounts, checkedMatrix, exactSum } from "./amounts";

export interface Allocation {
  /** Cost per receiver (cost object, activity or department), in the matrix's column order. */
  receivers: number[];
  /** Cost of pools whose driver quantities are all zero: kept, not lost. */
  unallocated: number;
}

/** Spreads each pool over its row of quantities in proportion; a row of zeros stays unallocated. */
export function spread(
  pools: number[],
  quantities: number[][],
  width = quantities[0]?.length ?? 0,
): Allocation {
  const receivers = new Array<number>(width).fill(0);
  const unspread: number[] = [];
  pools.forEach((pool, i) => {
    const total = exactSum(quantities[i]);
    if (total === 0) unspread.push(pool);
    else quantities[i].forEach((quantity, j) => (receivers[j] += pool * (quantity / total)));
  });
  return { receivers, unallocated: exactSum(unspread) };
}

interface Stages {
  /** The pools of the last stage (activity pools). */
  pools: number[];
  /** Their driver quantities onto cost objects. */
  drivers: number[][];
  /** Cost left unallocated by the first stage (two-stage only). */
  unallocated: number;
}

/** Checks the inputs and runs the first stage of a two-stage model. */
function stages(costs: number[], drivers: number[][], activityDrivers?: number[][]): Stages {
  const first = checkedAmounts(costs, "costs");
  const firstDrivers = checkedMatrix(drivers, "drivers", { other: "costs", count: first.length });
  if (activityDrivers === undefined) return { pools: first, drivers: firstDrivers, unallocated: 0 };
  const width = firstDrivers[0]?.length ?? 0;
  const toActivities = spread(first, firstDrivers, width);
  return {
    pools: toActivities.receivers,
    drivers: checkedMatrix(activityDrivers, "activity_drivers", {
      other: "drivers",
      count: width,
      per: "column",
    }),
    unallocated: toActivities.unallocated,
  };
}

/**
 * SVC.ABC_ALLOCATE. One stage: costs = activity pools (M), drivers = M x N quantities. Two stages:
 * costs = resources (K), drivers = K x M resource-to-activity quantities, activityDrivers = M x N.
 */
export function abcAllocate(costs: number[], drivers: number[][], activityDrivers?: number[][]): Allocation {
  const model = stages(costs, drivers, activityDrivers);
  const toObjects = spread(model.pools, model.drivers);
  return { receivers: toObjects.receivers, unallocated: model.unallocated + toObjects.unallocated };
}

/**
 * SVC.ABC_RATES: cost per driver unit of each activity (pool / total driver quantity); an activity
 * without driver quantity has no rate (#DIV/0!).
 */
export function abcRates(
  costs: number[],
  drivers: number[][],
  activityDrivers?: number[][],
): (number | EngineError)[] {
  const model = stages(costs, drivers, activityDrivers);
  return model.pools.map((pool, i) => {
    const quantity = exactSum(model.drivers[i]);
    return quantity > 0 ? pool / quantity : divisionByZero("noDriverQuantity", { row: i + 1 });
  });
}
