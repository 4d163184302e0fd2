import type { ApiMetricSeries } from '@orthoscope/shared';
import { describe, expect, it } from 'vitest';
import { bucketToPoint, liveMetricsReducer } from './live-metrics-state';

const series = (name: string, iterations: number[], value = 1): ApiMetricSeries => ({
  name,
  split: 'TRAIN',
  points: iterations.map((iteration) => ({ iteration, value, min: value - 0.5, max: value + 0.5, time: iteration * 100, count: 10, nonFinite: 0 })),
});
const live = (iteration: number, value: number | null = 2) => ({ name: 'accuracy', split: 'TRAIN' as const, iteration, value, time: iteration * 100 });

describe('bucketToPoint', () => {
  it('keeps mean, min, max and time of the bucket', () => {
    expect(bucketToPoint(series('accuracy', [10]).points[0])).toEqual({ iteration: 10, value: 1, min: 0.5, max: 1.5, time: 1000 });
  });
  it('an all-NaN bucket (value null) becomes NaN so the chart shows a gap', () => {
    const p = bucketToPoint({ iteration: 3, value: null, min: null, max: null, time: 5, count: 2, nonFinite: 2 });
    expect(p.value).toBeNaN();
  });
});

describe('liveMetricsReducer', () => {
  it('loaded history then live points: appended after the last bucket', () => {
    let s = liveMetricsReducer({}, { type: 'loaded', runId: 'r1', series: [series('accuracy', [10, 20])] });
    s = liveMetricsReducer(s, { type: 'live', runId: 'r1', points: [live(21), live(22)] });
    expect(s.r1['TRAIN:accuracy'].map((p) => p.iteration)).toEqual([10, 20, 21, 22]);
  });
  it('live points that arrived before the history survive its arrival; older ones are superseded', () => {
    let s = liveMetricsReducer({}, { type: 'live', runId: 'r1', points: [live(15), live(25)] });
    s = liveMetricsReducer(s, { type: 'loaded', runId: 'r1', series: [series('accuracy', [10, 20])] });
    expect(s.r1['TRAIN:accuracy'].map((p) => p.iteration)).toEqual([10, 20, 25]);
  });
  it('a null value on the wire (NaN loss) is kept as NaN', () => {
    const s = liveMetricsReducer({}, { type: 'live', runId: 'r1', points: [live(1, null)] });
    expect(s.r1['TRAIN:accuracy'][0].value).toBeNaN();
  });
  it('refined window replaces the buckets inside it only', () => {
    let s = liveMetricsReducer({}, { type: 'loaded', runId: 'r1', series: [series('accuracy', [0, 100, 200, 300])] });
    s = liveMetricsReducer(s, { type: 'refined', runId: 'r1', series: [series('accuracy', [100, 150, 200], 5)], from: 100, to: 200 });
    expect(s.r1['TRAIN:accuracy'].map((p) => [p.iteration, p.value])).toEqual([[0, 1], [100, 5], [150, 5], [200, 5], [300, 1]]);
  });
  it('keep drops unwatched runs and returns the same state when nothing changes', () => {
    const s = liveMetricsReducer({}, { type: 'live', runId: 'r1', points: [live(1)] });
    const s2 = liveMetricsReducer(s, { type: 'live', runId: 'r2', points: [live(1)] });
    expect(Object.keys(liveMetricsReducer(s2, { type: 'keep', runIds: ['r2'] }))).toEqual(['r2']);
    expect(liveMetricsReducer(s2, { type: 'keep', runIds: ['r1', 'r2'] })).toBe(s2);
  });
});

describe('liveMetricsReducer bounds', () => {
  it('a 20,000-point history is kept as 600 buckets + 200 exact newest points', () => {
    const s = liveMetricsReducer({}, { type: 'loaded', runId: 'r', series: [series('accuracy', Array.from({ length: 20_000 }, (_, i) => i + 1))] });
    expect(s.r['TRAIN:accuracy']).toHaveLength(800);
    expect(s.r['TRAIN:accuracy'][799].iteration).toBe(20_000);
  });
});
