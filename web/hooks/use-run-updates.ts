'use client';

import { RUN_UPDATES_SUBSCRIPTION, type ApiRun } from '@orthoscope/shared';
import { useEffect, useState } from 'react';
import { useSubscription } from 'urql';
import { overlayRuns, type RunUpdates } from '@/lib/overlay-runs';

export { overlayRuns };

/**
 * Latest state of every run changed since mount (runUpdates subscription), by id, with when it
 * arrived; optionally for one run or one sweep. Lay it over query results with overlayRuns.
 */
export function useRunUpdates(filter: { runId?: string; sweepId?: string } = {}): RunUpdates {
  const [updates, setUpdates] = useState<RunUpdates>({});
  const [result] = useSubscription<{ runUpdates: ApiRun }>({ query: RUN_UPDATES_SUBSCRIPTION, variables: filter });
  const run = result.data?.runUpdates;
  useEffect(() => {
    if (run) setUpdates((u) => ({ ...u, [run.id]: { run, at: Date.now() } }));
  }, [run]);
  return updates;
}
