import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { filterGradKernel } from './simd-filter-grad-module';
import { backendMemory } from './wasm-simd-assembler';
import { sliceFromHeap } from './slice';
import { disposeInfos, runWasmKernel, sliceInfo, transposeInfo, view } from './wasm-kernel-utils';

type Args = { inputs: tf.NamedTensorInfoMap; backend: BackendWasm; attrs: tf.NamedAttrMap };

/** Which formulation the registered kernel uses: `simd` (default, falls back to XNNPACK without wasm SIMD) or `xnnpack`. */
export type FilterGradForm = 'simd' | 'xnnpack';
let form: FilterGradForm = 'simd';

/** Selects the filter-gradient formulation (for A/B measurements: `npm run bench -- --filter-grad xnnpack`). */
export function setFilterGradForm(next: FilterGradForm): void {
  form = next;
}

/**
 * Filter gradient of a 2-D convolution (the wasm backend has none, so no conv can train there):
 * the SIMD kernel of ./simd-filter-grad-module on the backend's heap when wasm SIMD is available,
 * else one stock XNNPACK Conv2D (below).
 */
export function conv2dBackpropFilter(args: Args): tf.TensorInfo {
  const memory = form === 'simd' ? backendMemory(args.backend) : undefined;
  const kernel = memory ? filterGradKernel(memory) : null;
  return kernel ? filterGradSimd(args, kernel) : filterGradXnnpack(args);
}

function convInfoOf(args: Args, x: tf.TensorInfo) {
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  const format = tf.backend_util.convertConv2DDataFormat(dataFormat);
  if (format !== 'channelsLast') {
    throw new Error(`wasm Conv2DBackpropFilter: dataFormat ${JSON.stringify(dataFormat)} is not supported, use NHWC`);
  }
  return tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode, false, format,
  );
}

function filterGradSimd(args: Args, kernel: (...a: number[]) => void): tf.TensorInfo {
  const { backend } = args;
  const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const info = convInfoOf(args, x);
  const { filterHeight: kh, filterWidth: kw, outHeight: ho, outWidth: wo, strideHeight: sh, strideWidth: sw } = info;
  const [batch, height, width, cin] = x.shape;
  const cout = dy.shape[3];
  const { top, left } = info.padInfo;
  // Rows/columns the kernel reads: (Ho−1)·s + k after the near-side pad; channels padded to the
  // 4×8 register tile. Zero padding is exact; extra rows/columns beyond it are never read.
  const paddedH = Math.max(height + top, (ho - 1) * sh + kh);
  const paddedW = Math.max(width + left, (wo - 1) * sw + kw);
  const cin4 = Math.ceil(cin / 4) * 4;
  const cout8 = Math.ceil(cout / 8) * 8;
  const xPaddings = [[0, 0], [top, paddedH - height - top], [left, paddedW - width - left], [0, cin4 - cin]];
  const xp = xPaddings.some(([a, b]) => a || b) ? runWasmKernel(backend, 'PadV2', { x }, { paddings: xPaddings, constantValue: 0 }) : x;
  const dyp = cout8 !== cout ? runWasmKernel(backend, 'PadV2', { x: dy }, { paddings: [[0, 0], [0, 0], [0, 0], [0, cout8 - cout]], constantValue: 0 }) : dy;
  const out = backend.makeOutput([kh, kw, cin4, cout8], 'float32');
  (backend.typedArrayFromHeap(out as tf.TensorInfo & { shape: number[] }) as Float32Array).fill(0);
  const offset = (t: tf.TensorInfo) => (backend.dataIdMap.get(t.dataId) as unknown as { memoryOffset: number }).memoryOffset;
  kernel(offset(xp), offset(dyp), offset(out), batch, ho, wo, kh, kw, cin4, cout8, paddedW * cin4 * 4, paddedH * paddedW * cin4 * 4, sh, sw);
  if (xp !== x) disposeInfos(backend, xp);
  if (dyp !== dy) disposeInfos(backend, dyp);
  if (cin4 === cin && cout8 === cout) return out;
  const cropped = sliceFromHeap(backend, view(out, [kh, kw, cin4, cout8]), [0, 0, 0, 0], [kh, kw, cin, cout]);
  disposeInfos(backend, out);
  return cropped;
}

/**
 * The XNNPACK formulation: one stock Conv2D over transposed tensors: x as [Cin, H, W, B] is the image batch, dy as
 * [Ho, Wo, B, Cout] is the filter, the forward stride becomes the dilation, and explicit padding
 * makes the output exactly [Cin, kh, kw, Cout] (the input is cropped when the far side would need
 * a negative pad). XNNPACK then does the whole reduction over batch and positions in one call.
 */
export function filterGradXnnpack(args: Args): tf.TensorInfo {
  const { backend } = args;
  const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const info = convInfoOf(args, x);
  const { filterHeight: kh, filterWidth: kw, outHeight: ho, outWidth: wo, strideHeight: sh, strideWidth: sw } = info;
  const [batch, height, width, inChannels] = x.shape;
  const { top, left } = info.padInfo;
  // Output size of the helper conv is H + top + bottom - ((Ho-1)·sh + 1) + 1, which must equal kh.
  const bottom = kh + (ho - 1) * sh - height - top;
  const right = kw + (wo - 1) * sw - width - left;

  const xT = transposeInfo(backend, x, [3, 1, 2, 0]);
  let image = xT;
  if (bottom < 0 || right < 0) {
    image = sliceInfo(backend, xT, [0, 0, 0, 0], [inChannels, height + Math.min(bottom, 0), width + Math.min(right, 0), batch]);
    disposeInfos(backend, xT);
  }
  const dyT = transposeInfo(backend, dy, [1, 2, 0, 3]);
  const explicit = [[0, 0], [top, Math.max(bottom, 0)], [left, Math.max(right, 0)], [0, 0]] as tf.backend_util.ExplicitPadding;
  const grad = runWasmKernel(backend, 'Conv2D', { x: image, filter: dyT }, {
    strides: [1, 1], pad: explicit, dataFormat: 'NHWC', dilations: [sh, sw], dimRoundingMode: undefined,
  } as unknown as tf.NamedAttrMap);
  disposeInfos(backend, image, dyT);
  const out = transposeInfo(backend, grad, [1, 2, 0, 3]);
  disposeInfos(backend, grad);
  return out;
}

/** Registers as the wasm backend's Conv2DBackpropFilter. */
export const conv2dBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropFilter as unknown as tf.KernelFunc,
};
