/** A seeded pseudo-random source: the same seed gives the same sequence on every machine. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n) for an integer n ≥ 1. */
  int(n: number): number;
  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T extends { length: number; [i: number]: unknown }>(items: T): T;
  /** A fresh shuffled permutation of 0..n-1. */
  permutation(n: number): Int32Array;
}

/**
 * mulberry32: 32-bit state, full 2^32 period, fast and good enough for batch order and
 * initialisation (not for cryptography). Any finite number is accepted as a seed (truncated to 32 bits).
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`createRng: seed must be a finite number, got ${seed}`);
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`Rng.int: n must be an integer ≥ 1, got ${n}`);
    return Math.floor(next() * n);
  };
  const shuffle = <T extends { length: number; [i: number]: unknown }>(items: T): T => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = int(i + 1);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  };
  const permutation = (n: number): Int32Array => shuffle(Int32Array.from({ length: n }, (_, i) => i));
  return { next, int, shuffle, permutation };
}
