import { InvalidFieldError } from '@orthoscope/shared';
import type { NewRun } from '../../runner/run-manager';
import type { RunInput } from '../runs/run.input';
import { resolveRunInput, type DataRootView } from '../runs/run-spec';
import type { SweepInput } from './sweep.input';

const MAX_SWEEP_RUNS = 50;

/**
 * Expands a sweep into validated runs (nothing is created when any of them is invalid):
 * λ = 0 → BASELINE, λ > 0 → PENALTY with that λ, and HOUSEHOLDER when includeHouseholder.
 * Errors name the sweep field: `orthoWeights[2]`, `base.learningRate`.
 */
export function expandSweep(input: SweepInput, data: DataRootView, sweepId: string): { name: string; runs: NewRun[] } {
  const name = input.name ?? `sweep ${input.base.dataset}`;
  if (input.orthoWeights.length === 0 && !input.includeHouseholder) {
    throw new InvalidFieldError('orthoWeights', input.orthoWeights, 'give at least one λ (or includeHouseholder: true)');
  }
  if (input.orthoWeights.length + (input.includeHouseholder ? 1 : 0) > MAX_SWEEP_RUNS) {
    throw new InvalidFieldError('orthoWeights', input.orthoWeights, `a sweep has at most ${MAX_SWEEP_RUNS} runs`);
  }
  const tags = input.base.tags ?? [];
  // A CHAR_RNN run has no conv mode: its orthonormality weight alone varies (SPEC §4).
  const charRnn = input.base.kind === 'char_rnn';
  if (charRnn && input.includeHouseholder) {
    throw new InvalidFieldError('includeHouseholder', true, 'CHAR_RNN sweeps vary the orthonormality weight only; Householder is a CNN mode');
  }
  const variants: [string, RunInput][] = input.orthoWeights.map((w, i) => [`orthoWeights[${i}]`, {
    ...input.base, ...(charRnn ? {} : { mode: w === 0 ? 'baseline' : 'penalty' }), orthoWeight: w, name: `${name} λ=${w}`, tags,
  }]);
  if (input.includeHouseholder) {
    variants.push(['includeHouseholder', { ...input.base, mode: 'householder', orthoWeight: 0, name: `${name} householder`, tags }]);
  }
  const runs = variants.map(([field, runInput]) => {
    try {
      return resolveRunInput(runInput, data, sweepId);
    } catch (error) {
      if (!(error instanceof InvalidFieldError)) throw error;
      const named = error.field === 'orthoWeight' ? field : `base.${error.field}`;
      throw new InvalidFieldError(named, error.value, error.problem);
    }
  });
  return { name, runs };
}
