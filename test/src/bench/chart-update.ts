// Browser benchmark (not a test): chart update time with 10 live runs × 20,000 points, in
// Debian's chromium. Bundles the dashboard's ChartGrid with esbuild and prints the figures.
//   npm run bench:charts -w test
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { screenshot } from '../support/artifacts';
import { launchChromium } from '../support/chromium';

const UPDATES = 40;
const here = dirname(fileURLToPath(import.meta.url));
const web = join(here, '..', '..', '..', 'web');
const dir = mkdtempSync(join(tmpdir(), 'orthoscope-bench-'));
await build({
  entryPoints: [join(here, 'chart-update.entry.tsx')],
  bundle: true,
  outfile: join(dir, 'bench.js'),
  format: 'iife',
  jsx: 'automatic',
  minify: !process.env.PROFILE,
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: { '@': web },
  nodePaths: [join(web, 'node_modules'), join(web, '..', 'node_modules')],
  logLevel: 'error',
});
writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><link rel="stylesheet" href="bench.css"></head><body><main><div id="root"></div></main><script src="bench.js"></script></body></html>');

const { context, close } = await launchChromium();
try {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  if (process.env.BANDS === '0') await page.addInitScript(() => ((window as any).__noBands = true));
  await page.goto(`file://${join(dir, 'index.html')}`);
  await page.waitForFunction(() => (window as any).__ready || (window as any).__error, null, { timeout: 300_000, polling: 500 });
  const error = await page.evaluate(() => (window as any).__error);
  if (error) throw new Error(error);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadTime = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m: { name: string }) => m.name === 'ThreadTime')!.value * 1000;
  };
  if (process.env.PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
    for (let i = 0; i < 10; i++) await page.evaluate(() => (window as any).__update());
    const { profile } = await cdp.send('Profiler.stop');
    const self = new Map<string, number>();
    const dt = new Map<number, number>();
    profile.samples!.forEach((id: number, k: number) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas![k] ?? 0)));
    for (const n of profile.nodes) {
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
      self.set(key, (self.get(key) ?? 0) + (dt.get(n.id) ?? 0));
    }
    console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 1000 / 10).toFixed(1)} ms/update  ${k}`).join('\n'));
  }
  // One chart only: a point for a single metric (what most live batches of one run amount to per chart).
  const oneChartCpu: number[] = [];
  for (let i = 0; i < UPDATES + 5; i++) {
    const before = await threadTime();
    await page.evaluate(() => (window as any).__update(['accuracy']));
    const after = await threadTime();
    if (i >= 5) oneChartCpu.push(after - before);
  }
  const wall: number[] = [];
  const cpu: number[] = [];
  const perChart: number[] = [];
  let drawn = '';
  for (let i = 0; i < UPDATES + 5; i++) {
    const before = await threadTime();
    const r = await page.evaluate(() => (window as any).__update());
    const after = await threadTime();
    if (i < 5) continue; // warm-up (JIT)
    wall.push(r.wallMs);
    cpu.push(after - before);
    perChart.push(...r.charts);
    drawn = r.drawn;
  }
  await screenshot(page, 'bench-charts');
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
    return `median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms`;
  };
  const [load] = loadavg();
  console.log(`Chart update, 10 live runs × 20,000 points, one new point per run per update, ${UPDATES} updates, min/max bands ${process.env.BANDS === '0' ? 'off' : 'on'}, chromium headless (load average ${load.toFixed(1)} on ${cpus().length} cores):`);
  console.log(`  main-thread CPU per update (reducer, chart data, React, uPlot redraw of the 4 charts that changed): ${stats(cpu)}`);
  console.log(`  main-thread CPU per update of one chart (a point of one metric per run):                     ${stats(oneChartCpu)}`);
  console.log(`  wall clock per update (includes waiting for a CPU on a shared machine):                       ${stats(wall)}`);
  console.log(`  one chart, setData to end of its redraw (wall clock):                                         ${stats(perChart)}`);
  console.log(`  x values per chart: ${drawn} (each run's 20,000 points kept as 600 buckets with min/max + the newest 200 exact)`);
} finally {
  await close();
  rmSync(dir, { recursive: true, force: true });
}
