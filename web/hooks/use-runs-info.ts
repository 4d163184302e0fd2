'use client';

import { RUN_QUERY, type ApiAlert, type ApiRun } from '@orthoscope/shared';
import { useCallback, useEffect, useState } from 'react';
import { useClient } from 'urql';
import { useReconnects } from '@/lib/urql/provider';
import { overlayRuns, useRunUpdates } from './use-run-updates';

/** A run with what its page shows besides metrics. */
export type RunInfo = ApiRun & {
  alerts?: ApiAlert[];
  checkpoints?: { iteration: number; path: string; createdAt: string }[];
  alertRules?: Record<string, unknown>;
};

/**
 * The given runs (RUN_QUERY each), kept live by runUpdates; `missing` lists ids the API does not
 * know. `reload` re-reads them (e.g. after a new alert or checkpoint).
 */
export function useRunsInfo(runIds: readonly string[]) {
  const client = useClient();
  const key = runIds.join(',');
  const [runs, setRuns] = useState<Record<string, RunInfo | null>>({});
  const [loadedAt, setLoadedAt] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const updates = useRunUpdates(runIds.length === 1 ? { runId: runIds[0] } : {});
  const reconnects = useReconnects();

  const reload = useCallback(async () => {
    const ids = key ? key.split(',') : [];
    const results = await Promise.all(
      ids.map((id) => client.query<{ run: RunInfo | null }>(RUN_QUERY, { id }, { requestPolicy: 'network-only' }).toPromise()),
    );
    const next: Record<string, RunInfo | null> = {};
    results.forEach((r, i) => {
      if (r.error) setError(r.error.message);
      next[ids[i]] = r.data?.run ?? null;
    });
    setRuns(next);
    setLoadedAt(Date.now());
  }, [client, key]);
  useEffect(() => {
    void reload();
  }, [reload, reconnects]);

  const ids = key ? key.split(',') : [];
  const known = overlayRuns(ids.map((id) => runs[id]).filter((r): r is RunInfo => !!r), updates, loadedAt);
  const missing = ids.filter((id) => runs[id] === null);
  const loaded = ids.every((id) => id in runs);
  return { runs: known, missing, loaded, error, reload };
}
