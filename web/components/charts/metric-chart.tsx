'use client';

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import { formatTicks } from '@/lib/chart/format-ticks';

/** One line of a chart: its legend label and colour. */
export interface ChartSeriesStyle {
  label: string;
  colour: string;
  dashed?: boolean;
}

export interface MetricChartProps {
  title: string;
  /** uPlot aligned data: [x, y1, y2, …] with one y per entry of `lines`. */
  data: uPlot.AlignedData;
  lines: readonly ChartSeriesStyle[];
  xLabel: string;
  /** Log-scale y (default false). */
  logScale?: boolean;
  /** `data` also holds [min, max] per line after the means (buildChartData's bands): shade them. */
  bands?: boolean;
  height?: number;
  /** Shown x window (zoom shared by a grid of charts); null: the whole data. */
  xRange?: readonly [number, number] | null;
  /** Called with the x range the user selected by dragging. */
  onZoom?: (from: number, to: number) => void;
  /** Called when a double click resets the zoom. */
  onZoomReset?: () => void;
  /** An x value to mark with a vertical line (e.g. the iteration of an alert); null: none. */
  markX?: number | null;
  /** Measurement time (ms since the epoch) of the newest point shown; exposed for latency checks. */
  lastTime?: number;
  /** Called with the milliseconds one data update took, from setData to the end of uPlot's redraw. */
  onUpdateTimed?: (ms: number) => void;
}

/**
 * A uPlot line chart that survives live updates: it is created once per line set / scale, then
 * only fed new data; while the user is zoomed in, updates keep the zoomed x range.
 */
export function MetricChart({ title, data, lines, xLabel, logScale = false, bands = false, height = 240, xRange = null, markX = null, lastTime, onZoom, onZoomReset, onUpdateTimed }: MetricChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const range = useRef(xRange);
  range.current = xRange;
  const mark = useRef(markX);
  mark.current = markX;
  const callbacks = useRef({ onZoom, onZoomReset, onUpdateTimed });
  callbacks.current = { onZoom, onZoomReset, onUpdateTimed };
  const dataRef = useRef(data);
  dataRef.current = data;
  const updateStart = useRef<number | null>(null);
  const linesKey = lines.map((l) => `${l.label}|${l.colour}|${l.dashed ? 1 : 0}`).join(';');

  useEffect(() => {
    const el = host.current!;
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      scales: { x: { time: false }, y: { distr: logScale ? 3 : 1 } },
      axes: [
        { label: xLabel, labelSize: 18, size: 36 },
        { size: axisWidth, values: (_u, splits) => formatTicks(splits, logScale) },
      ],
      series: [
        { label: xLabel },
        ...lines.map((l) => ({ label: l.label, stroke: l.colour, width: 1.5, spanGaps: true, dash: l.dashed ? [6, 4] : undefined })),
        ...(bands ? lines.flatMap((l) => [extremeSeries(`${l.label} min`), extremeSeries(`${l.label} max`)]) : []),
      ],
      bands: bands
        ? lines.map((l, i) => ({ series: [1 + lines.length + 2 * i + 1, 1 + lines.length + 2 * i] as [number, number], fill: withAlpha(l.colour, 0.16) }))
        : undefined,
      legend: { show: false },
      cursor: { drag: { x: true, y: false, setScale: false } },
      hooks: {
        // uPlot redraws in a microtask after setData: time the update when the drawing is done.
        draw: [
          (u) => drawMark(u, mark.current),
          () => {
            if (updateStart.current === null) return;
            callbacks.current.onUpdateTimed?.(performance.now() - updateStart.current);
            updateStart.current = null;
          },
        ],
        setSelect: [
          (u) => {
            if (u.select.width < 4) return;
            const from = u.posToVal(u.select.left, 'x');
            const to = u.posToVal(u.select.left + u.select.width, 'x');
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            callbacks.current.onZoom?.(from, to);
          },
        ],
      },
    };
    const u = new uPlot(opts, dataRef.current, el);
    plot.current = u;
    applyRange(u, range.current);
    const reset = () => callbacks.current.onZoomReset?.();
    u.over.addEventListener('dblclick', reset);
    const resize = new ResizeObserver(() => u.setSize({ width: Math.max(200, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.over.removeEventListener('dblclick', reset);
      u.destroy();
      plot.current = null;
    };
    // Rebuilt only when the lines or the scale kind change; data flows through setData below.
  }, [linesKey, logScale, bands, xLabel, height]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const u = plot.current;
    if (!u) return;
    updateStart.current = performance.now();
    u.setData(data, !range.current);
    applyRange(u, range.current);
  }, [data]);

  useEffect(() => {
    const u = plot.current;
    if (!u) return;
    if (xRange) applyRange(u, xRange);
    else u.setData(dataRef.current, true);
  }, [xRange]);

  return (
    <div className="chart" data-chart={title} data-points={data[0].length} data-line-points={data.slice(1, 1 + lines.length).map(countPoints).join(',')} data-last-time={lastTime} data-x-axis={xLabel} data-mark-x={markX ?? undefined}>
      <h3>
        {title}
        {data[0].length === 0 ? <span className="muted chart-waiting"> · no points yet (queued or starting)</span> : null}
      </h3>
      <div ref={host} />
    </div>
  );
}

function applyRange(u: uPlot, range: readonly [number, number] | null): void {
  if (range) u.setScale('x', { min: range[0], max: range[1] });
}

function countPoints(ys: ArrayLike<number | null | undefined>): number {
  let n = 0;
  for (let i = 0; i < ys.length; i++) if (ys[i] !== null && ys[i] !== undefined) n++;
  return n;
}

/** Width of the y axis from its longest tick label, so 2.5e+16 is not clipped. */
function axisWidth(_u: uPlot, values: string[] | null): number {
  const longest = Math.max(3, ...(values ?? []).map((v) => (v ? v.length : 0)));
  return Math.ceil(longest * 7.2) + 18;
}

/** A dashed red vertical line at x (an alert's iteration), drawn over the plot. */
function drawMark(u: uPlot, x: number | null): void {
  if (x === null || !Number.isFinite(x)) return;
  const px = Math.round(u.valToPos(x, 'x', true));
  if (px < u.bbox.left || px > u.bbox.left + u.bbox.width) return;
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = '#c62828';
  ctx.lineWidth = 1.5 * devicePixelRatio;
  ctx.setLineDash([5 * devicePixelRatio, 4 * devicePixelRatio]);
  ctx.beginPath();
  ctx.moveTo(px, u.bbox.top);
  ctx.lineTo(px, u.bbox.top + u.bbox.height);
  ctx.stroke();
  ctx.restore();
}

/** A bucket-extreme series: not stroked, only the band between a line's min and max is filled. */
function extremeSeries(label: string): uPlot.Series {
  return { label, stroke: 'transparent', width: 0, spanGaps: true, points: { show: false } };
}

/** '#4e79a7' + 0.16 → 'rgba(78,121,167,0.16)'. */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  return `rgba(${parseInt(m[1], 16)},${parseInt(m[2], 16)},${parseInt(m[3], 16)},${alpha})`;
}
