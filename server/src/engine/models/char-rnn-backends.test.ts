import * as tf from '@tensorflow/tfjs';
import type { RecurrentCell } from '@orthoscope/shared';
import { describe, expect, it } from 'vitest';
import { randomValues, wasmVsCpu } from '../kernels/kernel-test-utils';
import { orthonormalityLoss } from '../layers/orthonormality-loss';
import { createCharRnn, disposeCharRnn, meanCrossEntropy, runCharRnn, zeroCharRnnState } from './char-rnn';

const VOCABULARY = 11;

describe('char-RNN on wasm vs cpu', () => {
  for (const cell of ['lstm', 'gru', 'rnn'] as RecurrentCell[]) {
    it(`${cell} 2×24, batch 5, steps 4: loss and the gradient of every variable (cross-entropy + 1e-2·orthonormality) agree`, async () => {
      const ids = Int32Array.from(randomValues(20, 31), (v) => 1 + Math.floor((v + 1) * 5));
      const targets = Int32Array.from(randomValues(20, 32), (v) => 1 + Math.floor((v + 1) * 5));
      const frequencies = new Float32Array(VOCABULARY).fill(1 / VOCABULARY);
      const error = await wasmVsCpu(() => {
        // Same seed on each backend: the seeded initialisers give identical weights.
        const model = createCharRnn({ vocabularySize: VOCABULARY, embeddingSize: 6, hiddenSize: 24, layers: 2, cell }, frequencies, 7);
        const { value, grads } = tf.variableGrads(() => {
          const out = runCharRnn(model, tf.tensor1d(ids, 'int32'), 4, zeroCharRnnState(model, 5));
          const ce = meanCrossEntropy(out.logits, tf.tensor1d(targets, 'int32'));
          return tf.add(ce, tf.mul(orthonormalityLoss(model.recurrentKernels), 1e-2)) as tf.Scalar;
        }, model.trainable);
        const results = [value, ...model.trainable.map((v) => grads[v.name])];
        const kept = results.map((t) => tf.keep(t.clone()));
        disposeCharRnn(model);
        return kept;
      });
      expect(error).toBeLessThan(2e-5);
    });
  }
});
