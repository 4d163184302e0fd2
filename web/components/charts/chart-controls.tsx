'use client';

import type { ChartGridProps } from './chart-grid';

type View = ChartGridProps['view'];

/** Smoothing slider, log-scale toggle and x-axis choice. */
export function ChartControls({ view, onChange }: { view: View; onChange: (view: View) => void }) {
  return (
    <div className="toolbar">
      <label>
        Smoothing
        <input
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={view.smoothing}
          onChange={(e) => onChange({ ...view, smoothing: Number(e.target.value) })}
          aria-label="smoothing"
        />
        <span style={{ width: 32 }}>{view.smoothing.toFixed(2)}</span>
      </label>
      <label>
        <input type="checkbox" checked={view.logScale} onChange={(e) => onChange({ ...view, logScale: e.target.checked })} aria-label="log scale" />
        Log scale
      </label>
      <label title="Shade each bucket's min–max: a spike inside a bucket stays visible">
        <input type="checkbox" checked={view.bands ?? true} onChange={(e) => onChange({ ...view, bands: e.target.checked })} aria-label="min/max band" />
        Min/max band
      </label>
      <label>
        x axis
        <select value={view.xAxis} onChange={(e) => onChange({ ...view, xAxis: e.target.value as View['xAxis'] })} aria-label="x axis">
          <option value="iteration">iteration</option>
          <option value="time">wall time</option>
        </select>
      </label>
      <span className="muted">Drag across a chart to zoom (finer buckets are loaded); double-click to reset.</span>
    </div>
  );
}
