/**
 * The dashboard's in-memory shape of one metric series of one run: points sorted by iteration.
 * A server bucket carries the mean in `value` and the extremes in `min`/`max`; a live point has
 * min = max = value.
 */
export interface SeriesPoint {
  iteration: number;
  value: number;
  min: number;
  max: number;
  /** Wall-clock time of the (last) measurement, ms since the epoch. */
  time: number;
}

/** The six charts of the study, in the study's order: which metric of which split each one shows. */
export const STUDY_CHARTS = [
  { key: 'TRAIN:crossEntropy', name: 'crossEntropy', split: 'TRAIN', title: 'Training cross-entropy' },
  { key: 'TRAIN:accuracy', name: 'accuracy', split: 'TRAIN', title: 'Training accuracy' },
  { key: 'VALIDATION:crossEntropy', name: 'crossEntropy', split: 'VALIDATION', title: 'Validation cross-entropy' },
  { key: 'VALIDATION:accuracy', name: 'accuracy', split: 'VALIDATION', title: 'Validation accuracy' },
  { key: 'TRAIN:orthoLoss', name: 'orthoLoss', split: 'TRAIN', title: 'Orthogonality loss' },
  { key: 'TRAIN:timePerIter', name: 'timePerIter', split: 'TRAIN', title: 'Time per iteration (ms)' },
] as const;

export type ChartKey = (typeof STUDY_CHARTS)[number]['key'];
export type MetricSplit = 'TRAIN' | 'VALIDATION';

/** Key under which a (split, name) series is kept. */
export function seriesKey(split: string, name: string): string {
  return `${split}:${name}`;
}

/** Accepts the API's time (ms number, numeric string or ISO date) and returns ms since the epoch. */
export function toEpochMs(time: unknown): number {
  if (typeof time === 'number') return time;
  if (typeof time === 'string') {
    const n = Number(time);
    return Number.isFinite(n) ? n : Date.parse(time);
  }
  return Number.NaN;
}
