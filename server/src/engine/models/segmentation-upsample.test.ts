import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { createRng } from '../random';
import { upsample2x } from './segmentation-upsample';

beforeAll(async () => {
  await initBackend('wasm');
  await initBackend('cpu');
});

/** Hand-written reference: out[b, y, x] = in[b, y>>1, x>>1]; d in[b, i, j] = Σ of its 2×2 block of dy. */
function reference(xs: Float32Array, dys: Float32Array, [n, h, w, c]: number[]) {
  const out = new Float32Array(n * 4 * h * w * c);
  const dx = new Float32Array(n * h * w * c);
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < 2 * h; y++) {
      for (let x = 0; x < 2 * w; x++) {
        for (let k = 0; k < c; k++) {
          const src = ((b * h + (y >> 1)) * w + (x >> 1)) * c + k;
          const dst = ((b * 2 * h + y) * 2 * w + x) * c + k;
          out[dst] = xs[src];
          dx[src] += dys[dst];
        }
      }
    }
  }
  return { out, dx };
}

describe('upsample2x', () => {
  for (const backend of ['cpu', 'wasm'] as const) {
    it(`${backend}: x=[3,5,4,2] value and gradient equal the hand-written reference (batch > 1)`, async () => {
      await initBackend(backend);
      const shape = [3, 5, 4, 2];
      const rng = createRng(11);
      const xs = Float32Array.from({ length: 3 * 5 * 4 * 2 }, () => rng.next() - 0.5);
      const dys = Float32Array.from({ length: 3 * 10 * 8 * 2 }, () => rng.next() - 0.5);
      const { out, dx } = reference(xs, dys, shape);
      const x = tf.tensor4d(xs, shape as [number, number, number, number]);
      const dy = tf.tensor4d(dys, [3, 10, 8, 2]);
      const value = upsample2x(x);
      const grad = tf.grad((t) => tf.sum(tf.mul(upsample2x(t as tf.Tensor4D), dy)))(x);
      expect(value.shape).toEqual([3, 10, 8, 2]);
      expect(Math.max(...value.dataSync().map((v, i) => Math.abs(v - out[i])))).toBe(0);
      expect(Math.max(...grad.dataSync().map((v, i) => Math.abs(v - dx[i])))).toBeLessThan(1e-6);
    });
  }
});
