import { ACTIVATIONS, CNN_DEFAULTS, CONV_MODES, HOUSEHOLDER_SCALES, type CnnConfig } from './experiment';
import { InvalidFieldError, requireInteger, requireNumber, requireOneOf } from './validation';

/**
 * Fills SPEC §3 defaults into a partial CNN config and validates every field.
 * Throws InvalidFieldError naming the first bad field and its value.
 */
export function resolveCnnConfig(input: Partial<CnnConfig>): CnnConfig {
  const merged: CnnConfig = { ...CNN_DEFAULTS, ...stripUndefined(input), kind: 'cnn' };
  if (!/^cifar(10|100)$/.test(merged.dataset)) {
    throw new InvalidFieldError('dataset', merged.dataset, 'the CNN experiment takes cifar10 or cifar100');
  }
  requireOneOf('mode', merged.mode, CONV_MODES);
  requireOneOf('activation', merged.activation, ACTIVATIONS);
  requireOneOf('householderScale', merged.householderScale, HOUSEHOLDER_SCALES);
  requireNumber('orthoWeight', merged.orthoWeight, 0, 1e6);
  if (merged.mode === 'baseline' && merged.orthoWeight !== 0) {
    throw new InvalidFieldError('orthoWeight', merged.orthoWeight, 'mode baseline trains without the penalty: use mode penalty for λ > 0');
  }
  requireInteger('epochs', merged.epochs, 1, 10_000);
  requireInteger('batchSize', merged.batchSize, 1, 4096);
  requireNumber('learningRate', merged.learningRate, 0, 100, true);
  requireInteger('evalEvery', merged.evalEvery, 1);
  requireInteger('seed', merged.seed, 0, 2 ** 31 - 1);
  if (merged.maxIterations !== null) requireInteger('maxIterations', merged.maxIterations, 1);
  if (merged.evalLimit !== null) requireInteger('evalLimit', merged.evalLimit, 1);
  return merged;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
