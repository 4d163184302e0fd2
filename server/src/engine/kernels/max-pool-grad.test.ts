import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { randomValues, wasmVsCpu } from './kernel-test-utils';

function poolGradient(x: Float32Array, shape: number[], filter: number, stride: number, pad: 'same' | 'valid', relu = false) {
  return () => tf.grad((t: tf.Tensor) => {
    const pooled = tf.maxPool((relu ? tf.relu(t) : t) as tf.Tensor4D, filter, stride, pad);
    // weights make every output position's gradient distinct
    return pooled.mul(tf.range(1, pooled.size + 1).reshape(pooled.shape)).sum();
  })(tf.tensor(x, shape));
}

describe('maxPoolGrad', () => {
  for (const pad of ['same', 'valid'] as const) {
    for (const [filter, stride] of [[2, 2], [3, 2], [3, 1], [1, 1], [5, 2]]) {
      for (const [height, width] of [[7, 9], [8, 6]]) {
        for (const batch of [1, 7]) {
          it(`x=[${batch},${height},${width},3] f=${filter} s=${stride} p=${pad}: matches cpu`, async () => {
            const shape = [batch, height, width, 3];
            const x = randomValues(tf.util.sizeFromShape(shape), 31 + filter);
            expect(await wasmVsCpu(poolGradient(x, shape, filter, stride, pad))).toBeLessThan(2e-5);
          });
        }
      }
    }
  }

  it('x=[4,13,13,8] after relu (tied zeros) f=2 s=2 valid, as in SPEC §3 conv4: matches cpu', async () => {
    const shape = [4, 13, 13, 8];
    const x = randomValues(tf.util.sizeFromShape(shape), 41);
    expect(await wasmVsCpu(poolGradient(x, shape, 2, 2, 'valid', true))).toBe(0);
  });

  it('x=[2,4,4,2] with tied maxima inside windows: gradient goes to the first, like cpu', async () => {
    const x = new Float32Array(2 * 4 * 4 * 2).map((_, i) => Math.floor(i / 7) % 3);
    expect(await wasmVsCpu(poolGradient(x, [2, 4, 4, 2], 2, 2, 'same'))).toBe(0);
  });
});
