import type { GridRun } from './chart-grid';

/** The legend shared by a grid of charts: one swatch per run, labelled by mode and λ. */
export function ChartLegend({ runs }: { runs: readonly GridRun[] }) {
  return (
    <div className="legend" aria-label="legend">
      {runs.map((r) => (
        <span key={r.runId}>
          <span className="swatch" style={r.dashed ? { background: `repeating-linear-gradient(90deg, ${r.colour} 0 4px, transparent 4px 7px)` } : { background: r.colour }} />
          {r.label}
        </span>
      ))}
    </div>
  );
}
