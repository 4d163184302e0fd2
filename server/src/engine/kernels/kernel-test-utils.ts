import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend';

/** Deterministic values in [-1, 1) (mulberry32), so failures reproduce. */
export function randomValues(size: number, seed: number): Float32Array {
  let a = seed >>> 0;
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return out;
}

/** Runs `fn` with `backend` active and returns the values of the tensor it produces. */
export async function valuesOn(backend: 'cpu' | 'wasm', fn: () => tf.Tensor | tf.Tensor[]): Promise<Float32Array[]> {
  await initBackend(backend);
  const out = tf.tidy(fn);
  const list = Array.isArray(out) ? out : [out];
  const values = await Promise.all(list.map(async (t) => new Float32Array(await t.data())));
  tf.dispose(list);
  return values;
}

/** Largest |a − b| divided by the largest |b| (1 when b is all zero). */
export function relativeError(actual: Float32Array, expected: Float32Array): number {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} ≠ ${expected.length}`);
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  return Number.isNaN(diff) ? Infinity : diff / (scale || 1);
}

/** Runs the same function on cpu and wasm and returns the worst relative error over its outputs. */
export async function wasmVsCpu(fn: () => tf.Tensor | tf.Tensor[]): Promise<number> {
  const expected = await valuesOn('cpu', fn);
  const actual = await valuesOn('wasm', fn);
  return Math.max(...actual.map((a, i) => relativeError(a, expected[i])));
}

/** The conv cases every conv kernel is checked on (SAME/VALID, stride 1/2, k 1/3/5, odd sizes, batch 1/7). */
export interface ConvCase { batch: number; height: number; width: number; k: number; stride: number; pad: 'same' | 'valid'; cin: number; cout: number }
export function convCases(): ConvCase[] {
  const cases: ConvCase[] = [];
  for (const pad of ['same', 'valid'] as const) {
    for (const stride of [1, 2]) {
      for (const k of [1, 3, 5]) {
        for (const [height, width] of [[7, 9], [8, 5]]) {
          for (const batch of [1, 7]) cases.push({ batch, height, width, k, stride, pad, cin: 3, cout: 4 });
        }
      }
    }
  }
  return cases;
}

export function convCaseTitle(c: ConvCase): string {
  return `x=[${c.batch},${c.height},${c.width},${c.cin}] f=[${c.k},${c.k},${c.cin},${c.cout}] s=${c.stride} p=${c.pad}`;
}

/** Reductions checked for Sum and Mean: leading, middle, innermost, non-contiguous, all axes. */
export const REDUCTION_CASES: [number[], number | number[], boolean][] = [
  [[7, 9, 5, 4], [0, 1, 2], false],
  [[7, 9, 5, 4], [0, 1, 2], true],
  [[128, 10], 0, false],
  [[3, 8, 6, 5], [1, 2], false],
  [[3, 8, 6, 5], [1], true],
  [[3, 1, 6, 5], [1], false],
  [[5, 7], -1, false],
  [[4, 6, 3], [0, 2], false],
  [[4, 6, 3], [0, 1, 2], false],
  [[1024, 48], [0], true],
];
