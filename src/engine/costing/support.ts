/**
 * Support-department allocation: the costs of support departments (IT, HR, facilities) onto the
 * operating departments that serve customers. service_matrix has one row per support department
 * and one column per department, support departments first in the same order, then the operating
 * ones; a row holds how much of that department's service each department receives (shares or
 * quantities such as hours: each row is weighted by its own total). A department's service to
 * itself moves no cost and is ignored. A support department whose service reaches nobody keeps its
 * cost on the unallocated line.
 */
import { invalidValue } from "../core/errors";
import { type Allocation, spread } from "./abc";
import { checkedAmounts, checkedMatrix, exactSum } from "./amounts";

export type SupportMethod = "direct" | "step" | "reciprocal" | "interactive";

/** Method names as users write them, English or Chinese (case and spaces ignored). */
const METHOD_NAMES: Record<string, SupportMethod> = {
  direct: "direct",
  step: "step",
  "step-down": "step",
  reciprocal: "reciprocal",
  algebraic: "reciprocal",
  interactive: "interactive",
  直接分配法: "direct",
  顺序分配法: "step",
  阶梯分配法: "step",
  代数分配法: "reciprocal",
  交互分配法: "interactive",
};

export function supportMethod(name: string): SupportMethod {
  const method = METHOD_NAMES[name.trim().toLowerCase()];
  if (!method)
    throw invalidValue("unknownMethod", {
      arg: "method",
      limit:
        '"direct", "step", "reciprocal", "interactive", "直接分配法", "顺序分配法", "代数分配法", "交互分配法"',
      actual: JSON.stringify(name),
    });
  return method;
}

/** Support row i's service to every department, with its service to itself removed. */
function withoutSelfService(matrix: number[][]): number[][] {
  return matrix.map((row, i) => row.map((quantity, j) => (i === j ? 0 : quantity)));
}

/** Operating departments' columns of each row. */
const operatingPart = (matrix: number[][], support: number) => matrix.map((row) => row.slice(support));

/** Direct: each support department straight onto the operating departments, ignoring the others. */
function direct(costs: number[], service: number[][]): Allocation {
  return spread(costs, operatingPart(service, costs.length));
}

/** Step-down in the given order: a department passes its cost on to later ones only, never back. */
function step(costs: number[], service: number[][]): Allocation {
  const s = costs.length;
  const width = service[0].length;
  const received = new Array<number>(width).fill(0);
  const unallocated: number[] = [];
  for (let i = 0; i < s; i++) {
    const later = service[i].map((quantity, j) => (j > i ? quantity : 0));
    const passed = spread([costs[i] + received[i]], [later], width);
    passed.receivers.forEach((amount, j) => (received[j] += amount));
    unallocated.push(passed.unallocated);
  }
  return { receivers: received.slice(s), unallocated: exactSum(unallocated) };
}

/**
 * Support departments whose service can reach an operating department, directly or through other
 * support departments. The rest pass cost only among themselves: it can never leave them.
 */
function reachingOperating(service: number[][], support: number): boolean[] {
  const reaches = service.map((row) => row.slice(support).some((quantity) => quantity > 0));
  for (let changed = true; changed;) {
    changed = false;
    service.forEach((row, i) => {
      if (!reaches[i] && row.slice(0, support).some((quantity, j) => quantity > 0 && reaches[j])) {
        reaches[i] = true;
        changed = true;
      }
    });
  }
  return reaches;
}

/**
 * Reciprocal (algebraic): each support department's full cost T solves T = c + Aᵀ T, where A[i][j]
 * is the share of i's service that support department j receives; T then goes to the operating
 * departments by their shares. Solved exactly by Gaussian elimination with partial pivoting, over
 * the departments whose service reaches an operating one; cost that flows into departments that
 * only serve each other (or nobody) stays there, on the unallocated line.
 */
function reciprocal(costs: number[], service: number[][]): Allocation {
  const s = costs.length;
  const totals = service.map((row) => exactSum(row));
  const share = (i: number, j: number) => (totals[i] > 0 ? service[i][j] / totals[i] : 0);
  const open = reachingOperating(service, s);
  const solved = costs.map((_, i) => i).filter((i) => open[i]);
  // (I - Aᵀ) T = c over the open departments, as an augmented matrix.
  const system = solved.map((j) => [...solved.map((i) => (i === j ? 1 : 0) - share(i, j)), costs[j]]);
  const full = new Array<number>(s).fill(0);
  solve(system).forEach((t, k) => (full[solved[k]] = t));
  const stuck = costs.map((cost, j) => {
    if (open[j]) return 0;
    return cost + exactSum(solved.map((i) => full[i] * share(i, j)));
  });
  const operating = service[0].length - s;
  return {
    receivers: Array.from({ length: operating }, (_, k) =>
      exactSum(solved.map((i) => full[i] * share(i, s + k))),
    ),
    unallocated: exactSum(stuck),
  };
}

/**
 * Interactive (交互分配法, the two-step method of Chinese cost accounting): first the support
 * departments exchange costs once, at their own cost per unit of service before the exchange; then
 * each one's adjusted cost goes to the operating departments by their quantities.
 */
function interactive(costs: number[], service: number[][]): Allocation {
  const s = costs.length;
  const totals = service.map((row) => exactSum(row));
  const adjusted = costs.map((cost, j) => {
    const received = exactSum(
      costs.map((other, i) => (totals[i] > 0 ? (other * service[i][j]) / totals[i] : 0)),
    );
    const given = totals[j] > 0 ? (cost * exactSum(service[j].slice(0, s))) / totals[j] : 0;
    return cost + received - given;
  });
  return spread(adjusted, operatingPart(service, s));
}

/**
 * Solves an augmented n x (n+1) system by Gauss-Jordan elimination with partial pivoting. Every
 * department in it passes some of its service, directly or through others, out of the system, so
 * the shares it keeps among themselves form a matrix of spectral radius below 1 and I - Aᵀ is
 * invertible.
 */
function solve(system: number[][]): number[] {
  const n = system.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(system[r][col]) > Math.abs(system[pivot][col])) pivot = r;
    [system[col], system[pivot]] = [system[pivot], system[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = system[r][col] / system[col][col];
      if (factor !== 0) for (let c = col; c <= n; c++) system[r][c] -= factor * system[col][c];
    }
  }
  return system.map((row, i) => row[n] / row[i]);
}

const METHODS: Record<SupportMethod, (costs: number[], service: number[][]) => Allocation> = {
  direct,
  step,
  reciprocal,
  interactive,
};

/** SVC.SUPPORT_ALLOCATE: support costs onto the operating departments (then the unallocated rest). */
export function supportAllocate(
  supportCosts: number[],
  serviceMatrix: number[][],
  method = "reciprocal",
): Allocation {
  const costs = checkedAmounts(supportCosts, "support_costs");
  const matrix = checkedMatrix(serviceMatrix, "service_matrix", {
    other: "support_costs",
    count: costs.length,
  });
  const width = matrix[0]?.length ?? 0;
  if (width <= costs.length)
    throw invalidValue("noOperatingColumns", {
      arg: "service_matrix",
      limit: String(costs.length),
      actual: String(width),
    });
  return METHODS[supportMethod(method)](costs, withoutSelfService(matrix));
}
