import type { MetricPoint, RunRecord } from '../../storage/records';

/** CSV of every point: `split,name,iteration,value,time`; NaN and ±Infinity written as such. */
export function metricsCsv(points: MetricPoint[]): string {
  const lines = ['split,name,iteration,value,time'];
  for (const p of points) lines.push(`${p.split},${csvField(p.name)},${p.iteration},${String(p.value)},${p.time}`);
  return `${lines.join('\n')}\n`;
}

/** JSON of the run and every point; non-finite values as the strings "NaN", "Infinity", "-Infinity". */
export function metricsJson(run: RunRecord, points: MetricPoint[]): string {
  return JSON.stringify({
    run: { id: run.id, name: run.name, kind: run.kind, status: run.status, config: run.config },
    points: points.map((p) => ({ ...p, value: Number.isFinite(p.value) ? p.value : String(p.value) })),
  });
}

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
