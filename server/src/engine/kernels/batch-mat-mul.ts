import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { disposeInfos, heapF32, runWasmKernel, transposeInfo, view } from './wasm-kernel-utils';

/** Below this many multiply-adds per matrix, the stock scalar loop beats creating an XNNPACK operator. */
const SMALL_PRODUCT = 16_384;

/** How many transposed right-hand matrices to keep (an LSTM reuses Uᵀ at every time step). */
const TRANSPOSE_CACHE_SIZE = 8;
const transposedRightHands = new Map<object, { source: tf.TensorInfo; copy: tf.TensorInfo }>();

// Stock wasm caches its XNNPACK operator under the right-hand tensor's data id alone: the same
// data seen under another shape (a reshape shares the id) would silently reuse the wrong operator.
const rightHandShapes = new WeakMap<object, string>();

/**
 * Matrix product with transposes and batches. Stock wasm only uses XNNPACK for a single
 * untransposed product and falls back to a scalar loop otherwise (every dense-layer gradient):
 * here transposes are materialised, a shared right-hand matrix folds the batch into the rows,
 * and other batches run one fast product each.
 */
export function batchMatMul(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: BackendWasm;
  attrs: tf.NamedAttrMap;
}): tf.TensorInfo {
  const { backend } = args;
  const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
  const { transposeA, transposeB } = args.attrs as unknown as tf.BatchMatMulAttrs;
  if (a.dtype !== 'float32' || b.dtype !== 'float32') return runWasmKernel(backend, tf.BatchMatMul, args.inputs, args.attrs);
  const rankA = a.shape.length;
  const rankB = b.shape.length;
  const m = transposeA ? a.shape[rankA - 1] : a.shape[rankA - 2];
  const k = transposeA ? a.shape[rankA - 2] : a.shape[rankA - 1];
  const kB = transposeB ? b.shape[rankB - 1] : b.shape[rankB - 2];
  const n = transposeB ? b.shape[rankB - 2] : b.shape[rankB - 1];
  if (k !== kB) {
    throw new Error(`Error in matMul: inner shapes (${k}) and (${kB}) of Tensors with shapes ${a.shape} and ${b.shape} and transposeA=${transposeA} and transposeB=${transposeB} must match.`);
  }
  const batchA = tf.util.sizeFromShape(a.shape.slice(0, -2));
  const batchB = tf.util.sizeFromShape(b.shape.slice(0, -2));
  const outOuter = tf.broadcast_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2));
  const outShape = [...outOuter, m, n];
  const batch = Math.max(batchA, batchB);
  if (m * n * k < SMALL_PRODUCT || (batchA !== batchB && batchA !== 1 && batchB !== 1)) {
    return runWasmKernel(backend, tf.BatchMatMul, args.inputs, args.attrs);
  }

  // Both operands as untransposed [batch, rows, cols] (fresh copies only where a transpose is needed).
  const a3 = transposeA ? transposeInfo(backend, view(a, [batchA, k, m]), [0, 2, 1]) : view(a, [batchA, m, k]);
  const cachedT = transposeB && batchB === 1;
  const b3 = cachedT ? transposedRightHand(backend, b, n, k)
    : transposeB ? transposeInfo(backend, view(b, [batchB, n, k]), [0, 2, 1]) : view(b, [batchB, k, n]);
  let out: tf.TensorInfo;
  if (batchB === 1) {
    out = view(product(backend, view(a3, [batchA * m, k]), view(b3, [k, n]), !transposeB || cachedT), outShape);
  } else {
    out = backend.makeOutput([batch, m, n], 'float32');
    for (let i = 0; i < batch; i++) {
      const ai = batchA === 1 ? a3 : copyMatrix(backend, a3, i, m, k);
      const bi = copyMatrix(backend, b3, i, k, n);
      const part = product(backend, ai, bi, false);
      heapF32(backend, out).set(heapF32(backend, part), i * m * n);
      disposeInfos(backend, part, bi);
      if (ai !== a3) disposeInfos(backend, ai);
    }
    out = view(out, outShape);
  }
  if (transposeA) disposeInfos(backend, a3);
  if (transposeB && !cachedT) disposeInfos(backend, b3);
  return out;
}

/**
 * bᵀ for a right-hand matrix b [n, k] used with transposeB, kept while b lives (tensor data is
 * immutable, so a live data id always has the same values): a weight used at every step of a
 * recurrence is transposed — and packed by XNNPACK, which caches on the copy's id — once.
 */
function transposedRightHand(backend: BackendWasm, b: tf.TensorInfo, n: number, k: number): tf.TensorInfo {
  const hit = transposedRightHands.get(b.dataId);
  if (hit && hit.source.shape.join() === b.shape.join()) {
    transposedRightHands.delete(b.dataId); // re-insert: most recently used last
    transposedRightHands.set(b.dataId, hit);
    return hit.copy;
  }
  if (hit) dropTransposed(backend, b.dataId);
  for (const [key, entry] of transposedRightHands) {
    if (!backend.dataIdMap.has(key as tf.DataId)) dropTransposed(backend, key);
    else if (transposedRightHands.size >= TRANSPOSE_CACHE_SIZE) dropTransposed(backend, key);
    void entry;
  }
  const copy = transposeInfo(backend, view(b, [n, k]), [1, 0]);
  transposedRightHands.set(b.dataId, { source: { ...b, shape: [...b.shape] }, copy });
  return copy;
}

function dropTransposed(backend: BackendWasm, key: object): void {
  const entry = transposedRightHands.get(key);
  if (!entry) return;
  transposedRightHands.delete(key);
  disposeInfos(backend, entry.copy);
}

/** Releases every cached transpose (tests and backend teardown). */
export function clearTransposeCache(backend: BackendWasm): void {
  for (const key of [...transposedRightHands.keys()]) dropTransposed(backend, key);
}

/** [M,K]·[K,N] through the stock XNNPACK path; `shared` marks a right-hand side that may be cached. */
function product(backend: BackendWasm, a: tf.TensorInfo, b: tf.TensorInfo, shared: boolean): tf.TensorInfo {
  const [m, k] = [a.shape[a.shape.length - 2], a.shape[a.shape.length - 1]];
  const n = b.shape[b.shape.length - 1];
  let right = view(b, [1, k, n]);
  let copied = false;
  if (shared) {
    const key = `${k}x${n}`;
    const seen = rightHandShapes.get(b.dataId);
    if (seen === undefined) rightHandShapes.set(b.dataId, key);
    else if (seen !== key) {
      right = runWasmKernel(backend, 'Identity', { x: right });
      copied = true;
    }
  }
  const out = runWasmKernel(backend, tf.BatchMatMul, { a: view(a, [1, m, k]), b: right }, { transposeA: false, transposeB: false });
  if (copied) disposeInfos(backend, right);
  return view(out, [m, n]);
}

function copyMatrix(backend: BackendWasm, x: tf.TensorInfo, index: number, rows: number, cols: number): tf.TensorInfo {
  const out = backend.makeOutput([rows, cols], 'float32');
  const size = rows * cols;
  heapF32(backend, out).set(heapF32(backend, x).subarray(index * size, (index + 1) * size));
  return out;
}

/** Replaces the wasm backend's BatchMatMul. */
export const batchMatMulConfig: tf.KernelConfig = {
  kernelName: tf.BatchMatMul,
  backendName: 'wasm',
  kernelFunc: batchMatMul as unknown as tf.KernelFunc,
};
