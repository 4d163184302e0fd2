import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { sliceFromHeap } from './slice';
import { runWasmKernel } from './wasm-kernel-utils';

/**
 * StridedSlice whose strides are all 1 is a plain slice: read it through the heap (./slice) instead
 * of stock wasm's full-input copy. Real strides keep the stock C++ kernel.
 */
export function stridedSlice(args: { inputs: tf.NamedTensorInfoMap; backend: BackendWasm; attrs: tf.NamedAttrMap }): tf.TensorInfo {
  const { backend, inputs, attrs } = args;
  const { x } = inputs as { x: tf.TensorInfo };
  const a = attrs as unknown as tf.StridedSliceAttrs;
  if (x.dtype === 'string') return runWasmKernel(backend, tf.StridedSlice, inputs, attrs);
  const info = tf.slice_util.sliceInfo(
    x.shape, a.begin, a.end, a.strides, a.beginMask, a.endMask, a.ellipsisMask, a.newAxisMask, a.shrinkAxisMask,
  );
  if (info.isIdentity || !(info.sliceDim0 || info.isSimpleSlice)) return runWasmKernel(backend, tf.StridedSlice, inputs, attrs);
  const size = tf.slice_util.computeOutShape(info.begin, info.end, info.strides);
  const out = sliceFromHeap(backend, x, info.begin, size);
  return { ...out, shape: info.finalShape };
}

/** Replaces the wasm backend's StridedSlice. */
export const stridedSliceConfig: tf.KernelConfig = {
  kernelName: tf.StridedSlice,
  backendName: 'wasm',
  kernelFunc: stridedSlice as unknown as tf.KernelFunc,
};
