import { describe, expect, it } from 'vitest';
import { appendPoints } from './append-points';
import type { SeriesPoint } from './series';

const pt = (iteration: number, value = iteration / 10): SeriesPoint => ({ iteration, value, min: value, max: value, time: 1000 + iteration });

describe('appendPoints', () => {
  it('new points after the last: appended in order, input untouched', () => {
    const existing = [pt(1), pt(2)];
    const out = appendPoints(existing, [pt(3), pt(4)]);
    expect(out.map((p) => p.iteration)).toEqual([1, 2, 3, 4]);
    expect(existing).toHaveLength(2);
  });
  it('a re-sent iteration replaces the old point instead of duplicating it', () => {
    const out = appendPoints([pt(1), pt(2, 0.5)], [pt(2, 0.9), pt(3)]);
    expect(out.map((p) => [p.iteration, p.value])).toEqual([[1, 0.1], [2, 0.9], [3, 0.3]]);
  });
  it('out-of-order batch is inserted sorted', () => {
    const out = appendPoints([pt(1), pt(5)], [pt(7), pt(3)]);
    expect(out.map((p) => p.iteration)).toEqual([1, 3, 5, 7]);
  });
  it('duplicates inside one batch: the later one wins', () => {
    const out = appendPoints([], [pt(1, 0.1), pt(1, 0.2)]);
    expect(out.map((p) => p.value)).toEqual([0.2]);
  });
  it('empty batch returns the same array (no re-render work)', () => {
    const existing = [pt(1)];
    expect(appendPoints(existing, [])).toBe(existing);
  });
});
