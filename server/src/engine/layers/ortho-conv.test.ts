import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { OrthoConv2d, type OrthoConvOptions } from './ortho-conv';
import { layerMatrix, layerOrthoLoss } from './ortho-loss';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const base: OrthoConvOptions = { name: 'conv2', kernelSize: 3, inChannels: 4, outChannels: 6, padding: 'valid', mode: 'baseline', seed: 1 };

function maxColumnGramError(weights: { kernel: tf.Tensor; bias: tf.Tensor }): number {
  return tf.tidy(() => {
    const m = layerMatrix(weights);
    return tf.max(tf.abs(tf.sub(tf.matMul(m, m, true, false), tf.eye(m.shape[1])))).dataSync()[0];
  });
}

describe('OrthoConv2d', () => {
  it('baseline k=3 cin=4 cout=6: kernel+bias uniform within ±√(6/(37+6)), stable variable names', () => {
    const conv = new OrthoConv2d(base);
    expect(conv.namedVariables().map(([n]) => n)).toEqual(['conv2/kernel', 'conv2/bias']);
    const { kernel, bias } = conv.weights();
    expect(kernel.shape).toEqual([3, 3, 4, 6]);
    const limit = Math.sqrt(6 / (37 + 6));
    const all = [...kernel.dataSync(), ...bias.dataSync()];
    expect(Math.max(...all.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(Math.max(...all.map(Math.abs))).toBeGreaterThan(0.8 * limit);
    conv.dispose();
  });

  it('same seed → same weights; other seed → different', () => {
    const a = new OrthoConv2d(base);
    const b = new OrthoConv2d(base);
    const c = new OrthoConv2d({ ...base, seed: 2 });
    expect(a.weights().kernel.arraySync()).toEqual(b.weights().kernel.arraySync());
    expect(a.weights().kernel.arraySync()).not.toEqual(c.weights().kernel.arraySync());
    [a, b, c].forEach((l) => l.dispose());
  });

  for (const scale of ['element', 'channel', 'none'] as const) {
    it(`householder scale=${scale}: M = [W; b] has orthonormal columns (1e-5) at initialisation`, () => {
      const conv = new OrthoConv2d({ ...base, mode: 'householder', householderScale: scale });
      const expected = { element: ['householder', 'kernelScale', 'biasScale'], channel: ['householder', 'channelScale'], none: ['householder'] }[scale];
      expect(conv.namedVariables().map(([n]) => n)).toEqual(expected.map((s) => `conv2/${s}`));
      expect(conv.namedVariables()[0][1].size).toBe(37 * 6 - 15);
      expect(maxColumnGramError(conv.weights())).toBeLessThan(1e-5);
      conv.dispose();
    });
  }

  it('householder scale=channel: columns stay orthogonal (orthoLoss ≈ 0) after the scales change', () => {
    const conv = new OrthoConv2d({ ...base, mode: 'householder', householderScale: 'channel' });
    conv.namedVariables()[1][1].assign(tf.tensor1d([0.5, 2, 3, 0.1, 1, 7]));
    expect(layerOrthoLoss(conv.weights()).dataSync()[0]).toBeLessThan(1e-9);
    conv.dispose();
  });

  it('householder k=1 cin=3 cout=8 (M is 4×8): error names the layer and the shapes', () => {
    expect(() => new OrthoConv2d({ ...base, kernelSize: 1, inChannels: 3, outChannels: 8, mode: 'householder' })).toThrow(
      /conv2: householder mode .* kernel \(1, 1, 3, 8\) is 4×8/,
    );
  });

  for (const padding of ['same', 'valid'] as const) {
    it(`apply x=[2,7,7,4] k=3 p=${padding}: equals conv2d + bias`, () => {
      const conv = new OrthoConv2d({ ...base, padding, mode: 'householder' });
      const x = tf.randomNormal([2, 7, 7, 4], 0, 1, 'float32', 3) as tf.Tensor4D;
      const w = conv.weights();
      const y = conv.apply(x, w);
      expect(y.shape).toEqual(padding === 'same' ? [2, 7, 7, 6] : [2, 5, 5, 6]);
      const expected = tf.add(tf.conv2d(x, w.kernel, 1, padding), w.bias);
      expect(tf.max(tf.abs(tf.sub(y, expected))).dataSync()[0]).toBeLessThan(1e-5);
      conv.dispose();
    });
  }
});
