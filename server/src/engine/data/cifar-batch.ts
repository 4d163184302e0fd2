import * as tf from '@tensorflow/tfjs';
import { CIFAR_PIXEL_BYTES } from './cifar-spec';
import type { CifarSplit } from './cifar-types';

const PLANE = 1024;

/**
 * Float32 NHWC `[n, 32, 32, 3]` in [0, 1] and int32 labels for the given record indices, converted
 * from the uint8 CHW records only for this batch. Throws RangeError for an index outside the split.
 */
export function cifarBatch(split: CifarSplit, indices: ArrayLike<number>): { x: tf.Tensor4D; y: tf.Tensor1D } {
  const n = indices.length;
  const pixels = new Float32Array(n * CIFAR_PIXEL_BYTES);
  const labels = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const index = indices[k];
    if (!Number.isInteger(index) || index < 0 || index >= split.count) {
      throw new RangeError(`cifarBatch: index ${index} at position ${k} is outside the split of ${split.count} records`);
    }
    labels[k] = split.labels[index];
    const src = index * CIFAR_PIXEL_BYTES;
    const dst = k * CIFAR_PIXEL_BYTES;
    for (let p = 0; p < PLANE; p++) {
      pixels[dst + 3 * p] = split.images[src + p] / 255;
      pixels[dst + 3 * p + 1] = split.images[src + PLANE + p] / 255;
      pixels[dst + 3 * p + 2] = split.images[src + 2 * PLANE + p] / 255;
    }
  }
  return { x: tf.tensor4d(pixels, [n, 32, 32, 3], 'float32'), y: tf.tensor1d(labels, 'int32') };
}
