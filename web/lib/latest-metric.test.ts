import { describe, expect, it } from 'vitest';
import { latestMetricValue } from './latest-metric';

const point = (iteration: number, value: number) => ({ iteration, value, min: value, max: value, time: iteration * 100 });

describe('latestMetricValue', () => {
  it('run read at iteration 0 (no latestMetrics) but 3 live points: the live one at iteration 3', () =>
    expect(latestMetricValue([], { 'TRAIN:accuracy': [point(1, 0.1), point(2, 0.12), point(3, 0.19)] }, 'TRAIN', 'accuracy')).toBe(0.19));
  it('stored point at iteration 50 newer than the live series (page just opened): the stored one', () =>
    expect(latestMetricValue([{ split: 'TRAIN', name: 'accuracy', iteration: 50, value: 0.3 }], { 'TRAIN:accuracy': [point(20, 0.2)] }, 'TRAIN', 'accuracy')).toBe(0.3));
  it('the split matters: a TRAIN point is not the VALIDATION accuracy', () =>
    expect(latestMetricValue([{ split: 'TRAIN', name: 'accuracy', iteration: 5, value: 0.3 }], { 'TRAIN:accuracy': [point(6, 0.4)] }, 'VALIDATION', 'accuracy')).toBeUndefined());
  it('a stored NaN (null) stays null so it is shown as NaN', () =>
    expect(latestMetricValue([{ split: 'TRAIN', name: 'crossEntropy', iteration: 9, value: null }], undefined, 'TRAIN', 'crossEntropy')).toBeNull());
});
