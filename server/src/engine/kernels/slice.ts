import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { runWasmKernel } from './wasm-kernel-utils';

/**
 * Copies x[begin : begin + size] reading through a view of the wasm heap. Stock wasm Slice first
 * copies the entire input out of the heap (readSync) on every call — and SplitV, Unpack and
 * StridedSlice call it once per piece.
 */
export function sliceFromHeap(backend: BackendWasm, x: tf.TensorInfo, begin: number[], size: number[]): tf.TensorInfo {
  const out = backend.makeOutput(size, x.dtype);
  const total = tf.util.sizeFromShape(size);
  if (total === 0) return out;
  // Views after makeOutput: allocating may grow (and detach) the heap.
  const source = backend.typedArrayFromHeap(x as tf.TensorInfo & { shape: number[] });
  const target = backend.typedArrayFromHeap(out as tf.TensorInfo & { shape: number[] });
  const strides = tf.util.computeStrides(x.shape);
  const rank = x.shape.length;
  // Merge trailing axes taken whole into one contiguous run.
  let inner = rank - 1;
  while (inner > 0 && begin[inner] === 0 && size[inner] === x.shape[inner]) inner--;
  const run = tf.util.sizeFromShape(size.slice(inner));
  const outer = size.slice(0, inner);
  const index = new Array(inner).fill(0);
  const base = begin.reduce((acc, b, i) => acc + b * (i < rank - 1 ? strides[i] : 1), 0);
  for (let o = 0; o < total; o += run) {
    let offset = base;
    for (let i = 0; i < inner; i++) offset += index[i] * strides[i];
    target.set(source.subarray(offset, offset + run), o);
    for (let i = inner - 1; i >= 0; i--) {
      if (++index[i] < outer[i]) break;
      index[i] = 0;
    }
  }
  return out;
}

type Args = { inputs: tf.NamedTensorInfoMap; backend: BackendWasm; attrs: tf.NamedAttrMap };

function isHeapBacked(x: tf.TensorInfo): boolean {
  return x.dtype !== 'string';
}

export function slice({ inputs, backend, attrs }: Args): tf.TensorInfo {
  const { x } = inputs as { x: tf.TensorInfo };
  if (!isHeapBacked(x)) return runWasmKernel(backend, tf.Slice, inputs, attrs);
  const { begin, size } = attrs as unknown as tf.SliceAttrs;
  const [begin_, size_] = tf.slice_util.parseSliceParams(x as tf.TensorInfo as tf.Tensor, begin, size);
  tf.slice_util.assertParamsValid(x as tf.TensorInfo as tf.Tensor, begin_, size_);
  return sliceFromHeap(backend, x, begin_, size_);
}

export function splitV({ inputs, backend, attrs }: Args): tf.TensorInfo[] {
  const { x } = inputs as { x: tf.TensorInfo };
  if (!isHeapBacked(x)) return runWasmKernel(backend, tf.SplitV, inputs, attrs) as unknown as tf.TensorInfo[];
  const { numOrSizeSplits, axis } = attrs as unknown as tf.SplitVAttrs;
  const $axis = tf.util.parseAxisParam(axis, x.shape)[0];
  const sizes = tf.backend_util.prepareSplitSize(x as tf.TensorInfo as tf.Tensor, numOrSizeSplits, $axis);
  const begin = new Array(x.shape.length).fill(0);
  return sizes.map((s) => {
    const size = [...x.shape];
    size[$axis] = s;
    const piece = sliceFromHeap(backend, x, [...begin], size);
    begin[$axis] += s;
    return piece;
  });
}

export function unpack({ inputs, backend, attrs }: Args): tf.TensorInfo[] {
  const { value } = inputs as { value: tf.TensorInfo };
  if (!isHeapBacked(value)) return runWasmKernel(backend, tf.Unpack, inputs, attrs) as unknown as tf.TensorInfo[];
  const rank = value.shape.length;
  const axis = ((attrs as unknown as tf.UnpackAttrs).axis + rank) % rank;
  const outShape = value.shape.filter((_, i) => i !== axis);
  const size = [...value.shape];
  size[axis] = 1;
  return Array.from({ length: value.shape[axis] }, (_, i) => {
    const begin = new Array(rank).fill(0);
    begin[axis] = i;
    const piece = sliceFromHeap(backend, value, begin, size);
    return { ...piece, shape: outShape };
  });
}

/** Replace the wasm backend's Slice, SplitV and Unpack (same results, no full-input copy). */
export const sliceConfig: tf.KernelConfig = { kernelName: tf.Slice, backendName: 'wasm', kernelFunc: slice as unknown as tf.KernelFunc };
export const splitVConfig: tf.KernelConfig = { kernelName: tf.SplitV, backendName: 'wasm', kernelFunc: splitV as unknown as tf.KernelFunc };
export const unpackConfig: tf.KernelConfig = { kernelName: tf.Unpack, backendName: 'wasm', kernelFunc: unpack as unknown as tf.KernelFunc };
