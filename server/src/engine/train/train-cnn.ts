import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { CnnConfig, TrainEvent } from '@orthoscope/shared';
import { assignWeights, loadCheckpoint, requireOptimizerState, saveCheckpoint } from '../checkpoint';
import { pruneOptimizerState } from '../checkpoint-optimizer';
import type { CifarData } from '../data/cifar';
import { CifarCnn } from '../models/cifar-cnn';
import { batchesPerEpoch, epochPermutation } from './batch-order';
import { cnnTrainStep } from './cnn-step';
import { DataParallelCnnStep } from './data-parallel';
import { evaluateCnn } from './evaluate-cnn';
import { adamState, restoreAdamState } from './optimizer-state';
import type { TrainHooks } from './train-options';

/**
 * Trains the SPEC §3 network on `data` as `config` says (Adam, seed for weights and batch order,
 * batch size, epochs, optional maxIterations), reporting through `hooks.onEvent`: `start`, one
 * `train` per iteration (SPEC metric names; `epoch` counts from 1; `timePerIter` is wall time since
 * this process started training ÷ its iterations, `stepMs` the step alone including batch
 * conversion and readback), `eval` on the test split (first `evalLimit` records)
 * at iteration 1, every `evalEvery` iterations and at the last iteration, each followed by a
 * checkpoint in `hooks.checkpointDir/iter-<N>/` when set (weights in every one, Adam state only in
 * the newest: the previous one's is dropped once the new one is written), then `done`.
 * `hooks.shouldStop` is polled before every iteration. `hooks.resumeFrom` continues from a
 * checkpoint with its weights, optimizer state and position in the batch order; a weights-only
 * (older) checkpoint is an Error naming the one to resume from instead.
 */
export async function trainCnn(config: CnnConfig, data: CifarData, hooks: TrainHooks): Promise<void> {
  const emit = (event: TrainEvent) => hooks.onEvent(event);
  const orthoWeight = config.mode === 'penalty' ? config.orthoWeight : 0;
  const model = CifarCnn.fromConfig(config, data.numClasses);
  const named = model.namedVariables();
  const names = named.map(([n]) => n);
  const variables = named.map(([, v]) => v);
  const optimizer = tf.train.adam(config.learningRate);
  let parallel: DataParallelCnnStep | null = null;
  try {
    parallel = await dataParallel(config, data.numClasses, hooks.workers ?? 1);
    let iteration = hooks.resumeFrom ? await resume(hooks.resumeFrom, named, optimizer) : 0;
    const perEpoch = batchesPerEpoch(data.train.count, config.batchSize);
    const total = Math.min(config.maxIterations ?? Infinity, config.epochs * perEpoch);
    const backend = tf.getBackend();
    const runtime = hooks.runtime ?? { backend, device: backend };
    emit({ type: 'start', backend: runtime.backend, device: runtime.device, config, iteration, totalIterations: total });

    let order: Int32Array | undefined;
    let orderEpoch = -1;
    const started = performance.now();
    let done = 0;
    while (iteration < total) {
      if (hooks.shouldStop?.()) {
        emit({ type: 'done', iteration, reason: 'stopped' });
        return;
      }
      const epoch = Math.floor(iteration / perEpoch);
      const batch = iteration % perEpoch;
      if (epoch !== orderEpoch) {
        order = epochPermutation(config.seed, epoch, data.train.count);
        orderEpoch = epoch;
      }
      const stepStart = performance.now();
      const indices = order!.subarray(batch * config.batchSize, (batch + 1) * config.batchSize);
      const terms = parallel
        ? await parallel.step(model, optimizer, variables, data.train, indices, orthoWeight)
        : await cnnTrainStep(model, optimizer, variables, data.train, indices, orthoWeight);
      iteration++;
      done++;
      const now = performance.now();
      const metrics = { ...terms, timePerIter: (now - started) / done, stepMs: now - stepStart };
      emit({ type: 'train', iteration, epoch: epoch + 1, metrics });

      if (iteration === 1 || iteration % config.evalEvery === 0 || iteration === total) {
        emit({ type: 'eval', iteration, metrics: await evaluateCnn(model, data.test, config.evalLimit) });
        if (hooks.checkpointDir) {
          const state = { kind: 'cnn', iteration, epoch: Math.floor(iteration / perEpoch), batchInEpoch: iteration % perEpoch, seed: config.seed };
          const optimizerState = await adamState(optimizer, names);
          try {
            const path = await saveCheckpoint(join(hooks.checkpointDir, `iter-${iteration}`), { weights: named, optimizer: optimizerState, config, state });
            emit({ type: 'checkpoint', iteration, path });
              // Only now: until here the previous checkpoint is the one to resume from.
              await pruneOptimizerState(hooks.checkpointDir, path);
          } finally {
            tf.dispose(optimizerState.map(([, t]) => t));
          }
        }
      }
    }
    emit({ type: 'done', iteration, reason: 'completed' });
  } finally {
    model.dispose();
    optimizer.dispose();
    await parallel?.dispose();
  }
}

/** The data-parallel stepper for `workers` > 1 (on the current wasm or cpu backend); null for 1. */
async function dataParallel(config: CnnConfig, numClasses: number, workers: number): Promise<DataParallelCnnStep | null> {
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers: expected an integer ≥ 1, got ${workers}`);
  if (workers === 1) return null;
  const backend = tf.getBackend();
  if (backend !== 'wasm' && backend !== 'cpu') {
    throw new RangeError(`workers ${workers}: data-parallel training runs on the wasm or cpu backend, not ${backend} (which already uses every core)`);
  }
  const { mode, seed, activation, householderScale } = config;
  return DataParallelCnnStep.create({ workers, backend, numClasses, model: { mode, seed, activation, householderScale } });
}

/** Loads weights and Adam state from `dir`; returns the iteration to continue from. */
async function resume(dir: string, named: [string, tf.Variable][], optimizer: tf.AdamOptimizer): Promise<number> {
  const checkpoint = await loadCheckpoint(dir);
  try {
    const iteration = checkpoint.state.iteration;
    if (typeof iteration !== 'number' || !Number.isInteger(iteration) || iteration < 0) {
      throw new Error(`${dir}: checkpoint state has no valid iteration (${JSON.stringify(iteration)})`);
    }
    await requireOptimizerState(checkpoint, dir);
    assignWeights(named, checkpoint.weights, dir);
    await restoreAdamState(optimizer, named.map(([n]) => n), checkpoint.optimizer);
    return iteration;
  } finally {
    tf.dispose([...checkpoint.weights.values(), ...checkpoint.optimizer.map(([, t]) => t)]);
  }
}

/**
 * Evaluates the CNN checkpoint in `dir` on `data.test` (first `limit` records, all when null)
 * with the model its config.json describes.
 */
export async function evaluateCnnCheckpoint(dir: string, data: CifarData, limit: number | null = null) {
  const checkpoint = await loadCheckpoint(dir);
  const model = CifarCnn.fromConfig(checkpoint.config as unknown as CnnConfig, data.numClasses);
  try {
    assignWeights(model.namedVariables(), checkpoint.weights, dir);
    return await evaluateCnn(model, data.test, limit);
  } finally {
    model.dispose();
    tf.dispose([...checkpoint.weights.values(), ...checkpoint.optimizer.map(([, t]) => t)]);
  }
}
