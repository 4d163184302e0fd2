import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { randomValues, valuesOn, relativeError, wasmVsCpu } from './kernel-test-utils';

// m·k·n = 33·40·17 = 22,440 multiply-adds: above the stock-loop threshold, so the fast path runs.
const M = 33;
const K = 40;
const N = 17;

function matMulCase(aShape: number[], bShape: number[], transposeA: boolean, transposeB: boolean) {
  const a = randomValues(tf.util.sizeFromShape(aShape), 11);
  const b = randomValues(tf.util.sizeFromShape(bShape), 12);
  return () => tf.matMul(tf.tensor(a, aShape), tf.tensor(b, bShape), transposeA, transposeB);
}

describe('batchMatMul', () => {
  const cases: [string, number[], number[], boolean, boolean][] = [
    ['a=[33,40] b=[40,17]', [M, K], [K, N], false, false],
    ['a=[40,33]ᵀ b=[40,17]', [K, M], [K, N], true, false],
    ['a=[33,40] b=[17,40]ᵀ', [M, K], [N, K], false, true],
    ['a=[40,33]ᵀ b=[17,40]ᵀ', [K, M], [N, K], true, true],
    ['a=[3,33,40] b=[3,40,17] (batch 3)', [3, M, K], [3, K, N], false, false],
    ['a=[2,3,40,33]ᵀ b=[2,3,17,40]ᵀ (batch 2×3)', [2, 3, K, M], [2, 3, N, K], true, true],
    ['a=[7,33,40] b=[1,40,17] (shared right-hand side)', [7, M, K], [1, K, N], false, false],
    ['a=[1,33,40] b=[7,17,40]ᵀ (shared left-hand side)', [1, M, K], [7, N, K], false, true],
    ['a=[2,3,5] b=[2,5,4] (tiny: stock loop)', [2, 3, 5], [2, 5, 4], false, false],
    ['a=[40,36]ᵀ b=[40,24] (transposed left, XNNPACK)', [40, 36], [40, 24], true, false],
    ['a=[512,12]ᵀ b=[512,16] (long contraction)', [512, 12], [512, 16], true, false],
    ['a=[300,8]ᵀ b=[300,40] (K=300)', [300, 8], [300, 40], true, false],
    ['a=[1,128,64]ᵀ b=[128,32] (rank 3, batch 1)', [1, 128, 64], [128, 32], true, false],
  ];
  for (const [title, aShape, bShape, ta, tb] of cases) {
    it(`${title}: matches cpu`, async () => {
      expect(await wasmVsCpu(matMulCase(aShape, bShape, ta, tb))).toBeLessThan(2e-5);
    });
  }

  it('one tensor as [40,17] then reshaped to [17,40]: the second product is not served a stale operator', async () => {
    const a1 = randomValues(M * K, 13);
    const a2 = randomValues(M * N, 14);
    const w = randomValues(K * N, 15);
    const fn = () => {
      const weights = tf.tensor2d(w, [K, N]);
      return [tf.matMul(tf.tensor2d(a1, [M, K]), weights), tf.matMul(tf.tensor2d(a2, [M, N]), weights.reshape([N, K]))];
    };
    const expected = await valuesOn('cpu', fn);
    const actual = await valuesOn('wasm', fn);
    expect(relativeError(actual[0], expected[0])).toBeLessThan(2e-5);
    expect(relativeError(actual[1], expected[1])).toBeLessThan(2e-5);
  });

  it('one [17,40] weight with transposeB at 8 steps, then 12 fresh weights: every product matches cpu (cached Wᵀ never stale)', async () => {
    const xs = Array.from({ length: 20 }, (_, i) => randomValues(M * K, 100 + i));
    const ws = Array.from({ length: 13 }, (_, i) => randomValues(N * K, 200 + i));
    const fn = () => {
      const shared = tf.tensor2d(ws[0], [N, K]);
      const outs = xs.slice(0, 8).map((x) => tf.matMul(tf.tensor2d(x, [M, K]), shared, false, true));
      shared.dispose();
      return [...outs, ...xs.slice(8).map((x, i) => tf.matMul(tf.tensor2d(x, [M, K]), tf.tensor2d(ws[i + 1], [N, K]), false, true))];
    };
    const expected = await valuesOn('cpu', fn);
    const actual = await valuesOn('wasm', fn);
    actual.forEach((a, i) => expect(relativeError(a, expected[i])).toBeLessThan(2e-5));
  });

  it('dense-layer gradients dx, dW of x=[16,50]·W=[50,30]: match cpu', async () => {
    const x = randomValues(16 * 50, 16);
    const w = randomValues(50 * 30, 17);
    expect(await wasmVsCpu(() => tf.grads((xt: tf.Tensor, wt: tf.Tensor) => tf.matMul(xt, wt).square().sum())(
      [tf.tensor2d(x, [16, 50]), tf.tensor2d(w, [50, 30])]))).toBeLessThan(2e-5);
  });
});
