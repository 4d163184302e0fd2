import type { ApiMetricPoint, ApiMetricSeries } from '@orthoscope/shared';
import { appendPoints } from './append-points';
import { compactSeries } from './compact-series';
import { mergeBuckets } from './merge-buckets';
import { seriesKey, toEpochMs, type SeriesPoint } from './series';

/** Every series of every watched run, keyed `SPLIT:name`. */
export type LiveMetricsState = Record<string, Record<string, SeriesPoint[]>>;

export type LiveMetricsAction =
  /** The downsampled history arrived: it replaces what was there, live points after it stay. */
  | { type: 'loaded'; runId: string; series: readonly ApiMetricSeries[] }
  /** Live points (from runMetrics batches), any runs. */
  | { type: 'live'; runId: string; points: readonly ApiMetricPoint[] }
  /** Finer buckets for a zoomed window [from, to] (iterations). */
  | { type: 'refined'; runId: string; series: readonly ApiMetricSeries[]; from: number; to: number }
  /** Forget runs that are no longer watched. */
  | { type: 'keep'; runIds: readonly string[] };

/** Server bucket → chart point; a bucket with only NaN/∞ values becomes a NaN point (a visible gap). */
export function bucketToPoint(b: ApiMetricSeries['points'][number]): SeriesPoint {
  const value = b.value ?? Number.NaN;
  return { iteration: b.iteration, value, min: b.min ?? value, max: b.max ?? value, time: toEpochMs(b.time) };
}

/**
 * Reducer that accumulates the live series of several runs: history from the downsampling query,
 * points from the subscription appended in order (series kept bounded by compactSeries), zoomed
 * windows refined in place.
 */
export function liveMetricsReducer(state: LiveMetricsState, action: LiveMetricsAction): LiveMetricsState {
  switch (action.type) {
    case 'loaded': {
      const previous = state[action.runId] ?? {};
      const next: Record<string, SeriesPoint[]> = { ...previous };
      for (const s of action.series) {
        const key = seriesKey(s.split, s.name);
        const history = s.points.map(bucketToPoint);
        const lastIteration = history.length ? history[history.length - 1].iteration : -Infinity;
        const liveTail = (previous[key] ?? []).filter((p) => p.iteration > lastIteration);
        next[key] = compactSeries(appendPoints(history, liveTail));
      }
      return { ...state, [action.runId]: next };
    }
    case 'live': {
      if (action.points.length === 0) return state;
      const byKey = new Map<string, SeriesPoint[]>();
      for (const p of action.points) {
        const key = seriesKey(p.split, p.name);
        const value = p.value ?? Number.NaN;
        const list = byKey.get(key) ?? [];
        list.push({ iteration: p.iteration, value, min: value, max: value, time: toEpochMs(p.time) });
        byKey.set(key, list);
      }
      const run = { ...(state[action.runId] ?? {}) };
      for (const [key, points] of byKey) run[key] = compactSeries(appendPoints(run[key] ?? [], points));
      return { ...state, [action.runId]: run };
    }
    case 'refined': {
      const run = { ...(state[action.runId] ?? {}) };
      for (const s of action.series) {
        const key = seriesKey(s.split, s.name);
        run[key] = mergeBuckets(run[key] ?? [], s.points.map(bucketToPoint), action.from, action.to);
      }
      return { ...state, [action.runId]: run };
    }
    case 'keep': {
      const keep = new Set(action.runIds);
      const entries = Object.entries(state).filter(([id]) => keep.has(id));
      return entries.length === Object.keys(state).length ? state : Object.fromEntries(entries);
    }
  }
}
