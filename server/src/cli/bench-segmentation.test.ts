import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../engine/backend';
import { segmentationBenchCase } from './bench-segmentation';

beforeAll(async () => {
  await initBackend('wasm');
});

describe('segmentationBenchCase', () => {
  it('householder, 32 px, batch 2, base 4: named segmentation-householder, steps run, tensors flat from the second step, dispose frees all', async () => {
    const before = tf.memory().numTensors;
    const bench = segmentationBenchCase('householder', { imageSize: 32, batchSize: 2, baseChannels: 4 });
    expect(bench.name).toBe('segmentation-householder');
    await bench.step();
    const afterFirst = tf.memory().numTensors;
    await bench.step();
    await bench.step();
    expect(tf.memory().numTensors).toBe(afterFirst);
    bench.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
