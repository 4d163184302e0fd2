import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * out[s] = Σ x[i] over the i with segmentIds[i] = s; ids outside [0, numSegments) are dropped, as
 * in TensorFlow. Missing from the wasm backend, and it is the gradient of gather (embeddings).
 */
export function unsortedSegmentSum(args: { inputs: tf.NamedTensorInfoMap; backend: BackendWasm; attrs: tf.NamedAttrMap }): tf.TensorInfo {
  const { backend } = args;
  const { x, segmentIds } = args.inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
  const { numSegments } = args.attrs as unknown as tf.UnsortedSegmentSumAttrs;
  if (x.dtype === 'string' || x.dtype === 'complex64') {
    throw new Error(`wasm UnsortedSegmentSum: dtype ${x.dtype} is not supported`);
  }
  const idRank = segmentIds.shape.length;
  if (x.shape.slice(0, idRank).join(',') !== segmentIds.shape.join(',')) {
    throw new Error(`wasm UnsortedSegmentSum: segmentIds shape [${segmentIds.shape}] must be a prefix of x shape [${x.shape}]`);
  }
  const rows = tf.util.sizeFromShape(segmentIds.shape);
  const width = tf.util.sizeFromShape(x.shape.slice(idRank));
  const out = backend.makeOutput([numSegments, ...x.shape.slice(idRank)], x.dtype);
  // Views after makeOutput: allocating may grow (and detach) the heap.
  const values = backend.typedArrayFromHeap(x as tf.TensorInfo & { shape: number[] });
  const ids = backend.typedArrayFromHeap(segmentIds as tf.TensorInfo & { shape: number[] });
  const target = backend.typedArrayFromHeap(out as tf.TensorInfo & { shape: number[] });
  target.fill(0);
  for (let i = 0; i < rows; i++) {
    const s = ids[i];
    if (s < 0 || s >= numSegments) continue;
    const from = i * width;
    const to = s * width;
    for (let j = 0; j < width; j++) target[to + j] += values[from + j];
  }
  return out;
}

/** Adds UnsortedSegmentSum to the wasm backend. */
export const unsortedSegmentSumConfig: tf.KernelConfig = {
  kernelName: tf.UnsortedSegmentSum,
  backendName: 'wasm',
  kernelFunc: unsortedSegmentSum as unknown as tf.KernelFunc,
};
