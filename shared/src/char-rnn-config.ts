import { InvalidFieldError, requireInteger, requireNumber, requireOneOf } from './validation';

/**
 * Configuration of the character-level recurrent language model (SPEC §4, experiment #3).
 * Defaults are the study's: 2 LSTM layers of 512, embedding 48, steps 8, batch 128,
 * Adam 1e-3 × 0.97 per epoch, 20 epochs.
 */

/** Recurrent cell of every layer (SPEC §4 option; the study's experiment uses `lstm`). */
export type RecurrentCell = 'lstm' | 'gru' | 'rnn';
export const RECURRENT_CELLS: readonly RecurrentCell[] = ['lstm', 'gru', 'rnn'];

/** The orthonormality weights the study swept (SPEC §4). */
export const CHAR_RNN_ORTHO_WEIGHT_SWEEP: readonly number[] = [1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 0];

/** Configuration of one char-RNN run. */
export interface CharRnnConfig {
  kind: 'char_rnn';
  /** Text dataset name: a `text/<name>.txt` file of the data root, or the embedded `brown` corpus. */
  dataset: string;
  cell: RecurrentCell;
  /** Character embedding size (default 48). */
  embeddingSize: number;
  /** Hidden (state) size of every recurrent layer (default 512). */
  hiddenSize: number;
  /** Stacked recurrent layers (default 2). */
  layers: number;
  /** Characters per stream and step, i.e. the truncated back-propagation length (default 8). */
  steps: number;
  /** Number of contiguous streams the corpus is cut into (default 128). */
  batchSize: number;
  /** Adam learning rate of the first epoch (default 1e-3). */
  learningRate: number;
  /** Factor applied to the learning rate at the start of every further epoch (default 0.97). */
  learningRateDecay: number;
  epochs: number;
  /** Weight of the orthonormality loss in the total loss (default 0: measured, not trained). */
  orthoWeight: number;
  /** Fraction of the corpus, taken from its end, held out for validation (default 0.05). */
  validationFraction: number;
  /** Validate at iteration 1 and every `evalEvery` iterations (default 100). */
  evalEvery: number;
  seed: number;
  /** Stop after this many iterations even if epochs remain (null: no limit). */
  maxIterations: number | null;
  /** Validate on at most this many steps of the held-out tail (null: all of it). */
  evalLimit: number | null;
}

/** SPEC §4 defaults. */
export const CHAR_RNN_DEFAULTS: CharRnnConfig = {
  kind: 'char_rnn',
  dataset: 'brown',
  cell: 'lstm',
  embeddingSize: 48,
  hiddenSize: 512,
  layers: 2,
  steps: 8,
  batchSize: 128,
  learningRate: 1e-3,
  learningRateDecay: 0.97,
  epochs: 20,
  orthoWeight: 0,
  validationFraction: 0.05,
  evalEvery: 100,
  seed: 99,
  maxIterations: null,
  evalLimit: null,
};

/**
 * Fills SPEC §4 defaults into a partial char-RNN config and validates every field.
 * Throws InvalidFieldError naming the first bad field and its value.
 */
export function resolveCharRnnConfig(input: Partial<CharRnnConfig>): CharRnnConfig {
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<CharRnnConfig>;
  const merged: CharRnnConfig = { ...CHAR_RNN_DEFAULTS, ...defined, kind: 'char_rnn' };
  if (typeof merged.dataset !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(merged.dataset)) {
    throw new InvalidFieldError('dataset', merged.dataset, 'must be a text dataset name (letters, digits, . _ -), e.g. brown or nietzsche');
  }
  requireOneOf('cell', merged.cell, RECURRENT_CELLS);
  requireInteger('embeddingSize', merged.embeddingSize, 1, 4096);
  requireInteger('hiddenSize', merged.hiddenSize, 1, 8192);
  requireInteger('layers', merged.layers, 1, 16);
  requireInteger('steps', merged.steps, 1, 4096);
  requireInteger('batchSize', merged.batchSize, 1, 4096);
  requireNumber('learningRate', merged.learningRate, 0, 100, true);
  requireNumber('learningRateDecay', merged.learningRateDecay, 0, 1, true);
  requireInteger('epochs', merged.epochs, 1, 10_000);
  requireNumber('orthoWeight', merged.orthoWeight, 0, 1e6);
  requireNumber('validationFraction', merged.validationFraction, 0, 0.5, true);
  requireInteger('evalEvery', merged.evalEvery, 1);
  requireInteger('seed', merged.seed, 0, 2 ** 31 - 1);
  if (merged.maxIterations !== null) requireInteger('maxIterations', merged.maxIterations, 1);
  if (merged.evalLimit !== null) requireInteger('evalLimit', merged.evalLimit, 1);
  return merged;
}

/** Per-iteration metric names of a char-RNN run (SPEC §4). */
export const CHAR_RNN_TRAIN_METRICS = [
  'crossEntropy',
  'orthonormalityLoss',
  'weightedOrthonormalityLoss',
  'totalLoss',
  'timePerIter',
  'stepMs',
] as const;
export type CharRnnTrainMetric = (typeof CHAR_RNN_TRAIN_METRICS)[number];

/** Validation metric names of a char-RNN run (on the held-out tail of the corpus). */
export const CHAR_RNN_EVAL_METRICS = ['crossEntropy', 'bitsPerChar', 'evalMs'] as const;
export type CharRnnEvalMetric = (typeof CHAR_RNN_EVAL_METRICS)[number];
