/**
 * GraphQL operations of the Orthoscope API (server/schema.graphql), as named constants shared by
 * the dashboard, the scripts and the tests. Plain strings: pass them to urql, graphql-ws or fetch.
 * Metric values are null when the measured value was NaN or ±∞; point times are ms since the epoch.
 */

/** Fields of a run that lists and live updates need (no metrics, alerts or checkpoints). */
export const RUN_FIELDS = /* GraphQL */ `
  fragment RunFields on Run {
    id
    name
    kind
    status
    config
    tags
    createdAt
    startedAt
    finishedAt
    iteration
    totalIterations
    backend
    device
    error
    sweepId
  }
`;

/** Fields of an alert. */
export const ALERT_FIELDS = /* GraphQL */ `
  fragment AlertFields on Alert {
    id
    runId
    rule
    message
    iteration
    value
    threshold
    autoStopped
    createdAt
  }
`;

/** Runs, newest first. Variables: status, tag, sweepId, first, after (a run id). */
export const RUNS_QUERY = /* GraphQL */ `
  query Runs($status: RunStatus, $tag: String, $sweepId: ID, $first: Int, $after: String) {
    runs(status: $status, tag: $tag, sweepId: $sweepId, first: $first, after: $after) {
      ...RunFields
      latestMetrics { name split iteration value time }
    }
  }
  ${RUN_FIELDS}
`;

/** One run with its alert rules, alerts and checkpoints. Variables: id. */
export const RUN_QUERY = /* GraphQL */ `
  query Run($id: ID!) {
    run(id: $id) {
      ...RunFields
      alertRules { autoStop nonFinite lossRise lossRiseFactor lossRiseEvaluations chanceFall chanceMargin }
      alerts { ...AlertFields }
      checkpoints { iteration path createdAt }
      latestMetrics { name split iteration value time }
    }
  }
  ${RUN_FIELDS}
  ${ALERT_FIELDS}
`;

/**
 * Downsampled metric series of one run: at most maxPoints buckets per series, each with the
 * bucket's mean (value), min and max. Variables: id, names, split, maxPoints (default 1000),
 * fromIteration and toIteration (inclusive; a zoomed window gets maxPoints buckets of its own).
 */
export const RUN_METRICS_QUERY = /* GraphQL */ `
  query RunMetrics($id: ID!, $names: [String!], $split: MetricSplit, $maxPoints: Int, $fromIteration: Int, $toIteration: Int) {
    run(id: $id) {
      id
      status
      iteration
      metrics(names: $names, split: $split, maxPoints: $maxPoints, fromIteration: $fromIteration, toIteration: $toIteration) {
        name
        split
        points { iteration value min max time count nonFinite }
      }
    }
  }
`;

/** One sweep with its runs. Variables: id. */
export const SWEEP_QUERY = /* GraphQL */ `
  query Sweep($id: ID!) {
    sweep(id: $id) {
      id
      name
      createdAt
      orthoWeights
      includeHouseholder
      runs {
        ...RunFields
        latestMetrics { name split iteration value time }
      }
    }
  }
  ${RUN_FIELDS}
`;

/** Sweeps, newest first. Variables: first. */
export const SWEEPS_QUERY = /* GraphQL */ `
  query Sweeps($first: Int) {
    sweeps(first: $first) { id name createdAt orthoWeights includeHouseholder runs { id status } }
  }
`;

/** Data sets found under the data root. */
export const DATASETS_QUERY = /* GraphQL */ `
  query Datasets {
    datasets { name kind status path sizeBytes download { phase loaded total error } }
  }
`;

/**
 * Starts downloading a missing CIFAR set (cifar10, cifar100) in the background; idempotent while
 * it runs. Variables: name. Follow it with DATASET_DOWNLOAD_SUBSCRIPTION.
 */
export const DOWNLOAD_DATASET_MUTATION = /* GraphQL */ `
  mutation DownloadDataset($name: String!) {
    downloadDataset(name: $name) { name kind status path sizeBytes download { phase loaded total error } }
  }
`;

