import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { layerMatrix, layerOrthoLoss, orthoLoss } from './ortho-loss';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Float64 SPEC §1 loss of a column-major list of columns. */
function referenceLoss(columns: number[][]): number {
  let loss = 0;
  for (let i = 0; i < columns.length; i++) {
    for (let j = 0; j < columns.length; j++) {
      if (i === j) continue;
      const dot = columns[i].reduce((s, x, k) => s + x * columns[j][k], 0);
      loss += dot ** 2 / (columns[i].reduce((s, x) => s + x * x, 0) * columns[j].reduce((s, x) => s + x * x, 0));
    }
  }
  return loss;
}

describe('layerMatrix', () => {
  it('k=1 cin=2 cout=2 with bias: stacks the bias as the last row', () => {
    const m = layerMatrix({ kernel: tf.tensor4d([1, 0, 1, 1], [1, 1, 2, 2]), bias: tf.tensor1d([0, 1]) });
    expect(m.arraySync()).toEqual([[1, 0], [1, 1], [0, 1]]);
  });
  it('bias of the wrong length: error names both shapes', () => {
    expect(() => layerMatrix({ kernel: tf.zeros([3, 3, 2, 4]), bias: tf.zeros([3]) })).toThrow(/bias of shape \[3\].*\[3,3,2,4\]/);
  });
});

describe('layerOrthoLoss', () => {
  it('hand-computed: columns (1,1,0),(0,1,1) have cosine ½ → loss 2·¼ = 0.5', () => {
    const loss = layerOrthoLoss({ kernel: tf.tensor4d([1, 0, 1, 1], [1, 1, 2, 2]), bias: tf.tensor1d([0, 1]) });
    expect(loss.dataSync()[0]).toBeCloseTo(0.5, 6);
  });
  it('hand-computed without bias: columns (1,1),(0,1) have cosine 1/√2 → loss 1', () => {
    expect(layerOrthoLoss({ kernel: tf.tensor2d([[1, 0], [1, 1]]) }).dataSync()[0]).toBeCloseTo(1, 6);
  });
  it('orthogonal columns of different norms → 0; parallel columns → n(n−1)', () => {
    expect(layerOrthoLoss({ kernel: tf.tensor2d([[3, 0, 0], [0, 0.1, 0], [0, 0, 7]]) }).dataSync()[0]).toBeCloseTo(0, 7);
    expect(layerOrthoLoss({ kernel: tf.tensor2d([[1, 2, -3], [1, 2, -3]]) }).dataSync()[0]).toBeCloseTo(6, 5);
  });
  it('k=3 cin=2 cout=4: equals the float64 reference, and its gradient matches central differences', () => {
    const kernel = tf.randomNormal([3, 3, 2, 4], 0, 1, 'float32', 1);
    const bias = tf.randomNormal([4], 0, 1, 'float32', 2);
    const k = Array.from(kernel.dataSync());
    const b = Array.from(bias.dataSync());
    const columnsOf = (kv: number[], bv: number[]) =>
      Array.from({ length: 4 }, (_, c) => [...Array.from({ length: 18 }, (_, r) => kv[r * 4 + c]), bv[c]]);
    expect(layerOrthoLoss({ kernel, bias }).dataSync()[0]).toBeCloseTo(referenceLoss(columnsOf(k, b)), 4);

    const [gk, gb] = tf.grads((kk: tf.Tensor, bb: tf.Tensor) => layerOrthoLoss({ kernel: kk, bias: bb }))([kernel, bias]);
    const gkv = gk.dataSync();
    const gbv = gb.dataSync();
    const h = 1e-6;
    for (let i = 0; i < k.length + b.length; i++) {
      const shift = (d: number) => {
        const kv = [...k];
        const bv = [...b];
        if (i < k.length) kv[i] += d;
        else bv[i - k.length] += d;
        return referenceLoss(columnsOf(kv, bv));
      };
      const fd = (shift(h) - shift(-h)) / (2 * h);
      const analytic = i < k.length ? gkv[i] : gbv[i - k.length];
      expect(Math.abs(analytic - fd), `entry ${i}`).toBeLessThan(1e-4 + 1e-3 * Math.abs(fd));
    }
  });
});

describe('orthoLoss', () => {
  it('sums the layers: 0.5 + 1 = 1.5; no layers → 0', () => {
    const a = { kernel: tf.tensor4d([1, 0, 1, 1], [1, 1, 2, 2]), bias: tf.tensor1d([0, 1]) };
    const b = { kernel: tf.tensor2d([[1, 0], [1, 1]]) };
    expect(orthoLoss([a, b]).dataSync()[0]).toBeCloseTo(1.5, 6);
    expect(orthoLoss([]).dataSync()[0]).toBe(0);
  });
});
