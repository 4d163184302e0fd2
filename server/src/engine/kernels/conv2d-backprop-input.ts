import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { disposeInfos, runWasmKernel, sliceInfo, transposeInfo, view } from './wasm-kernel-utils';

/**
 * Input gradient of a 2-D convolution. The stock wasm kernel is a scalar loop (~10× slower);
 * this is one XNNPACK Conv2D of dy (zero-dilated when strided) with the spatially flipped
 * filter, in and out channels swapped — the textbook "full correlation" form.
 */
export function conv2dBackpropInput(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: BackendWasm;
  attrs: tf.NamedAttrMap;
}): tf.TensorInfo {
  const { backend } = args;
  const { dy, filter } = args.inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } = args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
  const format = tf.backend_util.convertConv2DDataFormat(dataFormat);
  if (format !== 'channelsLast') {
    throw new Error(`wasm Conv2DBackpropInput: dataFormat ${JSON.stringify(dataFormat)} is not supported, use NHWC`);
  }
  const info = tf.backend_util.computeConv2DInfo(
    inputShape, filter.shape as [number, number, number, number], strides, 1, pad, dimRoundingMode, false, format,
  );
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, inHeight: height, inWidth: width } = info;
  const [batch, ho, wo, outChannels] = dy.shape;

  // Zero-dilate dy: [B, Ho, 1, Wo, 1, C] padded to [B, Ho, sh, Wo, sw, C] is [B, Ho·sh, Wo·sw, C]:
  // the dilated map followed by (s − 1) extra zero rows/columns, which the far-side pad absorbs.
  let dilated = dy;
  if (sh > 1 || sw > 1) {
    const padded = runWasmKernel(backend, 'PadV2', { x: view(dy, [batch, ho, 1, wo, 1, outChannels]) }, {
      paddings: [[0, 0], [0, 0], [0, sh - 1], [0, 0], [0, sw - 1], [0, 0]], constantValue: 0,
    });
    dilated = view(padded, [batch, ho * sh, wo * sw, outChannels]);
  }
  const rows = ho * sh;
  const cols = wo * sw;
  // Full correlation: pad kh−1−top before, and whatever makes the output exactly H after.
  const padTop = kh - 1 - info.padInfo.top;
  const padLeft = kw - 1 - info.padInfo.left;
  const padBottom = height + kh - 1 - rows - padTop;
  const padRight = width + kw - 1 - cols - padLeft;
  let image = dilated;
  if (padTop < 0 || padLeft < 0 || padBottom < 0 || padRight < 0) {
    const cropTop = Math.max(-padTop, 0);
    const cropLeft = Math.max(-padLeft, 0);
    image = sliceInfo(backend, dilated, [0, cropTop, cropLeft, 0], [
      batch, rows - cropTop - Math.max(-padBottom, 0), cols - cropLeft - Math.max(-padRight, 0), outChannels,
    ]);
    if (dilated !== dy) disposeInfos(backend, dilated);
  }

  const reversed = runWasmKernel(backend, 'Reverse', { x: filter }, { dims: [0, 1] });
  const flipped = transposeInfo(backend, reversed, [0, 1, 3, 2]);
  disposeInfos(backend, reversed);
  const explicit = [[0, 0], [Math.max(padTop, 0), Math.max(padBottom, 0)], [Math.max(padLeft, 0), Math.max(padRight, 0)], [0, 0]];
  const out = runWasmKernel(backend, 'Conv2D', { x: image, filter: flipped }, {
    strides: [1, 1], pad: explicit, dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: undefined,
  } as unknown as tf.NamedAttrMap);
  disposeInfos(backend, flipped);
  if (image !== dy) disposeInfos(backend, image);
  return out;
}

/** Replaces the wasm backend's Conv2DBackpropInput (also what conv2dTranspose runs). */
export const conv2dBackpropInputConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropInput,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropInput as unknown as tf.KernelFunc,
};
