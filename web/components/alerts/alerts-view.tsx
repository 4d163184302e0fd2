'use client';

import { RECENT_ALERTS_QUERY, type ApiAlert } from '@orthoscope/shared';
import { useEffect } from 'react';
import { useQuery } from 'urql';
import { runLegend } from '@/lib/run-label';
import { useLiveAlerts } from './alert-center';
import { AlertsTable } from './alerts-table';

interface RunAlerts {
  id: string;
  name: string;
  config: Record<string, unknown>;
  alerts: ApiAlert[];
}

/** Stored alerts of the last 200 runs merged with those received live. */
export function AlertsView() {
  const [{ data, error }, refetch] = useQuery<{ runs: RunAlerts[] }>({ query: RECENT_ALERTS_QUERY, variables: { first: 200 } });
  const live = useLiveAlerts();
  useEffect(() => {
    if (live.length) refetch({ requestPolicy: 'network-only' });
  }, [live.length, refetch]);
  const stored = (data?.runs ?? []).flatMap((r) => r.alerts);
  const all = [...stored, ...live.filter((a) => !stored.some((s) => s.id === a.id))];
  const names = Object.fromEntries((data?.runs ?? []).map((r) => [r.id, runLegend(r)]));
  return (
    <>
      {error ? <div className="banner">{error.message}</div> : null}
      <AlertsTable alerts={all} runNames={names} />
    </>
  );
}
