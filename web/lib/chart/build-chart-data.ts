import { alignSeries } from './align-series';
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
 * benchmarked without a browser.
 */
export function buildChartData(lines: readonly ChartLine[], options: ChartViewOptions = {}) {
  const { xAxis = 'iteration', smoothing = 0, logScale = false, maxPointsPerLine = 4000 } = options;
  const prepared = lines.map(({ points, originMs }) => {
    const pts = points.length > maxPointsPerLine ? downsampleBuckets(points, maxPointsPerLine) : points;
    const origin = originMs ?? (pts.length ? pts[0].time : 0);
    const x = new Array<number>(pts.length);
    const raw = new Array<number | null>(pts.length);
    for (let i = 0; i < pts.length; i++) {
      x[i] = xAxis === 'time' ? (pts[i].time - origin) / 1000 : pts[i].iteration;
      raw[i] = pts[i].value;
    }
    let y = smoothing > 0 ? smoothEma(raw, smoothing) : raw;
    if (logScale) y = y.map((v) => (v !== null && v > 0 ? v : null));
    // NaN/±∞ cannot be drawn; a diverged run shows as a line that stops (the alert says why).
    y = y.map((v) => (v !== null && Number.isFinite(v) ? v : null));
    return { x: sortedIfNeeded(x, y) ?? x, y };
  });
  return alignSeries(prepared);
}

/** Wall time is monotonic per run in practice; if not (clock step), keep the order stable anyway. */
function sortedIfNeeded(x: number[], y: (number | null)[]): number[] | null {
  for (let i = 1; i < x.length; i++) {
    if (x[i] < x[i - 1]) {
      const order = x.map((_, k) => k).sort((a, b) => x[a] - x[b]);
      const ys = order.map((k) => y[k]);
      ys.forEach((v, k) => (y[k] = v));
      return order.map((k) => x[k]);
    }
  }
  return null;
}
