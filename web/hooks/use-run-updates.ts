'use client';

import { RUN_UPDATES_SUBSCRIPTION, type ApiRun } from '@orthoscope/shared';
import { useEffect, useState } from 'react';
import { useSubscription } from 'urql';

/**
 * Latest state of every run changed since mount (runUpdates subscription), by id; optionally for
 * one run or one sweep. Overlay it on query results to make them live.
 */
export function useRunUpdates(filter: { runId?: string; sweepId?: string } = {}): Record<string, ApiRun> {
  const [updates, setUpdates] = useState<Record<string, ApiRun>>({});
  const [result] = useSubscription<{ runUpdates: ApiRun }>({ query: RUN_UPDATES_SUBSCRIPTION, variables: filter });
  const run = result.data?.runUpdates;
  useEffect(() => {
    if (run) setUpdates((u) => ({ ...u, [run.id]: run }));
  }, [run]);
  return updates;
}

/** Query rows with the live updates laid over them (the update wins; fields it lacks are kept). */
export function overlayRuns<T extends ApiRun>(rows: readonly T[], updates: Record<string, ApiRun>): T[] {
  return rows.map((r) => (updates[r.id] ? { ...r, ...updates[r.id] } : r));
}
