'use client';

import { ALERTS_SUBSCRIPTION, type ApiAlert } from '@orthoscope/shared';
import Link from 'next/link';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useSubscription } from 'urql';

const LiveAlertsContext = createContext<readonly ApiAlert[]>([]);

/** Alerts received live since the page was opened, newest first. */
export function useLiveAlerts(): readonly ApiAlert[] {
  return useContext(LiveAlertsContext);
}

const TOAST_MS = 20_000;

/** Listens to the `alerts` subscription for every run: shows each alert as a toast and keeps the list. */
export function AlertCenter({ children }: { children: ReactNode }) {
  const [alerts, setAlerts] = useState<ApiAlert[]>([]);
  const [toasts, setToasts] = useState<ApiAlert[]>([]);
  const [result] = useSubscription<{ alerts: ApiAlert }, ApiAlert | null>({ query: ALERTS_SUBSCRIPTION, variables: {} }, (_, data) => data.alerts);
  const latest = result.data;

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
              run {a.runId.slice(0, 8)} at iteration {a.iteration}
            </Link>
          </div>
        ))}
      </div>
    </LiveAlertsContext.Provider>
  );
}
