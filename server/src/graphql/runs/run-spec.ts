import { InvalidFieldError, resolveCharRnnConfig, resolveCnnConfig, resolveSegmentationConfig, type CharRnnConfig, type CnnConfig, type SegmentationConfig } from '@orthoscope/shared';
import { resolveAlertRules } from '../../runner/divergence-rules';
import type { NewRun } from '../../runner/run-manager';
import type { RunInput } from './run.input';

/** A data set as the engine lists it. */
export interface DatasetEntry {
  name: string;
  kind: string;
  status: 'available' | 'downloadable' | 'missing';
}

/** What validation needs to know about the data root. */
export interface DataRootView {
  datasets: DatasetEntry[];
  /** Whether downloadable data sets may be downloaded (ORTHOSCOPE_DOWNLOAD). */
  download: boolean;
}

/**
 * Validates a run input and fills its defaults (InvalidFieldError names the first bad field and
 * its value). New experiment kinds add a case to `resolveConfig`.
 */
export function resolveRunInput(input: RunInput, data: DataRootView, sweepId: string | null = null): NewRun {
  const config = resolveConfig(input);
  requireDataset(input.kind, config.dataset as string, data);
  const alertRules = resolveAlertRules(input.alertRules);
  const tags = input.tags ?? [];
  tags.forEach((tag, i) => {
    if (tag.length === 0 || tag.length > 64) throw new InvalidFieldError(`tags[${i}]`, tag, 'must have 1 to 64 characters');
  });
  const name = input.name ?? defaultName(config);
  if (name.length === 0 || name.length > 200) throw new InvalidFieldError('name', name, 'must have 1 to 200 characters');
  return { name, kind: input.kind, config, alertRules, tags, sweepId };
}

function resolveConfig(input: RunInput): Record<string, unknown> {
  // Dataset names are checked against the listed data sets before they reach any path.
  switch (input.kind) {
    case 'cnn':
      rejectFields(input, CHAR_RNN_ONLY, 'CHAR_RNN');
      rejectFields(input, SEGMENTATION_ONLY, 'SEGMENTATION');
      return resolveCnnConfig({
        dataset: input.dataset, mode: input.mode, orthoWeight: input.orthoWeight, activation: input.activation,
        householderScale: input.householderScale, epochs: input.epochs, batchSize: input.batchSize,
        learningRate: input.learningRate, evalEvery: input.evalEvery, seed: input.seed,
        maxIterations: input.maxIterations, evalLimit: input.evalLimit,
      } satisfies Partial<CnnConfig>) as unknown as Record<string, unknown>;
    case 'char_rnn':
      rejectFields(input, CNN_ONLY, 'CNN');
      rejectFields(input, SEGMENTATION_ONLY, 'SEGMENTATION');
      return resolveCharRnnConfig({
        dataset: input.dataset, cell: input.cell, embeddingSize: input.embeddingSize, hiddenSize: input.hiddenSize,
        layers: input.layers, steps: input.steps, batchSize: input.batchSize, learningRate: input.learningRate,
        learningRateDecay: input.learningRateDecay, epochs: input.epochs, orthoWeight: input.orthoWeight,
        validationFraction: input.validationFraction, evalEvery: input.evalEvery, seed: input.seed,
        maxIterations: input.maxIterations, evalLimit: input.evalLimit,
      } satisfies Partial<CharRnnConfig>) as unknown as Record<string, unknown>;
    case 'segmentation':
      rejectFields(input, CHAR_RNN_ONLY, 'CHAR_RNN');
      return resolveSegmentationConfig({
        dataset: input.dataset, mode: input.mode, orthoWeight: input.orthoWeight, activation: input.activation,
        householderScale: input.householderScale, imageSize: input.imageSize, fit: input.fit, numClasses: input.numClasses,
        ignoreLabel: input.ignoreLabel, baseChannels: input.baseChannels, depth: input.depth, epochs: input.epochs,
        batchSize: input.batchSize, learningRate: input.learningRate, evalEvery: input.evalEvery, seed: input.seed,
        valFraction: input.valFraction, maxIterations: input.maxIterations, evalLimit: input.evalLimit, previewCount: input.previewCount,
      } satisfies Partial<SegmentationConfig>) as unknown as Record<string, unknown>;
    default:
      throw new InvalidFieldError('kind', (input.kind as string).toUpperCase(), 'this experiment kind is not available on this server yet');
  }
}

const CNN_ONLY = ['mode', 'activation', 'householderScale'] as const;
const CHAR_RNN_ONLY = ['cell', 'embeddingSize', 'hiddenSize', 'layers', 'steps', 'learningRateDecay', 'validationFraction'] as const;
const SEGMENTATION_ONLY = ['imageSize', 'fit', 'numClasses', 'ignoreLabel', 'baseChannels', 'depth', 'valFraction', 'previewCount'] as const;

/** A field of another kind is a mistake worth naming rather than silently ignoring. */
function rejectFields(input: RunInput, fields: readonly (keyof RunInput)[], owner: string): void {
  for (const field of fields) {
    const value = input[field];
    if (value !== undefined && value !== null) {
      throw new InvalidFieldError(field, value, `only ${owner} runs take ${field}; this run is ${input.kind.toUpperCase()}`);
    }
  }
}

function requireDataset(kind: string, dataset: string, { datasets, download }: DataRootView): void {
  const found = datasets.find((d) => d.name === dataset && d.kind === kind);
  const known = datasets.filter((d) => d.kind === kind).map((d) => `${d.name} (${d.status})`).join(', ') || 'none';
  if (!found) throw new InvalidFieldError('dataset', dataset, `unknown data set for ${kind.toUpperCase()}; known: ${known}`);
  if (found.status === 'missing') {
    throw new InvalidFieldError('dataset', dataset, 'is missing under the data root (ORTHOSCOPE_DATA) and cannot be downloaded');
  }
  if (found.status === 'downloadable' && !download) {
    throw new InvalidFieldError('dataset', dataset, 'is not under the data root and downloads are off (ORTHOSCOPE_DOWNLOAD=0)');
  }
}

function defaultName(config: Record<string, unknown>): string {
  if (config.kind === 'char_rnn') return `char_rnn ${config.dataset} ${config.cell} λ=${config.orthoWeight}`;
  const parts = [String(config.kind), String(config.dataset), String(config.mode ?? '')];
  if (config.mode === 'penalty') parts.push(`λ=${config.orthoWeight}`);
  return parts.filter(Boolean).join(' ');
}
