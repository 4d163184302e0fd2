import * as tf from '@tensorflow/tfjs';
import { oneHotTargets } from '../data/segmentation-batches';

/** Loss inputs of one batch: one-hot targets (all-zero rows for ignored pixels) and their count. */
export interface PixelTargets {
  /** `[pixels, numClasses]` */
  targets: tf.Tensor2D;
  /** Non-ignored pixels (at least 1, so an all-ignored batch gives loss 0, not NaN). */
  counted: number;
}

/** One-hot targets for `labels` on the active backend; ignored pixels contribute nothing. */
export function pixelTargets(labels: Int32Array, numClasses: number, ignoreLabel: number | null): PixelTargets {
  const { targets, counted } = oneHotTargets(labels, numClasses, ignoreLabel);
  return { targets: tf.tensor2d(targets, [labels.length, numClasses]), counted: Math.max(1, counted) };
}

/**
 * Per-pixel softmax cross-entropy averaged over the non-ignored pixels:
 * `−Σ targets · logSoftmax(logits) / counted`. `logits` is `[n, h, w, numClasses]`.
 */
export function pixelCrossEntropy(logits: tf.Tensor4D, { targets, counted }: PixelTargets): tf.Scalar {
  return tf.tidy(() => {
    const logp = tf.logSoftmax(tf.reshape(logits, targets.shape));
    return tf.div(tf.neg(tf.sum(tf.mul(targets, logp))), counted) as tf.Scalar;
  });
}
