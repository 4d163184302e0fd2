import { describe, expect, it } from 'vitest';
import { runColour, runLegend, variantLabel } from './run-label';

describe('variantLabel', () => {
  it('householder → Householder', () => expect(variantLabel({ mode: 'householder', orthoWeight: 0 })).toBe('Householder'));
  it('penalty λ=0.1 → λ=0.1', () => expect(variantLabel({ mode: 'penalty', orthoWeight: 0.1 })).toBe('λ=0.1'));
  it('baseline → baseline λ=0', () => expect(variantLabel({ mode: 'baseline', orthoWeight: 0 })).toBe('baseline λ=0'));
  it('penalty with λ=0 is the baseline of the sweep', () => expect(variantLabel({ mode: 'penalty', orthoWeight: 0 })).toBe('baseline λ=0'));
  it('char_rnn gru λ=1e-4 (no mode) → gru λ=0.0001', () => expect(variantLabel({ kind: 'char_rnn', cell: 'gru', orthoWeight: 1e-4 })).toBe('gru λ=0.0001'));
});

describe('runLegend', () => {
  it('variant · dataset · name', () =>
    expect(runLegend({ id: 'abcdef123', name: 'sweep-3', config: { mode: 'penalty', orthoWeight: 10, dataset: 'cifar10' } })).toBe(
      'λ=10 · cifar10 · sweep-3',
    ));
});

describe('runColour', () => {
  it('ten runs get ten different colours', () => expect(new Set(Array.from({ length: 10 }, (_, i) => runColour(i))).size).toBe(10));
});
