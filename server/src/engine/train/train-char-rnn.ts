import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { resolveCharRnnConfig, type CharRnnConfig, type TrainEvent } from '@orthoscope/shared';
import { assignWeights, loadCheckpoint, requireOptimizerState, saveCheckpoint } from '../checkpoint';
import { pruneOptimizerState } from '../checkpoint-optimizer';
import { cutStreams, splitHeldOutTail, type TextStreams } from '../data/text-batches';
import { loadTextDataset } from '../data/text-dataset';
import { buildVocabulary, charFrequencies, encodeText, type Vocabulary } from '../data/text-vocabulary';
import { createCharRnn, disposeCharRnn, zeroCharRnnState, type CharRnnModel } from '../models/char-rnn';
import { charRnnNamedVariables, type CharRnnCheckpointState } from '../models/char-rnn-checkpoint';
import { adamState, restoreAdamState } from './optimizer-state';
import { evaluateCharRnn } from './train-char-rnn-eval';
import { disposeState, trainCharRnnStep } from './train-char-rnn-step';
import type { TrainHooks } from './train-options';

/** Where the char-RNN finds its text. */
export interface CharRnnDataOptions {
  /** Data root holding `text/<dataset>.txt`; the embedded `brown` corpus needs none. */
  dataRoot?: string;
}

/** How a char-RNN run ended. */
export interface CharRnnTrainResult {
  iteration: number;
  reason: 'completed' | 'stopped';
  vocabulary: Vocabulary;
}

/**
 * Trains the SPEC §4 char-RNN on the current tfjs backend: the corpus minus its held-out tail
 * (`validationFraction`) cut into `batchSize` streams, `steps` characters per step, the state
 * carried from step to step and reset at the start of every epoch, Adam at `learningRate` ×
 * `learningRateDecay`^epoch. Reports `start`, one `train` per iteration (CHAR_RNN_TRAIN_METRICS),
 * `eval` on the held-out tail (CHAR_RNN_EVAL_METRICS) at iteration 1, every `evalEvery` and the
 * last iteration, each followed by a checkpoint in `hooks.checkpointDir/iter-<N>/` when set (weights
 * in every one, Adam state only in the newest), then `done`. `hooks.resumeFrom` continues from a
 * checkpoint (weights, Adam state, position; the recurrent state restarts from zero there); a
 * weights-only (older) checkpoint is an Error naming the one to resume from instead.
 */
