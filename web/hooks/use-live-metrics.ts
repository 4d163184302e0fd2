'use client';

import {
  RUN_METRICS_QUERY,
  RUN_METRICS_SUBSCRIPTION,
  type ApiMetricBatch,
  type ApiMetricPoint,
  type ApiMetricSeries,
} from '@orthoscope/shared';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useClient } from 'urql';
import { liveMetricsReducer } from '@/lib/chart/live-metrics-state';
import { useReconnects } from '@/lib/urql/provider';

/** Metric names the study's six charts and experiment #3's need (both splits). */
export const CHART_METRIC_NAMES = ['crossEntropy', 'accuracy', 'orthoLoss', 'timePerIter', 'orthonormalityLoss', 'bitsPerChar'];

/** Buckets asked for the overview of a run. */
const OVERVIEW_POINTS = 1000;
/** Live points are applied in batches at most this often (ms): well inside the 1 s budget. */
const FLUSH_MS = 150;

interface MetricsResult {
  run: { id: string; status: string; iteration: number; metrics: ApiMetricSeries[] } | null;
}

/**
 * History (downsampled on the server) plus live points of the given runs, accumulated by
 * liveMetricsReducer. `refine(from, to)` asks the server for finer buckets of a zoomed window.
 */
export function useLiveMetrics(runIds: readonly string[]) {
  const client = useClient();
  const [state, dispatch] = useReducer(liveMetricsReducer, {});
  const [error, setError] = useState<string | null>(null);
  const key = runIds.join(',');
  const lastIterations = useRef<Record<string, number>>({});
  // After the socket comes back, history is read again: points measured meanwhile are in it.
  const reconnects = useReconnects();

  useEffect(() => {
    const ids = key ? key.split(',') : [];
    dispatch({ type: 'keep', runIds: ids });
    const buffers = new Map<string, ApiMetricPoint[]>();
    const subscriptions = ids.map((runId) =>
      client.subscription<{ runMetrics: ApiMetricBatch }>(RUN_METRICS_SUBSCRIPTION, { runId }).subscribe((result) => {
        if (result.error) setError(result.error.message);
        const batch = result.data?.runMetrics;
        if (!batch) return;
        const list = buffers.get(runId) ?? [];
        list.push(...batch.points);
        buffers.set(runId, list);
      }),
    );
    const timer = setInterval(() => {
      for (const [runId, points] of buffers) {
        if (points.length) dispatch({ type: 'live', runId, points: points.splice(0) });
      }
    }, FLUSH_MS);
    let cancelled = false;
    for (const runId of ids) {
      client
        .query<MetricsResult>(RUN_METRICS_QUERY, { id: runId, names: CHART_METRIC_NAMES, maxPoints: OVERVIEW_POINTS }, { requestPolicy: 'network-only' })
        .toPromise()
        .then((result) => {
          if (cancelled) return;
          if (result.error) setError(result.error.message);
          if (!result.data?.run) return;
          lastIterations.current[runId] = result.data.run.iteration;
          dispatch({ type: 'loaded', runId, series: result.data.run.metrics });
        });
    }
    return () => {
      cancelled = true;
      clearInterval(timer);
      subscriptions.forEach((s) => s.unsubscribe());
    };
  }, [client, key, reconnects]);

  /** Zoom: re-query each run with enough buckets that the window [from, to] gets ~OVERVIEW_POINTS of them. */
  const refine = useCallback(
    async (from: number, to: number) => {
      const ids = key ? key.split(',') : [];
      await Promise.all(
        ids.map(async (runId) => {
          const span = Math.max(lastIterations.current[runId] ?? to, to);
          const factor = span / Math.max(1, to - from);
          const maxPoints = Math.min(50_000, Math.max(OVERVIEW_POINTS, Math.ceil(OVERVIEW_POINTS * factor)));
          if (maxPoints === OVERVIEW_POINTS) return;
          const result = await client
            .query<MetricsResult>(RUN_METRICS_QUERY, { id: runId, names: CHART_METRIC_NAMES, maxPoints }, { requestPolicy: 'network-only' })
            .toPromise();
          if (result.data?.run) dispatch({ type: 'refined', runId, series: result.data.run.metrics, from, to });
        }),
      );
    },
    [client, key],
  );

  return { metrics: state, refine, error };
}
