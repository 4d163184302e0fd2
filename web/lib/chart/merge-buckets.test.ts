import { describe, expect, it } from 'vitest';
import { downsampleBuckets, mergeBuckets } from './merge-buckets';
import type { SeriesPoint } from './series';

const bucket = (iteration: number, value: number, min = value, max = value): SeriesPoint => ({ iteration, value, min, max, time: iteration * 10 });

describe('mergeBuckets', () => {
  it('coarse [0,100,200,300] + fine 100..200 step 25: window replaced, outside kept', () => {
    const coarse = [0, 100, 200, 300].map((i) => bucket(i, 1));
    const fine = [100, 125, 150, 175, 200].map((i) => bucket(i, 2));
    const out = mergeBuckets(coarse, fine, 100, 200);
    expect(out.map((p) => [p.iteration, p.value])).toEqual([
      [0, 1], [100, 2], [125, 2], [150, 2], [175, 2], [200, 2], [300, 1],
    ]);
  });
  it('fine points outside the window are ignored', () => {
    const out = mergeBuckets([bucket(0, 1), bucket(10, 1)], [bucket(5, 2), bucket(50, 9)], 3, 8);
    expect(out.map((p) => p.iteration)).toEqual([0, 5, 10]);
  });
  it('from > to is refused with both values in the message', () => {
    expect(() => mergeBuckets([], [], 9, 3)).toThrow('from (9) must not exceed to (3)');
  });
});

describe('downsampleBuckets', () => {
  const raw = Array.from({ length: 1000 }, (_, i) => bucket(i + 1, i === 500 ? 100 : 1));
  it('1000 points → 10 buckets: means, and the spike survives in max', () => {
    const out = downsampleBuckets(raw, 10);
    expect(out).toHaveLength(10);
    const spiky = out.find((b) => b.max === 100)!;
    expect(spiky.value).toBeCloseTo((99 + 100) / 100, 10);
    expect(out.filter((b) => b.max === 100)).toHaveLength(1);
    expect(out.every((b) => b.min === 1)).toBe(true);
  });
  it('buckets carry their last iteration and time, so a live tail appends after them', () => {
    const out = downsampleBuckets(raw, 10);
    expect(out[out.length - 1].iteration).toBe(1000);
    expect(out[out.length - 1].time).toBe(10000);
  });
  it('fewer points than buckets: a copy, unchanged', () => {
    expect(downsampleBuckets(raw.slice(0, 5), 10)).toEqual(raw.slice(0, 5));
  });
  it('maxBuckets 0 is refused naming the value', () => {
    expect(() => downsampleBuckets(raw, 0)).toThrow('got 0');
  });
});
