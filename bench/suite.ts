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

/**
 * A memory case: the heap a call needs beyond its input, as a multiple of the input's own size.
 * build() makes the input (measured once); run() is one call on it.
 */
export interface MemoryCase<T = unknown> {
  name: string;
  build: () => T;
  run: (input: T) => unknown;
  /** Target for extra heap / input heap. */
  targetRatio: number;
}

export interface BenchFile {
  family: string;
  cases: BenchCase[];
  memory?: MemoryCase[];
}

export function defineBench(family: string, cases: BenchCase[], memory: MemoryCase[] = []): BenchFile {
  return { family, cases, memory };
}

/** A memory case with its input's type checked, for a file's list of cases of mixed inputs. */
export function memoryCase<T>(c: MemoryCase<T>): MemoryCase {
  return c as unknown as MemoryCase;
}
