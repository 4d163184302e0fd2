import { alignSeries, type XYSeries } from './align-series';
import { downsampleBuckets } from './merge-buckets';
import type { SeriesPoint } from './series';
import { smoothEma } from './smooth';

/** How a chart shows its lines. */
export interface ChartViewOptions {
  /** x axis: training iteration, or wall-clock seconds since the run's start. Default 'iteration'. */
  xAxis?: 'iteration' | 'time';
  /** EMA weight in [0, 1); default 0 (raw). */
  smoothing?: number;
  /** Log-scale y: non-positive values become gaps. Default false. */
  logScale?: boolean;
  /** Lines longer than this are bucketed first (live series are already bounded by compactSeries;
   *  zoom-refined ones may exceed it a little). Default 4000. */
  maxPointsPerLine?: number;
}

/** One run's series for one chart, with the wall-clock origin for the time axis (ms). */
export interface ChartLine {
  points: readonly SeriesPoint[];
  originMs?: number;
}

/**
 * Turns every run's series for one chart into uPlot's aligned data: bucketed to what a chart can
 * show, x chosen, smoothed, log-safe, then aligned on a shared x. Pure, so it is unit-tested and
 * benchmarked without a browser. Layout: [x, mean₁…meanₙ] and, with `bands`, then
 * [min₁, max₁, …, minₙ, maxₙ] — the buckets' extremes, so a spike inside a bucket stays visible
 * (all null for a line whose points are single measurements).
 */
export function buildChartData(lines: readonly ChartLine[], options: ChartViewOptions & { bands?: boolean } = {}) {
  const { xAxis = 'iteration', smoothing = 0, logScale = false, maxPointsPerLine = 4000, bands = false } = options;
  // NaN/±∞ cannot be drawn; a diverged run shows as a line that stops (the alert says why).
  const clean = (v: number | null) => (v !== null && Number.isFinite(v) && (!logScale || v > 0) ? v : null);
  const means: XYSeries[] = [];
  const extremes: XYSeries[] = [];
  for (const { points, originMs } of lines) {
    let pts = points.length > maxPointsPerLine ? downsampleBuckets(points, maxPointsPerLine) : points;
    // Wall time is monotonic per run in practice; after a clock step, keep x sorted anyway.
    if (xAxis === 'time' && !sortedByTime(pts)) pts = [...pts].sort((a, b) => a.time - b.time);
    const origin = originMs ?? (pts.length ? pts[0].time : 0);
    const n = pts.length;
    const x = new Array<number>(n);
    const raw = new Array<number | null>(n);
    for (let i = 0; i < n; i++) {
      x[i] = xAxis === 'time' ? (pts[i].time - origin) / 1000 : pts[i].iteration;
      raw[i] = pts[i].value;
    }
    const y = smoothing > 0 ? smoothEma(raw, smoothing) : raw;
    means.push({ x, y: y.map(clean) });
    if (bands) {
      const spread = pts.some((p) => p.max > p.min);
      extremes.push(
        { x, y: spread ? pts.map((p) => clean(p.min)) : new Array(n).fill(null) },
        { x, y: spread ? pts.map((p) => clean(p.max)) : new Array(n).fill(null) },
      );
    }
  }
  return alignSeries([...means, ...extremes]);
}

function sortedByTime(points: readonly SeriesPoint[]): boolean {
  for (let i = 1; i < points.length; i++) if (points[i].time < points[i - 1].time) return false;
  return true;
}