export async function trainCharRnn(input: Partial<CharRnnConfig>, data: CharRnnDataOptions, hooks: TrainHooks): Promise<CharRnnTrainResult> {
  const emit = (event: TrainEvent) => hooks.onEvent(event);
  const config = resolveCharRnnConfig(input);
  const dataset = await loadTextDataset(config.dataset, data.dataRoot);
  const vocabulary = buildVocabulary(dataset.text);
  const ids = encodeText(vocabulary, dataset.text, dataset.source);
  const { train, validation } = splitHeldOutTail(ids, config.validationFraction);
  const trainStreams = cutStreams(train, config.batchSize, config.steps, `${dataset.source} (training part)`);
  const validationStreams = validationStreamsFor(validation, config, dataset.source);
  const perEpoch = trainStreams.stepsPerEpoch;

  const model = createCharRnn(
    { vocabularySize: vocabulary.chars.length, embeddingSize: config.embeddingSize, hiddenSize: config.hiddenSize, layers: config.layers, cell: config.cell },
    charFrequencies(vocabulary.chars.length, train),
    config.seed,
  );
  const named = charRnnNamedVariables(model);
  // Adam's moments are kept by position in the order gradients are applied: model.trainable's.
  const trainableNames = named.filter(([, v]) => v.trainable).map(([name]) => name);
  // TensorFlow 1's Adam epsilon (the study's framework); tfjs would take the backend's 1e-7.
  const optimizer = tf.train.adam(config.learningRate, 0.9, 0.999, 1e-8);
  try {
    let iteration = hooks.resumeFrom ? await resume(hooks.resumeFrom, model, trainableNames, optimizer, vocabulary) : 0;
    const total = Math.min(config.epochs * perEpoch, config.maxIterations ?? Infinity);
    const backend = tf.getBackend();
    const runtime = hooks.runtime ?? { backend, device: backend };
    emit({ type: 'start', backend: runtime.backend, device: runtime.device, config, iteration, totalIterations: total });

    const started = performance.now();
    let done = 0;
    let state = zeroCharRnnState(model, config.batchSize);
    let stateEpoch = Math.floor(iteration / perEpoch);
    try {
      while (iteration < total) {
        if (hooks.shouldStop?.()) {
          emit({ type: 'done', iteration, reason: 'stopped' });
          return { iteration, reason: 'stopped', vocabulary };
        }
        const epoch = Math.floor(iteration / perEpoch);
        if (epoch !== stateEpoch) {
          disposeState(state);
          state = zeroCharRnnState(model, config.batchSize);
          stateEpoch = epoch;
        }
        (optimizer as unknown as { learningRate: number }).learningRate = config.learningRate * config.learningRateDecay ** epoch;
        const stepStarted = performance.now();
        const step = trainCharRnnStep(model, optimizer, trainStreams.batchAt(iteration % perEpoch), config.batchSize, config.steps, state, config.orthoWeight);
        disposeState(state);
        state = step.state;
        iteration++;
        done++;
        const now = performance.now();
        emit({ type: 'train', iteration, epoch: epoch + 1, metrics: { ...step.losses, timePerIter: (now - started) / done, stepMs: now - stepStarted } });
        if (iteration === 1 || iteration % config.evalEvery === 0 || iteration === total) {
          emit({ type: 'eval', iteration, metrics: evaluateCharRnn(model, validationStreams, config.evalLimit) });
          if (hooks.checkpointDir) {
            const checkpointState: CharRnnCheckpointState = {
              kind: 'char_rnn',
              iteration,
              epoch: Math.floor(iteration / perEpoch),
              stepInEpoch: iteration % perEpoch,
              vocabulary: vocabulary.chars,
            };
            const optimizerState = await adamState(optimizer, trainableNames);
            try {
              const path = await saveCheckpoint(join(hooks.checkpointDir, `iter-${iteration}`), { weights: named, optimizer: optimizerState, config, state: { ...checkpointState } });
              emit({ type: 'checkpoint', iteration, path });
              // Only now: until here the previous checkpoint is the one to resume from.
              await pruneOptimizerState(hooks.checkpointDir, path);
            } finally {
              tf.dispose(optimizerState.map(([, t]) => t));
            }
          }
        }
      }
    } finally {
      disposeState(state);
    }
    emit({ type: 'done', iteration, reason: 'completed' });
    return { iteration, reason: 'completed', vocabulary };
  } finally {
    optimizer.dispose();
    disposeCharRnn(model);
  }
}

function validationStreamsFor(validation: Int32Array, config: CharRnnConfig, source: string): TextStreams {
  // A short tail (small corpus) keeps the step length and uses fewer streams rather than failing.
  const batch = Math.max(1, Math.min(config.batchSize, Math.floor((validation.length - 1) / config.steps)));
  return cutStreams(validation, batch, config.steps, `${source} (held-out tail, validationFraction ${config.validationFraction})`);
}

/** Loads weights and Adam state from `dir` into a fresh model; returns the iteration to continue from. */
async function resume(dir: string, model: CharRnnModel, trainableNames: string[], optimizer: tf.AdamOptimizer, vocabulary: Vocabulary): Promise<number> {
  const checkpoint = await loadCheckpoint(dir);
  try {
    const { iteration, vocabulary: saved } = checkpoint.state as Partial<CharRnnCheckpointState>;
    if (typeof iteration !== 'number' || !Number.isInteger(iteration) || iteration < 0) {
      throw new Error(`${dir}: checkpoint state has no valid iteration (${JSON.stringify(iteration)})`);
    }
    if (JSON.stringify(saved) !== JSON.stringify(vocabulary.chars)) {
      throw new Error(`${dir}: the checkpoint's vocabulary differs from the corpus's (was the text file changed?)`);
    }
    await requireOptimizerState(checkpoint, dir);
    assignWeights(charRnnNamedVariables(model), checkpoint.weights, dir);
    await restoreAdamState(optimizer, trainableNames, checkpoint.optimizer);
    return iteration;
  } finally {
    tf.dispose([...checkpoint.weights.values(), ...checkpoint.optimizer.map(([, t]) => t)]);
  }
}
