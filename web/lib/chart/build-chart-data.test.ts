import { describe, expect, it } from 'vitest';
import { buildChartData } from './build-chart-data';
import type { SeriesPoint } from './series';

const line = (values: number[], t0 = 0, dt = 500): SeriesPoint[] =>
  values.map((v, i) => ({ iteration: i + 1, value: v, min: v, max: v, time: t0 + i * dt }));

describe('buildChartData', () => {
  it('x = iteration by default, two runs aligned on their iterations', () => {
    const [x, a, b] = buildChartData([{ points: line([1, 2, 3]) }, { points: line([4, 5]) }]);
    expect(x).toEqual([1, 2, 3]);
    expect(a).toEqual([1, 2, 3]);
    expect(b).toEqual([4, 5, null]);
  });
  it('x = time: seconds since each run\'s origin, so runs started hours apart overlay', () => {
    const [x, a, b] = buildChartData(
      [{ points: line([1, 2], 1_000_000, 1000) }, { points: line([7, 8], 9_000_000, 1000), originMs: 9_000_000 }],
      { xAxis: 'time' },
    );
    expect(x).toEqual([0, 1]);
    expect(a).toEqual([1, 2]);
    expect(b).toEqual([7, 8]);
  });
  it('log scale turns 0 and negatives into gaps; NaN becomes a gap too', () => {
    const [, y] = buildChartData([{ points: line([0, -1, 2, Number.NaN]) }], { logScale: true });
    expect(y).toEqual([null, null, 2, null]);
  });
  it('smoothing 0.5 changes the second value to the debiased EMA', () => {
    const [, y] = buildChartData([{ points: line([0, 4]) }], { smoothing: 0.5 });
    expect(y[1]).toBeCloseTo(2 / 0.75, 12);
  });
  it('a 20,000-point line is bucketed to maxPointsPerLine', () => {
    const big = line(Array.from({ length: 20_000 }, (_, i) => Math.sin(i)));
    const [x] = buildChartData([{ points: big }], { maxPointsPerLine: 1000 });
    expect(x.length).toBe(1000);
    expect(x[x.length - 1]).toBe(20_000);
  });
  it('bands: min and max columns after the means; single measurements give no band', () => {
    const bucketed: SeriesPoint[] = [
      { iteration: 10, value: 2, min: 1, max: 9, time: 0 },
      { iteration: 20, value: 2, min: 2, max: 2, time: 1 },
    ];
    const out = buildChartData([{ points: bucketed }, { points: line([5, 6]) }], { bands: true });
    expect(out).toHaveLength(1 + 2 + 4);
    const [x, m1, m2, lo1, hi1, lo2, hi2] = out;
    expect(x).toEqual([1, 2, 10, 20]);
    expect(m1).toEqual([null, null, 2, 2]);
    expect(m2).toEqual([5, 6, null, null]);
    expect([lo1, hi1]).toEqual([[null, null, 1, 2], [null, null, 9, 2]]);
    expect([lo2, hi2]).toEqual([[null, null, null, null], [null, null, null, null]]);
  });
  it('x = time with a clock step backwards: points sorted by time, values follow', () => {
    const pts: SeriesPoint[] = [
      { iteration: 1, value: 1, min: 1, max: 1, time: 2000 },
      { iteration: 2, value: 2, min: 2, max: 2, time: 1000 },
    ];
    expect(buildChartData([{ points: pts, originMs: 0 }], { xAxis: 'time' })).toEqual([[1, 2], [2, 1]]);
  });
});
