/**
 * npm run bench: runs every bench/*.bench.ts with tinybench and prints one table of mean and p99
 * times against each case's target.
 */
import fs from "fs";
import path from "path";
import { Bench } from "tinybench";
import type { BenchCase } from "./suite";
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
  for (const file of files) {
    const { family, cases } = (await import(path.join(__dirname, file))).default as {
      family: string;
      cases: BenchCase[];
    };
    const bench = new Bench({ time: 300, warmupTime: 100 });
    for (const c of cases) bench.add(c.name, c.run);
    await bench.run();
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
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
