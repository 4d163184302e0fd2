import * as tf from '@tensorflow/tfjs';
import type { SegmentationBatch } from '../data/segmentation-batches';
import type { SegmentationNet } from '../models/segmentation-net';
import { pixelCrossEntropy, pixelTargets } from './segmentation-loss';

/** What one training step measured (read back from the backend). */
export interface SegmentationStepResult {
  crossEntropy: number;
  orthoLoss: number;
  /** Predicted class per pixel of the batch, `[n, size, size]` row-major. */
  predicted: Int32Array;
}

/**
 * One Adam step on `batch`: per-pixel cross-entropy (ignored pixels left out) plus
 * `orthoWeight · orthoLoss` when orthoWeight > 0. Every tensor it creates is disposed.
 */
export function segmentationTrainStep(
  net: SegmentationNet,
  optimizer: tf.Optimizer,
  variables: tf.Variable[],
  batch: SegmentationBatch,
  numClasses: number,
  ignoreLabel: number | null,
  orthoWeight: number,
): SegmentationStepResult {
  const targets = pixelTargets(batch.labels, numClasses, ignoreLabel);
  const x = tf.tensor4d(batch.images, [batch.n, batch.size, batch.size, batch.channels]);
  let kept: tf.Tensor[] = [];
  try {
    optimizer.minimize(() => {
      const { logits, orthoLoss } = net.forward(x);
      const ce = pixelCrossEntropy(logits, targets);
      // Clones: minimize disposes the returned cost, which may be `ce` itself.
      kept = [tf.keep(tf.clone(ce)), tf.keep(tf.clone(orthoLoss)), tf.keep(tf.argMax(logits, 3))];
      return orthoWeight > 0 ? tf.add(ce, tf.mul(orthoLoss, orthoWeight)) : ce;
    }, false, variables);
    const [ce, ortho, predicted] = kept;
    return { crossEntropy: ce.dataSync()[0], orthoLoss: ortho.dataSync()[0], predicted: predicted.dataSync() as Int32Array };
  } finally {
    tf.dispose([...kept, x, targets.targets]);
  }
}
