import { describe, expect, it } from 'vitest';
import { chartsForKinds } from './char-rnn-charts';
import { SEGMENTATION_CHARTS } from './segmentation-charts';
import { STUDY_CHARTS } from './series';

describe('SEGMENTATION_CHARTS', () => {
  it('only SEGMENTATION runs: cross-entropy and mean IoU on both splits, pixel accuracy, orthoLoss, time', () => {
    const charts = chartsForKinds(['SEGMENTATION', undefined]);
    expect(charts).toBe(SEGMENTATION_CHARTS);
    expect(charts.map((c) => c.key)).toEqual([
      'TRAIN:crossEntropy', 'TRAIN:meanIoU', 'VALIDATION:crossEntropy', 'VALIDATION:meanIoU', 'VALIDATION:pixelAccuracy', 'TRAIN:orthoLoss', 'TRAIN:timePerIter',
    ]);
  });

  it('SEGMENTATION with CNN: the six study charts, then mean IoU ×2 and pixel accuracy, no key twice', () => {
    const keys = chartsForKinds(['SEGMENTATION', 'CNN']).map((c) => c.key);
    expect(keys.slice(0, 6)).toEqual(STUDY_CHARTS.map((c) => c.key));
    expect(keys.slice(6)).toEqual(['TRAIN:meanIoU', 'VALIDATION:meanIoU', 'VALIDATION:pixelAccuracy']);
  });
});
