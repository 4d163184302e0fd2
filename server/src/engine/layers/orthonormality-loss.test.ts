import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { orthonormalityLoss } from './orthonormality-loss';

beforeAll(async () => {
  await initBackend('cpu');
});

/** Σ over h×h blocks of ‖I − MᵀM‖_F², in float64 loops: the reference. */
function reference(kernel: number[][]): { loss: number; grad: number[][] } {
  const h = kernel.length;
  const blocks = kernel[0].length / h;
  let loss = 0;
  const grad = kernel.map((row) => row.map(() => 0));
  for (let g = 0; g < blocks; g++) {
    const m = (r: number, c: number) => kernel[r][g * h + c];
    const d: number[][] = [];
    for (let i = 0; i < h; i++) {
      d.push([]);
      for (let j = 0; j < h; j++) {
        let dot = 0;
        for (let r = 0; r < h; r++) dot += m(r, i) * m(r, j);
        d[i].push((i === j ? 1 : 0) - dot);
        loss += d[i][j] ** 2;
      }
    }
    for (let r = 0; r < h; r++) for (let j = 0; j < h; j++) {
      let s = 0;
      for (let i = 0; i < h; i++) s += m(r, i) * d[i][j];
      grad[r][g * h + j] = -4 * s;
    }
  }
  return { loss, grad };
}

describe('orthonormalityLoss', () => {
  it('hand case hidden 2, 3 gates [I | [[1,1],[0,1]] | 2I]: 0 + 3 + 18 = 21', () => {
    const kernel = tf.tensor2d([
      [1, 0, 1, 1, 2, 0],
      [0, 1, 0, 1, 0, 2],
    ]);
    // [[1,1],[0,1]]ᵀ·itself = [[1,1],[1,2]]: I − that = [[0,−1],[−1,−1]] → 3; (2I)ᵀ2I = 4I: (−3)²·2 = 18.
    expect(orthonormalityLoss([kernel]).dataSync()[0]).toBeCloseTo(21, 5);
  });

  it('an exactly orthogonal block (rotation by 0.3 rad): 0', () => {
    const [c, s] = [Math.cos(0.3), Math.sin(0.3)];
    expect(orthonormalityLoss([tf.tensor2d([[c, -s], [s, c]])]).dataSync()[0]).toBeCloseTo(0, 6);
  });

  it('two LSTM-like kernels hidden 5 (5×20): sum of both, value and gradient = float64 reference', () => {
    const kernels = [0, 1].map((k) => Array.from({ length: 5 }, (_, r) => Array.from({ length: 20 }, (_, c) => Math.sin(1 + r * 20 + c + 100 * k) * 0.6)));
    const expected = kernels.map(reference);
    const tensors = kernels.map((k) => tf.tensor2d(k));
    const { value, grads } = tf.valueAndGrads((...ks: tf.Tensor[]) => orthonormalityLoss(ks as tf.Tensor2D[]))(tensors);
    const total = expected[0].loss + expected[1].loss;
    expect(value.dataSync()[0]).toBeCloseTo(total, 3);
    expect(Math.abs(value.dataSync()[0] - total) / total).toBeLessThan(1e-5);
    grads.forEach((grad, k) => {
      const got = grad.arraySync() as number[][];
      got.forEach((row, r) => row.forEach((v, c) => expect(v).toBeCloseTo(expected[k].grad[r][c], 4)));
    });
  });

  it('a kernel whose columns are not a multiple of its rows: error naming the shape', () => {
    expect(() => orthonormalityLoss([tf.zeros([3, 7]) as tf.Tensor2D])).toThrow('kernel of shape [3,7] does not split into 3×3 gate blocks');
  });

  it('gradient descent on the loss alone drives a random 8×32 kernel towards orthonormal blocks', () => {
    const kernel = tf.variable(tf.randomUniform([8, 32], -0.5, 0.5, 'float32', 3));
    const optimizer = tf.train.sgd(0.02);
    const before = orthonormalityLoss([kernel as tf.Tensor2D]).dataSync()[0];
    for (let i = 0; i < 300; i++) optimizer.minimize(() => orthonormalityLoss([kernel as tf.Tensor2D]));
    const after = orthonormalityLoss([kernel as tf.Tensor2D]).dataSync()[0];
    expect(before).toBeGreaterThan(10);
    expect(after).toBeLessThan(1e-3);
  });
});
