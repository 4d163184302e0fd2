import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { SegmentationConfig } from '@orthoscope/shared';
import { segmentationBatch } from '../data/segmentation-batches';
import { readSegmentationDataset, type SegmentationDataset } from '../data/segmentation-dataset';
import { confusionMatrix, meanIoU, pixelAccuracy } from '../metrics/segmentation-metrics';
import { SegmentationNet } from '../models/segmentation-net';
import { createRng } from '../random';
import { evaluateSegmentation, savePreviews } from './segmentation-eval';
import { pixelCrossEntropy, pixelTargets } from './segmentation-loss';
import type { TrainHooks } from './train-options';

/** Where a segmentation run finds its data and what it reports as its device. */
export interface SegmentationRunEnv {
  /** Data root holding `segmentation/<name>/`. */
  dataRoot: string;
  /** Device string for the start event (default: the tfjs backend name). */
  device?: string;
}

/**
 * Trains the SPEC §5 segmentation network on `<dataRoot>/segmentation/<config.dataset>/` with Adam,
 * per-pixel softmax cross-entropy (+ λ·orthoLoss in `penalty` mode), reporting through `hooks`:
 * `start`; `train` every iteration (SEGMENTATION_TRAIN_METRICS); `eval` on the validation pairs at
 * iteration 1, every `evalEvery` iterations and at the last one; after each eval, when
 * `hooks.checkpointDir` is set, a `checkpoint` whose folder holds the preview PNGs; `done`.
 * Throws DataFileError for a bad dataset before any event.
 */
export async function trainSegmentation(config: SegmentationConfig, env: SegmentationRunEnv, hooks: TrainHooks): Promise<void> {
  const rng = createRng(config.seed);
  const dataset = readSegmentationDataset(env.dataRoot, config.dataset, {
    imageSize: config.imageSize, fit: config.fit, numClasses: config.numClasses, ignoreLabel: config.ignoreLabel,
    valFraction: config.valFraction, random: rng.next,
  });
  const net = new SegmentationNet({
    inChannels: dataset.channels, numClasses: dataset.numClasses, baseChannels: config.baseChannels, depth: config.depth,
    mode: config.mode, activation: config.activation, householderScale: config.householderScale, seed: config.seed,
  });
  const optimizer = tf.train.adam(config.learningRate);
  try {
    await trainLoop(config, dataset, net, optimizer, rng, env, hooks);
  } finally {
    optimizer.dispose();
    net.dispose();
  }
}

async function trainLoop(
  config: SegmentationConfig,
  dataset: SegmentationDataset,
  net: SegmentationNet,
  optimizer: tf.Optimizer,
  rng: ReturnType<typeof createRng>,
  env: SegmentationRunEnv,
  hooks: TrainHooks,
): Promise<void> {
  const { numClasses, ignoreLabel } = dataset;
  const size = config.imageSize;
  const batchSize = Math.min(config.batchSize, dataset.train.length);
  const itersPerEpoch = Math.ceil(dataset.train.length / batchSize);
  const totalIterations = Math.min(config.epochs * itersPerEpoch, config.maxIterations ?? Infinity);
  const lambda = config.mode === 'penalty' ? config.orthoWeight : 0;
  const variables = net.variables();
  const valSamples = config.evalLimit === null ? dataset.val : dataset.val.slice(0, config.evalLimit);
  hooks.onEvent({
    type: 'start', backend: tf.getBackend(), device: env.device ?? tf.getBackend(),
    config: { ...config, numClasses, ignoreLabel, channels: dataset.channels, classNames: dataset.classNames, trainPairs: dataset.train.length, valPairs: dataset.val.length, valSource: dataset.valSource },
    iteration: 0, totalIterations,
  });

  const evaluate = (iteration: number) => {
    const { metrics, kept } = evaluateSegmentation(net, valSamples, { size, batchSize, numClasses, ignoreLabel, keep: hooks.checkpointDir ? config.previewCount : 0 });
    hooks.onEvent({ type: 'eval', iteration, metrics });
    if (hooks.checkpointDir) {
      const dir = join(hooks.checkpointDir, `iter-${iteration}`);
      const previews = savePreviews(dir, kept, ignoreLabel);
      hooks.onEvent({ type: 'checkpoint', iteration, path: dir, previews });
    }
  };

  const trainStart = performance.now();
  let order = rng.permutation(dataset.train.length);
  let cursor = 0;
  for (let iteration = 1; iteration <= totalIterations; iteration++) {
    if (hooks.shouldStop?.()) {
      hooks.onEvent({ type: 'done', iteration: iteration - 1, reason: 'stopped' });
      return;
    }
    if (cursor >= order.length) {
      order = rng.permutation(dataset.train.length);
      cursor = 0;
    }
    const epoch = Math.floor((iteration - 1) / itersPerEpoch) + 1;
    const stepStart = performance.now();
    const indices = order.subarray(cursor, cursor + batchSize);
    cursor += batchSize;
    const batch = segmentationBatch(dataset.train, indices, size, config.fit === 'crop' ? 'random' : 'center', rng.next);
    const targets = pixelTargets(batch.labels, numClasses, ignoreLabel);
    const x = tf.tensor4d(batch.images, [batch.n, size, size, batch.channels]);
    let ceT: tf.Scalar | undefined;
    let orthoT: tf.Scalar | undefined;
    let predT: tf.Tensor | undefined;
    optimizer.minimize(() => {
      const { logits, orthoLoss } = net.forward(x);
      const ce = pixelCrossEntropy(logits, targets);
      // Clones: minimize disposes the returned cost, which may be `ce` itself.
      [ceT, orthoT, predT] = [tf.keep(tf.clone(ce)), tf.keep(tf.clone(orthoLoss)), tf.keep(tf.argMax(logits, 3))];
      return lambda > 0 ? tf.add(ce, tf.mul(orthoLoss, lambda)) : ce;
    }, false, variables);
    const crossEntropy = ceT!.dataSync()[0];
    const ortho = orthoT!.dataSync()[0];
    const confusion = confusionMatrix(batch.labels, predT!.dataSync(), numClasses, { ignoreLabel });
    tf.dispose([ceT!, orthoT!, predT!, x, targets.targets]);
    const now = performance.now();
    hooks.onEvent({
      type: 'train', iteration, epoch,
      metrics: {
        crossEntropy, pixelAccuracy: pixelAccuracy(confusion), meanIoU: meanIoU(confusion),
        orthoLoss: ortho, weightedOrthoLoss: lambda * ortho, totalLoss: crossEntropy + lambda * ortho,
        timePerIter: (now - trainStart) / iteration, stepMs: now - stepStart,
      },
    });
    if (iteration === 1 || iteration % config.evalEvery === 0 || iteration === totalIterations) evaluate(iteration);
    // Yield to the event loop so a stop request (or an IPC message) can arrive between steps.
    await new Promise((resolve) => setImmediate(resolve));
  }
  hooks.onEvent({ type: 'done', iteration: totalIterations, reason: 'completed' });
}
