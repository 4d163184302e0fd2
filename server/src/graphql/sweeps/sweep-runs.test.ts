import { describe, expect, it } from 'vitest';
import type { RunInput } from '../runs/run.input';
import { expandSweep } from './sweep-runs';
import type { SweepInput } from './sweep.input';

const data = { datasets: [{ name: 'cifar10', kind: 'cnn', status: 'available' as const }], download: false };
const base = { kind: 'cnn', dataset: 'cifar10', maxIterations: 5 } as RunInput;

describe('expandSweep', () => {
  it('experiment #2 (λ = 0, 0.1, 1, 10, 100 + Householder): 6 runs, λ=0 baseline, λ>0 penalty', () => {
    const { name, runs } = expandSweep({ name: 'exp2', base, orthoWeights: [0, 0.1, 1, 10, 100], includeHouseholder: true } as SweepInput, data, 's1');
    expect(name).toBe('exp2');
    expect(runs.map((r) => [r.config.mode, r.config.orthoWeight])).toEqual([
      ['baseline', 0], ['penalty', 0.1], ['penalty', 1], ['penalty', 10], ['penalty', 100], ['householder', 0],
    ]);
    expect(runs.map((r) => r.name)).toEqual(['exp2 λ=0', 'exp2 λ=0.1', 'exp2 λ=1', 'exp2 λ=10', 'exp2 λ=100', 'exp2 householder']);
    expect(runs.every((r) => r.sweepId === 's1' && r.config.maxIterations === 5)).toBe(true);
  });

  it('orthoWeights=[] without Householder: InvalidFieldError on orthoWeights', () => {
    expect(() => expandSweep({ base, orthoWeights: [] } as unknown as SweepInput, data, 's')).toThrow(/orthoWeights/);
  });

  it('base.batchSize=0: the error names base.batchSize', () => {
    expect(() => expandSweep({ base: { ...base, batchSize: 0 }, orthoWeights: [0] } as SweepInput, data, 's')).toThrow(/Invalid base\.batchSize: 0/);
  });
});
