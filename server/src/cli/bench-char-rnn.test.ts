import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../engine/backend';
import { charRnnBenchCase } from './bench-char-rnn';

beforeAll(async () => {
  await initBackend('wasm');
});

describe('charRnnBenchCase', () => {
  it('lstm 2×16 batch 4: named char-lstm, steps run, tensors flat from the second step, dispose frees all', async () => {
    const before = tf.memory().numTensors;
    const bench = charRnnBenchCase(4, { hiddenSize: 16, embeddingSize: 8 });
    expect(bench.name).toBe('char-lstm');
    await bench.step();
    const afterFirst = tf.memory().numTensors;
    await bench.step();
    await bench.step();
    expect(tf.memory().numTensors).toBe(afterFirst);
    bench.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
