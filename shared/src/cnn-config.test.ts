import { describe, expect, it } from 'vitest';
import { CNN_DEFAULTS } from './experiment';
import { resolveCnnConfig } from './cnn-config';
import { InvalidFieldError } from './validation';

describe('resolveCnnConfig', () => {
  it('empty input: SPEC §3 defaults (Adam 3e-4, batch 128, 50 epochs, seed 99)', () => {
    const config = resolveCnnConfig({});
    expect(config).toEqual(CNN_DEFAULTS);
    expect([config.learningRate, config.batchSize, config.epochs, config.seed]).toEqual([3e-4, 128, 50, 99]);
  });

  it('undefined fields keep their defaults, given fields win', () => {
    const config = resolveCnnConfig({ mode: 'penalty', orthoWeight: 0.1, batchSize: undefined });
    expect(config.mode).toBe('penalty');
    expect(config.orthoWeight).toBe(0.1);
    expect(config.batchSize).toBe(128);
  });

  it.each([
    ['batchSize', { batchSize: 0 }, 0],
    ['batchSize', { batchSize: 12.5 }, 12.5],
    ['learningRate', { learningRate: -1 }, -1],
    ['learningRate', { learningRate: 0 }, 0],
    ['orthoWeight', { mode: 'penalty', orthoWeight: Number.NaN }, Number.NaN],
    ['mode', { mode: 'orthogonal' }, 'orthogonal'],
    ['dataset', { dataset: '../etc' }, '../etc'],
    ['orthoWeight', { mode: 'baseline', orthoWeight: 1 }, 1],
    ['maxIterations', { maxIterations: 0 }, 0],
  ] as const)('%s = %s is rejected naming the field and value', (field, input, value) => {
    let error: unknown;
    try {
      resolveCnnConfig(input as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidFieldError);
    expect((error as InvalidFieldError).field).toBe(field);
    expect((error as InvalidFieldError).value).toEqual(value);
    expect((error as Error).message).toContain(field);
  });
});
