import * as tf from '@tensorflow/tfjs';
import { resolveCharRnnConfig, type CharRnnConfig } from '@orthoscope/shared';
import { cutStreams, splitHeldOutTail, type TextStreams } from '../data/text-batches';
import { loadTextDataset } from '../data/text-dataset';
import { buildVocabulary, charFrequencies, encodeText, type Vocabulary } from '../data/text-vocabulary';
import { createCharRnn, disposeCharRnn, zeroCharRnnState, type CharRnnModel } from '../models/char-rnn';
import { evaluateCharRnn } from './train-char-rnn-eval';
import { disposeState, trainCharRnnStep } from './train-char-rnn-step';
import type { TrainHooks } from './train-options';

/** Where the char-RNN finds its text, and what to report as the device. */
export interface CharRnnDataOptions {
  /** Data root holding `text/<dataset>.txt`; the embedded `brown` corpus needs none. */
  dataRoot?: string;
  /** Device description for the start event (default: the tfjs backend name). */
  device?: string;
}

/** What a finished char-RNN run leaves behind (the model stays alive until the caller disposes it). */
export interface CharRnnTrainResult {
  model: CharRnnModel;
  vocabulary: Vocabulary;
  iteration: number;
  reason: 'completed' | 'stopped';
}

/**
 * Trains the SPEC §4 char-RNN on the current tfjs backend: the corpus minus its held-out tail
 * (`validationFraction`) cut into `batchSize` streams, `steps` characters per step, state carried
 * from step to step and reset at each epoch, Adam with the learning rate × `learningRateDecay`
 * at the start of every epoch after the first. Reports `start`, a `train` event per iteration
 * (CHAR_RNN_TRAIN_METRICS), an `eval` at iteration 1 and every `evalEvery`, and `done`.
 */
export async function trainCharRnn(input: Partial<CharRnnConfig>, data: CharRnnDataOptions, hooks: TrainHooks): Promise<CharRnnTrainResult> {
  const config = resolveCharRnnConfig(input);
  const dataset = await loadTextDataset(config.dataset, data.dataRoot);
  const vocabulary = buildVocabulary(dataset.text);
  const ids = encodeText(vocabulary, dataset.text, dataset.source);
  const { train, validation } = splitHeldOutTail(ids, config.validationFraction);
  const trainStreams = cutStreams(train, config.batchSize, config.steps, `${dataset.source} (training part)`);
  const validationStreams = validationStreamsFor(validation, config, dataset.source);

  const model = createCharRnn(
    { vocabularySize: vocabulary.chars.length, embeddingSize: config.embeddingSize, hiddenSize: config.hiddenSize, layers: config.layers, cell: config.cell },
    charFrequencies(vocabulary.chars.length, train),
    config.seed,
  );
  // TensorFlow 1's Adam epsilon (the study's framework); tfjs would take the backend's 1e-7.
  const optimizer = tf.train.adam(config.learningRate, 0.9, 0.999, 1e-8);
  const totalIterations = Math.min(config.epochs * trainStreams.stepsPerEpoch, config.maxIterations ?? Infinity);
  hooks.onEvent({ type: 'start', backend: tf.getBackend(), device: data.device ?? tf.getBackend(), config, iteration: 0, totalIterations });

  let iteration = 0;
  let reason: 'completed' | 'stopped' = 'completed';
  const started = performance.now();
  try {
    training: for (let epoch = 0; epoch < config.epochs; epoch++) {
      (optimizer as unknown as { learningRate: number }).learningRate = config.learningRate * config.learningRateDecay ** epoch;
      let state = zeroCharRnnState(model, config.batchSize);
      try {
        for (let i = 0; i < trainStreams.stepsPerEpoch; i++) {
          if (iteration >= totalIterations) break training;
          if (hooks.shouldStop?.()) {
            reason = 'stopped';
            break training;
          }
          const stepStarted = performance.now();
          const step = trainCharRnnStep(model, optimizer, trainStreams.batchAt(i), config.batchSize, config.steps, state, config.orthoWeight);
          disposeState(state);
          state = step.state;
          iteration++;
          const now = performance.now();
          hooks.onEvent({
            type: 'train',
            iteration,
            epoch,
            metrics: { ...step.losses, timePerIter: (now - started) / iteration, stepMs: now - stepStarted },
          });
          if (iteration === 1 || iteration % config.evalEvery === 0) {
            hooks.onEvent({ type: 'eval', iteration, metrics: evaluateCharRnn(model, validationStreams, config.evalLimit) });
          }
        }
      } finally {
        disposeState(state);
      }
    }
  } catch (error) {
    optimizer.dispose();
    disposeCharRnn(model);
    throw error;
  }
  optimizer.dispose();
  hooks.onEvent({ type: 'done', iteration, reason });
  return { model, vocabulary, iteration, reason };
}

function validationStreamsFor(validation: Int32Array, config: CharRnnConfig, source: string): TextStreams {
  // A short tail (small corpus) keeps the step length and uses fewer streams rather than failing.
  const batch = Math.max(1, Math.min(config.batchSize, Math.floor((validation.length - 1) / config.steps)));
  return cutStreams(validation, batch, config.steps, `${source} (held-out tail, validationFraction ${config.validationFraction})`);
}
