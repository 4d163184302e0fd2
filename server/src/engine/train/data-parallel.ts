import { Worker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import type { CnnConfig } from '@orthoscope/shared';
import type { BackendPreference } from '../backend';
import { CIFAR_PIXEL_BYTES } from '../data/cifar-spec';
import type { CifarSplit } from '../data/cifar';
import type { CifarCnn } from '../models/cifar-cnn';
import { CNN_STEP_TERMS } from './cnn-step';
import type { DataParallelModel, WorkerInit, WorkerReply, WorkerStep } from './data-parallel-protocol';
import { shardGradients } from './data-parallel-shard';

type StepTerms = Record<(typeof CNN_STEP_TERMS)[number], number>;

/** Options of {@link DataParallelCnnStep.create}. */
export interface DataParallelOptions {
  /** Threads computing one step, the main thread included (2 = one helper thread); at least 2. */
  workers: number;
  /** Backend each helper thread initialises (default `wasm`: the one that trains on one core). */
  backend?: BackendPreference;
  numClasses: number;
  /** The network's settings; helpers build the same architecture (weights come from the main thread every step). */
  model: DataParallelModel;
}

/**
 * One Adam step of the SPEC §3 network spread over several threads: the batch is cut into
 * `workers` contiguous shards (the main thread's first), helper threads (each with its own tfjs backend and copy of the
 * network, sent the current weights) compute their shards' gradients while the main thread
 * computes its own, the gradients are summed weighted by shard size — the gradient of the whole
 * batch — and the main thread's optimizer applies them. Same mathematics as {@link cnnTrainStep}
 * on the whole batch, up to float32 rounding of the summation order.
 */
export class DataParallelCnnStep {
  private constructor(private readonly helpers: Worker[]) {}

  static async create(options: DataParallelOptions): Promise<DataParallelCnnStep> {
    if (!Number.isInteger(options.workers) || options.workers < 2) {
      throw new RangeError(`DataParallelCnnStep: workers must be an integer ≥ 2 (got ${options.workers})`);
    }
    const init: WorkerInit = { type: 'init', backend: options.backend ?? 'wasm', numClasses: options.numClasses, model: options.model };
    const helpers = Array.from({ length: options.workers - 1 }, () => new Worker(new URL('./data-parallel-worker-entry.mjs', import.meta.url)));
    const step = new DataParallelCnnStep(helpers);
    try {
      await Promise.all(helpers.map((w) => request(w, init)));
    } catch (error) {
      await step.dispose();
      throw error;
    }
    return step;
  }

  /** Threads per step, the main thread included. */
  get workers(): number {
    return this.helpers.length + 1;
  }

  /** Like {@link cnnTrainStep}: one Adam step on `indices` of `split`; returns the batch's five SPEC terms. */
  async step(model: CifarCnn, optimizer: tf.Optimizer, variables: tf.Variable[], split: CifarSplit, indices: ArrayLike<number>, orthoWeight: number): Promise<StepTerms> {
    const { grads, terms } = await this.gradients(model, variables, split, indices, orthoWeight);
    optimizer.applyGradients(variables.map((v, i) => ({ name: v.name, tensor: grads[i] })));
    tf.dispose(grads);
    return Object.fromEntries(CNN_STEP_TERMS.map((k, i) => [k, terms[i]])) as StepTerms;
  }

  /**
   * The gradient of the mean loss over the whole batch (variable order; the caller disposes the
   * tensors) and its five terms, computed shard by shard across the threads.
   */
  async gradients(model: CifarCnn, variables: tf.Variable[], split: CifarSplit, indices: ArrayLike<number>, orthoWeight: number): Promise<{ grads: tf.Tensor[]; terms: Float32Array }> {
    const n = indices.length;
    // The main thread takes the first ⌈n/workers⌉ records (never empty), the helpers share the rest;
    // a helper whose share is empty (a last batch smaller than the thread count) sits the step out.
    const bounds = [0, Math.ceil(n / this.workers)];
    for (let h = 1; h <= this.helpers.length; h++) bounds.push(bounds[1] + Math.round((h * (n - bounds[1])) / this.helpers.length));
    const shard = (k: number) => Array.prototype.slice.call(indices, bounds[k], bounds[k + 1]) as number[];
    const share = (k: number) => (bounds[k + 1] - bounds[k]) / n;
    const busy = this.helpers.map((w, h) => ({ worker: w, k: h + 1 })).filter(({ k }) => bounds[k + 1] > bounds[k]);
    // Helpers' shards are posted first so that all threads work at once.
    const weights = variables.map((v) => new Float32Array(v.dataSync()));
    const pending = busy.map(({ worker, k }) => request(worker, shardMessage(split, shard(k), weights, orthoWeight)));
    const own = await shardGradients(model, variables, split, shard(0), orthoWeight);
    let replies: Extract<WorkerReply, { type: 'grads' }>[];
    try {
      replies = (await Promise.all(pending)) as Extract<WorkerReply, { type: 'grads' }>[];
    } catch (error) {
      tf.dispose(own.grads);
      throw error;
    }
    const grads = tf.tidy(() => variables.map((v, i) => replies.reduce(
      (sum, r, j) => tf.add(sum, tf.mul(tf.tensor(r.grads[i], v.shape, 'float32'), share(busy[j].k))),
      tf.mul(own.grads[i], share(0)),
    )));
    tf.dispose(own.grads);
    const terms = own.terms.map((t, m) => replies.reduce((sum, r, j) => sum + r.terms[m] * share(busy[j].k), t * share(0)));
    return { grads, terms };
  }

  /** Ends the helper threads. */
  async dispose(): Promise<void> {
    await Promise.all(this.helpers.map((w) => w.terminate()));
  }
}

/** The records of one shard as compact uint8 arrays (the helper's own little split). */
function shardMessage(split: CifarSplit, indices: number[], weights: Float32Array[], orthoWeight: number): WorkerStep {
  const images = new Uint8Array(indices.length * CIFAR_PIXEL_BYTES);
  const labels = new Uint8Array(indices.length);
  indices.forEach((index, k) => {
    if (!Number.isInteger(index) || index < 0 || index >= split.count) {
      throw new RangeError(`DataParallelCnnStep: index ${index} at position ${k} is outside the split of ${split.count} records`);
    }
    images.set(split.images.subarray(index * CIFAR_PIXEL_BYTES, (index + 1) * CIFAR_PIXEL_BYTES), k * CIFAR_PIXEL_BYTES);
    labels[k] = split.labels[index];
  });
  return { type: 'step', weights, images, labels, count: indices.length, orthoWeight };
}

/** Posts `message` and resolves with the helper's next reply; rejects on an error reply or a dead thread. */
function request(worker: Worker, message: WorkerInit | WorkerStep): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (reply: WorkerReply) => {
      cleanup();
      if (reply.type === 'error') reject(new Error(`data-parallel worker: ${reply.message}`));
      else resolve(reply);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new Error(`data-parallel worker failed: ${error.message}`));
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`data-parallel worker exited (code ${code}) before replying`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(message);
  });
}
