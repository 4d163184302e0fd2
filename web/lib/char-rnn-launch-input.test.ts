import { describe, expect, it } from 'vitest';
import { CHAR_RNN_FORM_DEFAULTS, EXPERIMENT_3, nonNumericCharRnnFields, toCharRnnRunInput } from './char-rnn-launch-input';

describe('toCharRnnRunInput', () => {
  it('SPEC §4 defaults: CHAR_RNN LSTM 2×512, embedding 48, steps 8, batch 128, λ 0; empty limits left out', () => {
    const input = toCharRnnRunInput(CHAR_RNN_FORM_DEFAULTS);
    expect(input).toMatchObject({ kind: 'CHAR_RNN', dataset: 'brown', cell: 'LSTM', hiddenSize: 512, layers: 2, embeddingSize: 48, steps: 8, batchSize: 128, learningRate: 1e-3, learningRateDecay: 0.97, epochs: 20, orthoWeight: 0 });
    expect(input).not.toHaveProperty('maxIterations');
    expect(input).not.toHaveProperty('name');
  });

  it('for a sweep: no orthoWeight or name (set per run)', () => {
    const input = toCharRnnRunInput({ ...CHAR_RNN_FORM_DEFAULTS, name: 'x', orthoWeight: '1e-4' }, true);
    expect(input).not.toHaveProperty('orthoWeight');
    expect(input).not.toHaveProperty('name');
  });
});

describe('nonNumericCharRnnFields', () => {
  it('hiddenSize "big": named; "1e-3" and empty are fine', () => {
    expect(nonNumericCharRnnFields({ ...CHAR_RNN_FORM_DEFAULTS, hiddenSize: 'big', learningRate: '1e-3', evalLimit: '' })).toEqual({ hiddenSize: 'hiddenSize: "big" is not a number' });
  });
});

describe('EXPERIMENT_3', () => {
  it('the study\'s weights 1e-3 … 1e-7, 0', () => {
    expect(EXPERIMENT_3.orthoWeights).toEqual([1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 0]);
  });
});
