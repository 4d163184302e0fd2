'use client';

import { ALERTS_SUBSCRIPTION, type ApiAlert } from '@orthoscope/shared';
import Link from 'next/link';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useClient, useSubscription } from 'urql';
import { alertRunLabel } from '@/lib/run-label';

const LiveAlertsContext = createContext<readonly ApiAlert[]>([]);

/** Alerts received live since the page was opened, newest first. */
export function useLiveAlerts(): readonly ApiAlert[] {
  return useContext(LiveAlertsContext);
}

const TOAST_MS = 20_000;

const RUN_NAME_QUERY = /* GraphQL */ `
  query RunName($id: ID!) {
    run(id: $id) { id name }
  }
`;

/** Listens to the `alerts` subscription for every run: shows each alert as a toast and keeps the list. */
export function AlertCenter({ children }: { children: ReactNode }) {
  const [alerts, setAlerts] = useState<ApiAlert[]>([]);
  const [toasts, setToasts] = useState<ApiAlert[]>([]);
  const [result] = useSubscription<{ alerts: ApiAlert }, ApiAlert | null>({ query: ALERTS_SUBSCRIPTION, variables: {} }, (_, data) => data.alerts);
  const latest = result.data;
  // Alerts carry only the run's id: look its name up once per run for the toast.
  const client = useClient();
  const [names, setNames] = useState<Record<string, string>>({});
  const latestRunId = latest?.runId;
  useEffect(() => {
    if (!latestRunId || latestRunId in names) return;
    void client
      .query<{ run: { id: string; name: string } | null }>(RUN_NAME_QUERY, { id: latestRunId })
      .toPromise()
      .then((r) => r.data?.run && setNames((n) => ({ ...n, [latestRunId]: r.data!.run!.name })));
  }, [latestRunId, names, client]);

  useEffect(() => {
    if (!latest) return;
    setAlerts((list) => (list.some((a) => a.id === latest.id) ? list : [latest, ...list]));
    setToasts((list) => [latest, ...list.filter((a) => a.id !== latest.id)].slice(0, 4));
    const timer = setTimeout(() => setToasts((list) => list.filter((a) => a.id !== latest.id)), TOAST_MS);
    return () => clearTimeout(timer);
  }, [latest]);

  return (
    <LiveAlertsContext.Provider value={alerts}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((a) => (
          <div className="toast" key={a.id} data-alert-id={a.id}>
            <button className="close" aria-label="dismiss" onClick={() => setToasts((l) => l.filter((t) => t.id !== a.id))}>
              ×
            </button>
            <strong>{a.rule.replaceAll('_', ' ').toLowerCase()}</strong>
            {a.autoStopped ? <span className="muted"> · run stopped</span> : null}
            <div>{a.message}</div>
            <Link href={`/runs/${a.runId}?iteration=${a.iteration}`}>
              {alertRunLabel(a, names[a.runId])}
            </Link>
          </div>
        ))}
      </div>
    </LiveAlertsContext.Provider>
  );
}
