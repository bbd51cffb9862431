/**
 * The shape of a benchmark file: bench/<family>.bench.ts default-exports a list of cases. Targets
 * are reported next to the measurement, never asserted: speed is read here, not in tests.
 */
export interface BenchCase {
  name: string;
  run: () => unknown;
  /** Target for the mean time of one run, in milliseconds. */
  targetMs?: number;
}

export function defineBench(family: string, cases: BenchCase[]): { family: string; cases: BenchCase[] } {
  return { family, cases };
}
