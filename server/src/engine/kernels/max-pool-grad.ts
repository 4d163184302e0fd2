import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapF32 } from './wasm-kernel-utils';

/**
 * Max-pool gradient in one pass over the wasm heap: each window's gradient goes to its first
 * maximum in row-major order, exactly as the cpu backend (and TensorFlow) route it, for any
 * window, stride and padding (overlapping windows accumulate). Replaces the slow stock kernel.
 */
export function maxPoolGrad(args: { inputs: tf.NamedTensorInfoMap; backend: BackendWasm; attrs: tf.NamedAttrMap }): tf.TensorInfo {
  const { backend } = args;
  const { dy, input } = args.inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
  const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as tf.MaxPoolGradAttrs;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode,
  );
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const { top, left } = info.padInfo;

  const out = backend.makeOutput(input.shape, 'float32');
  // Views after makeOutput: allocating may grow (and detach) the heap.
  const x = heapF32(backend, input);
  const g = heapF32(backend, dy);
  const dx = heapF32(backend, out);
  dx.fill(0);
  const best = new Float32Array(channels);
  const at = new Int32Array(channels);
  let o = 0;
  for (let b = 0; b < batchSize; b++) {
    const batchBase = b * inHeight * inWidth * channels;
    for (let oh = 0; oh < outHeight; oh++) {
      const h0 = oh * strideHeight - top;
      for (let ow = 0; ow < outWidth; ow++, o += channels) {
        const w0 = ow * strideWidth - left;
        best.fill(-Infinity);
        at.fill(-1);
        for (let h = Math.max(h0, 0); h < Math.min(h0 + filterHeight, inHeight); h++) {
          for (let w = Math.max(w0, 0); w < Math.min(w0 + filterWidth, inWidth); w++) {
            const base = batchBase + (h * inWidth + w) * channels;
            for (let c = 0; c < channels; c++) {
              const v = x[base + c];
              if (v > best[c]) {
                best[c] = v;
                at[c] = base + c;
              }
            }
          }
        }
        for (let c = 0; c < channels; c++) if (at[c] >= 0) dx[at[c]] += g[o + c];
      }
    }
  }
  return out;
}

/** Replaces the wasm backend's MaxPoolGrad. */
export const maxPoolGradConfig: tf.KernelConfig = {
  kernelName: tf.MaxPoolGrad,
  backendName: 'wasm',
  kernelFunc: maxPoolGrad as unknown as tf.KernelFunc,
};
