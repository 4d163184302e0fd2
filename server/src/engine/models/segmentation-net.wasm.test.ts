import * as tf from '@tensorflow/tfjs';
import type { ConvMode } from '@orthoscope/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { createRng } from '../random';
import { pixelCrossEntropy, pixelTargets } from '../train/segmentation-loss';
import { SegmentationNet } from './segmentation-net';

// Every kernel the segmentation step uses (Conv2D and both its gradients, MaxPool + grad,
// ResizeNearestNeighbor + AvgPool for its gradient, Concat + its Slice gradient, LogSoftmax, the Householder ops, the
// orthoLoss) is checked at once: loss and every variable's gradient on wasm against the cpu backend.

beforeAll(async () => {
  await initBackend('wasm');
  await initBackend('cpu');
});

interface StepResult {
  loss: number;
  grads: Map<string, Float32Array>;
}

async function step(backend: 'cpu' | 'wasm', mode: ConvMode, size: number, ignoreLabel: number | null): Promise<StepResult> {
  await initBackend(backend);
  const net = new SegmentationNet({ inChannels: 1, numClasses: 3, baseChannels: 8, depth: 2, mode, activation: 'relu', householderScale: 'element', seed: 7 });
  const rng = createRng(3);
  const pixels = Float32Array.from({ length: 2 * size * size }, () => rng.next());
  const labels = Int32Array.from({ length: 2 * size * size }, () => (rng.next() < 0.1 && ignoreLabel !== null ? ignoreLabel : rng.int(3)));
  const x = tf.tensor4d(pixels, [2, size, size, 1]);
  const targets = pixelTargets(labels, 3, ignoreLabel);
  const named = net.namedVariables();
  const { value, grads } = tf.variableGrads(() => {
    const { logits, orthoLoss } = net.forward(x);
    return tf.add(pixelCrossEntropy(logits, targets), tf.mul(orthoLoss, 0.1)) as tf.Scalar;
  }, named.map(([, v]) => v));
  const result: StepResult = { loss: value.dataSync()[0], grads: new Map() };
  for (const [name, variable] of named) result.grads.set(name, grads[variable.name].dataSync() as Float32Array);
  tf.dispose([value, x, targets.targets, ...Object.values(grads)]);
  net.dispose();
  return result;
}

/** max |a − b| ÷ max |b| over one gradient (relative to its scale, as SPEC-sized grads vary a lot). */
function relativeError(a: Float32Array, b: Float32Array): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / Math.max(scale, 1e-12);
}

describe('SegmentationNet on wasm vs cpu', () => {
  for (const [mode, size, ignore] of [['baseline', 16, null], ['householder', 16, 255], ['penalty', 24, null]] as const) {
    it(`${mode}, 2×${size}×${size}×1, base 8, ignore ${ignore}: loss and all gradients agree (relative: max 1e-3, median 1e-5)`, async () => {
      const cpu = await step('cpu', mode, size, ignore);
      const wasm = await step('wasm', mode, size, ignore);
      expect(wasm.loss).toBeCloseTo(cpu.loss, 4);
      expect([...wasm.grads.keys()]).toEqual([...cpu.grads.keys()]);
      const errors = [...cpu.grads].map(([name, g]) => [name, relativeError(wasm.grads.get(name)!, g)] as const);
      // Float32 rounding can flip a ReLU gate whose input is ~1e-7 on one backend: that moves one
      // pixel's share of a filter gradient (seen: 1.2e-4 on one of 40 variables). A wrong kernel
      // shows up as O(1) errors, so: every variable within 1e-3, the median within 1e-5.
      for (const [name, err] of errors) expect(err, name).toBeLessThan(1e-3);
      const sorted = errors.map(([, err]) => err).sort((a, b) => a - b);
      expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(1e-5);
    });
  }
});
