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
  if (filterHeight === 2 && filterWidth === 2 && strideHeight === 2 && strideWidth === 2 && top === 0 && left === 0) {
    routeTwoByTwo(x, g, dx, batchSize, inHeight, inWidth, channels, outHeight, outWidth);
    return out;
  }
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

/**
 * The SPEC §3 case (2×2 windows, stride 2, no leading pad) without per-window bookkeeping: windows
 * fully inside take four loads and comparisons per channel; a window cut by the far edge (SAME on
 * odd sizes) falls back to the bounds-checked scan. Same first-maximum rule as above.
 */
function routeTwoByTwo(
  x: Float32Array, g: Float32Array, dx: Float32Array,
  batchSize: number, inHeight: number, inWidth: number, channels: number, outHeight: number, outWidth: number,
): void {
  const row = inWidth * channels;
  let o = 0;
  for (let b = 0; b < batchSize; b++) {
    const batchBase = b * inHeight * row;
    for (let oh = 0; oh < outHeight; oh++) {
      const h = 2 * oh;
      const hasBelow = h + 1 < inHeight;
      for (let ow = 0; ow < outWidth; ow++, o += channels) {
        const w = 2 * ow;
        const p00 = batchBase + h * row + w * channels;
        const hasRight = w + 1 < inWidth;
        if (hasBelow && hasRight) {
          const p01 = p00 + channels;
          const p10 = p00 + row;
          const p11 = p10 + channels;
          for (let c = 0; c < channels; c++) {
            let best = x[p00 + c];
            let at = p00 + c;
            const v01 = x[p01 + c];
            if (v01 > best) { best = v01; at = p01 + c; }
            const v10 = x[p10 + c];
            if (v10 > best) { best = v10; at = p10 + c; }
            if (x[p11 + c] > best) at = p11 + c;
            dx[at] += g[o + c];
          }
        } else {
          for (let c = 0; c < channels; c++) {
            let best = x[p00 + c];
            let at = p00 + c;
            if (hasRight && x[p00 + channels + c] > best) { best = x[p00 + channels + c]; at = p00 + channels + c; }
            if (hasBelow && x[p00 + row + c] > best) { best = x[p00 + row + c]; at = p00 + row + c; }
            dx[at] += g[o + c];
          }
        }
      }
    }
  }
}

/** Replaces the wasm backend's MaxPoolGrad. */
export const maxPoolGradConfig: tf.KernelConfig = {
  kernelName: tf.MaxPoolGrad,
  backendName: 'wasm',
  kernelFunc: maxPoolGrad as unknown as tf.KernelFunc,
};
