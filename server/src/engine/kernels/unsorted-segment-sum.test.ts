import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { randomValues, wasmVsCpu } from './kernel-test-utils';

describe('unsortedSegmentSum', () => {
  it('x=[9,4] ids with repeats, 5 segments: matches cpu', async () => {
    const x = randomValues(36, 61);
    expect(await wasmVsCpu(() => tf.unsortedSegmentSum(tf.tensor2d(x, [9, 4]), tf.tensor1d([0, 2, 2, 4, 0, 1, 2, 4, 4], 'int32'), 5))).toBeLessThan(1e-6);
  });

  it('x=[6,2,3] ids with an empty segment and out-of-range ids: matches cpu', async () => {
    const x = randomValues(36, 62);
    expect(await wasmVsCpu(() => tf.unsortedSegmentSum(tf.tensor3d(x, [6, 2, 3]), tf.tensor1d([3, 3, 0, 7, -1, 0], 'int32'), 4))).toBeLessThan(1e-6);
  });

  it('embedding gradient: gather of a [60,48] table by [16,8] ids: matches cpu', async () => {
    const table = randomValues(60 * 48, 63);
    const ids = Array.from({ length: 128 }, (_, i) => (i * 37) % 60);
    expect(await wasmVsCpu(() => tf.grad((t: tf.Tensor) => tf.gather(t, tf.tensor2d(ids, [16, 8], 'int32')).square().sum())(
      tf.tensor2d(table, [60, 48])))).toBeLessThan(2e-5);
  });
});
