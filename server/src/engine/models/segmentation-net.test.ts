import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { layerOrthoLoss } from '../layers/ortho-loss';
import { SegConv2d } from './segmentation-conv';
import { SegmentationNet, type SegmentationNetOptions } from './segmentation-net';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const netOptions = (over: Partial<SegmentationNetOptions> = {}): SegmentationNetOptions => ({
  inChannels: 1, numClasses: 3, baseChannels: 8, depth: 2, mode: 'baseline', activation: 'relu', householderScale: 'element', seed: 99, ...over,
});

function maxGramError(m: tf.Tensor2D, rowWise: boolean): number {
  return tf.tidy(() => {
    const gram = rowWise ? tf.matMul(m, m, false, true) : tf.matMul(m, m, true, false);
    return tf.max(tf.abs(tf.sub(gram, tf.eye(gram.shape[0])))).dataSync()[0];
  });
}

function stacked(layer: SegConv2d): tf.Tensor2D {
  const { kernel, bias } = layer.weights();
  return tf.concat([tf.reshape(kernel, [-1, layer.cols]), tf.reshape(bias, [1, layer.cols])], 0) as tf.Tensor2D;
}

describe('SegConv2d', () => {
  it('householder 3×3, 1→16 (m′=10 < n=16): rows orthonormal, row-wise orthoLoss ≈ 0', () => {
    const layer = new SegConv2d({ name: 'c', kernelSize: 3, inChannels: 1, outChannels: 16, mode: 'householder', householderScale: 'none', seed: 1 });
    expect(layer.rowWise).toBe(true);
    expect(maxGramError(stacked(layer), true)).toBeLessThan(2e-6);
    expect(layerOrthoLoss(layer.orthoWeights()).dataSync()[0]).toBeLessThan(1e-9);
  });
  it('householder 3×3, 8→16 (m′=73 ≥ 16): columns orthonormal, orthoLoss ≈ 0', () => {
    const layer = new SegConv2d({ name: 'c', kernelSize: 3, inChannels: 8, outChannels: 16, mode: 'householder', householderScale: 'element', seed: 1 });
    expect(layer.rowWise).toBe(false);
    expect(maxGramError(stacked(layer), false)).toBeLessThan(2e-6);
    expect(layerOrthoLoss(layer.orthoWeights()).dataSync()[0]).toBeLessThan(1e-9);
  });
  it('householder 3×3, 1→16, element scale: names c/householder, c/kernelScale, c/biasScale', () => {
    const layer = new SegConv2d({ name: 'c', kernelSize: 3, inChannels: 1, outChannels: 16, mode: 'householder', householderScale: 'element', seed: 1 });
    expect(layer.namedVariables().map(([n]) => n)).toEqual(['c/householder', 'c/kernelScale', 'c/biasScale']);
  });
  it('baseline 3×3, 1→16: row-wise loss near its random expectation 10·9/16', () => {
    const layer = new SegConv2d({ name: 'c', kernelSize: 3, inChannels: 1, outChannels: 16, mode: 'baseline', householderScale: 'none', seed: 3 });
    const loss = layerOrthoLoss(layer.orthoWeights()).dataSync()[0];
    // E[cos²] between random vectors in R^16 is 1/16: 10·9 ordered pairs of rows → 5.6.
    expect(loss).toBeGreaterThan(2);
    expect(loss).toBeLessThan(12);
  });
  it('householder 3×3, 4→8, channel scale: Householder vector and one [Cout] scale', () => {
    const layer = new SegConv2d({ name: 'c', kernelSize: 3, inChannels: 4, outChannels: 8, mode: 'householder', householderScale: 'channel', seed: 1 });
    expect(layer.rowWise).toBe(false);
    expect(layer.namedVariables().map(([n, v]) => [n, v.shape])).toEqual([['c/householder', [37 * 8 - 28]], ['c/channelScale', [8]]]);
  });
});

describe('SegmentationNet', () => {
  it('depth 2, 1×32×32 input: logits [2, 32, 32, 3], 13 convs with unique variable names', () => {
    const net = new SegmentationNet(netOptions());
    expect(net.convs.length).toBe(13);
    const names = net.namedVariables().map(([n]) => n);
    expect(new Set(names).size).toBe(names.length);
    const { logits, orthoLoss } = net.forward(tf.randomUniform([2, 32, 32, 1]) as tf.Tensor4D);
    expect(logits.shape).toEqual([2, 32, 32, 3]);
    expect(orthoLoss.dataSync()[0]).toBeGreaterThan(1);
    net.dispose();
  });
  it('householder mode: orthoLoss ≈ 0 at initialisation', () => {
    const net = new SegmentationNet(netOptions({ mode: 'householder' }));
    const { orthoLoss } = net.forward(tf.randomUniform([1, 16, 16, 1]) as tf.Tensor4D);
    expect(orthoLoss.dataSync()[0]).toBeLessThan(1e-6);
    net.dispose();
  });
  it('baseline, base 16: orthoLoss at init is near Σ n(n−1)/m′ over the 12 convs', () => {
    const net = new SegmentationNet(netOptions({ baseChannels: 16, numClasses: 2 }));
    const { orthoLoss } = net.forward(tf.zeros([1, 8, 8, 1]) as tf.Tensor4D);
    const expected = net.convs.slice(0, -1).reduce((s, l) => {
      const [m, n] = l.rowWise ? [l.cols, l.rows] : [l.rows, l.cols];
      return s + (n * (n - 1)) / m;
    }, 0);
    const got = orthoLoss.dataSync()[0];
    expect(got / expected).toBeGreaterThan(0.8);
    expect(got / expected).toBeLessThan(1.2);
    net.dispose();
  });
  it('every variable receives a finite, non-zero gradient', () => {
    const net = new SegmentationNet(netOptions({ mode: 'householder' }));
    const x = tf.randomUniform([1, 16, 16, 1], 0, 1, 'float32', 5) as tf.Tensor4D;
    const { grads } = tf.variableGrads(() => {
      const { logits, orthoLoss } = net.forward(x);
      return tf.add(tf.mean(tf.square(logits)), orthoLoss) as tf.Scalar;
    }, net.variables());
    for (const g of Object.values(grads)) {
      const values = g.dataSync();
      expect(values.every(Number.isFinite)).toBe(true);
      expect(values.some((v) => v !== 0)).toBe(true);
    }
    net.dispose();
  });
});
