import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { SegmentationConfig } from '@orthoscope/shared';
import { assignWeights, loadCheckpoint, requireOptimizerState, saveCheckpoint } from '../checkpoint';
import { pruneOptimizerState } from '../checkpoint-optimizer';
import { segmentationBatch } from '../data/segmentation-batches';
import { readSegmentationDataset, type SegmentationDataset } from '../data/segmentation-dataset';
import { confusionMatrix, meanIoU, pixelAccuracy } from '../metrics/segmentation-metrics';
import { SegmentationNet } from '../models/segmentation-net';
import { createRng } from '../random';
import { batchesPerEpoch, epochPermutation } from './batch-order';
import { adamState, restoreAdamState } from './optimizer-state';
import { evaluateSegmentation, savePreviews } from './segmentation-eval';
import { segmentationTrainStep } from './segmentation-step';
import type { TrainHooks } from './train-options';

/** Where a segmentation run finds its data. */
export interface SegmentationRunEnv {
  /** Data root holding `segmentation/<name>/`. */
  dataRoot: string;
}

/**
 * Trains the SPEC §5 segmentation network on `<dataRoot>/segmentation/<config.dataset>/` with Adam,
 * per-pixel softmax cross-entropy (+ λ·orthoLoss in `penalty` mode), reporting through `hooks`:
 * `start`; `train` every iteration (SEGMENTATION_TRAIN_METRICS; `timePerIter` = wall time since
 * this process started training ÷ its iterations, `stepMs` the step alone); `eval` on the
 * validation pairs at iteration 1, every `evalEvery` iterations and at the last one; after each
 * eval, when `hooks.checkpointDir` is set, a checkpoint in `iter-<N>/` (weights; Adam state only in
 * the newest one) holding `previewCount` validation image / true mask / predicted mask PNGs, named
 * in the `checkpoint` event; `done`. Batch order and crops depend only on (seed, iteration), so
 * `hooks.resumeFrom` continues exactly (from the newest checkpoint: an older, weights-only one is an
 * Error naming the one to resume from). Throws DataFileError for a bad dataset before any event.
 */
export async function trainSegmentation(config: SegmentationConfig, env: SegmentationRunEnv, hooks: TrainHooks): Promise<void> {
  const dataset = readSegmentationDataset(env.dataRoot, config.dataset, {
    imageSize: config.imageSize, fit: config.fit, numClasses: config.numClasses, ignoreLabel: config.ignoreLabel,
    valFraction: config.valFraction, random: createRng(config.seed).next,
  });
  const net = new SegmentationNet({
    inChannels: dataset.channels, numClasses: dataset.numClasses, baseChannels: config.baseChannels, depth: config.depth,
    mode: config.mode, activation: config.activation, householderScale: config.householderScale, seed: config.seed,
  });
  const optimizer = tf.train.adam(config.learningRate);
  try {
    const iteration = hooks.resumeFrom ? await resume(hooks.resumeFrom, net.namedVariables(), optimizer) : 0;
    await trainLoop(config, dataset, net, optimizer, iteration, hooks);
  } finally {
    optimizer.dispose();
    net.dispose();
  }
}