/**
 * Progress (at most 4 a second), completion (status AVAILABLE) and failure (download.error) of
 * dataset downloads; all sets when name is omitted. Variables: name.
 */
export const DATASET_DOWNLOAD_SUBSCRIPTION = /* GraphQL */ `
  subscription DatasetDownload($name: String) {
    datasetDownload(name: $name) { name kind status path sizeBytes download { phase loaded total error } }
  }
`;

/** Server version, training backend and queue state. */
export const SYSTEM_QUERY = /* GraphQL */ `
  query System {
    system { version backend device concurrency queued running authRequired }
  }
`;

/** Starts one run. Variables: input (RunInput). */
export const START_RUN_MUTATION = /* GraphQL */ `
  mutation StartRun($input: RunInput!) {
    startRun(input: $input) { ...RunFields }
  }
  ${RUN_FIELDS}
`;

/** Starts a λ sweep (one run per orthoWeight, plus one Householder run). Variables: input (SweepInput). */
export const START_SWEEP_MUTATION = /* GraphQL */ `
  mutation StartSweep($input: SweepInput!) {
    startSweep(input: $input) {
      id
      name
      createdAt
      orthoWeights
      includeHouseholder
      runs { ...RunFields }
    }
  }
  ${RUN_FIELDS}
`;

/** Stops a queued or running run. Variables: id. */
export const STOP_RUN_MUTATION = /* GraphQL */ `
  mutation StopRun($id: ID!) {
    stopRun(id: $id) { ...RunFields }
  }
  ${RUN_FIELDS}
`;

/** Continues an interrupted, stopped, failed or diverged run from its last checkpoint. Variables: id. */
export const RESUME_RUN_MUTATION = /* GraphQL */ `
  mutation ResumeRun($id: ID!) {
    resumeRun(id: $id) { ...RunFields }
  }
  ${RUN_FIELDS}
`;

/** Deletes a run with its points, alerts and checkpoints (stopping it first). Variables: id. */
export const DELETE_RUN_MUTATION = /* GraphQL */ `
  mutation DeleteRun($id: ID!) {
    deleteRun(id: $id)
  }
`;

/** Live metric points of one run, as they are stored. Variables: runId. */
export const RUN_METRICS_SUBSCRIPTION = /* GraphQL */ `
  subscription RunMetricsLive($runId: ID!) {
    runMetrics(runId: $runId) {
      runId
      points { name split iteration value time }
    }
  }
`;

/** Every change of any run (status, iteration, error); optionally one run or one sweep. Variables: runId, sweepId. */
export const RUN_UPDATES_SUBSCRIPTION = /* GraphQL */ `
  subscription RunUpdates($runId: ID, $sweepId: ID) {
    runUpdates(runId: $runId, sweepId: $sweepId) { ...RunFields }
  }
  ${RUN_FIELDS}
`;

/** Divergence alerts, once per episode; all runs when runId is omitted. Variables: runId. */
export const ALERTS_SUBSCRIPTION = /* GraphQL */ `
  subscription Alerts($runId: ID) {
    alerts(runId: $runId) { ...AlertFields }
  }
  ${ALERT_FIELDS}
`;

// Result shapes of the operations above (enum values as the API spells them).

export type ApiRunStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'STOPPED' | 'DIVERGED' | 'INTERRUPTED';
export type ApiMetricSplit = 'TRAIN' | 'VALIDATION';
export type ApiExperimentKind = 'CNN' | 'CHAR_RNN' | 'SEGMENTATION';
export type ApiAlertRule = 'NON_FINITE_LOSS' | 'LOSS_RISE' | 'ACCURACY_AT_CHANCE';

