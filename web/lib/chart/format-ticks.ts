/**
 * Axis ticks that stay readable from 1e-7 (Householder's orthoLoss) to thousands (ms per
 * iteration). Linear scale: as many decimals as the tick step needs (38.218, 38.220, … not 38.22
 * twice). Log scale (`log`, default false): ticks are not evenly spaced, so each is written on its
 * own with up to 3 significant digits (0.2, 0.5, 1 — not "0, 1" from the first gap's step).
 */
export function formatTicks(splits: readonly (number | null)[], log = false): string[] {
  return log ? splits.map(formatLogTick) : formatLinearTicks(splits);
}

function formatLinearTicks(splits: readonly (number | null)[]): string[] {
  const a0 = splits[0];
  const a1 = splits[1];
  const step = splits.length > 1 && a0 !== null && a1 !== null ? Math.abs(a1 - a0) : 0;
  // As many decimals as the step itself has: 0.025 → 3, 0.05 → 2, 500 → 0.
  let decimals = 0;
  while (step > 0 && decimals < 12 && Math.abs(Math.round(step * 10 ** decimals) - step * 10 ** decimals) > 1e-6 * 10 ** decimals * step) decimals++;
  return splits.map((v) => {
    if (v === null || !Number.isFinite(v)) return '';
    const a = Math.abs(v);
    if (a === 0) return '0';
    if (a >= 1e6 || (a < 1e-3 && step < 1e-3)) return v.toExponential(1);
    return v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  });
}

function formatLogTick(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '';
  const a = Math.abs(v);
  if (a === 0) return '0';
  // 3 significant digits also rounds away float noise of the splits (0.30000000000000004).
  const rounded = Number(v.toPrecision(3));
  if (a >= 1e6 || a < 1e-3) return rounded.toExponential().replace(/\.?0+e/, 'e');
  return rounded.toLocaleString('en-US', { maximumFractionDigits: 6 });
}
