import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { REDUCTION_CASES, randomValues, wasmVsCpu } from './kernel-test-utils';


describe('sum', () => {
  for (const [shape, axis, keepDims] of REDUCTION_CASES) {
    it(`x=[${shape}] axis=${JSON.stringify(axis)} keepDims=${keepDims}: matches cpu`, async () => {
      const x = randomValues(tf.util.sizeFromShape(shape), 21);
      expect(await wasmVsCpu(() => tf.sum(tf.tensor(x, shape), axis, keepDims))).toBeLessThan(2e-5);
    });
  }

  it('x=[64,32,32,8] axis=[0,1,2] (a 65,536-long block, conv bias gradient): matches cpu', async () => {
    const x = randomValues(64 * 32 * 32 * 8, 23);
    expect(await wasmVsCpu(() => tf.sum(tf.tensor4d(x, [64, 32, 32, 8]), [0, 1, 2]))).toBeLessThan(2e-5);
  });

  it('x=[6,4] int32 axis=0: stays exact through the stock kernel', async () => {
    const x = Array.from({ length: 24 }, (_, i) => i * 7 - 50);
    expect(await wasmVsCpu(() => tf.sum(tf.tensor2d(x, [6, 4], 'int32'), 0).cast('float32'))).toBe(0);
  });
});
