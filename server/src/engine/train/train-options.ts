import type { TrainEvent } from '@orthoscope/shared';

/**
 * What every training loop (CNN, char-RNN, segmentation) takes besides its config.
 * The engine reports through `onEvent` and never touches storage, GraphQL or process.env.
 */
export interface TrainHooks {
  /** Called synchronously for every event, in order. */
  onEvent(event: TrainEvent): void;
  /** Polled once per iteration; returning true ends the run with `done.reason = 'stopped'`. */
  shouldStop?(): boolean;
  /**
   * Folder for checkpoints (one `iter-<N>` sub-folder per evaluation, all with weights; only the
   * newest keeps the optimizer state); no checkpoints when absent.
   */
  checkpointDir?: string;
  /**
   * Checkpoint folder to resume from (weights, optimizer state, iteration). It must hold optimizer
   * state — the newest checkpoint of a run; an older weights-only one is an Error naming the newest.
   */
  resumeFrom?: string;
  /**
   * CNN only: threads computing each step, data-parallel (default 1: the main thread alone, as a
   * sweep already runs one experiment per core). 2 splits every batch between the main thread and
   * a helper thread with its own wasm/cpu backend, gradients summed: the same step, ~1.6× faster.
   */
  workers?: number;
  /** Backend and device named in the `start` event; default: tf.getBackend() for both. */
  runtime?: { backend: string; device: string };
}
