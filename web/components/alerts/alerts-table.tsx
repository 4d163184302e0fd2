import type { ApiAlert } from '@orthoscope/shared';
import Link from 'next/link';
import { formatNumber, toMs } from '@/lib/format';

/** Alerts with rule, message, value vs threshold, linked to their run at their iteration. */
export function AlertsTable({ alerts, highlightIteration = null, runNames }: { alerts: readonly ApiAlert[]; highlightIteration?: number | null; runNames?: Record<string, string> }) {
  if (!alerts.length) return <p className="muted">No alerts.</p>;
  const sorted = [...alerts].sort((a, b) => (toMs(b.createdAt) ?? 0) - (toMs(a.createdAt) ?? 0));
  return (
    <table className="grid" data-testid="alerts-table">
      <thead>
        <tr><th>When</th><th>Run</th><th>Iteration</th><th>Rule</th><th>Message</th><th>Value</th><th>Threshold</th><th>Auto-stopped</th></tr>
      </thead>
      <tbody>
        {sorted.map((a) => (
          <tr key={a.id} className={highlightIteration === a.iteration ? 'selected' : ''} data-alert-rule={a.rule}>
            <td>{formatWhen(toMs(a.createdAt) ?? 0)}</td>
            <td><Link href={`/runs/${a.runId}?iteration=${a.iteration}`}>{runNames?.[a.runId] ?? a.runId.slice(0, 8)}</Link></td>
            <td>{a.iteration}</td>
            <td>{a.rule.replaceAll('_', ' ').toLowerCase()}</td>
            <td style={{ whiteSpace: 'normal' }}>{a.message}</td>
            <td>{a.value === null ? 'NaN' : formatNumber(a.value)}</td>
            <td>{a.threshold === null ? '–' : formatNumber(a.threshold)}</td>
            <td>{a.autoStopped ? 'yes' : 'no'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Time of day for today's alerts, date and time for older ones. */
function formatWhen(ms: number): string {
  const d = new Date(ms);
  return d.toDateString() === new Date().toDateString() ? d.toLocaleTimeString() : d.toLocaleString();
}
