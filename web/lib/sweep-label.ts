import { toMs } from './format';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Default name of a one-click experiment sweep: the experiment and the local time it was started
 * ("experiment #2 · 18:42:07"; seconds too, as two clicks often fall in one minute), so two
 * launches of the same experiment can be told apart.
 */
export function oneClickSweepName(experiment: string, startedAt: Date): string {
  return `${experiment} · ${clock(startedAt)}`;
}

function clock(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A sweep's creation time, short and local: "Dec 3, 18:42:07". Empty for an unreadable time. */
export function sweepCreatedLabel(createdAt: string | number | null | undefined): string {
  const ms = toMs(createdAt);
  if (ms === null || !Number.isFinite(ms)) return '';
  const d = new Date(ms);
  return `${MONTHS[d.getMonth()]} ${d.getDate()}, ${clock(d)}`;
}

/**
 * How a sweep is named in the runs filter: its name (or short id) and when it was created — left
 * out when the name already ends in a start time (a one-click sweep's default name).
 */
export function sweepLabel(sweep: { id: string; name: string; createdAt: string | number }): string {
  const when = sweepCreatedLabel(sweep.createdAt);
  const name = sweep.name || sweep.id.slice(0, 8);
  // The click's time (browser clock) may differ by a second from createdAt (server clock).
  if (!when || / · \d\d:\d\d:\d\d$/.test(name)) return name;
  return `${name} (created ${when})`;
}
