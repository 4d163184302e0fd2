import { ACTIVATIONS, CONV_MODES, HOUSEHOLDER_SCALES, type Activation, type ConvMode, type HouseholderScale } from './experiment';
import { InvalidFieldError, requireInteger, requireNumber, requireOneOf } from './validation';

/** How training images reach the network's input size (SPEC §5). */
export type SegmentationFit = 'crop' | 'resize';
/** `crop`: random crops of `imageSize` (centre crop for validation); `resize`: the whole image resized. */
export const SEGMENTATION_FITS: readonly SegmentationFit[] = ['crop', 'resize'];

/** Configuration of one segmentation run (SPEC §5): a small U-Net-like encoder–decoder. */
export interface SegmentationConfig {
  kind: 'segmentation';
  /** Folder name under `<dataRoot>/segmentation/`. */
  dataset: string;
  mode: ConvMode;
  /** λ of SPEC §1. Used by `penalty`; 0 for `baseline`; ignored by `householder`. */
  orthoWeight: number;
  activation: Activation;
  householderScale: HouseholderScale;
  /** Side of the square network input in pixels; a multiple of 2^depth. */
  imageSize: number;
  fit: SegmentationFit;
  /** Class count; null: from classes.txt, else 2 for 0/255 masks, else the largest mask value + 1. */
  numClasses: number | null;
  /** Mask value that is left out of the loss and the metrics (null: none). */
  ignoreLabel: number | null;
  /** Channels of the first encoder level; each level below doubles them. */
  baseChannels: number;
  /** Number of 2× down-sampling steps (the U has depth + 1 levels). */
  depth: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Evaluate on the validation split at iteration 1 and every `evalEvery` iterations. */
  evalEvery: number;
  seed: number;
  /** Share of the pairs held out for validation when the dataset has no val/ folder. */
  valFraction: number;
  /** Stop after this many iterations even if epochs remain (null: no limit). */
  maxIterations: number | null;
  /** Evaluate on at most this many validation images (null: all). */
  evalLimit: number | null;
  /** Validation images saved as image / true mask / predicted mask PNGs at each evaluation. */
  previewCount: number;
}

/**
 * Defaults: crops of 128 px, base 16 channels, depth 2, Adam 1e-3, batch 8 — one step takes about
 * 1.3 s of CPU on the single-threaded wasm backend (`npm run bench -- --cases segmentation`), so the
 * 200 steps of 50 epochs on the 27 training pairs of isbi2012-membrane take about 5 minutes.
 * Seed 99 as in SPEC §3.
 */
export const SEGMENTATION_DEFAULTS: SegmentationConfig = {
  kind: 'segmentation',
  dataset: 'isbi2012-membrane',
  mode: 'baseline',
  orthoWeight: 0,
  activation: 'relu',
  householderScale: 'element',
  imageSize: 128,
  fit: 'crop',
  numClasses: null,
  ignoreLabel: null,
  baseChannels: 16,
  depth: 2,
  epochs: 50,
  batchSize: 8,
  learningRate: 1e-3,
  evalEvery: 50,
  seed: 99,
  valFraction: 0.1,
  maxIterations: null,
  evalLimit: null,
  previewCount: 3,
};

/**
 * Fills SEGMENTATION_DEFAULTS into a partial config and validates every field.
 * Throws InvalidFieldError naming the first bad field and its value.
 */
export function resolveSegmentationConfig(input: Partial<SegmentationConfig>): SegmentationConfig {
  const merged: SegmentationConfig = { ...SEGMENTATION_DEFAULTS, ...stripUndefined(input), kind: 'segmentation' };
  if (typeof merged.dataset !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(merged.dataset)) {
    throw new InvalidFieldError('dataset', merged.dataset, 'must be a folder name under segmentation/ (letters, digits, . _ -)');
  }
  requireOneOf('mode', merged.mode, CONV_MODES);
  requireOneOf('activation', merged.activation, ACTIVATIONS);
  requireOneOf('householderScale', merged.householderScale, HOUSEHOLDER_SCALES);
  requireOneOf('fit', merged.fit, SEGMENTATION_FITS);
  requireNumber('orthoWeight', merged.orthoWeight, 0, 1e6);
  if (merged.mode === 'baseline' && merged.orthoWeight !== 0) {
    throw new InvalidFieldError('orthoWeight', merged.orthoWeight, 'mode baseline trains without the penalty: use mode penalty for λ > 0');
  }
  requireInteger('depth', merged.depth, 1, 5);
  requireInteger('imageSize', merged.imageSize, 8, 2048);
  if (merged.imageSize % 2 ** merged.depth !== 0) {
    throw new InvalidFieldError('imageSize', merged.imageSize, `must be a multiple of 2^depth = ${2 ** merged.depth}`);
  }
  requireInteger('baseChannels', merged.baseChannels, 1, 256);
  if (merged.numClasses !== null) requireInteger('numClasses', merged.numClasses, 2, 256);
  if (merged.ignoreLabel !== null) requireInteger('ignoreLabel', merged.ignoreLabel, 0, 65535);
  if (merged.numClasses !== null && merged.ignoreLabel !== null && merged.ignoreLabel < merged.numClasses) {
    throw new InvalidFieldError('ignoreLabel', merged.ignoreLabel, `must not be a class id (numClasses is ${merged.numClasses})`);
  }
  requireInteger('epochs', merged.epochs, 1, 10_000);
  requireInteger('batchSize', merged.batchSize, 1, 1024);
  requireNumber('learningRate', merged.learningRate, 0, 100, true);
  requireInteger('evalEvery', merged.evalEvery, 1);
  requireInteger('seed', merged.seed, 0, 2 ** 31 - 1);
  requireNumber('valFraction', merged.valFraction, 0, 0.9, true);
  if (merged.maxIterations !== null) requireInteger('maxIterations', merged.maxIterations, 1);
  if (merged.evalLimit !== null) requireInteger('evalLimit', merged.evalLimit, 1);
  requireInteger('previewCount', merged.previewCount, 0, 16);
  return merged;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Per-iteration metric names of a segmentation run (SPEC §5 plus the §1/§3 losses and timings). */
export const SEGMENTATION_TRAIN_METRICS = [
  'crossEntropy',
  'pixelAccuracy',
  'meanIoU',
  'orthoLoss',
  'weightedOrthoLoss',
  'totalLoss',
  'timePerIter',
  'stepMs',
] as const;

/** Evaluation metric names of a segmentation run. */
export const SEGMENTATION_EVAL_METRICS = ['crossEntropy', 'pixelAccuracy', 'meanIoU', 'evalMs'] as const;
