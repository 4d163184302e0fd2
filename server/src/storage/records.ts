import type { ExperimentKind } from '@orthoscope/shared';

/** Run lifecycle states (stored and served as these names). */
export type RunStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'STOPPED' | 'DIVERGED' | 'INTERRUPTED';
export const RUN_STATUSES: readonly RunStatus[] = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'STOPPED', 'DIVERGED', 'INTERRUPTED'];
/** States a run never leaves by itself. */
export const FINISHED_STATUSES: readonly RunStatus[] = ['SUCCEEDED', 'FAILED', 'STOPPED', 'DIVERGED', 'INTERRUPTED'];

/** Where a metric point was measured: a training iteration or an evaluation on the test split. */
export type MetricSplit = 'TRAIN' | 'VALIDATION';

/** Divergence rules of one run (SPEC §6); see runner/divergence-rules.ts for their meaning and defaults. */
export interface AlertRules {
  autoStop: boolean;
  nonFinite: boolean;
  lossRise: boolean;
  lossRiseFactor: number;
  lossRiseEvaluations: number;
  chanceFall: boolean;
  chanceMargin: number;
}

export type AlertRuleName = 'NON_FINITE_LOSS' | 'LOSS_RISE' | 'ACCURACY_AT_CHANCE';

/** One run as stored. Times are ms since the epoch. */
export interface RunRecord {
  id: string;
  name: string;
  kind: ExperimentKind;
  status: RunStatus;
  /** The resolved engine config (e.g. CnnConfig). */
  config: Record<string, unknown>;
  alertRules: AlertRules;
  tags: string[];
  sweepId: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  iteration: number;
  totalIterations: number | null;
  backend: string | null;
  device: string | null;
  error: string | null;
}

/** The fields of a run the runner changes as it goes. */
export type RunPatch = Partial<Pick<RunRecord,
  'status' | 'startedAt' | 'finishedAt' | 'iteration' | 'totalIterations' | 'backend' | 'device' | 'error'>>;

/** One measured value; `value` may be NaN or ±∞ (stored and exported as such). */
export interface MetricPoint {
  name: string;
  split: MetricSplit;
  iteration: number;
  value: number;
  /** ms since the epoch, when the server received it. */
  time: number;
}

/** One downsampling bucket: statistics over its finite values, and its last iteration and time. */
export interface SeriesBucket {
  iteration: number;
  value: number | null;
  min: number | null;
  max: number | null;
  time: number;
  count: number;
  nonFinite: number;
}

export interface MetricSeries {
  name: string;
  split: MetricSplit;
  points: SeriesBucket[];
}

export interface AlertRecord {
  id: string;
  runId: string;
  rule: AlertRuleName;
  message: string;
  iteration: number;
  /** The value that broke the rule (NaN/±∞ for non-finite losses). */
  value: number;
  threshold: number | null;
  autoStopped: boolean;
  createdAt: number;
}

export interface CheckpointRecord {
  runId: string;
  iteration: number;
  path: string;
  createdAt: number;
}

export interface SweepRecord {
  id: string;
  name: string;
  createdAt: number;
  orthoWeights: number[];
  includeHouseholder: boolean;
}

/** Filters of `listRuns`; `after` is a run id (cursor), runs come newest first. */
export interface RunFilter {
  status?: RunStatus | null;
  tag?: string | null;
  sweepId?: string | null;
  first?: number | null;
  after?: string | null;
}

/**
 * Which series `series` returns (all when names/split are absent), how many buckets at most, and
 * optionally which iterations (inclusive bounds; absent = open end): the buckets then split only
 * the points inside that range, so a zoomed window gets maxPoints buckets of its own.
 */
export interface SeriesQuery {
  names?: string[] | null;
  split?: MetricSplit | null;
  maxPoints: number;
  fromIteration?: number | null;
  toIteration?: number | null;
}
