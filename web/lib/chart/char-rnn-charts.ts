import { SEGMENTATION_CHARTS } from './segmentation-charts';
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
 * CNN charts, experiment #3's when every known run is a CHAR_RNN, the segmentation ones for
 * SEGMENTATION runs, and for a mix each kind's set in the order CNN, CHAR_RNN, SEGMENTATION,
 * every chart once.
 */
export function chartsForKinds(kinds: readonly (string | null | undefined)[]): readonly ChartSpec[] {
  const sets: [string, readonly ChartSpec[]][] = [['CNN', STUDY_CHARTS], ['CHAR_RNN', CHAR_RNN_CHARTS], ['SEGMENTATION', SEGMENTATION_CHARTS]];
  const present = sets.filter(([kind]) => kinds.includes(kind)).map(([, charts]) => charts);
  if (present.length === 0) return STUDY_CHARTS;
  if (present.length === 1) return present[0];
  const seen = new Set<string>();
  return present.flat().filter((c) => !seen.has(c.key) && !!seen.add(c.key));
}
