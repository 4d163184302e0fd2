import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { cutStreams } from '../data/text-batches';
import { buildVocabulary, charFrequencies, encodeText } from '../data/text-vocabulary';
import { createCharRnn, disposeCharRnn, runCharRnn, zeroCharRnnState } from '../models/char-rnn';
import { disposeState, toTimeMajor, trainCharRnnStep } from './train-char-rnn-step';

const TEXT = 'a stream of characters cut into streams, each carrying its state from step to step. '.repeat(4);

beforeAll(async () => {
  await initBackend('wasm');
});

describe('toTimeMajor', () => {
  it('[batch 2, steps 3] rows 0 1 2 / 10 11 12 → 0 10 1 11 2 12', () => {
    expect([...toTimeMajor(Int32Array.of(0, 1, 2, 10, 11, 12), 2, 3)]).toEqual([0, 10, 1, 11, 2, 12]);
  });
});

describe('trainCharRnnStep', () => {
  const vocabulary = buildVocabulary(TEXT);
  const ids = encodeText(vocabulary, TEXT);
  const streams = cutStreams(ids, 4, 6);
  const shape = { vocabularySize: vocabulary.chars.length, embeddingSize: 8, hiddenSize: 12, layers: 2, cell: 'lstm' as const };

  it('returns the forward state of its batch (carried to the next step), and the step after uses it', () => {
    const model = createCharRnn(shape, charFrequencies(shape.vocabularySize, ids), 1);
    const optimizer = tf.train.adam(1e-3);
    const batch = streams.batchAt(0);
    const expected = tf.tidy(() => runCharRnn(model, tf.tensor1d(toTimeMajor(batch.inputs, 4, 6), 'int32'), 6, zeroCharRnnState(model, 4)).state.map((l) => l.map((t) => t.arraySync())));
    const zero = zeroCharRnnState(model, 4);
    const step = trainCharRnnStep(model, optimizer, batch, 4, 6, zero, 0);
    expect(step.state.map((l) => l.map((t) => t.arraySync()))).toEqual(expected);
    expect(Math.max(...step.state[1][0].dataSync().map(Math.abs))).toBeGreaterThan(1e-3);
    disposeState(zero);
    disposeState(step.state);
    optimizer.dispose();
    disposeCharRnn(model);
  });

  it('orthoWeight 0: loss measured, weighted 0, total = cross-entropy; 1e-2: total = ce + 1e-2·ortho', () => {
    const model = createCharRnn(shape, charFrequencies(shape.vocabularySize, ids), 2);
    const optimizer = tf.train.adam(1e-3);
    const zero = zeroCharRnnState(model, 4);
    const a = trainCharRnnStep(model, optimizer, streams.batchAt(0), 4, 6, zero, 0);
    expect(a.losses.orthonormalityLoss).toBeGreaterThan(1);
    expect(a.losses.weightedOrthonormalityLoss).toBe(0);
    expect(a.losses.totalLoss).toBe(a.losses.crossEntropy);
    const b = trainCharRnnStep(model, optimizer, streams.batchAt(1), 4, 6, a.state, 1e-2);
    expect(b.losses.weightedOrthonormalityLoss).toBeCloseTo(1e-2 * b.losses.orthonormalityLoss, 6);
    expect(b.losses.totalLoss).toBeCloseTo(b.losses.crossEntropy + b.losses.weightedOrthonormalityLoss, 5);
    [zero, a.state, b.state].forEach(disposeState);
    optimizer.dispose();
    disposeCharRnn(model);
  });

  it('a large orthoWeight (1) pulls the recurrent kernels towards orthonormal blocks within 30 steps', () => {
    const model = createCharRnn(shape, charFrequencies(shape.vocabularySize, ids), 3);
    const optimizer = tf.train.adam(1e-2);
    let state = zeroCharRnnState(model, 4);
    const losses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const step = trainCharRnnStep(model, optimizer, streams.batchAt(i % streams.stepsPerEpoch), 4, 6, state, 1);
      disposeState(state);
      state = step.state;
      losses.push(step.losses.orthonormalityLoss);
    }
    expect(losses[29]).toBeLessThan(losses[0] / 4);
    disposeState(state);
    optimizer.dispose();
    disposeCharRnn(model);
  });

  it('tensor count stays flat from step to step', () => {
    const model = createCharRnn(shape, charFrequencies(shape.vocabularySize, ids), 4);
    const optimizer = tf.train.adam(1e-3);
    let state = zeroCharRnnState(model, 4);
    const counts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const step = trainCharRnnStep(model, optimizer, streams.batchAt(i % streams.stepsPerEpoch), 4, 6, state, i % 2 ? 1e-3 : 0);
      disposeState(state);
      state = step.state;
      counts.push(tf.memory().numTensors);
    }
    // Adam creates its moments on the first step; from then on nothing accumulates.
    expect(new Set(counts.slice(1)).size).toBe(1);
    disposeState(state);
    optimizer.dispose();
    disposeCharRnn(model);
  });
});
