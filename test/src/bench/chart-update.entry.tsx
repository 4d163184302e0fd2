// Bundled by chart-update.ts into a page: the dashboard's real ChartGrid (uPlot) with 10 runs of
// 20,000 points each, fed one live point per run at a time, as the runMetrics subscription does.
// The dashboard's own styles, so the charts have their real size (three per row at 1440 px).
import 'uplot/dist/uPlot.min.css';
import '@/app/globals.css';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { ChartGrid, type GridRun } from '@/components/charts/chart-grid';
import { liveMetricsReducer, type LiveMetricsState } from '@/lib/chart/live-metrics-state';
import { STUDY_CHARTS } from '@/lib/chart/series';
import { runColour } from '@/lib/run-label';

const RUNS = 10;
const POINTS = 20_000;
const T0 = Date.UTC(2026, 0, 1);

function history(run: number, key: string, n: number) {
  const validation = key.startsWith('VALIDATION');
  const points = [];
  for (let i = 1; i <= n; i++) {
    const it = validation ? i * 100 : i;
    const value = 2.3 * Math.exp(-it / (4000 + run * 500)) + 0.05 * Math.sin(it / 7 + run);
    points.push({ iteration: it, value, min: value, max: value, time: T0 + it * 400, count: 1, nonFinite: 0 });
  }
  return { name: key.split(':')[1], split: key.split(':')[0] as 'TRAIN' | 'VALIDATION', points };
}

async function main() {
  let state: LiveMetricsState = {};
  for (let r = 0; r < RUNS; r++) {
    state = liveMetricsReducer(state, {
      type: 'loaded',
      runId: `run-${r}`,
      series: STUDY_CHARTS.map((c) => history(r, c.key, c.key.startsWith('VALIDATION') ? POINTS / 100 : POINTS)),
    });
  }
  const runs: GridRun[] = Array.from({ length: RUNS }, (_, r) => ({ runId: `run-${r}`, label: `run ${r}`, colour: runColour(r), originMs: T0 }));
  const chartTimes: number[] = [];
  const host = document.getElementById('root')!;
  const root = createRoot(host);
  const view = { xAxis: 'iteration' as const, smoothing: 0.6, logScale: false, bands: !(window as any).__noBands };
  const render = () =>
    root.render(<ChartGrid runs={runs} metrics={state} view={view} onUpdateTimed={(_, ms) => chartTimes.push(ms)} />);
  flushSync(render);
  await new Promise((r) => setTimeout(r, 200));

  // One live update per call, driven by the runner (which reads the main thread's CPU time around it).
  let u = 0;
  (window as any).__update = async (names: string[] = ['crossEntropy', 'accuracy', 'orthoLoss', 'timePerIter']) => {
    const it = POINTS + ++u;
    const start = performance.now();
    for (let r = 0; r < RUNS; r++) {
      const points = names.map((name) => ({ name, split: 'TRAIN' as const, iteration: it, value: Math.random(), time: T0 + it * 400 }));
      state = liveMetricsReducer(state, { type: 'live', runId: `run-${r}`, points });
    }
    chartTimes.length = 0;
    flushSync(render); // chart data → uPlot setData (React effects)
    await nextTask(); // uPlot redraws in a microtask: done before the next task starts
    return { wallMs: performance.now() - start, charts: chartTimes.slice(), drawn: host.querySelector('[data-chart]')?.getAttribute('data-points') };
  };
  (window as any).__ready = true;
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

main().catch((e) => ((window as any).__error = String(e && e.stack ? e.stack : e)));
