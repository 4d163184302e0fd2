import { describe, expect, it } from 'vitest';
import { alignSeries } from './align-series';

describe('alignSeries', () => {
  it('two lines with different x: union of x, null where a line has no point', () => {
    const out = alignSeries([
      { x: [1, 3, 5], y: [10, 30, 50] },
      { x: [2, 3, 6], y: [0.2, 0.3, 0.6] },
    ]);
    expect(out).toEqual([
      [1, 2, 3, 5, 6],
      [10, null, 30, 50, null],
      [null, 0.2, 0.3, null, 0.6],
    ]);
  });
  it('an empty line yields an all-null column', () => {
    expect(alignSeries([{ x: [1, 2], y: [1, 2] }, { x: [], y: [] }])).toEqual([[1, 2], [1, 2], [null, null]]);
  });
  it('no lines: just an empty x', () => {
    expect(alignSeries([])).toEqual([[]]);
  });
});
