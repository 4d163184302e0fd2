import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { disposeInfos, runWasmKernel, sliceInfo, transposeInfo } from './wasm-kernel-utils';

/**
 * Filter gradient of a 2-D convolution (the wasm backend has none, so no conv can train there).
 * One stock Conv2D over transposed tensors: x as [Cin, H, W, B] is the image batch, dy as
 * [Ho, Wo, B, Cout] is the filter, the forward stride becomes the dilation, and explicit padding
 * makes the output exactly [Cin, kh, kw, Cout] (the input is cropped when the far side would need
 * a negative pad). XNNPACK then does the whole reduction over batch and positions in one call.
 */
export function conv2dBackpropFilter(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: BackendWasm;
  attrs: tf.NamedAttrMap;
}): tf.TensorInfo {
  const { backend } = args;
  const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  const format = tf.backend_util.convertConv2DDataFormat(dataFormat);
  if (format !== 'channelsLast') {
    throw new Error(`wasm Conv2DBackpropFilter: dataFormat ${JSON.stringify(dataFormat)} is not supported, use NHWC`);
  }
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode, false, format,
  );
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
