'use client';

import { useId } from 'react';
import type { ChartGridProps } from './chart-grid';

type View = ChartGridProps['view'];

/** Smoothing slider, log-scale toggle and x-axis choice. */
export function ChartControls({ view, onChange }: { view: View; onChange: (view: View) => void }) {
  // <label htmlFor> for the slider and the select: wrapped, their value would join their name.
  const id = useId();
  return (
    <div className="toolbar">
      <span className="control">
        <label htmlFor={`${id}-smoothing`}>Smoothing</label>{' '}
        <input
          id={`${id}-smoothing`}
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={view.smoothing}
          onChange={(e) => onChange({ ...view, smoothing: Number(e.target.value) })}
        />
        <span style={{ width: 32 }}>{view.smoothing.toFixed(2)}</span>
      </span>
      <label>
        <input type="checkbox" checked={view.logScale} onChange={(e) => onChange({ ...view, logScale: e.target.checked })} />
        Log scale
      </label>
      <label title="Shade each bucket's min–max: a spike inside a bucket stays visible">
        <input type="checkbox" checked={view.bands ?? true} onChange={(e) => onChange({ ...view, bands: e.target.checked })} />
        Min/max band
      </label>
      <span className="control">
        <label htmlFor={`${id}-x`}>x axis</label>{' '}
        <select id={`${id}-x`} value={view.xAxis} onChange={(e) => onChange({ ...view, xAxis: e.target.value as View['xAxis'] })}>
          <option value="iteration">iteration</option>
          <option value="time">wall time</option>
        </select>
      </span>
      <span className="muted">Drag across a chart to zoom (finer buckets are loaded); double-click to reset.</span>
    </div>
  );
}
