'use client';

import { RESUME_RUN_MUTATION, STOP_RUN_MUTATION } from '@orthoscope/shared';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { describeError } from '@/lib/api-errors';
import { useMutation } from 'urql';
import { ChartControls } from '@/components/charts/chart-controls';
import { ChartGrid, type ChartGridProps } from '@/components/charts/chart-grid';
import { useLiveAlerts } from '@/components/alerts/alert-center';
import { AlertsTable } from '@/components/alerts/alerts-table';
import { useLiveMetrics } from '@/hooks/use-live-metrics';
import { useRunsInfo } from '@/hooks/use-runs-info';
import { toMs } from '@/lib/format';
import { runColour, variantLabel } from '@/lib/run-label';
import { isActive, resumeAction } from '@/lib/run-status';
import { chartsForKinds } from '@/lib/chart/char-rnn-charts';
import { RunSummary } from './run-summary';
import { SampleTextPanel } from './sample-text-panel';
import { SegmentationPreviews } from './segmentation-previews';

/** The run page: everything about one run, live. */
export function RunDetail({ runId, highlightIteration }: { runId: string; highlightIteration: number | null }) {
  const { runs, missing, error, reload } = useRunsInfo([runId]);
  const { metrics, refine } = useLiveMetrics([runId]);
  const [view, setView] = useState<ChartGridProps['view']>({ xAxis: 'iteration', smoothing: 0, logScale: false });
  const [, stopRun] = useMutation(STOP_RUN_MUTATION);
  const [, resumeRun] = useMutation(RESUME_RUN_MUTATION);
  const [actionError, setActionError] = useState<string | null>(null);
  const liveAlerts = useLiveAlerts().filter((a) => a.runId === runId);
  const run = runs[0];
  // New alerts and status changes bring new checkpoints/alerts: re-read the run.
  const status = run?.status;
  const liveAlertCount = liveAlerts.length;
  useEffect(() => {
    void reload();
  }, [status, liveAlertCount, reload]);
  const iterationBucket = run ? Math.floor(run.iteration / 50) : 0;
  useEffect(() => {
    if (run && isActive(run.status)) void reload();
  }, [iterationBucket]); // eslint-disable-line react-hooks/exhaustive-deps

  if (missing.length) return <div className="banner">No run with id {runId}. <Link href="/runs">All runs</Link></div>;
  if (!run) return <p className="muted">{error ?? 'loading…'}</p>;

  const act = async (kind: 'stop' | 'resume') => {
    const result = kind === 'stop' ? await stopRun({ id: runId }) : await resumeRun({ id: runId });
    setActionError(result.error ? describeError(result.error) : null);
    void reload();
  };
  const alerts = [...(run.alerts ?? []), ...liveAlerts.filter((a) => !(run.alerts ?? []).some((b) => b.id === a.id))];
  const resume = resumeAction(run.status, run.checkpoints?.length ?? 0);
  // An ended run that never reached iteration 1 has no metrics: say so instead of six empty charts.
  const noMetrics = !isActive(run.status) && run.iteration === 0;
  const gridRuns = [{ runId, label: variantLabel(run.config), colour: runColour(0), originMs: toMs(run.startedAt) ?? undefined }];

  return (
    <>
      <h1>
        {run.name || run.id} <span className={`status ${run.status}`} data-testid="run-status">{run.status.toLowerCase()}</span>
      </h1>
      <div className="toolbar">
        {isActive(run.status) ? <button onClick={() => void act('stop')}>Stop</button> : null}
        {resume ? <button onClick={() => void act('resume')} title={resume.title}>{resume.label}</button> : null}
        <a className="button" href={`/api/export/${runId}?format=csv`}>Export CSV</a>
        <a className="button" href={`/api/export/${runId}?format=json`}>Export JSON</a>
        <Link href={`/compare?runs=${runId}`}>Open in compare</Link>
        {actionError ? <span className="error-text">{actionError}</span> : null}
      </div>
      {run.error ? (
        <div className={`banner${run.status === 'FAILED' || run.status === 'DIVERGED' ? ' error-banner' : ''}`} role="alert" data-testid="run-error">
          <strong>Run {run.status.toLowerCase()}:</strong> {run.error}
        </div>
      ) : null}
      {/* The summary's status row leaves the error to this banner. */}
      <RunSummary run={run} liveSeries={metrics[runId]} />
      <h2>Charts</h2>
      {noMetrics ? (
        <p className="muted" data-testid="no-metrics">No metrics: the run {run.status.toLowerCase()} before its first iteration.</p>
      ) : (
        <>
          <ChartControls view={view} onChange={setView} />
          <ChartGrid runs={gridRuns} metrics={metrics} view={view} onRefine={refine} charts={chartsForKinds([run.kind])} markIteration={highlightIteration} />
        </>
      )}
      {run.kind === 'CHAR_RNN' ? (
        <>
          <h2>Sample text</h2>
          <SampleTextPanel runId={runId} checkpoints={run.checkpoints?.length ?? 0} />
        </>
      ) : null}
      {run.kind === 'SEGMENTATION' ? (
        <>
          <h2>Validation masks</h2>
          {/* Evaluations at iteration 1 and every evalEvery write new previews: one key per evaluation. */}
          <SegmentationPreviews runId={runId} refreshKey={`${run.status}:${run.iteration === 0 ? 0 : 1 + Math.floor(run.iteration / Number((run.config as { evalEvery?: number }).evalEvery ?? 50))}:${run.checkpoints?.length ?? 0}`} />
        </>
      ) : null}
      <h2>Alerts ({alerts.length})</h2>
      <AlertsTable alerts={alerts} highlightIteration={highlightIteration} />
      <h2>Checkpoints ({run.checkpoints?.length ?? 0})</h2>
      <table className="grid" data-testid="checkpoints">
        <thead>
          <tr><th>Iteration</th><th>Saved</th><th>Path</th></tr>
        </thead>
        <tbody>
          {(run.checkpoints ?? []).map((c) => (
            <tr key={`${c.iteration}-${c.path}`}>
              <td>{c.iteration}</td>
              <td>{new Date(toMs(c.createdAt) ?? 0).toLocaleString()}</td>
              <td className="muted">{c.path}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
