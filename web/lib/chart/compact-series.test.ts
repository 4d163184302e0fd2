import { describe, expect, it } from 'vitest';
import { compactSeries } from './compact-series';
import type { SeriesPoint } from './series';

const series = (n: number): SeriesPoint[] =>
  Array.from({ length: n }, (_, i) => ({ iteration: i + 1, value: i === 100 ? 50 : 1, min: i === 100 ? 50 : 1, max: i === 100 ? 50 : 1, time: i }));

describe('compactSeries', () => {
  it('at or under maxPoints: the same array, untouched', () => {
    const s = series(900);
    expect(compactSeries(s)).toBe(s);
  });
  it('20,000 points → 600 buckets + the newest 200 exact points, still sorted', () => {
    const s = series(20_000);
    const out = compactSeries(s);
    expect(out).toHaveLength(800);
    expect(out.slice(600)).toEqual(s.slice(19_800));
    for (let i = 1; i < out.length; i++) expect(out[i].iteration).toBeGreaterThan(out[i - 1].iteration);
  });
  it('a one-point spike in the old part survives as a bucket max', () => {
    expect(Math.max(...compactSeries(series(20_000)).map((p) => p.max))).toBe(50);
  });
  it('custom limits: 100 points, max 50, tail 10, 20 buckets → 30', () => {
    expect(compactSeries(series(100), { maxPoints: 50, keepTail: 10, buckets: 20 })).toHaveLength(30);
  });
});
