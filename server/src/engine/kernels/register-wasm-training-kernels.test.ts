import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { randomValues, wasmVsCpu } from './kernel-test-utils';
import { registerWasmTrainingKernels, WASM_TRAINING_KERNELS } from './register-wasm-training-kernels';

/** SPEC §3's layer pattern at toy width: conv5 SAME, conv3 VALID, pool SAME, conv3 SAME, conv3 VALID, pool VALID, fc, fc. */
function smallConvNetGradients(activation: 'relu' | 'selu', batch: number) {
  const shapes = [[5, 5, 3, 4], [4], [3, 3, 4, 4], [4], [3, 3, 4, 6], [6], [3, 3, 6, 6], [6], [24, 8], [8], [8, 10], [10]];
  const weights = shapes.map((s, i) => randomValues(tf.util.sizeFromShape(s), 100 + i).map((v) => v * 0.4));
  const images = randomValues(batch * 16 * 16 * 3, 200).map((v) => (v + 1) / 2);
  const labels = Array.from({ length: batch }, (_, i) => (i * 7) % 10);
  const act = activation === 'relu' ? tf.relu : tf.selu;
  return () => {
    const vars = weights.map((w, i) => tf.tensor(w, shapes[i]));
    const x = tf.tensor4d(images, [batch, 16, 16, 3]);
    const y = tf.oneHot(tf.tensor1d(labels, 'int32'), 10);
    const loss = (...p: tf.Tensor[]) => {
      const conv = (h: tf.Tensor4D, i: number, pad: 'same' | 'valid') => act(tf.conv2d(h, p[i] as tf.Tensor4D, 1, pad).add(p[i + 1])) as tf.Tensor4D;
      let h = conv(x, 0, 'same'); // 16
      h = tf.maxPool(conv(h, 2, 'valid'), 2, 2, 'same'); // 14 → 7
      h = tf.maxPool(conv(conv(h, 4, 'same'), 6, 'valid'), 2, 2, 'valid'); // 7 → 5 → 2
      const flat = h.reshape([batch, 24]);
      const hidden = act(tf.matMul(flat, p[8]).add(p[9]));
      return tf.losses.softmaxCrossEntropy(y, tf.matMul(hidden, p[10]).add(p[11])) as tf.Scalar;
    };
    return tf.grads(loss)(vars);
  };
}

