/** "1h 02m", "3m 07s", "12s" — durations for ETAs and elapsed times. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

/**
 * Remaining time of a running run, extrapolating the rate since it started:
 * elapsed / done × (total − done). Null when it cannot be known yet.
 */
export function estimateRemainingMs(startedAtMs: number | null, nowMs: number, done: number, total: number | null): number | null {
  if (startedAtMs === null || !total || done <= 0 || done >= total) return null;
  const elapsed = nowMs - startedAtMs;
  if (elapsed <= 0) return null;
  return (elapsed / done) * (total - done);
}

/** API times are ms numbers or ISO strings; returns ms or null. */
export function toMs(time: unknown): number | null {
  if (time === null || time === undefined) return null;
  if (typeof time === 'number') return time;
  const n = Number(time);
  if (Number.isFinite(n)) return n;
  const parsed = Date.parse(String(time));
  return Number.isNaN(parsed) ? null : parsed;
}

/** A metric value for a table cell: accuracy as %, others to 4 significant digits; NaN shown as such. */
export function formatMetric(name: string, value: number | null | undefined): string {
  if (value === undefined) return '–';
  if (value === null || !Number.isFinite(value)) return 'NaN';
  if (name === 'accuracy') return `${(value * 100).toFixed(1)}%`;
  return value.toPrecision(4);
}

/** 4 significant digits, exponent form for very large or small magnitudes: 3.528e+15, 7.348, 0.0003. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e6 || a < 1e-4)) return v.toExponential(3);
  return String(Number(v.toPrecision(4)));
}
