/**
 * npm run bench: runs every bench/*.bench.ts with tinybench and prints one table of mean and p99
 * times against each case's target.
 */
import fs from "fs";
import path from "path";
import { Bench } from "tinybench";
import type { BenchFile, MemoryCase } from "./suite";
import "../test/fakes/custom-functions-runtime.js";

interface Row {
  family: string;
  case: string;
  "mean (ms)": string;
  "p99 (ms)": string;
  "ops/s": string;
  "target (ms)": string;
  status: string;
}

const format = (ms: number) => (ms < 0.01 ? ms.toExponential(2) : ms.toFixed(ms < 1 ? 4 : 2));

async function main() {
  const filter = process.argv[2];
  const files = fs
    .readdirSync(__dirname)
    .filter((file) => file.endsWith(".bench.ts") && (!filter || file.includes(filter)))
    .sort();
  const rows: Row[] = [];
  const memoryRows: MemoryRow[] = [];
  for (const file of files) {
    const { family, cases, memory = [] } = (await import(path.join(__dirname, file))).default as BenchFile;
    // At least 300 ms per case, but no fewer than 5 runs (and one warm-up) for the heavy ones.
    const bench = new Bench({ time: 300, warmupTime: 100, iterations: 5, warmupIterations: 1 });
    for (const c of cases) bench.add(c.name, c.run);
    await bench.run();
    for (const c of memory) memoryRows.push(measureMemory(family, c));
    for (const c of cases) {
      const latency = bench.getTask(c.name)?.result;
      if (!latency || latency.state !== "completed") throw new Error(`${family}: ${c.name} did not complete`);
      const mean = latency.latency.mean;
      rows.push({
        family,
        case: c.name,
        "mean (ms)": format(mean),
        "p99 (ms)": format(latency.latency.p99),
        "ops/s": Math.round(latency.throughput.mean).toLocaleString("en-US"),
        "target (ms)": c.targetMs === undefined ? "-" : String(c.targetMs),
        status: c.targetMs === undefined ? "-" : mean <= c.targetMs ? "met" : "MISSED",
      });
    }
  }
  console.table(rows);
  if (memoryRows.length > 0) console.table(memoryRows);
}

interface MemoryRow {
  family: string;
  case: string;
  "input (MB)": string;
  "extra heap (MB)": string;
  "x input": string;
  target: string;
  status: string;
}

const heapUsed = () => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error("memory cases need the garbage collector: run with node --expose-gc");
  collect();
  collect();
  return process.memoryUsage().heapUsed;
};

/**
 * Heap held by the input (after a full collection), and the heap a call adds on top of it: the
 * growth from before the call to its end, without a collection in between, so garbage the call
 * makes counts too (a young-generation scavenge mid-call can only make this lower than the peak).
 */
function measureMemory(family: string, c: MemoryCase): MemoryRow {
  const before = heapUsed();
  const input = c.build();
  const inputBytes = heapUsed() - before;
  const start = process.memoryUsage().heapUsed;
  const result = c.run(input);
  const extraBytes = process.memoryUsage().heapUsed - start;
  if (result === undefined) throw new Error(`${c.name} returned nothing`);
  const ratio = extraBytes / inputBytes;
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  return {
    family,
    case: c.name,
    "input (MB)": mb(inputBytes),
    "extra heap (MB)": mb(extraBytes),
    "x input": ratio.toFixed(2),
    target: `< ${c.targetRatio}`,
    status: ratio < c.targetRatio ? "met" : "MISSED",
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
