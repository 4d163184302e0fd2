import * as tf from '@tensorflow/tfjs';
import type { ConvMode } from '@orthoscope/shared';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { CifarCnn } from './cifar-cnn';

/** Loss terms and every variable's gradient of one batch, on the active backend. */
function lossAndGrads(mode: ConvMode, activation: 'relu' | 'selu') {
  const model = new CifarCnn({ numClasses: 10, mode, activation, seed: 3 });
  const x = tf.randomUniform([1, 32, 32, 3], 0, 1, 'float32', 4) as tf.Tensor4D;
  const y = tf.tensor1d([7], 'int32');
  const named = model.namedVariables();
  let terms: number[] = [];
  const { grads } = tf.variableGrads(() => {
    const t = model.loss(x, y, mode === 'penalty' ? 0.5 : 0);
    terms = [t.crossEntropy, t.orthoLoss, t.totalLoss].map((s) => s.dataSync()[0]);
    return t.totalLoss;
  }, named.map(([, v]) => v));
  const out = named.map(([name, v]) => [name, Array.from(grads[v.name].dataSync())] as const);
  tf.dispose([x, y, ...Object.values(grads)]);
  model.dispose();
  return { terms, grads: out };
}

function relativeError(a: readonly number[], b: readonly number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i] - b[i]) ** 2;
    den += b[i] ** 2;
  }
  return Math.sqrt(num / Math.max(den, 1e-30));
}

describe('CifarCnn on wasm vs cpu', () => {
  // The cpu backend's conv gradients are slow: one image, and baseline is covered by penalty's path.
  const cases: [ConvMode, 'relu' | 'selu'][] = [['penalty', 'selu'], ['householder', 'relu']];
  for (const [mode, activation] of cases) {
    it(`${mode} ${activation}, batch 1: loss terms and every variable's gradient agree (relative 1e-4)`, async () => {
      await initBackend('cpu');
      const cpu = lossAndGrads(mode, activation);
      await initBackend('wasm');
      const wasm = lossAndGrads(mode, activation);
      for (let i = 0; i < 3; i++) expect(wasm.terms[i]).toBeCloseTo(cpu.terms[i], 4);
      for (let i = 0; i < cpu.grads.length; i++) {
        const [name, g] = cpu.grads[i];
        expect(wasm.grads[i][0]).toBe(name);
        expect(relativeError(wasm.grads[i][1], g), name).toBeLessThan(1e-4);
      }
    });
  }
});
