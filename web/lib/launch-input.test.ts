import { CNN_DEFAULTS } from '@orthoscope/shared';
import { describe, expect, it } from 'vitest';
import { formFieldOf, LAUNCH_DEFAULTS, nonNumericFields, parseOrthoWeights, toRunInput } from './launch-input';

describe('LAUNCH_DEFAULTS', () => {
  it('carry SPEC §3: batch 128, lr 3e-4, 50 epochs, seed 99, eval every 100', () => {
    expect([LAUNCH_DEFAULTS.batchSize, LAUNCH_DEFAULTS.learningRate, LAUNCH_DEFAULTS.epochs, LAUNCH_DEFAULTS.seed, LAUNCH_DEFAULTS.evalEvery]).toEqual([
      String(CNN_DEFAULTS.batchSize), '0.0003', '50', '99', '100',
    ]);
  });
});

describe('toRunInput', () => {
  it('defaults → CNN on cifar10, baseline, numbers parsed, empty optionals left out, no λ for baseline', () => {
    const input = toRunInput(LAUNCH_DEFAULTS);
    expect(input).toMatchObject({ kind: 'CNN', dataset: 'cifar10', mode: 'BASELINE', batchSize: 128, learningRate: 0.0003, alertRules: { autoStop: false } });
    expect(input).not.toHaveProperty('maxIterations');
    expect(input).not.toHaveProperty('orthoWeight');
  });
  it('penalty λ=0.1, maxIterations 20, tags "a, b"', () => {
    const input = toRunInput({ ...LAUNCH_DEFAULTS, mode: 'PENALTY', orthoWeight: '0.1', maxIterations: '20', tags: 'a, b' });
    expect(input).toMatchObject({ mode: 'PENALTY', orthoWeight: 0.1, maxIterations: 20, tags: ['a', 'b'] });
  });
  it('a non-number stays NaN for the server to reject by field', () => {
    expect(toRunInput({ ...LAUNCH_DEFAULTS, batchSize: 'x' }).batchSize).toBeNaN();
  });
});

describe('parseOrthoWeights', () => {
  it('"0, 0.1 1;10,100" → [0, 0.1, 1, 10, 100]', () => expect(parseOrthoWeights('0, 0.1 1;10,100')).toEqual([0, 0.1, 1, 10, 100]));
  it('"1, x" names the bad entry', () => expect(() => parseOrthoWeights('1, x')).toThrow('"x" is not a number'));
});

describe('formFieldOf', () => {
  it('base.learningRate → learningRate', () => expect(formFieldOf('base.learningRate')).toBe('learningRate'));
  it('orthoWeights[2] → orthoWeights', () => expect(formFieldOf('input.orthoWeights[2]')).toBe('orthoWeights'));
  it('missing → null', () => expect(formFieldOf(undefined)).toBeNull());
});

describe('nonNumericFields', () => {
  it('batchSize "12x" is named with its value; empty maxIterations is fine', () => {
    expect(nonNumericFields({ ...LAUNCH_DEFAULTS, batchSize: '12x', maxIterations: '' })).toEqual({ batchSize: 'batchSize: "12x" is not a number' });
  });
});
