'use client';

import type { ApiMetricPoint, ApiRun } from '@orthoscope/shared';
import Link from 'next/link';
import { estimateRemainingMs, formatDuration, formatMetric, toMs } from '@/lib/format';
import { isActive } from '@/lib/run-status';

/** A run as the table query returns it. */
export type TableRun = ApiRun & { latestMetrics?: ApiMetricPoint[]; alerts?: { id: string }[] };

function latest(run: TableRun, split: 'TRAIN' | 'VALIDATION', name: string): number | null | undefined {
  return run.latestMetrics?.find((m) => m.split === split && m.name === name)?.value;
}

/** One row of the runs table. */
export function RunRow({ run, now, selected, onToggle, onAction }: {
  run: TableRun;
  now: number;
  selected: boolean;
  onToggle: (id: string) => void;
  onAction: (kind: 'stop' | 'delete', run: ApiRun) => void;
}) {
  // Known once the run starts; before that, its maxIterations cap if it has one.
  const cap = Number(run.config?.maxIterations);
  const total = run.totalIterations ?? (Number.isInteger(cap) && cap > 0 ? cap : null);
  const fraction = total ? Math.min(1, run.iteration / total) : 0;
  const eta = run.status === 'RUNNING' ? estimateRemainingMs(toMs(run.startedAt), now, run.iteration, total) : null;
  const mode = String(run.config?.mode ?? '–');
  const weight = mode === 'householder' ? '∞' : String(run.config?.orthoWeight ?? '–');
  const alerts = run.alerts?.length ?? 0;
  return (
    <tr className={selected ? 'selected' : ''} data-run-id={run.id} data-status={run.status}>
      <td>
        <input type="checkbox" checked={selected} onChange={() => onToggle(run.id)} aria-label={`select ${run.name || run.id}`} />
      </td>
      <td>
        <Link href={`/runs/${run.id}`}>{run.name || run.id.slice(0, 8)}</Link>
        {run.tags?.length ? <span className="muted"> {run.tags.map((t) => `#${t}`).join(' ')}</span> : null}
      </td>
      <td>
        <span className={`status ${run.status}`} title={run.error ?? undefined}>
          {run.status.toLowerCase()}
        </span>
      </td>
      <td>{run.kind.toLowerCase()}</td>
      <td>{mode}</td>
      <td>{weight}</td>
      <td>{String(run.config?.dataset ?? '–')}</td>
      <td>
        <span className="progress" title={`${run.iteration} / ${total ?? '?'}`}>
          <span style={{ width: `${fraction * 100}%` }} />
        </span>{' '}
        <span className="muted">
          {run.iteration}/{total ?? '?'}
          {eta !== null ? ` · ETA ${formatDuration(eta)}` : ''}
        </span>
      </td>
      <td>{formatMetric('accuracy', latest(run, 'TRAIN', 'accuracy'))}</td>
      <td>{formatMetric('accuracy', latest(run, 'VALIDATION', 'accuracy'))}</td>
      <td>{alerts ? <span className="badge">{alerts}</span> : <span className="muted">0</span>}</td>
      <td>
        {isActive(run.status) ? (
          <button onClick={() => onAction('stop', run)}>Stop</button>
        ) : null}{' '}
        <button className="danger" onClick={() => onAction('delete', run)}>
          Delete
        </button>
      </td>
    </tr>
  );
}