describe('registerWasmTrainingKernels', () => {
  it('after initBackend(wasm): every listed kernel is the registered wasm kernel; a second call changes nothing', async () => {
    await initBackend('wasm');
    for (const config of WASM_TRAINING_KERNELS) expect(tf.getKernel(config.kernelName, 'wasm')?.kernelFunc).toBe(config.kernelFunc);
    registerWasmTrainingKernels();
    for (const config of WASM_TRAINING_KERNELS) expect(tf.getKernel(config.kernelName, 'wasm')?.kernelFunc).toBe(config.kernelFunc);
  });

  for (const activation of ['relu', 'selu'] as const) {
    for (const batch of [1, 7]) {
      it(`small conv net (${activation}, batch ${batch}): every parameter gradient matches cpu within 2e-5`, async () => {
        expect(await wasmVsCpu(smallConvNetGradients(activation, batch))).toBeLessThan(2e-5);
      });
    }
  }

  it('LSTM cell step (matMul, sigmoid, tanh, split, concat, gather) gradients: match cpu', async () => {
    const hidden = 16;
    const kernel = randomValues((8 + hidden) * 4 * hidden, 300);
    const table = randomValues(20 * 8, 301);
    const ids = Array.from({ length: 12 }, (_, i) => (i * 7) % 20);
    expect(await wasmVsCpu(() => {
      const w = tf.tensor2d(kernel, [8 + hidden, 4 * hidden]);
      const emb = tf.tensor2d(table, [20, 8]);
      return tf.grads((k: tf.Tensor, e: tf.Tensor) => {
        let h = tf.zeros([12, hidden]);
        let c = tf.zeros([12, hidden]);
        for (let step = 0; step < 3; step++) {
          const input = tf.gather(e, tf.tensor1d(ids.map((v) => (v + step) % 20), 'int32'));
          const [i, f, g, o] = tf.split(tf.matMul(tf.concat([input, h], 1), k), 4, 1);
          c = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
          h = tf.sigmoid(o).mul(tf.tanh(c));
        }
        return h.square().sum() as tf.Scalar;
      })([w, emb]);
    })).toBeLessThan(2e-5);
  });

  it('segmentation decoder pieces (conv2dTranspose s=2, resizeBilinear, concat, per-pixel softmax CE) gradients: match cpu', async () => {
    // Square maps: the cpu backend's ResizeBilinearGrad returns [B, W, H, C] (a tfjs 4.22 bug), so
    // only H = W can be compared with it; the non-square case is checked on its own below.
    const x = randomValues(2 * 5 * 5 * 4, 400);
    const up = randomValues(3 * 3 * 3 * 4, 401);
    const skip = randomValues(2 * 10 * 10 * 2, 402);
    expect(await wasmVsCpu(() => tf.grads((a: tf.Tensor, f: tf.Tensor, s: tf.Tensor) => {
      const decoded = tf.conv2dTranspose(a as tf.Tensor4D, f as tf.Tensor4D, [2, 10, 10, 3], 2, 'same');
      const resized = tf.image.resizeBilinear(a as tf.Tensor4D, [10, 10]);
      const logits = tf.concat([decoded, resized, s], 3).slice([0, 0, 0, 0], [2, 10, 10, 4]);
      const labels = tf.oneHot(tf.tensor3d(Array.from({ length: 200 }, (_, i) => (i * 5) % 4), [2, 10, 10], 'int32'), 4);
      return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
    })([tf.tensor4d(x, [2, 5, 5, 4]), tf.tensor4d(up, [3, 3, 3, 4]), tf.tensor4d(skip, [2, 10, 10, 2])]))).toBeLessThan(2e-5);
  });

  it('resizeBilinear [2,5,6,3] → [10,12] gradient on wasm: input shape, and Σdx = Σdy', async () => {
    await initBackend('wasm');
    const dy = tf.tensor4d(randomValues(2 * 10 * 12 * 3, 403), [2, 10, 12, 3]);
    const dx = tf.grad((a: tf.Tensor) => tf.image.resizeBilinear(a as tf.Tensor4D, [10, 12]).mul(dy).sum())(tf.zeros([2, 5, 6, 3]));
    expect(dx.shape).toEqual([2, 5, 6, 3]);
    expect((await dx.sum().data())[0]).toBeCloseTo((await dy.sum().data())[0], 4);
    tf.dispose([dx, dy]);
  });

  it('Adam training of the small conv net on wasm: tensor count flat from step to step, loss falls', async () => {
    await initBackend('wasm');
    const shapes = [[3, 3, 3, 4], [4], [64, 10], [10]];
    const vars = shapes.map((s, i) => tf.variable(tf.tensor(randomValues(tf.util.sizeFromShape(s), 500 + i), s).mul(0.3)));
    const x = tf.tensor4d(randomValues(8 * 8 * 8 * 3, 510), [8, 8, 8, 3]);
    const y = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32'), 10);
    const optimizer = tf.train.adam(0.01);
    const step = () => optimizer.minimize(() => {
      const h = tf.maxPool(tf.relu(tf.conv2d(x, vars[0] as tf.Variable<tf.Rank.R4>, 1, 'same').add(vars[1])) as tf.Tensor4D, 2, 2, 'valid');
      return tf.losses.softmaxCrossEntropy(y, tf.matMul(h.reshape([8, 64]), vars[2]).add(vars[3])) as tf.Scalar;
    }, true) as tf.Scalar;
    const first = (await step().data())[0];
    const counts: number[] = [];
    let last = first;
    for (let i = 0; i < 20; i++) {
      const loss = step();
      last = (await loss.data())[0];
      loss.dispose();
      counts.push(tf.memory().numTensors);
    }
    expect(new Set(counts.slice(1)).size).toBe(1);
    expect(last).toBeLessThan(first * 0.8);
    tf.dispose([...vars, x, y]);
    optimizer.dispose();
  });
});