/** A run as selected by RUN_FIELDS. `config` is the resolved engine config (lower-case values). */
export interface ApiRun {
  id: string;
  name: string;
  kind: ApiExperimentKind;
  status: ApiRunStatus;
  config: Record<string, unknown>;
  tags: string[];
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  iteration: number;
  totalIterations: number | null;
  backend: string | null;
  device: string | null;
  error: string | null;
  sweepId: string | null;
  latestMetrics?: ApiMetricPoint[];
}

/** One stored point (live batches, latestMetrics). */
export interface ApiMetricPoint {
  name: string;
  split: ApiMetricSplit;
  iteration: number;
  value: number | null;
  time: number;
}

/**
 * One downsampling bucket of `count` points: mean, min and max of its finite values (null when
 * none is finite), how many were NaN or ±∞, and the iteration and time of its last point.
 */
export interface ApiSeriesPoint {
  iteration: number;
  value: number | null;
  min: number | null;
  max: number | null;
  time: number;
  count: number;
  nonFinite: number;
}

export interface ApiMetricSeries {
  name: string;
  split: ApiMetricSplit;
  points: ApiSeriesPoint[];
}

export interface ApiMetricBatch {
  runId: string;
  points: ApiMetricPoint[];
}

export interface ApiAlert {
  id: string;
  runId: string;
  rule: ApiAlertRule;
  message: string;
  iteration: number;
  value: number | null;
  threshold: number | null;
  autoStopped: boolean;
  createdAt: string;
}

// Dashboard operations (web/): compositions of the fields above.

/** The runs table: RUNS_QUERY plus each run's alert ids (for the alert count). Variables as RUNS_QUERY. */
export const RUNS_TABLE_QUERY = /* GraphQL */ `
  query RunsTable($status: RunStatus, $tag: String, $sweepId: ID, $first: Int, $after: String) {
    runs(status: $status, tag: $tag, sweepId: $sweepId, first: $first, after: $after) {
      ...RunFields
      latestMetrics { name split iteration value time }
      alerts { id }
    }
  }
  ${RUN_FIELDS}
`;

/** Alerts of the most recent runs, for the alerts list. Variables: first (runs). */
export const RECENT_ALERTS_QUERY = /* GraphQL */ `
  query RecentAlerts($first: Int) {
    runs(first: $first) {
      id
      name
      config
      alerts { ...AlertFields }
    }
  }
  ${ALERT_FIELDS}
`;

/**
 * Text from a CHAR_RNN run's latest checkpoint (SPEC §4 sampling). Variables: runId, seed,
 * length (default 320, seed included), temperature (default 1), randomSeed (default random).
 */
export const SAMPLE_TEXT_QUERY = /* GraphQL */ `
  query SampleText($runId: ID!, $seed: String!, $length: Int, $temperature: Float, $randomSeed: Int) {
    sampleText(runId: $runId, seed: $seed, length: $length, temperature: $temperature, randomSeed: $randomSeed)
  }
`;

/**
 * Validation images with their true and predicted masks (data:image/png URLs) of a SEGMENTATION
 * run, from its latest checkpoint or the one at `iteration`; null before the first. Variables: runId, iteration.
 */
export const SEGMENTATION_PREVIEWS_QUERY = /* GraphQL */ `
  query SegmentationPreviews($runId: ID!, $iteration: Int) {
    segmentationPreviews(runId: $runId, iteration: $iteration) {
      iteration
      previews { image trueMask predictedMask }
    }
  }
`;

export type ApiDownloadPhase = 'DOWNLOAD' | 'VERIFY' | 'DONE' | 'FAILED';

/** A data set as DATASETS_QUERY, DOWNLOAD_DATASET_MUTATION and DATASET_DOWNLOAD_SUBSCRIPTION return it. */
export interface ApiDataset {
  name: string;
  kind: ApiExperimentKind;
  status: 'AVAILABLE' | 'DOWNLOADABLE' | 'MISSING';
  path: string | null;
  sizeBytes: number | null;
  download: { phase: ApiDownloadPhase; loaded: number; total: number; error: string | null } | null;
}
