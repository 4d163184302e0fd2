import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cifarBatch } from './cifar-batch';
import type { CifarSplit } from './cifar-types';
import { loadCifar } from './cifar';
import { SHARED_DATA } from './cifar-fixtures.test-helper';

let train: CifarSplit;
beforeAll(async () => {
  await tf.setBackend('cpu');
  train = (await loadCifar(SHARED_DATA, 'cifar10')).train;
});

describe('cifarBatch', () => {
  it('indices [0, 3199, 1]: float32 NHWC [3,32,32,3], pixels = CHW bytes / 255, int32 labels', () => {
    const { x, y } = cifarBatch(train, [0, 3199, 1]);
    expect(x.shape).toEqual([3, 32, 32, 3]);
    expect(x.dtype).toBe('float32');
    expect(y.dtype).toBe('int32');
    expect(Array.from(y.dataSync())).toEqual([6, 9, 9]);
    const px = x.arraySync();
    // record 0, pixel (0,0): R G B = 59 62 63 (od on data_batch_1.bin)
    expect(px[0][0][0]).toEqual([59 / 255, 62 / 255, 63 / 255].map(Math.fround));
    // record 3199, row 17, column 5: plane offsets c*1024 + 17*32 + 5
    const base = 3199 * 3072 + 17 * 32 + 5;
    expect(px[1][17][5]).toEqual([0, 1, 2].map((c) => Math.fround(train.images[base + c * 1024] / 255)));
    const values = x.dataSync();
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThanOrEqual(1);
    tf.dispose([x, y]);
  });

  it('repeated batches of 32 leave no tensors behind once disposed', () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) {
      const { x, y } = cifarBatch(train, Array.from({ length: 32 }, (_, k) => (i * 32 + k) * 7));
      expect(x.shape[0]).toBe(32);
      tf.dispose([x, y]);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('index 3200 of a 3200-record split: RangeError naming the index', () => {
    expect(() => cifarBatch(train, [0, 3200])).toThrow(/index 3200 at position 1 is outside the split of 3200 records/);
    expect(() => cifarBatch(train, [-1])).toThrow(RangeError);
    expect(() => cifarBatch(train, [1.5])).toThrow(RangeError);
  });
});
