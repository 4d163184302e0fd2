import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapF32, runWasmKernel, view } from './wasm-kernel-utils';

/** A reduction over one contiguous block of axes that is not the innermost: x viewed as [outer, size, inner]. */
export interface ReductionBlock { outer: number; size: number; inner: number; outShape: number[] }

/**
 * Returns the block when `axis` reduces contiguous non-innermost axes of a float32 tensor (the case
 * stock wasm handles by transposing the whole tensor first), otherwise null.
 */
export function reductionBlock(x: tf.TensorInfo, axis: number | number[], keepDims: boolean): ReductionBlock | null {
  if (x.dtype !== 'float32' || x.shape.length === 0) return null;
  const axes = [...new Set(tf.util.parseAxisParam(axis, x.shape))].sort((p, q) => p - q);
  const first = axes[0];
  const last = axes[axes.length - 1];
  if (axes.length === 0 || last - first + 1 !== axes.length || last === x.shape.length - 1) return null;
  const outShape = x.shape.map((d, i) => (axes.includes(i) ? 1 : d)).filter((_, i) => keepDims || !axes.includes(i));
  return {
    outer: tf.util.sizeFromShape(x.shape.slice(0, first)),
    size: tf.util.sizeFromShape(x.shape.slice(first, last + 1)),
    inner: tf.util.sizeFromShape(x.shape.slice(last + 1)),
    outShape,
  };
}

/**
 * Mean (or, with `scale` = block size, sum) over the block by one XNNPACK average pool whose window
 * is the whole block: [outer, size, 1, inner] → [outer, 1, 1, inner]. No transpose, no copy of x.
 */
export function poolBlock(backend: BackendWasm, x: tf.TensorInfo, block: ReductionBlock, scale: number): tf.TensorInfo {
  const { outer, size, inner } = block;
  const input = view(x, [outer, size, 1, inner]);
  // XNNPACK rejects a 1×1 window; a block of size one is a copy.
  const out = size === 1 ? runWasmKernel(backend, 'Identity', { x: input })
    : runWasmKernel(backend, 'AvgPool', { x: input }, { filterSize: [size, 1], strides: [size, 1], pad: 'valid' });
  if (scale !== 1) {
    const values = heapF32(backend, out);
    for (let i = 0; i < values.length; i++) values[i] *= scale;
  }
  return view(out, block.outShape);
}
