import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { pixelCrossEntropy, pixelTargets } from './segmentation-loss';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('pixelTargets', () => {
  it('labels [1, 9, 0] with ignore 9: one-hot rows, the ignored row all zero, 2 counted', () => {
    const { targets, counted } = pixelTargets(Int32Array.from([1, 9, 0]), 2, 9);
    expect(counted).toBe(2);
    expect([...targets.dataSync()]).toEqual([0, 1, 0, 0, 1, 0]);
  });
  it('every pixel ignored: counted 1 (loss 0, not NaN)', () => {
    expect(pixelTargets(Int32Array.from([9, 9]), 2, 9).counted).toBe(1);
  });
});

describe('pixelCrossEntropy', () => {
  it('2 classes, 3 pixels, pixel 2 ignored: mean of −log softmax over pixels 1 and 3 only', () => {
    // logits per pixel: [0, 0] → p = ½; [5, −5] (ignored); [ln 3, 0] → p(class 0) = 3/4.
    const logits = tf.tensor4d([0, 0, 5, -5, Math.log(3), 0], [1, 1, 3, 2]);
    const loss = pixelCrossEntropy(logits, pixelTargets(Int32Array.from([1, 255, 0]), 2, 255)).dataSync()[0];
    expect(loss).toBeCloseTo((Math.log(2) + Math.log(4 / 3)) / 2, 6);
  });
  it('no ignore label: all 3 pixels count', () => {
    const logits = tf.tensor4d([0, 0, 0, 0, 0, 0], [1, 1, 3, 2]);
    expect(pixelCrossEntropy(logits, pixelTargets(Int32Array.from([1, 0, 1]), 2, null)).dataSync()[0]).toBeCloseTo(Math.log(2), 6);
  });
});
