import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * Stock wasm kernels as they were before ./register-wasm-training-kernels replaced any of them:
 * replacements delegate to these, never to themselves.
 */
const stockKernels = new Map<string, tf.KernelConfig>();

/** Remembers the stock wasm config of `kernelName` (once) and returns it, or undefined when there is none. */
export function rememberStockKernel(kernelName: string): tf.KernelConfig | undefined {
  if (!stockKernels.has(kernelName)) {
    const stock = tf.getKernel(kernelName, 'wasm');
    if (stock) stockKernels.set(kernelName, stock);
  }
  return stockKernels.get(kernelName);
}

/**
 * Runs a wasm kernel directly (no tape, no engine bookkeeping): the stock one when a replacement
 * took its place. The result is a fresh TensorInfo the caller must hand back or dispose.
 */
export function runWasmKernel(
  backend: BackendWasm,
  kernelName: string,
  inputs: tf.NamedTensorInfoMap,
  attrs: tf.NamedAttrMap = {},
): tf.TensorInfo {
  const config = stockKernels.get(kernelName) ?? tf.getKernel(kernelName, 'wasm');
  if (!config) throw new Error(`wasm kernel ${kernelName} is not registered`);
  return config.kernelFunc({ inputs, backend, attrs }) as tf.TensorInfo;
}

/** Releases intermediates produced by `runWasmKernel`. */
export function disposeInfos(backend: BackendWasm, ...infos: tf.TensorInfo[]): void {
  for (const info of infos) backend.disposeData(info.dataId);
}

/** The same data under another shape; shares the data id, so never dispose it separately. */
export function view(info: tf.TensorInfo, shape: number[]): tf.TensorInfo {
  return { dataId: info.dataId, shape, dtype: info.dtype };
}

/** Float32 view of a tensor's data on the wasm heap (valid until the heap grows). */
export function heapF32(backend: BackendWasm, info: tf.TensorInfo): Float32Array {
  return backend.typedArrayFromHeap(info as tf.TensorInfo & { shape: number[] }) as Float32Array;
}

/** Transposes with the wasm Transpose kernel; `perm` as in tf.transpose. */
export function transposeInfo(backend: BackendWasm, x: tf.TensorInfo, perm: number[]): tf.TensorInfo {
  return runWasmKernel(backend, 'Transpose', { x }, { perm });
}

/** Slices with the wasm Slice kernel. */
export function sliceInfo(backend: BackendWasm, x: tf.TensorInfo, begin: number[], size: number[]): tf.TensorInfo {
  return runWasmKernel(backend, 'Slice', { x }, { begin, size });
}
