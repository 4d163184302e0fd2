import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { randomValues, wasmVsCpu } from './kernel-test-utils';

const X = randomValues(5 * 7 * 6, 53);

describe('stridedSlice', () => {
  const cases: [string, number[], number[], number[], number?, number?][] = [
    ['begin=[1,2,0] end=[4,6,6] strides 1 (simple slice)', [1, 2, 0], [4, 6, 6], [1, 1, 1]],
    ['begin=[2,0,0] end=[3,7,6] shrink axis 0', [2, 0, 0], [3, 7, 6], [1, 1, 1], 0, 1],
    ['begin=[0,1,1] end=[5,7,6] strides [1,2,3] (stock)', [0, 1, 1], [5, 7, 6], [1, 2, 3]],
    ['begin=[4,6,5] end=[0,0,0] strides -1 (stock)', [4, 6, 5], [0, 0, 0], [-1, -1, -1]],
    ['whole tensor (identity)', [0, 0, 0], [5, 7, 6], [1, 1, 1]],
  ];
  for (const [title, begin, end, strides, beginMask = 0, shrink = 0] of cases) {
    it(`x=[5,7,6] ${title}: matches cpu`, async () => {
      expect(await wasmVsCpu(() => tf.stridedSlice(tf.tensor3d(X, [5, 7, 6]), begin, end, strides, beginMask, 0, 0, 0, shrink))).toBe(0);
    });
  }
});
