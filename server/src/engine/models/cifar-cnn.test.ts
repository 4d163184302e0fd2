import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CifarCnn } from './cifar-cnn';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('CifarCnn', () => {
  it('baseline, seeds 99/1/2: orthoLoss at initialisation is ≈ 38 (SPEC §1 sanity figure 37–40)', () => {
    for (const seed of [99, 1, 2]) {
      const model = new CifarCnn({ numClasses: 10, mode: 'baseline', seed });
      const x = tf.zeros([1, 32, 32, 3]) as tf.Tensor4D;
      const ortho = model.loss(x, tf.tensor1d([0], 'int32'), 0).orthoLoss.dataSync()[0];
      expect(ortho, `seed ${seed}`).toBeGreaterThan(36);
      expect(ortho, `seed ${seed}`).toBeLessThan(41);
      model.dispose();
    }
  });

  it('householder: orthoLoss at initialisation ≈ 0 (exactly orthogonal columns)', () => {
    const model = new CifarCnn({ numClasses: 10, mode: 'householder', seed: 99 });
    expect(model.loss(tf.zeros([1, 32, 32, 3]) as tf.Tensor4D, tf.tensor1d([0], 'int32'), 0).orthoLoss.dataSync()[0]).toBeLessThan(1e-6);
    model.dispose();
  });

  it('stable variable names in a fixed order for baseline and householder (scale element)', () => {
    const base = new CifarCnn({ numClasses: 10, mode: 'penalty', seed: 1 });
    expect(base.namedVariables().map(([n]) => n)).toEqual([
      ...['conv1', 'conv2', 'conv3', 'conv4', 'fc1', 'fc2'].flatMap((l) => [`${l}/kernel`, `${l}/bias`]),
    ]);
    const hh = new CifarCnn({ numClasses: 100, mode: 'householder', seed: 1 });
    expect(hh.namedVariables().slice(0, 3).map(([n]) => n)).toEqual(['conv1/householder', 'conv1/kernelScale', 'conv1/biasScale']);
    expect(hh.namedVariables().at(-1)![1].shape).toEqual([100]);
    base.dispose();
    hh.dispose();
  });

  it('penalty λ=0.1, batch 3 selu: logits [3,10], totalLoss = crossEntropy + 0.1·orthoLoss, crossEntropy in (0, 10)', () => {
    const model = new CifarCnn({ numClasses: 10, mode: 'penalty', activation: 'selu', seed: 5 });
    const x = tf.randomUniform([3, 32, 32, 3], 0, 1, 'float32', 6) as tf.Tensor4D;
    expect(model.logits(x).shape).toEqual([3, 10]);
    const t = model.loss(x, tf.tensor1d([1, 2, 3], 'int32'), 0.1);
    const [ce, acc, ortho, weighted, total] = [t.crossEntropy, t.accuracy, t.orthoLoss, t.weightedOrthoLoss, t.totalLoss].map((s) => s.dataSync()[0]);
    expect(weighted).toBeCloseTo(0.1 * ortho, 5);
    expect(total).toBeCloseTo(ce + weighted, 5);
    expect(ce).toBeGreaterThan(0);
    expect(ce).toBeLessThan(10);
    expect([0, 1 / 3, 2 / 3, 1].some((a) => Math.abs(a - acc) < 1e-6)).toBe(true);
    model.dispose();
  });
});
