/**
 * Seeded random numbers for the sample workbook: mulberry32 for uniforms, then the few
 * distributions the samples draw from. Deterministic, so every visitor sees the same workbook and
 * tests can pin its contents.
 */

export interface Random {
  /** Uniform on the open interval (0, 1): never 0, so logarithms and powers stay finite. */
  uniform(): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
  /** Gamma with the given shape and rate (mean shape / rate). */
  gamma(shape: number, rate: number): number;
  /** Beta(a, b). */
  beta(a: number, b: number): number;
  /** Exponential with the given rate (mean 1 / rate); Infinity when rate is 0. */
  exponential(rate: number): number;
  /** A whole number in [min, max]. */
  integer(min: number, max: number): number;
  /** One of items, drawn with the given weights (any positive scale). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
}

/** mulberry32: a 32-bit state generator, good enough for sample data and tiny to carry. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) + 0.5; // in [0.5, 2^32 - 0.5]
  };
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const uniform = () => next() / 4294967296;
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());

  /** Marsaglia and Tsang (2000), valid for shape >= 1; rate 1. */
  const gammaShapeAtLeastOne = (shape: number): number => {
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal();
      const v = (1 + c * x) ** 3;
      if (v <= 0) continue;
      const u = uniform();
      if (u < 1 - 0.0331 * x ** 4) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  };

  const gamma = (shape: number, rate: number): number => {
    if (!(shape > 0) || !(rate > 0)) throw new RangeError(`gamma(${shape}, ${rate}): both must be > 0`);
    // Shape below 1: draw with shape + 1 and scale by U^(1/shape) (Marsaglia and Tsang's boost).
    const draw =
      shape < 1 ? gammaShapeAtLeastOne(shape + 1) * uniform() ** (1 / shape) : gammaShapeAtLeastOne(shape);
    return draw / rate;
  };

  return {
    uniform,
    normal,
    gamma,
    beta(a, b) {
      const x = gamma(a, 1);
      const y = gamma(b, 1);
      // Both can underflow to 0 for tiny shapes; the limit then is a coin weighted by the shapes.
      return x + y > 0 ? x / (x + y) : uniform() < a / (a + b) ? 1 : 0;
    },
    exponential: (rate) => (rate > 0 ? -Math.log(uniform()) / rate : Infinity),
    integer: (min, max) => min + Math.floor(uniform() * (max - min + 1)),
    weighted(items, weights) {
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      let point = uniform() * total;
      for (let index = 0; index < items.length; index++) {
        point -= weights[index];
        if (point < 0) return items[index];
      }
      return items[items.length - 1];
    },
  };
}
