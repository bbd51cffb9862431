/**
 * Customer-value benchmarks: BG/NBD on CDNOW and on 100,000 customers simulated from known
 * parameters (the recovered parameters are printed against the true ones), and RFM on 1,000,000
 * transactions.
 */
import fs from "fs";
import path from "path";
import { defineBench } from "./suite";
import { createRandom, type Random } from "../src/preview/samples/random";
import { bgnbdFit, rfm, type BgnbdParams } from "../src/engine/value";

/** Customers drawn from BG/NBD itself, observed for 39 weeks. */
function simulate({ r, alpha, a, b }: BgnbdParams, customers: number, random: Random) {
  const frequency: number[] = [];
  const recency: number[] = [];
  const T: number[] = [];
  for (let i = 0; i < customers; i++) {
    const rate = random.gamma(r, alpha);
    const dropout = random.beta(a, b);
    const age = 27 + 12 * random.uniform();
    let time = 0;
    let purchases = 0;
    let last = 0;
    // Dropout follows repeat purchases only: everyone is alive just after the first one.
    for (;;) {
      time += random.exponential(rate);
      if (time > age) break;
      purchases++;
      last = time;
      if (random.uniform() < dropout) break;
    }
    frequency.push(purchases);
    recency.push(last);
    T.push(age);
  }
  return { frequency, recency, T };
}

const truth = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const synthetic = simulate(truth, 100_000, createRandom(2005));
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

const { uniform } = createRandom(7);
const transactions = { ids: [] as number[], dates: [] as number[], amounts: [] as number[] };
for (let i = 0; i < 1_000_000; i++) {
  transactions.ids.push(Math.floor(uniform() * 100_000));
  transactions.dates.push(35_431 + Math.floor(uniform() * 540));
  transactions.amounts.push(Math.round(uniform() * 10_000) / 100);
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
