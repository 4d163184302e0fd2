import { toMs } from './format';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Default name of a one-click experiment sweep: the experiment and the local time it was started
 * ("experiment #2 · 18:42"), so two launches of the same experiment can be told apart.
 */
export function oneClickSweepName(experiment: string, startedAt: Date): string {
  return `${experiment} · ${pad(startedAt.getHours())}:${pad(startedAt.getMinutes())}`;
}

/** A sweep's creation time, short and local: "Dec 3, 18:42". Empty for an unreadable time. */
export function sweepCreatedLabel(createdAt: string | number | null | undefined): string {
  const ms = toMs(createdAt);
  if (ms === null || !Number.isFinite(ms)) return '';
  const d = new Date(ms);
  return `${MONTHS[d.getMonth()]} ${d.getDate()}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** How a sweep is named in lists and the runs filter: its name (or short id) and when it was created. */
export function sweepLabel(sweep: { id: string; name: string; createdAt: string | number }): string {
  const when = sweepCreatedLabel(sweep.createdAt);
  const name = sweep.name || sweep.id.slice(0, 8);
  return when ? `${name} (created ${when})` : name;
}
