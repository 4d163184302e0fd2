import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { PreviewImages } from '@orthoscope/shared';
import { segmentationBatch, type SegmentationBatch } from '../data/segmentation-batches';
import type { SegmentationSample } from '../data/segmentation-dataset';
import { encodeImagePng, encodeMaskPng } from '../data/segmentation-images';
import { confusionMatrix, emptyConfusion, meanIoU, pixelAccuracy } from '../metrics/segmentation-metrics';
import type { SegmentationNet } from '../models/segmentation-net';
import { pixelCrossEntropy, pixelTargets } from './segmentation-loss';

/** Validation metrics plus the first few batches' inputs and predictions, for previews. */
export interface SegmentationEvaluation {
  metrics: { crossEntropy: number; pixelAccuracy: number; meanIoU: number; evalMs: number };
  /** The first `keep` samples as evaluated: the batch slice and the predicted class ids. */
  kept: { batch: SegmentationBatch; index: number; predicted: Int32Array }[];
}

/** Options of `evaluateSegmentation`. */
export interface EvaluateOptions {
  size: number;
  batchSize: number;
  numClasses: number;
  ignoreLabel: number | null;
  /** Samples whose prediction is returned for previews (default 0). */
  keep?: number;
}

/**
 * Cross-entropy (pixel-weighted mean), pixel accuracy and mean IoU over `samples`, each centre-cropped
 * (or whole, when already `size`). Gradients are not recorded; every tensor is disposed.
 */
export function evaluateSegmentation(net: SegmentationNet, samples: readonly SegmentationSample[], options: EvaluateOptions): SegmentationEvaluation {
  const started = performance.now();
  const { size, batchSize, numClasses, ignoreLabel } = options;
  const keep = options.keep ?? 0;
  const confusion = emptyConfusion(numClasses);
  const kept: SegmentationEvaluation['kept'] = [];
  let ceSum = 0;
  let pixels = 0;
  for (let start = 0; start < samples.length; start += batchSize) {
    const indices = Array.from({ length: Math.min(batchSize, samples.length - start) }, (_, k) => start + k);
    const batch = segmentationBatch(samples, indices, size, 'center');
    const targets = pixelTargets(batch.labels, numClasses, ignoreLabel);
    const [ceT, predT] = tf.tidy(() => {
      const { logits } = net.forward(tf.tensor4d(batch.images, [batch.n, size, size, batch.channels]));
      return [pixelCrossEntropy(logits, targets), tf.argMax(logits, 3)];
    });
    const ce = ceT.dataSync()[0];
    const predicted = predT.dataSync() as Int32Array;
    const counted = targets.counted;
    tf.dispose([ceT, predT, targets.targets]);
    ceSum += ce * counted;
    pixels += counted;
    confusionMatrix(batch.labels, predicted, numClasses, { ignoreLabel }, confusion);
    for (let k = 0; k < batch.n && start + k < keep; k++) {
      kept.push({ batch, index: k, predicted: predicted.slice(k * size * size, (k + 1) * size * size) });
    }
  }
  return {
    metrics: { crossEntropy: ceSum / Math.max(1, pixels), pixelAccuracy: pixelAccuracy(confusion), meanIoU: meanIoU(confusion), evalMs: performance.now() - started },
    kept,
  };
}

/** Writes `preview-<k>-image|true|pred.png` for each kept sample into `dir`; returns their paths. */
export function savePreviews(dir: string, kept: SegmentationEvaluation['kept'], ignoreLabel: number | null): PreviewImages[] {
  mkdirSync(dir, { recursive: true });
  return kept.map(({ batch, index, predicted }, k) => {
    const { size, channels } = batch;
    const pixels = size * size;
    const data = new Uint8Array(pixels * channels);
    for (let i = 0; i < data.length; i++) data[i] = Math.round(batch.images[index * pixels * channels + i] * 255);
    const paths = { image: join(dir, `preview-${k}-image.png`), trueMask: join(dir, `preview-${k}-true.png`), predictedMask: join(dir, `preview-${k}-pred.png`) };
    writeAtomically(paths.image, encodeImagePng({ width: size, height: size, channels, data }));
    writeAtomically(paths.trueMask, encodeMaskPng(size, size, batch.labels.subarray(index * pixels, (index + 1) * pixels), ignoreLabel));
    writeAtomically(paths.predictedMask, encodeMaskPng(size, size, predicted, ignoreLabel));
    return paths;
  });
}

/** The API may read previews while a run writes them: a reader sees the old file or the whole new one. */
function writeAtomically(path: string, bytes: Buffer): void {
  writeFileSync(`${path}.tmp`, bytes);
  renameSync(`${path}.tmp`, path);
}
