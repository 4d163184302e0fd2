/**
 * Segmentation metrics from a confusion matrix, computed in plain JS on the host: a batch of
 * 8×128×128 labels is 131k integers, cheaper to read back once than to reduce with many kernels.
 */

/** Square `numClasses × numClasses` counts, row = true class, column = predicted class (row-major). */
export interface ConfusionMatrix {
  numClasses: number;
  counts: Float64Array;
}

/** Options of `confusionMatrix`. */
export interface ConfusionOptions {
  /** Pixels whose true label equals this value are skipped (default: none). */
  ignoreLabel?: number | null;
}

/** An all-zero confusion matrix for `numClasses` classes. */
export function emptyConfusion(numClasses: number): ConfusionMatrix {
  return { numClasses, counts: new Float64Array(numClasses * numClasses) };
}

/**
 * Counts (true, predicted) pairs per pixel into `into` (a new matrix by default). Pixels labelled
 * `ignoreLabel` are skipped; any other true or predicted value outside [0, numClasses) throws.
 */
export function confusionMatrix(
  labels: ArrayLike<number>,
  predictions: ArrayLike<number>,
  numClasses: number,
  options: ConfusionOptions = {},
  into: ConfusionMatrix = emptyConfusion(numClasses),
): ConfusionMatrix {
  if (labels.length !== predictions.length) {
    throw new Error(`confusionMatrix: ${labels.length} labels but ${predictions.length} predictions`);
  }
  if (into.numClasses !== numClasses) throw new Error(`confusionMatrix: accumulator has ${into.numClasses} classes, expected ${numClasses}`);
  const ignore = options.ignoreLabel ?? null;
  const { counts } = into;
  for (let i = 0; i < labels.length; i++) {
    const t = labels[i];
    if (t === ignore) continue;
    const p = predictions[i];
    if (!(t >= 0 && t < numClasses && Number.isInteger(t))) throw new Error(`confusionMatrix: label ${t} at pixel ${i} is not a class id below ${numClasses}`);
    if (!(p >= 0 && p < numClasses && Number.isInteger(p))) throw new Error(`confusionMatrix: prediction ${p} at pixel ${i} is not a class id below ${numClasses}`);
    counts[t * numClasses + p] += 1;
  }
  return into;
}

/** Correct pixels ÷ counted (non-ignored) pixels; NaN when nothing was counted. */
export function pixelAccuracy({ numClasses, counts }: ConfusionMatrix): number {
  let correct = 0;
  let total = 0;
  for (let t = 0; t < numClasses; t++) {
    for (let p = 0; p < numClasses; p++) total += counts[t * numClasses + p];
    correct += counts[t * numClasses + t];
  }
  return total === 0 ? NaN : correct / total;
}

/**
 * Per-class IoU = TP / (TP + FP + FN); NaN for a class that neither occurs nor is predicted
 * (its union is empty, so it says nothing about the model).
 */
export function classIoU({ numClasses, counts }: ConfusionMatrix): number[] {
  const iou: number[] = [];
  for (let c = 0; c < numClasses; c++) {
    let rowSum = 0;
    let colSum = 0;
    for (let k = 0; k < numClasses; k++) {
      rowSum += counts[c * numClasses + k];
      colSum += counts[k * numClasses + c];
    }
    const tp = counts[c * numClasses + c];
    const union = rowSum + colSum - tp;
    iou.push(union === 0 ? NaN : tp / union);
  }
  return iou;
}

/** Mean of `classIoU` over the classes with a non-empty union; NaN when there is none. */
export function meanIoU(confusion: ConfusionMatrix): number {
  const present = classIoU(confusion).filter((v) => !Number.isNaN(v));
  return present.length === 0 ? NaN : present.reduce((a, b) => a + b, 0) / present.length;
}
