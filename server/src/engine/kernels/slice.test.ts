import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { randomValues, wasmVsCpu } from './kernel-test-utils';

const X = randomValues(5 * 7 * 6 * 4, 51);
const x = () => tf.tensor4d(X, [5, 7, 6, 4]);

describe('slice', () => {
  const cases: [number[], number[]][] = [
    [[0, 0, 0, 0], [5, 7, 6, 4]],
    [[2, 0, 0, 0], [2, 7, 6, 4]],
    [[1, 2, 3, 1], [3, 4, 2, 2]],
    [[0, 6, 0, 0], [5, 1, 6, 4]],
    [[4, 6, 5, 3], [1, 1, 1, 1]],
    [[0, 1, 1, 0], [5, 5, 4, 4]],
    [[0, 0, 0, 2], [5, 7, 6, 0]],
  ];
  for (const [begin, size] of cases) {
    it(`x=[5,7,6,4] begin=[${begin}] size=[${size}]: matches cpu`, async () => {
      expect(await wasmVsCpu(() => tf.slice(x(), begin, size))).toBe(0);
    });
  }

  it('x=[2,3,4] int32 begin=[1,1,1] size=[1,2,3]: matches cpu', async () => {
    expect(await wasmVsCpu(() => tf.slice(tf.range(0, 24, 1, 'int32').reshape([2, 3, 4]), [1, 1, 1], [1, 2, 3]).cast('float32'))).toBe(0);
  });

  it('x=[10] rank 1 begin=[3] size=[4]: matches cpu', async () => {
    expect(await wasmVsCpu(() => tf.slice(tf.tensor1d(X.subarray(0, 10)), [3], [4]))).toBe(0);
  });
});

describe('splitV', () => {
  it('x=[5,7,6,4] into [1,4,1] on axis 3 and 3 equal parts of axis 2: matches cpu', async () => {
    expect(await wasmVsCpu(() => [...tf.split(x(), [1, 2, 1], 3), ...tf.split(x(), 3, 2)])).toBe(0);
  });

  it('x=[128,2048] into 4 LSTM gates on axis 1: matches cpu', async () => {
    const gates = randomValues(128 * 2048, 52);
    expect(await wasmVsCpu(() => tf.split(tf.tensor2d(gates, [128, 2048]), 4, 1))).toBe(0);
  });
});

describe('unpack', () => {
  it('x=[5,7,6,4] unstacked on axes 0, 1 and -1: matches cpu', async () => {
    expect(await wasmVsCpu(() => [...tf.unstack(x(), 0), ...tf.unstack(x(), 1), ...tf.unstack(x(), -1)])).toBe(0);
  });
});
