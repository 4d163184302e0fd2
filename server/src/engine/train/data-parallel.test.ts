import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { CifarCnn } from '../models/cifar-cnn';
import { createRng } from '../random';
import { relativeError } from '../kernels/kernel-test-utils';
import { cnnTrainStep } from './cnn-step';
import { DataParallelCnnStep } from './data-parallel';
import { shardGradients } from './data-parallel-shard';

function randomSplit(count: number, seed: number) {
  const rng = createRng(seed);
  const images = Uint8Array.from({ length: count * 3072 }, () => rng.int(256));
  const labels = Uint8Array.from({ length: count }, () => rng.int(10));
  return { images, labels, count };
}

const split = randomSplit(160, 7);
// A shuffled, non-contiguous batch of 128, as the training loop draws them.
const indices = Int32Array.from({ length: 128 }, (_, k) => (k * 37 + 11) % 160);
let parallel: DataParallelCnnStep;

beforeAll(async () => {
  await initBackend('wasm');
  parallel = await DataParallelCnnStep.create({ workers: 2, numClasses: 10, model: { mode: 'penalty', seed: 5 } });
});
afterAll(() => parallel?.dispose());

const values = (tensors: tf.Tensor[]) => tensors.map((t) => new Float32Array(t.dataSync()));

describe('DataParallelCnnStep', () => {
  it('2 workers, penalty λ = 0.1, batch 128 (wasm): gradient, terms and the Adam step equal one batch of 128 within float32 rounding', async () => {
    const single = new CifarCnn({ numClasses: 10, mode: 'penalty', seed: 5 });
    const split2 = new CifarCnn({ numClasses: 10, mode: 'penalty', seed: 5 });
    const vs = single.namedVariables().map(([, v]) => v);
    const vp = split2.namedVariables().map(([, v]) => v);
    try {
      const whole = await shardGradients(single, vs, split, indices, 0.1);
      const sharded = await parallel.gradients(split2, vp, split, indices, 0.1);
      const [gw, gp] = [values(whole.grads), values(sharded.grads)];
      tf.dispose([...whole.grads, ...sharded.grads]);
      gw.forEach((g, i) => expect(relativeError(gp[i], g), `gradient of variable ${i}`).toBeLessThan(3e-5));
      sharded.terms.forEach((t, j) => expect(t).toBeCloseTo(whole.terms[j], 5));
      // Gradients that must not be trivially zero (the check above would then mean nothing).
      expect(Math.max(...gw[0].map(Math.abs))).toBeGreaterThan(1e-4);

      const before = tf.memory().numTensors;
      const optS = tf.train.adam(3e-4);
      const optP = tf.train.adam(3e-4);
      const termsS = await cnnTrainStep(single, optS, vs, split, indices, 0.1);
      const termsP = await parallel.step(split2, optP, vp, split, indices, 0.1);
      for (const k of Object.keys(termsS) as (keyof typeof termsS)[]) expect(termsP[k]).toBeCloseTo(termsS[k], 5);
      // Adam's first step moves each weight by ≈ lr = 3e-4 (gradient sign): agree within 2 % of it.
      const [ws, wp] = [values(vs), values(vp)];
      ws.forEach((w, i) => {
        let worst = 0;
        for (let j = 0; j < w.length; j++) worst = Math.max(worst, Math.abs(w[j] - wp[i][j]));
        expect(worst, `weights of variable ${i} after the step`).toBeLessThan(6e-6);
      });
      // After the step the helper must compute at the new weights (set equal on both sides here):
      // stale ones, each moved by ≈ lr = 3e-4, would change the gradient far beyond rounding.
      vp.forEach((v, i) => v.assign(vs[i]));
      const again = await shardGradients(single, vs, split, indices, 0.1);
      const againP = await parallel.gradients(split2, vp, split, indices, 0.1);
      const [gw2, gp2] = [values(again.grads), values(againP.grads)];
      tf.dispose([...again.grads, ...againP.grads]);
      gw2.forEach((g, i) => expect(relativeError(gp2[i], g), `gradient of variable ${i} after the step`).toBeLessThan(3e-5));
      expect(relativeError(gw2[0], gw[0]), 'the step changed the conv1 gradient by more than rounding').toBeGreaterThan(1e-3);
      optS.dispose();
      optP.dispose();
      expect(tf.memory().numTensors).toBeLessThanOrEqual(before);
    } finally {
      single.dispose();
      split2.dispose();
    }
  });

  it('a last batch of 1 record with 2 workers: the helper sits it out, the gradient is that record\'s (no NaN from an empty shard)', async () => {
    const model = new CifarCnn({ numClasses: 10, mode: 'baseline', seed: 3 });
    const vars = model.namedVariables().map(([, v]) => v);
    try {
      const whole = await shardGradients(model, vars, split, [42], 0);
      const sharded = await parallel.gradients(model, vars, split, [42], 0);
      const [gw, gp] = [values(whole.grads), values(sharded.grads)];
      tf.dispose([...whole.grads, ...sharded.grads]);
      gw.forEach((g, i) => expect(relativeError(gp[i], g), `gradient of variable ${i}`).toBe(0));
      expect(sharded.terms).toEqual(whole.terms);
    } finally {
      model.dispose();
    }
  });

  it('workers 1: a RangeError naming the value', async () => {
    await expect(DataParallelCnnStep.create({ workers: 1, numClasses: 10, model: { mode: 'baseline', seed: 1 } })).rejects.toThrow('workers must be an integer ≥ 2 (got 1)');
  });
});
