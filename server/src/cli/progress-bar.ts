/** State shown by the progress line. */
export interface ProgressState {
  done: number;
  total: number;
  /** Milliseconds since the bar started (for the rate and the ETA). */
  elapsedMs: number;
  /** Extra `name value` pairs after the ETA. */
  fields?: Record<string, number>;
}

/** `[#####.....] 120/200  1.23 it/s  ETA 1m05s  crossEntropy 1.923` (bar `width` characters). */
export function formatProgress({ done, total, elapsedMs, fields = {} }: ProgressState, width = 24): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(fraction * width);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const eta = rate > 0 ? formatDuration(((total - done) / rate) * 1000) : '?';
  const extra = Object.entries(fields).map(([k, v]) => `${k} ${formatNumber(v)}`);
  return [`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`, `${rate.toFixed(2)} it/s`, `ETA ${eta}`, ...extra].join('  ');
}

/** `1h02m`, `3m05s`, `42s`. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

function formatNumber(v: number): string {
  return Math.abs(v) >= 100 || v === 0 ? v.toFixed(1) : v.toPrecision(4);
}

/**
 * A progress line on a stream: redrawn in place on a terminal, otherwise written as a new line at
 * most every `plainEveryMs` (logs stay readable). `log` prints a line above the bar.
 */
export class ProgressBar {
  private readonly started = Date.now();
  private lastPlain = 0;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly plainEveryMs = 10_000,
  ) {}

  update(state: Omit<ProgressState, 'elapsedMs'>, elapsedMs = Date.now() - this.started): void {
    const line = formatProgress({ ...state, elapsedMs });
    if (this.stream.isTTY) {
      this.stream.write(`\r\x1b[2K${line}`);
      this.drawn = true;
    } else if (Date.now() - this.lastPlain >= this.plainEveryMs || state.done === state.total) {
      this.lastPlain = Date.now();
      this.stream.write(`${line}\n`);
    }
  }

  log(message: string): void {
    this.stream.write(`${this.drawn ? '\r\x1b[2K' : ''}${message}\n`);
    this.drawn = false;
  }

  /** Ends the bar's line on a terminal. */
  finish(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}
