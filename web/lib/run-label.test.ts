import { describe, expect, it } from 'vitest';
import { alertRunLabel, legendLabels, runColour, runDashed, runLegend, variantLabel } from './run-label';

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

describe('legendLabels', () => {
  const run = (id: string, mode: string, orthoWeight: number, dataset = 'cifar10') => ({ id, name: `run ${id}`, config: { mode, orthoWeight, dataset } });
  it('experiment #2 on one data set: just the variants', () =>
    expect(legendLabels([run('a', 'baseline', 0), run('b', 'penalty', 0.1), run('c', 'householder', 0)])).toEqual(['baseline λ=0', 'λ=0.1', 'Householder']));
  it('two data sets: the data set is added', () =>
    expect(legendLabels([run('a', 'penalty', 1), run('b', 'penalty', 10, 'cifar100')])).toEqual(['λ=1 · cifar10', 'λ=10 · cifar100']));
  it('a repeated variant: the names tell them apart', () =>
    expect(legendLabels([run('a', 'penalty', 1), run('b', 'penalty', 1)])).toEqual(['λ=1 · run a', 'λ=1 · run b']));
});

describe('runDashed', () => {
  it('the 11th run reuses a colour, dashed', () => expect([runDashed(9), runDashed(10)]).toEqual([false, true]));
});

describe('alertRunLabel', () => {
  it('a named run: its name, not its id', () => expect(alertRunLabel({ runId: 'f96206c2-0000', iteration: 12 }, 'e2e diverge')).toBe('e2e diverge at iteration 12'));
  it('name not known yet (or empty): the short id', () => {
    expect(alertRunLabel({ runId: 'f96206c2-0000', iteration: 12 }, undefined)).toBe('run f96206c2 at iteration 12');
    expect(alertRunLabel({ runId: 'f96206c2-0000', iteration: 3 }, '')).toBe('run f96206c2 at iteration 3');
  });
});