async function trainLoop(
  config: SegmentationConfig,
  dataset: SegmentationDataset,
  net: SegmentationNet,
  optimizer: tf.AdamOptimizer,
  startIteration: number,
  hooks: TrainHooks,
): Promise<void> {
  const { numClasses, ignoreLabel } = dataset;
  const size = config.imageSize;
  const batchSize = Math.min(config.batchSize, dataset.train.length);
  const perEpoch = batchesPerEpoch(dataset.train.length, batchSize);
  const totalIterations = Math.min(config.epochs * perEpoch, config.maxIterations ?? Infinity);
  const lambda = config.mode === 'penalty' ? config.orthoWeight : 0;
  const named = net.namedVariables();
  const variables = named.map(([, v]) => v);
  const valSamples = config.evalLimit === null ? dataset.val : dataset.val.slice(0, config.evalLimit);
  const backend = tf.getBackend();
  const runtime = hooks.runtime ?? { backend, device: backend };
  hooks.onEvent({
    type: 'start', backend: runtime.backend, device: runtime.device,
    config: { ...config, numClasses, ignoreLabel, channels: dataset.channels, classNames: dataset.classNames, trainPairs: dataset.train.length, valPairs: dataset.val.length, valSource: dataset.valSource },
    iteration: startIteration, totalIterations,
  });

  const evaluate = async (iteration: number) => {
    const { metrics, kept } = evaluateSegmentation(net, valSamples, { size, batchSize, numClasses, ignoreLabel, keep: hooks.checkpointDir ? config.previewCount : 0 });
    hooks.onEvent({ type: 'eval', iteration, metrics });
    if (!hooks.checkpointDir) return;
    const state = { kind: 'segmentation', iteration, seed: config.seed, numClasses, channels: dataset.channels };
    const optimizerState = await adamState(optimizer, named.map(([n]) => n));
    try {
      const dir = await saveCheckpoint(join(hooks.checkpointDir, `iter-${iteration}`), { weights: named, optimizer: optimizerState, config, state });
      // After saveCheckpoint: it replaces the folder as a whole.
      const previews = savePreviews(dir, kept, ignoreLabel);
      hooks.onEvent({ type: 'checkpoint', iteration, path: dir, previews });
      // Only now: until here the previous checkpoint is the one to resume from.
      await pruneOptimizerState(hooks.checkpointDir, dir);
    } finally {
      tf.dispose(optimizerState.map(([, t]) => t));
    }
  };

  const trainStart = performance.now();
  let done = 0;
  let order: Int32Array | undefined;
  let orderEpoch = -1;
  for (let iteration = startIteration + 1; iteration <= totalIterations; iteration++) {
    if (hooks.shouldStop?.()) {
      hooks.onEvent({ type: 'done', iteration: iteration - 1, reason: 'stopped' });
      return;
    }
    const epoch = Math.floor((iteration - 1) / perEpoch);
    const inEpoch = (iteration - 1) % perEpoch;
    if (epoch !== orderEpoch) {
      order = epochPermutation(config.seed, epoch, dataset.train.length);
      orderEpoch = epoch;
    }
    const stepStart = performance.now();
    const indices = order!.subarray(inEpoch * batchSize, (inEpoch + 1) * batchSize);
    // Crops drawn from (seed, iteration) alone, so a resumed run sees the same crops.
    const crops = createRng((config.seed + Math.imul(iteration, 0x85ebca6b)) >>> 0);
    const batch = segmentationBatch(dataset.train, indices, size, config.fit === 'crop' ? 'random' : 'center', crops.next);
    const { crossEntropy, orthoLoss: ortho, predicted } = segmentationTrainStep(net, optimizer, variables, batch, numClasses, ignoreLabel, lambda);
    const confusion = confusionMatrix(batch.labels, predicted, numClasses, { ignoreLabel });
    done++;
    const now = performance.now();
    hooks.onEvent({
      type: 'train', iteration, epoch: epoch + 1,
      metrics: {
        crossEntropy, pixelAccuracy: pixelAccuracy(confusion), meanIoU: meanIoU(confusion),
        orthoLoss: ortho, weightedOrthoLoss: lambda * ortho, totalLoss: crossEntropy + lambda * ortho,
        timePerIter: (now - trainStart) / done, stepMs: now - stepStart,
      },
    });
    if (iteration === 1 || iteration % config.evalEvery === 0 || iteration === totalIterations) await evaluate(iteration);
    // Yield to the event loop so a stop request (or an IPC message) can arrive between steps.
    await new Promise((resolve) => setImmediate(resolve));
  }
  hooks.onEvent({ type: 'done', iteration: Math.max(startIteration, totalIterations), reason: 'completed' });
}

/** Loads weights and Adam state from `dir`; returns the iteration to continue from. */
async function resume(dir: string, named: [string, tf.Variable][], optimizer: tf.AdamOptimizer): Promise<number> {
  const checkpoint = await loadCheckpoint(dir);
  try {
    const iteration = checkpoint.state.iteration;
    if (checkpoint.state.kind !== 'segmentation' || typeof iteration !== 'number' || !Number.isInteger(iteration) || iteration < 0) {
      throw new Error(`${dir}: not a segmentation checkpoint with a valid iteration (state ${JSON.stringify(checkpoint.state)})`);
    }
    await requireOptimizerState(checkpoint, dir);
    assignWeights(named, checkpoint.weights, dir);
    await restoreAdamState(optimizer, named.map(([n]) => n), checkpoint.optimizer);
    return iteration;
  } finally {
    tf.dispose([...checkpoint.weights.values(), ...checkpoint.optimizer.map(([, t]) => t)]);
  }
}
