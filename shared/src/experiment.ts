/**
 * Experiment configuration shared by the engine, the runner, the API, the CLI and the dashboard.
 * Defaults are SPEC §3 (CIFAR CNN); the char-RNN and segmentation kinds extend this later.
 */

/** How the conv layers of a model are trained (SPEC §0). */
export type ConvMode = 'baseline' | 'penalty' | 'householder';
export const CONV_MODES: readonly ConvMode[] = ['baseline', 'penalty', 'householder'];

/** Activation after every conv/fc layer except the last (SPEC §3). */
export type Activation = 'relu' | 'selu';
export const ACTIVATIONS: readonly Activation[] = ['relu', 'selu'];

/** Learnable scale applied to Householder-generated weights (SPEC §2). */
export type HouseholderScale = 'element' | 'channel' | 'none';
export const HOUSEHOLDER_SCALES: readonly HouseholderScale[] = ['element', 'channel', 'none'];

/** Which experiment a run belongs to. */
export type ExperimentKind = 'cnn' | 'char_rnn' | 'segmentation';

/** Configuration of one CIFAR CNN run (experiments #1 and #2). */
export interface CnnConfig {
  kind: 'cnn';
  /** Dataset name: `cifar10` or `cifar100`. */
  dataset: string;
  mode: ConvMode;
  /** λ of SPEC §1. Used by `penalty`; 0 for `baseline`; ignored by `householder`. */
  orthoWeight: number;
  activation: Activation;
  householderScale: HouseholderScale;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Evaluate on the test split at iteration 1 and every `evalEvery` iterations. */
  evalEvery: number;
  seed: number;
  /** Stop after this many iterations even if epochs remain (null: no limit). */
  maxIterations: number | null;
  /** Evaluate on at most this many test images (null: the whole test split). */
  evalLimit: number | null;
}

/** SPEC §3 defaults. */
export const CNN_DEFAULTS: CnnConfig = {
  kind: 'cnn',
  dataset: 'cifar10',
  mode: 'baseline',
  orthoWeight: 0,
  activation: 'relu',
  householderScale: 'element',
  epochs: 50,
  batchSize: 128,
  learningRate: 3e-4,
  evalEvery: 100,
  seed: 99,
  maxIterations: null,
  evalLimit: null,
};
