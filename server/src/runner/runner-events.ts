import type { AlertRecord, MetricPoint, RunRecord } from '../storage/records';

/** How the runner reports what it stored (the API publishes these to subscribers). */
export interface RunnerEvents {
  runUpdated(run: RunRecord): void;
  metrics(runId: string, points: MetricPoint[]): void;
  alert(alert: AlertRecord): void;
}
