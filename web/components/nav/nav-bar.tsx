'use client';

import { RUN_UPDATES_SUBSCRIPTION, SYSTEM_QUERY, type ApiRun } from '@orthoscope/shared';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { useQuery, useSubscription } from 'urql';
import { useInterval } from '@/hooks/use-interval';
import { noteStatusChange } from '@/lib/status-changes';
import { useApiToken } from '@/lib/urql/provider';
import { TokenField } from './token-field';

interface SystemInfo {
  version: string;
  backend: string;
  device: string;
  concurrency: number;
  queued: number;
  running: number;
  authRequired: boolean;
}

const LINKS = [
  { href: '/runs', label: 'Runs' },
  { href: '/launch', label: 'Launch' },
  { href: '/compare', label: 'Compare' },
  { href: '/alerts', label: 'Alerts' },
];

/** Top navigation with the API's backend and queue state, and the token field when the API needs one. */
export function NavBar() {
  const pathname = usePathname();
  const { token } = useApiToken();
  const [{ data, error }, refetch] = useQuery<{ system: SystemInfo }>({ query: SYSTEM_QUERY, requestPolicy: 'cache-and-network' });
  // The queue counts change all the time; also notices when the API comes back.
  useInterval(() => refetch({ requestPolicy: 'network-only' }), 5000);
  // …and at once when a run is queued, starts or ends (runUpdates of every run), not on progress.
  const statuses = useRef(new Map<string, string>());
  const [{ data: update }] = useSubscription<{ runUpdates: Pick<ApiRun, 'id' | 'status'> }>({ query: RUN_UPDATES_SUBSCRIPTION, variables: {} });
  const updated = update?.runUpdates;
  useEffect(() => {
    if (updated && noteStatusChange(statuses.current, updated)) refetch({ requestPolicy: 'network-only' });
  }, [updated, refetch]);
  const sys = data?.system;
  return (
    <nav className="nav">
      <span className="brand">Orthoscope</span>
      {LINKS.map((l) => (
        <Link key={l.href} href={l.href} className={pathname.startsWith(l.href) ? 'active' : ''}>
          {l.label}
        </Link>
      ))}
      <span className="spacer" />
      {sys?.authRequired || token ? <TokenField /> : null}
      <span className="sys" data-testid="system">
        {error ? <span style={{ color: '#fca5a5' }}>API unreachable</span> : sys ? `${sys.backend} · ${sys.device} · ${sys.running} running / ${sys.queued} queued · v${sys.version}` : '…'}
      </span>
    </nav>
  );
}
