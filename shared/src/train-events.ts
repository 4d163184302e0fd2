/**
 * What a training loop reports, in order: one `start`, then `train` per iteration, `eval` at
 * iteration 1 and every evalEvery iterations, `checkpoint` after each eval, one `done`.
 * The CLI prints these as JSON lines; the runner forwards them from the child process.
 */

/** Per-iteration metric names of SPEC §3, exactly as the study names them. */
export const CNN_TRAIN_METRICS = [
  'crossEntropy',
  'accuracy',
  'orthoLoss',
  'weightedOrthoLoss',
  'totalLoss',
  'timePerIter',
  'stepMs',
] as const;
export type CnnTrainMetric = (typeof CNN_TRAIN_METRICS)[number];

/** Evaluation metric names of SPEC §3. */
export const CNN_EVAL_METRICS = ['crossEntropy', 'accuracy', 'evalMs'] as const;
export type CnnEvalMetric = (typeof CNN_EVAL_METRICS)[number];

export interface StartEvent {
  type: 'start';
  backend: string;
  device: string;
  config: object;
  /** Iteration the run starts from (0, or the checkpoint's when resuming). */
  iteration: number;
  totalIterations: number;
}
/** Metrics of one training iteration; keys are the kind's train metric names. */
export interface TrainStepEvent {
  type: 'train';
  iteration: number;
  epoch: number;
  metrics: Record<string, number>;
}
export interface EvalEvent {
  type: 'eval';
  iteration: number;
  metrics: Record<string, number>;
}
/** One validation image with its true and predicted masks, as PNG files (segmentation runs). */
export interface PreviewImages {
  image: string;
  trueMask: string;
  predictedMask: string;
}
export interface CheckpointEvent {
  type: 'checkpoint';
  iteration: number;
  path: string;
  /** Segmentation only: PNGs of a few validation predictions saved in the checkpoint folder. */
  previews?: PreviewImages[];
}
export interface DoneEvent {
  type: 'done';
  iteration: number;
  /** `completed`: all epochs or maxIterations; `stopped`: shouldStop() returned true. */
  reason: 'completed' | 'stopped';
}
export type TrainEvent = StartEvent | TrainStepEvent | EvalEvent | CheckpointEvent | DoneEvent;
