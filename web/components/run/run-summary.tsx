import type { RunInfo } from '@/hooks/use-runs-info';
import type { SeriesPoint } from '@/lib/chart/series';
import { latestMetricValue } from '@/lib/latest-metric';
import { estimateRemainingMs, formatDuration, formatMetric, toMs } from '@/lib/format';

/** Status, backend/device, timing, progress and the resolved config of a run. */
export function RunSummary({ run, liveSeries }: {
  run: RunInfo;
  /** The run's live chart series (seriesKey → points): newer than run.latestMetrics while it trains. */
  liveSeries?: Record<string, readonly SeriesPoint[]>;
}) {
  const started = toMs(run.startedAt);
  const finished = toMs(run.finishedAt);
  const eta = run.status === 'RUNNING' ? estimateRemainingMs(started, Date.now(), run.iteration, run.totalIterations) : null;
  const latest = (split: string, name: string) => latestMetricValue(run.latestMetrics, liveSeries, split, name);
  return (
    <div className="panel" style={{ display: 'grid', gridTemplateColumns: 'minmax(300px, 1fr) minmax(300px, 1fr)', gap: 20 }}>
      <dl className="kv">
        <dt>Status</dt><dd>{run.status.toLowerCase()}</dd>
        <dt>Backend / device</dt><dd data-testid="backend">{run.backend ?? '–'} / {run.device ?? '–'}</dd>
        <dt>Progress</dt>
        <dd>{run.iteration} / {run.totalIterations ?? '?'}{eta !== null ? ` · ETA ${formatDuration(eta)}` : ''}</dd>
        <dt>Created</dt><dd>{new Date(toMs(run.createdAt) ?? 0).toLocaleString()}</dd>
        <dt>Started</dt><dd>{started ? new Date(started).toLocaleString() : '–'}</dd>
        <dt>Finished</dt><dd>{finished ? `${new Date(finished).toLocaleString()} (${formatDuration(finished - (started ?? finished))})` : '–'}</dd>
        {run.kind === 'CHAR_RNN' ? (
          <>
            <dt>Train CE / orthonormality</dt><dd>{formatMetric('crossEntropy', latest('TRAIN', 'crossEntropy'))} / {formatMetric('orthonormalityLoss', latest('TRAIN', 'orthonormalityLoss'))}</dd>
            <dt>Val CE / bits per char</dt><dd>{formatMetric('crossEntropy', latest('VALIDATION', 'crossEntropy'))} / {formatMetric('bitsPerChar', latest('VALIDATION', 'bitsPerChar'))}</dd>
          </>
        ) : run.kind === 'SEGMENTATION' ? (
          <>
            <dt>Train mean IoU / CE</dt><dd>{formatMetric('meanIoU', latest('TRAIN', 'meanIoU'))} / {formatMetric('crossEntropy', latest('TRAIN', 'crossEntropy'))}</dd>
            <dt>Val mean IoU / pixel acc / CE</dt><dd>{formatMetric('meanIoU', latest('VALIDATION', 'meanIoU'))} / {formatMetric('accuracy', latest('VALIDATION', 'pixelAccuracy'))} / {formatMetric('crossEntropy', latest('VALIDATION', 'crossEntropy'))}</dd>
          </>
        ) : (
          <>
            <dt>Train acc / CE</dt><dd>{formatMetric('accuracy', latest('TRAIN', 'accuracy'))} / {formatMetric('crossEntropy', latest('TRAIN', 'crossEntropy'))}</dd>
            <dt>Val acc / CE</dt><dd>{formatMetric('accuracy', latest('VALIDATION', 'accuracy'))} / {formatMetric('crossEntropy', latest('VALIDATION', 'crossEntropy'))}</dd>
          </>
        )}
        <dt>Tags</dt><dd>{run.tags?.join(', ') || '–'}</dd>
        <dt>Sweep</dt><dd>{run.sweepId ?? '–'}</dd>
      </dl>
      <dl className="kv" data-testid="config">
        {Object.entries(run.config ?? {}).map(([k, v]) => (
          <FragmentRow key={k} k={k} v={v} />
        ))}
        {Object.entries(run.alertRules ?? {})
          .filter(([k]) => k !== '__typename')
          .map(([k, v]) => (
            <FragmentRow key={`alert-${k}`} k={`alert rule ${k}`} v={v} />
          ))}
      </dl>
    </div>
  );
}

function FragmentRow({ k, v }: { k: string; v: unknown }) {
  return (
    <>
      <dt>{k}</dt>
      <dd>{typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}</dd>
    </>
  );
}
