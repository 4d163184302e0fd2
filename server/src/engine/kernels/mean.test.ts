import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { REDUCTION_CASES, randomValues, wasmVsCpu } from './kernel-test-utils';

describe('mean', () => {
  for (const [shape, axis, keepDims] of REDUCTION_CASES) {
    it(`x=[${shape}] axis=${JSON.stringify(axis)} keepDims=${keepDims}: matches cpu`, async () => {
      const x = randomValues(tf.util.sizeFromShape(shape), 22);
      expect(await wasmVsCpu(() => tf.mean(tf.tensor(x, shape), axis, keepDims))).toBeLessThan(2e-5);
    });
  }
});
