'use client';

import {
  RUN_METRICS_QUERY,
  RUN_METRICS_SUBSCRIPTION,
  type ApiMetricBatch,
  type ApiMetricPoint,
  type ApiMetricSeries,
} from '@orthoscope/shared';
import { useCallback, useEffect, useReducer, useState } from 'react';
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
 * liveMetricsReducer. `refine(from, to)` asks the server for buckets of a zoomed window's own range.
 */
export function useLiveMetrics(runIds: readonly string[]) {
  const client = useClient();
  const [state, dispatch] = useReducer(liveMetricsReducer, {});
  const [error, setError] = useState<string | null>(null);
  const key = runIds.join(',');
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
          dispatch({ type: 'loaded', runId, series: result.data.run.metrics });
        });
    }
    return () => {
      cancelled = true;
      clearInterval(timer);
      subscriptions.forEach((s) => s.unsubscribe());
    };
  }, [client, key, reconnects]);

  /**
   * Zoom: asks the server for OVERVIEW_POINTS buckets of the window [from, to] alone (fromIteration /
   * toIteration), so a zoomed window is as finely resolved as the overview, however long the run.
   */
  const refine = useCallback(
    async (from: number, to: number) => {
      const ids = key ? key.split(',') : [];
      const fromIteration = Math.floor(from);
      const toIteration = Math.max(fromIteration, Math.ceil(to));
      await Promise.all(
        ids.map(async (runId) => {
          const result = await client
            .query<MetricsResult>(
              RUN_METRICS_QUERY,
              { id: runId, names: CHART_METRIC_NAMES, maxPoints: OVERVIEW_POINTS, fromIteration, toIteration },
              { requestPolicy: 'network-only' },
            )
            .toPromise();
          if (result.error) setError(result.error.message);
          if (result.data?.run) dispatch({ type: 'refined', runId, series: result.data.run.metrics, from: fromIteration, to: toIteration });
        }),
      );
    },
    [client, key],
  );

  return { metrics: state, refine, error };
}
