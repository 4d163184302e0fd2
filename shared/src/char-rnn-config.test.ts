import { describe, expect, it } from 'vitest';
import { CHAR_RNN_DEFAULTS, resolveCharRnnConfig } from './char-rnn-config';
import { InvalidFieldError } from './validation';

describe('resolveCharRnnConfig', () => {
  it('empty input: SPEC §4 defaults (lstm 2×512, embedding 48, steps 8, batch 128, 20 epochs)', () => {
    const config = resolveCharRnnConfig({});
    expect(config).toEqual(CHAR_RNN_DEFAULTS);
    expect(config).toMatchObject({ cell: 'lstm', hiddenSize: 512, layers: 2, embeddingSize: 48, steps: 8, batchSize: 128, learningRate: 1e-3, learningRateDecay: 0.97, epochs: 20 });
  });

  it('undefined fields keep their defaults, given fields override them', () => {
    const config = resolveCharRnnConfig({ cell: 'gru', hiddenSize: undefined, orthoWeight: 1e-4 });
    expect(config.cell).toBe('gru');
    expect(config.hiddenSize).toBe(512);
    expect(config.orthoWeight).toBe(1e-4);
  });

  it.each([
    ['cell', { cell: 'transformer' }],
    ['hiddenSize', { hiddenSize: 0 }],
    ['steps', { steps: 2.5 }],
    ['orthoWeight', { orthoWeight: -1 }],
    ['validationFraction', { validationFraction: 0 }],
    ['learningRateDecay', { learningRateDecay: 1.5 }],
    ['dataset', { dataset: '../etc/passwd' }],
  ])('bad %s: InvalidFieldError naming the field and value', (field, input) => {
    try {
      resolveCharRnnConfig(input as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidFieldError);
      expect((error as InvalidFieldError).field).toBe(field);
      expect((error as Error).message).toContain(JSON.stringify(Object.values(input)[0]));
    }
  });
});
