'use client';

import { useRef, useState } from 'react';
import type uPlot from 'uplot';
import { buildChartData, type ChartViewOptions } from '@/lib/chart/build-chart-data';
import type { LiveMetricsState } from '@/lib/chart/live-metrics-state';
import type { ChartSpec } from '@/lib/chart/char-rnn-charts';
import { STUDY_CHARTS, type SeriesPoint } from '@/lib/chart/series';
import { MetricChart } from './metric-chart';

/** One run drawn in the grid. */
export interface GridRun {
  runId: string;
  label: string;
  colour: string;
  /** Drawn dashed (past ten runs, colours repeat). */
  dashed?: boolean;
  /** Start of the run (ms) for the wall-time axis. */
  originMs?: number;
}

export interface ChartGridProps {
  runs: readonly GridRun[];
  metrics: LiveMetricsState;
  /** `bands` (default true): shade each bucket's min–max so a spike inside a bucket stays visible. */
  view: Required<Pick<ChartViewOptions, 'xAxis' | 'smoothing' | 'logScale'>> & { bands?: boolean };
  /** Asked after a zoom on the iteration axis: load finer buckets for [from, to]. */
  onRefine?: (from: number, to: number) => void;
  onUpdateTimed?: (chart: string, ms: number) => void;
  /** Iteration to mark on every chart (an alert's), drawn on the iteration axis only. */
  markIteration?: number | null;
  /** Which charts to draw (default: the study's six CNN charts). */
  charts?: readonly ChartSpec[];
}

const EMPTY: SeriesPoint[] = [];

/** The study's six charts for a set of runs, sharing one zoom window. */
export function ChartGrid({ runs, metrics, view, onRefine, onUpdateTimed, markIteration = null, charts = STUDY_CHARTS }: ChartGridProps) {
  const [xRange, setXRange] = useState<readonly [number, number] | null>(null);
  const lines = runs.map((r) => ({ label: r.label, colour: r.colour, dashed: r.dashed }));
  const xLabel = view.xAxis === 'time' ? 'wall time (s)' : 'iteration';
  return (
    <div className="charts">
      {charts.map((chart) => (
        <ChartCell
          key={chart.key}
          title={chart.title}
          series={runs.map((r) => metrics[r.runId]?.[chart.key] ?? EMPTY)}
          origins={runs.map((r) => r.originMs)}
          view={view}
          lines={lines}
          xLabel={xLabel}
          xRange={xRange}
          markX={view.xAxis === 'iteration' ? markIteration : null}
          onZoom={(from, to) => {
            setXRange([from, to]);
            if (view.xAxis === 'iteration') onRefine?.(Math.floor(from), Math.ceil(to));
          }}
          onZoomReset={() => setXRange(null)}
          onUpdateTimed={onUpdateTimed ? (ms) => onUpdateTimed(chart.title, ms) : undefined}
        />
      ))}
    </div>
  );
}

interface ChartCellProps {
  title: string;
  series: readonly (readonly SeriesPoint[])[];
  origins: readonly (number | undefined)[];
  view: ChartGridProps['view'];
  lines: { label: string; colour: string; dashed?: boolean }[];
  xLabel: string;
  xRange: readonly [number, number] | null;
  markX: number | null;
  onZoom: (from: number, to: number) => void;
  onZoomReset: () => void;
  onUpdateTimed?: (ms: number) => void;
}

/** Rebuilds its chart data only when one of its own series changed (not on every live batch of another chart). */
function ChartCell({ title, series, origins, view, lines, xLabel, xRange, markX, onZoom, onZoomReset, onUpdateTimed }: ChartCellProps) {
  const memo = useRef<{ inputs: unknown[]; data: uPlot.AlignedData } | null>(null);
  const bands = view.bands ?? true;
  const inputs = [...series, ...origins, view.xAxis, view.smoothing, view.logScale, bands];
  if (!memo.current || memo.current.inputs.length !== inputs.length || memo.current.inputs.some((v, i) => v !== inputs[i])) {
    const data = buildChartData(
      series.map((points, i) => ({ points, originMs: origins[i] })),
      { ...view, bands },
    ) as unknown as uPlot.AlignedData;
    memo.current = { inputs, data };
  }
  let lastTime = 0;
  for (const points of series) if (points.length) lastTime = Math.max(lastTime, points[points.length - 1].time);
  return (
    <MetricChart
      lastTime={lastTime}
      title={title}
      data={memo.current.data}
      lines={lines}
      xLabel={xLabel}
      logScale={view.logScale}
      bands={view.bands ?? true}
      xRange={xRange}
      markX={markX}
      onZoom={onZoom}
      onZoomReset={onZoomReset}
      onUpdateTimed={onUpdateTimed}
    />
  );
}
