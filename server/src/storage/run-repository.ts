import type {
  AlertRecord, CheckpointRecord, MetricPoint, MetricSeries, MetricSplit, RunFilter, RunPatch, RunRecord,
  SeriesQuery, SweepRecord,
} from './records';

/**
 * Everything Orthoscope stores: runs, sweeps, every metric point, alerts, checkpoints.
 * Plain data in and out; writes are durable when the call returns.
 */
export interface RunRepository {
  insertRun(run: RunRecord): void;
  /** Applies `patch`; returns the updated run, or undefined when the id is unknown. */
  updateRun(id: string, patch: RunPatch): RunRecord | undefined;
  getRun(id: string): RunRecord | undefined;
  listRuns(filter?: RunFilter): RunRecord[];
  /** Deletes the run with its points, alerts and checkpoints; false when the id is unknown. */
  deleteRun(id: string): boolean;

  insertSweep(sweep: SweepRecord): void;
  getSweep(id: string): SweepRecord | undefined;
  listSweeps(first?: number): SweepRecord[];

  /** Stores points in one transaction; a point at an existing (split, name, iteration) replaces it. */
  appendPoints(runId: string, points: MetricPoint[]): void;
  /** Drops points after `iteration` (a run resumed from an earlier checkpoint measures them again). */
  deletePointsAfter(runId: string, iteration: number): void;
  /** Series downsampled to at most `maxPoints` buckets each, ordered by name then split. */
  series(runId: string, query: SeriesQuery): MetricSeries[];
  /** The last point of every series of the run. */
  latestPoints(runId: string, split?: MetricSplit | null): MetricPoint[];
  /** Every point at full resolution, ordered by split, name, iteration. */
  allPoints(runId: string): MetricPoint[];
  countPoints(runId: string): number;

  insertAlert(alert: AlertRecord): void;
  listAlerts(runId: string): AlertRecord[];
  insertCheckpoint(checkpoint: CheckpointRecord): void;
  listCheckpoints(runId: string): CheckpointRecord[];
  /** Drops checkpoints after `iteration` (their folders are overwritten by a resumed run). */
  deleteCheckpointsAfter(runId: string, iteration: number): void;

  close(): void;
}
