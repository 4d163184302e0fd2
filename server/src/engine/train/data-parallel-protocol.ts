import type { CnnConfig } from '@orthoscope/shared';
import type { BackendPreference } from '../backend';

/** The network settings a worker needs (activation and scale default as in CifarCnn). */
export type DataParallelModel = Pick<CnnConfig, 'mode' | 'seed'> & Partial<Pick<CnnConfig, 'activation' | 'householderScale'>>;

/** What a data-parallel worker needs to build the same network as the main thread. */
export interface WorkerInit {
  type: 'init';
  backend: BackendPreference;
  numClasses: number;
  model: DataParallelModel;
}

/** One shard of a step: the current weights (variable order) and the shard's uint8 records. */
export interface WorkerStep {
  type: 'step';
  weights: Float32Array[];
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
  orthoWeight: number;
}

/** Worker → main: ready after init, a shard's gradients (variable order) and terms, or a failure. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'grads'; grads: Float32Array[]; terms: Float32Array }
  | { type: 'error'; message: string };
