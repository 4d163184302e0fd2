import { STUDY_CHARTS } from './series';

/** One chart of the grid: which metric of which split it shows. */
export interface ChartSpec {
  key: string;
  name: string;
  split: 'TRAIN' | 'VALIDATION';
  title: string;
}

/** The charts of experiment #3 (SPEC §4): cross-entropy, orthonormality loss, validation bits per character. */
export const CHAR_RNN_CHARTS: readonly ChartSpec[] = [
  { key: 'TRAIN:crossEntropy', name: 'crossEntropy', split: 'TRAIN', title: 'Training cross-entropy' },
  { key: 'TRAIN:orthonormalityLoss', name: 'orthonormalityLoss', split: 'TRAIN', title: 'Orthonormality loss' },
  { key: 'VALIDATION:bitsPerChar', name: 'bitsPerChar', split: 'VALIDATION', title: 'Validation bits per character' },
  { key: 'VALIDATION:crossEntropy', name: 'crossEntropy', split: 'VALIDATION', title: 'Validation cross-entropy' },
  { key: 'TRAIN:timePerIter', name: 'timePerIter', split: 'TRAIN', title: 'Time per iteration (ms)' },
];

/**
 * The charts for runs of these kinds (API enum values; unknown while loading): the study's six
 * CNN charts, experiment #3's when every known run is a CHAR_RNN, and both sets (once each) for a mix.
 */
export function chartsForKinds(kinds: readonly (string | null | undefined)[]): readonly ChartSpec[] {
  const known = kinds.filter((k): k is string => !!k);
  const charRnn = known.filter((k) => k === 'CHAR_RNN').length;
  if (charRnn === 0) return STUDY_CHARTS;
  if (charRnn === known.length) return CHAR_RNN_CHARTS;
  const keys = new Set<string>(STUDY_CHARTS.map((c) => c.key));
  return [...STUDY_CHARTS, ...CHAR_RNN_CHARTS.filter((c) => !keys.has(c.key))];
}
