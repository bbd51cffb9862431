/**
 * Customer-value benchmarks: BG/NBD on CDNOW and on 100,000 customers simulated from known
 * parameters (the recovered parameters are printed against the true ones), and RFM on 1,000,000
 * transactions.
 */
import fs from "fs";
import path from "path";
import { defineBench } from "./suite";
import { bgnbdFit, rfm, type BgnbdParams } from "../src/engine/value";

/** mulberry32: a small deterministic generator, so every run simulates the same customers. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Gamma(shape, 1) by Marsaglia and Tsang, boosted for shape < 1. */
function gammaSample(shape: number, next: () => number): number {
  if (shape < 1) return gammaSample(shape + 1, next) * Math.pow(next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      // Standard normal by Box-Muller.
      x = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Customers drawn from BG/NBD itself, observed for 39 weeks. */
function simulate({ r, alpha, a, b }: BgnbdParams, customers: number, next: () => number) {
  const frequency: number[] = [];
  const recency: number[] = [];
  const T: number[] = [];
  for (let i = 0; i < customers; i++) {
    const rate = gammaSample(r, next) / alpha;
    const x1 = gammaSample(a, next);
    const dropout = x1 / (x1 + gammaSample(b, next));
    const age = 27 + 12 * next();
    let time = 0;
    let purchases = 0;
    let last = 0;
    // Dropout follows repeat purchases only: everyone is alive just after the first one.
    for (;;) {
      time += -Math.log(1 - next()) / rate;
      if (time > age) break;
      purchases++;
      last = time;
      if (next() < dropout) break;
    }
    frequency.push(purchases);
    recency.push(last);
    T.push(age);
  }
  return { frequency, recency, T };
}

const truth = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const synthetic = simulate(truth, 100_000, random(2005));
const recovered = bgnbdFit(synthetic);
console.log("BG/NBD on 100,000 simulated customers: true vs recovered (relative error)");
console.table(
  (["r", "alpha", "a", "b"] as const).map((name) => ({
    parameter: name,
    true: truth[name],
    recovered: Number(recovered[name].toFixed(4)),
    "error %": Number(((100 * (recovered[name] - truth[name])) / truth[name]).toFixed(2)),
    "within 5%": Math.abs(recovered[name] / truth[name] - 1) <= 0.05 ? "yes" : "NO",
  })),
);

const [, ...summaryRows] = fs
  .readFileSync(path.resolve(__dirname, "../../shared/data/cdnow/cdnow_customers_summary.csv"), "utf8")
  .trim()
  .split("\n");
const cdnow = summaryRows.map((row) => row.split(",").map(Number));
const cdnowCustomers = {
  frequency: cdnow.map((c) => c[1]),
  recency: cdnow.map((c) => c[2]),
  T: cdnow.map((c) => c[3]),
};

const next = random(7);
const transactions = { ids: [] as number[], dates: [] as number[], amounts: [] as number[] };
for (let i = 0; i < 1_000_000; i++) {
  transactions.ids.push(Math.floor(next() * 100_000));
  transactions.dates.push(35_431 + Math.floor(next() * 540));
  transactions.amounts.push(Math.round(next() * 10_000) / 100);
}

export default defineBench("value", [
  { name: "BGNBD_FIT on CDNOW (2,357 customers)", run: () => bgnbdFit(cdnowCustomers), targetMs: 300 },
  { name: "BGNBD_FIT on 100,000 simulated customers", run: () => bgnbdFit(synthetic), targetMs: 5_000 },
  {
    name: "RFM on 1,000,000 transactions (100,000 customers)",
    run: () => rfm(transactions.ids, transactions.dates, transactions.amounts, undefined, 7),
    targetMs: 2_000,
  },
]);
