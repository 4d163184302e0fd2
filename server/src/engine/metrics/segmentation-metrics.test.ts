import { describe, expect, it } from 'vitest';
import { classIoU, confusionMatrix, emptyConfusion, meanIoU, pixelAccuracy } from './segmentation-metrics';

describe('confusionMatrix', () => {
  it('2 classes: counts rows = true, columns = predicted', () => {
    const cm = confusionMatrix([0, 0, 1, 1], [0, 1, 1, 1], 2);
    expect([...cm.counts]).toEqual([1, 1, 0, 2]);
  });
  it('ignore label 255: those pixels are not counted', () => {
    const cm = confusionMatrix([0, 255, 1, 255], [0, 1, 0, 1], 2, { ignoreLabel: 255 });
    expect([...cm.counts]).toEqual([1, 0, 1, 0]);
  });
  it('accumulates over two batches into the same matrix', () => {
    const cm = emptyConfusion(2);
    confusionMatrix([0, 1], [0, 0], 2, {}, cm);
    confusionMatrix([1, 1], [1, 0], 2, {}, cm);
    expect([...cm.counts]).toEqual([1, 0, 2, 1]);
  });
  it('label 5 with 3 classes and no ignore label: throws naming the value', () => {
    expect(() => confusionMatrix([0, 5], [0, 0], 3)).toThrow(/label 5 at pixel 1/);
  });
  it('lengths differ: throws', () => {
    expect(() => confusionMatrix([0, 1], [0], 2)).toThrow(/2 labels but 1 predictions/);
  });
});

describe('pixelAccuracy', () => {
  it('3 of 4 pixels right: 0.75', () => {
    expect(pixelAccuracy(confusionMatrix([0, 0, 1, 1], [0, 1, 1, 1], 2))).toBe(0.75);
  });
  it('ignore label: 1 right of 2 counted pixels (2 ignored) = 0.5', () => {
    expect(pixelAccuracy(confusionMatrix([0, 255, 1, 255], [0, 1, 0, 1], 2, { ignoreLabel: 255 }))).toBe(0.5);
  });
  it('every pixel ignored: NaN', () => {
    expect(pixelAccuracy(confusionMatrix([7, 7], [0, 1], 2, { ignoreLabel: 7 }))).toBeNaN();
  });
});

describe('classIoU', () => {
  it('2 classes: IoU0 = 1/2, IoU1 = 2/3', () => {
    const iou = classIoU(confusionMatrix([0, 0, 1, 1], [0, 1, 1, 1], 2));
    expect(iou[0]).toBeCloseTo(1 / 2, 12);
    expect(iou[1]).toBeCloseTo(2 / 3, 12);
  });
  it('class 2 neither present nor predicted: NaN for it', () => {
    expect(classIoU(confusionMatrix([0, 0, 1, 1], [0, 0, 1, 0], 3))[2]).toBeNaN();
  });
});

describe('meanIoU', () => {
  it('2 classes: (1/2 + 2/3) / 2 = 7/12', () => {
    expect(meanIoU(confusionMatrix([0, 0, 1, 1], [0, 1, 1, 1], 2))).toBeCloseTo(7 / 12, 12);
  });
  it('class 2 absent from the batch and not predicted: mean over classes 0 and 1 only = (2/3 + 1/2) / 2', () => {
    expect(meanIoU(confusionMatrix([0, 0, 1, 1], [0, 0, 1, 0], 3))).toBeCloseTo(7 / 12, 12);
  });
  it('class 2 absent from the labels but predicted once: it counts with IoU 0', () => {
    // IoU0 = 1/(1+0+1) = 1/2, class 1 empty (excluded), IoU2 = 0/1 = 0.
    expect(meanIoU(confusionMatrix([0, 0], [0, 2], 3))).toBeCloseTo(0.25, 12);
  });
  it('ignore label: IoU0 = 1/2 (one false positive), IoU1 = 0: mean 1/4', () => {
    expect(meanIoU(confusionMatrix([0, 255, 1, 255], [0, 1, 0, 1], 2, { ignoreLabel: 255 }))).toBeCloseTo(0.25, 12);
  });
  it('perfect prediction: 1', () => {
    expect(meanIoU(confusionMatrix([2, 0, 1, 2], [2, 0, 1, 2], 3))).toBe(1);
  });
});
