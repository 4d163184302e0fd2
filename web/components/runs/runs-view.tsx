'use client';

import { DELETE_RUN_MUTATION, RUNS_TABLE_QUERY, STOP_RUN_MUTATION, type ApiRun } from '@orthoscope/shared';
import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { describeError } from '@/lib/api-errors';
import { useMutation, useQuery } from 'urql';
import { useInterval } from '@/hooks/use-interval';
import { overlayRuns, useRunUpdates } from '@/hooks/use-run-updates';
import { isActive } from '@/lib/run-status';
import { RunRow, type TableRun } from './run-row';
import { RunsFilters } from './runs-filters';

/** The live runs table: query + runUpdates overlay, refreshed every 2 s while something runs. */
export function RunsView({ status, tag, sweepId }: { status: string | null; tag: string | null; sweepId: string | null }) {
  const variables = useMemo(() => ({ status, tag, sweepId, first: 200 }), [status, tag, sweepId]);
  const [{ data, error, fetching }, refetch] = useQuery<{ runs: TableRun[] }>({ query: RUNS_TABLE_QUERY, variables });
  const updates = useRunUpdates();
  const [selected, setSelected] = useState<string[]>([]);
  const [, stopRun] = useMutation(STOP_RUN_MUTATION);
  const [, deleteRun] = useMutation(DELETE_RUN_MUTATION);
  const [actionError, setActionError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  // When the rows were (re)loaded: live updates from before that are already in them, or stale.
  const loadedAt = useMemo(() => Date.now(), [data]); // eslint-disable-line react-hooks/exhaustive-deps
  const rows = overlayRuns(data?.runs ?? [], updates, loadedAt);
  const anyActive = rows.some((r) => isActive(r.status));
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  useInterval(() => {
    setNow(Date.now());
    refresh();
  }, 2000, anyActive);
  // A run we have never seen (started elsewhere, or by a sweep) appears at once.
  const unknown = Object.keys(updates).some((id) => !(data?.runs ?? []).some((r) => r.id === id));
  useEffect(() => {
    if (unknown) refresh();
  }, [unknown]); // eslint-disable-line react-hooks/exhaustive-deps

  const act = async (kind: 'stop' | 'delete', run: ApiRun) => {
    if (kind === 'delete' && !window.confirm(`Delete run ${run.name || run.id} with all its points?`)) return;
    const result = kind === 'stop' ? await stopRun({ id: run.id }) : await deleteRun({ id: run.id });
    setActionError(result.error ? describeError(result.error) : null);
    if (kind === 'delete') setSelected((s) => s.filter((id) => id !== run.id));
    refresh();
  };
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  return (
    <>
      <RunsFilters status={status} tag={tag} sweepId={sweepId} />
      <div className="toolbar">
        <Link className={`button primary${selected.length ? '' : ' disabled'}`} href={selected.length ? `/compare?runs=${selected.join(',')}` : '#'} aria-disabled={!selected.length}>
          Compare selected ({selected.length})
        </Link>
        <button onClick={() => setSelected(selected.length ? [] : rows.map((r) => r.id))}>{selected.length ? 'Clear selection' : 'Select all'}</button>
        {sweepId && rows.length ? <Link href={`/compare?runs=${rows.map((r) => r.id).join(',')}`}>Compare this sweep</Link> : null}
        <Link href="/launch">Launch…</Link>
        {fetching && !data ? <span className="muted">loading…</span> : null}
      </div>
      {error ? <div className="banner">{error.message}</div> : null}
      {actionError ? <div className="banner">{actionError}</div> : null}
      <table className="grid" data-testid="runs-table">
        <thead>
          <tr>
            <th />
            <th>Run</th>
            <th>Status</th>
            <th>Kind</th>
            <th>Mode</th>
            <th className="lambda">λ</th>
            <th>Dataset</th>
            <th>Progress</th>
            <th>Train acc</th>
            <th>Val acc</th>
            <th>Alerts</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((run) => (
            <RunRow key={run.id} run={run} now={now} selected={selected.includes(run.id)} onToggle={toggle} onAction={act} />
          ))}
          {data && rows.length === 0 ? (
            <tr>
              <td colSpan={12} className="muted">
                No runs{status || tag || sweepId ? ' match these filters' : ''}. <Link href="/launch">Launch one</Link>.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </>
  );
}
