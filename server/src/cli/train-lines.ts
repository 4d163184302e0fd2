import type { TrainEvent } from '@orthoscope/shared';
import type { TrainCliOptions } from './train-args';

type Config = TrainCliOptions['config'];
type Metrics = Record<string, number>;

/** The CLI's first line: data set, the variant trained, backend and device, iteration count. */
export function startLine(config: Config, event: Extract<TrainEvent, { type: 'start' }>): string {
  const variant = config.kind === 'char_rnn' ? `${config.cell} λ=${config.orthoWeight}`
    : config.kind === 'segmentation' ? `${config.mode}${config.mode === 'penalty' ? ` λ=${config.orthoWeight}` : ''} ${config.imageSize} px`
    : config.mode;
  return `${config.dataset} ${variant} on ${event.backend} (${event.device}), ${event.totalIterations} iterations`;
}

/** The metrics beside the progress bar after each training step (the kind's headline ones). */
export function progressFields(config: Config, m: Metrics): Metrics {
  switch (config.kind) {
    case 'cnn':
      return { crossEntropy: m.crossEntropy, accuracy: m.accuracy, orthoLoss: m.orthoLoss, stepMs: m.stepMs };
    case 'char_rnn':
      return { crossEntropy: m.crossEntropy, orthonormalityLoss: m.orthonormalityLoss, stepMs: m.stepMs };
    case 'segmentation':
      return { crossEntropy: m.crossEntropy, pixelAccuracy: m.pixelAccuracy, meanIoU: m.meanIoU, orthoLoss: m.orthoLoss, stepMs: m.stepMs };
  }
}

/** One line per evaluation: cross-entropy, the kind's quality metrics, and the time it took. */
export function evalLine(config: Config, iteration: number, m: Metrics): string {
  const quality = config.kind === 'cnn' ? `accuracy ${m.accuracy.toFixed(4)}`
    : config.kind === 'char_rnn' ? `bits/char ${m.bitsPerChar.toFixed(4)}`
    : `pixelAccuracy ${m.pixelAccuracy.toFixed(4)}  meanIoU ${m.meanIoU.toFixed(4)}`;
  return `eval @${iteration}: crossEntropy ${m.crossEntropy.toFixed(4)}  ${quality}  (${(m.evalMs / 1000).toFixed(1)} s)`;
}
