import * as tf from '@tensorflow/tfjs';
import { CHAR_RNN_DEFAULTS, type CharRnnConfig } from '@orthoscope/shared';
import { cutStreams } from '../engine/data/text-batches';
import { createCharRnn, disposeCharRnn, zeroCharRnnState } from '../engine/models/char-rnn';
import { createRng } from '../engine/random';
import { disposeState, trainCharRnnStep } from '../engine/train/train-char-rnn-step';

/** Vocabulary size of the study's Nietzsche text (85 characters with "\0"). */
const BENCH_VOCABULARY = 85;

/** One timed char-RNN workload: `step` is one SPEC §4 training iteration with the state carried. */
export interface CharRnnBenchCase {
  name: string;
  step(): Promise<void>;
  dispose(): void;
}

/**
 * The SPEC §4 char-LSTM (defaults: 2×512 LSTM, embedding 48, steps 8; `batchSize` streams) on
 * seeded random text of 85 characters, stepping through its streams with the state carried and
 * the orthonormality loss at `orthoWeight` (default 1e-4: the penalised case, whose backward pass
 * includes the loss). Every step ends with the losses read back, as in training.
 */
export function charRnnBenchCase(batchSize: number, overrides: Partial<CharRnnConfig> = {}, orthoWeight = 1e-4): CharRnnBenchCase {
  const config = { ...CHAR_RNN_DEFAULTS, ...overrides };
  const rng = createRng(config.seed);
  const text = Int32Array.from({ length: batchSize * config.steps * 16 + 1 }, () => 1 + rng.int(BENCH_VOCABULARY - 1));
  const streams = cutStreams(text, batchSize, config.steps, 'bench text');
  const model = createCharRnn(
    { vocabularySize: BENCH_VOCABULARY, embeddingSize: config.embeddingSize, hiddenSize: config.hiddenSize, layers: config.layers, cell: config.cell },
    new Float32Array(BENCH_VOCABULARY).fill(1 / BENCH_VOCABULARY),
    config.seed,
  );
  const optimizer = tf.train.adam(config.learningRate, 0.9, 0.999, 1e-8);
  let state = zeroCharRnnState(model, batchSize);
  let next = 0;
  return {
    name: `char-${config.cell}`,
    async step() {
      const result = trainCharRnnStep(model, optimizer, streams.batchAt(next), batchSize, config.steps, state, orthoWeight);
      disposeState(state);
      state = result.state;
      next = (next + 1) % streams.stepsPerEpoch;
    },
    dispose() {
      disposeState(state);
      optimizer.dispose();
      disposeCharRnn(model);
    },
  };
}
