import type { SegmentationSample } from './segmentation-dataset';

/** A batch on the host, ready for tf.tensor: NHWC pixels in [0, 1] and per-pixel labels. */
export interface SegmentationBatch {
  /** `[n, size, size, channels]` */
  images: Float32Array;
  /** `[n, size, size]`: class ids or the ignore label. */
  labels: Int32Array;
  n: number;
  size: number;
  channels: number;
}

/** Where each crop is taken: `random` for training, `center` for validation. */
export type CropPlacement = 'random' | 'center';

/**
 * Cuts a `size × size` window out of each sample (the whole sample when it already has that size).
 * `random` placement draws the window's corner from `random`; `center` takes the middle.
 */
export function segmentationBatch(
  samples: readonly SegmentationSample[],
  indices: ArrayLike<number>,
  size: number,
  placement: CropPlacement,
  random: () => number = Math.random,
): SegmentationBatch {
  const n = indices.length;
  const channels = samples[0].image.channels;
  const images = new Float32Array(n * size * size * channels);
  const labels = new Int32Array(n * size * size);
  for (let k = 0; k < n; k++) {
    const sample = samples[indices[k]];
    if (!sample) throw new RangeError(`segmentationBatch: index ${indices[k]} at position ${k} is outside the ${samples.length} samples`);
    const { image, mask } = sample;
    if (image.width < size || image.height < size) {
      throw new RangeError(`segmentationBatch: sample ${sample.name} is ${image.width}×${image.height}, smaller than ${size}`);
    }
    const x0 = placement === 'random' ? Math.floor(random() * (image.width - size + 1)) : (image.width - size) >> 1;
    const y0 = placement === 'random' ? Math.floor(random() * (image.height - size + 1)) : (image.height - size) >> 1;
    for (let y = 0; y < size; y++) {
      const srcRow = (y0 + y) * image.width + x0;
      const dstRow = (k * size + y) * size;
      for (let x = 0; x < size; x++) {
        labels[dstRow + x] = mask.data[srcRow + x];
        for (let c = 0; c < channels; c++) images[(dstRow + x) * channels + c] = image.data[(srcRow + x) * channels + c] / 255;
      }
    }
  }
  return { images, labels, n, size, channels };
}

/**
 * One-hot targets `[pixels, numClasses]` for the loss; ignored pixels get an all-zero row so they
 * add nothing to the loss. Returns the targets and the number of counted pixels.
 */
export function oneHotTargets(labels: Int32Array, numClasses: number, ignoreLabel: number | null): { targets: Float32Array; counted: number } {
  const targets = new Float32Array(labels.length * numClasses);
  let counted = 0;
  for (let i = 0; i < labels.length; i++) {
    const t = labels[i];
    if (t === ignoreLabel) continue;
    targets[i * numClasses + t] = 1;
    counted++;
  }
  return { targets, counted };
}
