import type { ChartSpec } from './char-rnn-charts';

/** The charts of a segmentation run (SPEC §5): cross-entropy and mean IoU on both splits, pixel accuracy, orthoLoss, time. */
export const SEGMENTATION_CHARTS: readonly ChartSpec[] = [
  { key: 'TRAIN:crossEntropy', name: 'crossEntropy', split: 'TRAIN', title: 'Training cross-entropy' },
  { key: 'TRAIN:meanIoU', name: 'meanIoU', split: 'TRAIN', title: 'Training mean IoU' },
  { key: 'VALIDATION:crossEntropy', name: 'crossEntropy', split: 'VALIDATION', title: 'Validation cross-entropy' },
  { key: 'VALIDATION:meanIoU', name: 'meanIoU', split: 'VALIDATION', title: 'Validation mean IoU' },
  { key: 'VALIDATION:pixelAccuracy', name: 'pixelAccuracy', split: 'VALIDATION', title: 'Validation pixel accuracy' },
  { key: 'TRAIN:orthoLoss', name: 'orthoLoss', split: 'TRAIN', title: 'Orthogonality loss' },
  { key: 'TRAIN:timePerIter', name: 'timePerIter', split: 'TRAIN', title: 'Time per iteration (ms)' },
];
