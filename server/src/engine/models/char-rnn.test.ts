import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { createCharRnn, disposeCharRnn, meanCrossEntropy, runCharRnn, zeroCharRnnState } from './char-rnn';

const SHAPE = { vocabularySize: 7, embeddingSize: 4, hiddenSize: 5, layers: 2, cell: 'lstm' as const };
const FREQUENCIES = Float32Array.of(0, 0.3, 0.2, 0.1, 0.1, 0.2, 0.1);

beforeAll(async () => {
  await initBackend('cpu');
});

describe('createCharRnn', () => {
  it('SPEC §4 variables: embedding table/scale/shift, per layer wx/wh/b, projection; frequencies not trainable', () => {
    const model = createCharRnn(SHAPE, FREQUENCIES, 1);
    expect([...model.variables.keys()]).toEqual([
      'embedding/table', 'embedding/scale', 'embedding/shift', 'embedding/frequencies',
      'rnn_0/wx', 'rnn_0/wh', 'rnn_0/b', 'rnn_1/wx', 'rnn_1/wh', 'rnn_1/b', 'projection/w', 'projection/b',
    ]);
    expect(model.variables.get('rnn_0/wx')!.shape).toEqual([4, 20]);
    expect(model.variables.get('rnn_1/wx')!.shape).toEqual([5, 20]);
    expect(model.trainable.map((v) => v.trainable)).not.toContain(false);
    expect(model.trainable.length).toBe(11);
    expect(model.recurrentKernels.map((k) => k.shape)).toEqual([[5, 20], [5, 20]]);
    disposeCharRnn(model);
  });

  it('two models with the same seed coexist with equal weights', () => {
    const a = createCharRnn(SHAPE, FREQUENCIES, 5);
    const b = createCharRnn(SHAPE, FREQUENCIES, 5);
    expect([...a.variables.get('rnn_1/wh')!.dataSync()]).toEqual([...b.variables.get('rnn_1/wh')!.dataSync()]);
    disposeCharRnn(a);
    disposeCharRnn(b);
  });

  it('frequencies of the wrong length: error', () => {
    expect(() => createCharRnn(SHAPE, new Float32Array(3), 1)).toThrow('3 frequencies for a vocabulary of 7');
  });
});

describe('zeroCharRnnState', () => {
  it('lstm 2 layers batch 3: two [h, c] pairs of [3, 5] zeros', () => {
    const model = createCharRnn(SHAPE, FREQUENCIES, 1);
    expect(zeroCharRnnState(model, 3).map((layer) => layer.map((t) => t.shape))).toEqual([[[3, 5], [3, 5]], [[3, 5], [3, 5]]]);
    disposeCharRnn(model);
  });
});

describe('runCharRnn', () => {
  it('carried state: 6 steps at once = 3 steps, then 3 more from the state they leave (corpus statistics)', () => {
    const model = createCharRnn(SHAPE, FREQUENCIES, 2);
    // batch 2, time-major: step t holds rows 2t, 2t+1
    const ids = tf.tensor1d([1, 2, 3, 4, 5, 6, 1, 1, 2, 2, 3, 3], 'int32');
    const whole = runCharRnn(model, ids, 6, zeroCharRnnState(model, 2), 'corpus');
    const first = runCharRnn(model, ids.slice(0, 6), 3, zeroCharRnnState(model, 2), 'corpus');
    const second = runCharRnn(model, ids.slice(6, 6), 3, first.state, 'corpus');
    const expected = [...first.logits.dataSync(), ...second.logits.dataSync()];
    [...whole.logits.dataSync()].forEach((v, i) => expect(v).toBeCloseTo(expected[i], 5));
    const zeroStart = runCharRnn(model, ids.slice(6, 6), 3, zeroCharRnnState(model, 2), 'corpus');
    expect(Math.abs(zeroStart.logits.dataSync()[0] - second.logits.dataSync()[0])).toBeGreaterThan(1e-6);
    disposeCharRnn(model);
  });

  it('batch normalisation over batch and time: scaling and shifting the whole embedding table leaves the logits unchanged', () => {
    const model = createCharRnn({ ...SHAPE, layers: 1 }, FREQUENCIES, 3);
    const table = model.variables.get('embedding/table')!;
    const ids = tf.tensor1d([1, 2, 3, 4, 5, 6, 1, 2], 'int32');
    const before = runCharRnn(model, ids, 4, zeroCharRnnState(model, 2), 'batch').logits.dataSync();
    table.assign(tf.add(tf.mul(table, 10), tf.tensor1d([3, -1, 0.5, 7])));
    const after = runCharRnn(model, ids, 4, zeroCharRnnState(model, 2), 'batch').logits.dataSync();
    // Equal up to the effect of ε = 1e-3 against a variance of ~0.2.
    before.forEach((v, i) => expect(after[i]).toBeCloseTo(v, 2));
    // The corpus statistics are a different normalisation of the same inputs: other logits.
    const corpus = runCharRnn(model, ids, 4, zeroCharRnnState(model, 2), 'corpus').logits.dataSync();
    expect(Math.max(...before.map((v, i) => Math.abs(v - corpus[i])))).toBeGreaterThan(1e-4);
    disposeCharRnn(model);
  });
});

describe('meanCrossEntropy', () => {
  it('uniform logits over 4 classes: ln 4; a confident right answer: ≈ 0', () => {
    expect(meanCrossEntropy(tf.zeros([3, 4]) as tf.Tensor2D, tf.tensor1d([0, 1, 3], 'int32')).dataSync()[0]).toBeCloseTo(Math.log(4), 6);
    expect(meanCrossEntropy(tf.tensor2d([[0, 30, 0]]), tf.tensor1d([1], 'int32')).dataSync()[0]).toBeCloseTo(0, 6);
  });
});
