import { downsampleBuckets } from './merge-buckets';
import type { SeriesPoint } from './series';

/** When a live series is compacted, and into what. */
export interface CompactOptions {
  /** Compact once a series holds more than this many points. Default 900 (about two per pixel of a chart in the grid). */
  maxPoints?: number;
  /** The newest points kept exactly as measured. Default 200. */
  keepTail?: number;
  /** Buckets (mean, min, max) the older part is summarised into. Default 600. */
  buckets?: number;
}

/**
 * Keeps a live series bounded so every chart update stays cheap however long a run trains: past
 * `maxPoints`, everything but the newest `keepTail` points is re-bucketed (mean/min/max, so a spike
 * survives) into `buckets` buckets — the same summary the server's downsampling gives. Zooming in
 * asks the server for finer buckets again. Returns the input itself when nothing needs doing.
 */
export function compactSeries(points: SeriesPoint[], { maxPoints = 900, keepTail = 200, buckets = 600 }: CompactOptions = {}): SeriesPoint[] {
  if (points.length <= maxPoints) return points;
  const cut = points.length - keepTail;
  return downsampleBuckets(points.slice(0, cut), buckets).concat(points.slice(cut));
}
