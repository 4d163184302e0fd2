import type { SeriesPoint } from './series';

/**
 * Replaces the part of a coarse series that falls inside [from, to] (iterations, inclusive) by the
 * finer buckets the server returned for that window. Outside the window the coarse buckets stay, so
 * zooming in sharpens the visible part without losing the overview. Returns a new sorted array.
 */
export function mergeBuckets(
  coarse: readonly SeriesPoint[],
  fine: readonly SeriesPoint[],
  from: number,
  to: number,
): SeriesPoint[] {
  if (!(from <= to)) throw new RangeError(`mergeBuckets: from (${from}) must not exceed to (${to})`);
  const inside = fine.filter((p) => p.iteration >= from && p.iteration <= to);
  const before = coarse.filter((p) => p.iteration < from);
  const after = coarse.filter((p) => p.iteration > to);
  return before.concat([...inside].sort((a, b) => a.iteration - b.iteration), after);
}

/**
 * Summarises raw or bucketed points into at most `maxBuckets` buckets of equal iteration span, each
 * keeping the mean, the extreme min and max and the last time — the same contract as the server's
 * downsampling, used when live points accumulate past what a chart needs.
 */
export function downsampleBuckets(points: readonly SeriesPoint[], maxBuckets: number): SeriesPoint[] {
  if (!Number.isInteger(maxBuckets) || maxBuckets < 1) {
    throw new RangeError(`downsampleBuckets: maxBuckets must be a positive integer, got ${maxBuckets}`);
  }
  if (points.length <= maxBuckets) return points.slice();
  const first = points[0].iteration;
  const span = points[points.length - 1].iteration - first + 1;
  const width = span / maxBuckets;
  const out: SeriesPoint[] = [];
  let bucket = -1;
  let sum = 0;
  let n = 0;
  let cur: SeriesPoint | null = null;
  for (const p of points) {
    const b = Math.min(maxBuckets - 1, Math.floor((p.iteration - first) / width));
    if (b !== bucket) {
      if (cur) out.push({ ...cur, value: sum / n });
      bucket = b;
      sum = 0;
      n = 0;
      cur = { iteration: p.iteration, value: 0, min: p.min, max: p.max, time: p.time };
    }
    sum += p.value;
    n++;
    cur!.iteration = p.iteration;
    cur!.min = Math.min(cur!.min, p.min);
    cur!.max = Math.max(cur!.max, p.max);
    cur!.time = p.time;
  }
  if (cur) out.push({ ...cur, value: sum / n });
  return out;
}
