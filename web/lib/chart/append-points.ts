import type { SeriesPoint } from './series';

/**
 * Appends live points to a series sorted by iteration, returning a new array.
 * Points at an iteration already present replace it (a re-sent point, or a live point landing on a
 * bucket), and points arriving out of order are inserted in place, so the result stays sorted.
 * The common case — every new point after the last — costs one copy.
 */
export function appendPoints(existing: readonly SeriesPoint[], incoming: readonly SeriesPoint[]): SeriesPoint[] {
  if (incoming.length === 0) return existing as SeriesPoint[];
  const sortedIncoming = isSorted(incoming) ? incoming : [...incoming].sort((a, b) => a.iteration - b.iteration);
  const last = existing.length ? existing[existing.length - 1].iteration : -Infinity;
  if (sortedIncoming[0].iteration > last && strictlyIncreasing(sortedIncoming)) {
    return existing.concat(sortedIncoming);
  }
  // Slow path: merge by iteration; on equal iterations the newer point wins.
  const out: SeriesPoint[] = [];
  let i = 0;
  let j = 0;
  while (i < existing.length || j < sortedIncoming.length) {
    const a = existing[i];
    const b = sortedIncoming[j];
    if (b === undefined || (a !== undefined && a.iteration < b.iteration)) {
      out.push(a);
      i++;
    } else if (a !== undefined && a.iteration === b.iteration) {
      i++;
    } else {
      if (out.length && out[out.length - 1].iteration === b.iteration) out[out.length - 1] = b;
      else out.push(b);
      j++;
    }
  }
  return out;
}

function isSorted(points: readonly SeriesPoint[]): boolean {
  for (let k = 1; k < points.length; k++) if (points[k].iteration < points[k - 1].iteration) return false;
  return true;
}

function strictlyIncreasing(points: readonly SeriesPoint[]): boolean {
  for (let k = 1; k < points.length; k++) if (points[k].iteration <= points[k - 1].iteration) return false;
  return true;
}
