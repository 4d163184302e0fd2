/** Median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** What `npm run bench` reports per case. */
export interface BenchResult {
  case: string;
  backend: string;
  msPerStep: number;
  /** msPerStep ÷ the first case's (baseline) msPerStep. */
  ratio: number;
  /** Largest resident set size seen right after this case's steps (the whole process), MB. */
  peakRssMb: number;
  /** Median CPU time of the process per step (all threads), ms: steadier than wall time on a shared machine. */
  cpuMsPerStep: number;
  /** cpuMsPerStep ÷ the first case's. */
  cpuRatio: number;
}

/** Fixed-width table of the results, one case per line. */
export function formatBenchTable(results: readonly BenchResult[]): string {
  const mb = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} MB` : '–').padStart(13);
  const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–').padStart(12);
  // The case column fits the longest name (baseline-2workers, pytorch-2threads) plus a space.
  const width = Math.max(14, ...results.map((r) => r.case.length + 1));
  const rows = results.map((r) => `${r.case.padEnd(width)}${r.msPerStep.toFixed(1).padStart(10)}${r.ratio.toFixed(3).padStart(9)}${mb(r.peakRssMb)}${ms(r.cpuMsPerStep)}${(Number.isFinite(r.cpuRatio) ? r.cpuRatio.toFixed(3) : '–').padStart(11)}`);
  return [`${'case'.padEnd(width)}${'ms/step'.padStart(10)}${'ratio'.padStart(9)}${'peak RSS'.padStart(13)}${'cpu ms/step'.padStart(12)}${'cpu ratio'.padStart(11)}`, ...rows].join('\n');
}
