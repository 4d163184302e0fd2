import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { poolBlock, reductionBlock } from './pooled-reduction';
import { runWasmKernel } from './wasm-kernel-utils';

/**
 * Mean over leading or middle axes (normalisation over batch and time) as one average pool,
 * instead of stock wasm's transpose of the whole tensor. Other cases: stock.
 */
export function mean(args: { inputs: tf.NamedTensorInfoMap; backend: BackendWasm; attrs: tf.NamedAttrMap }): tf.TensorInfo {
  const { x } = args.inputs as { x: tf.TensorInfo };
  const { axis, keepDims } = args.attrs as unknown as tf.MeanAttrs;
  const block = reductionBlock(x, axis, keepDims);
  if (!block) return runWasmKernel(args.backend, tf.Mean, args.inputs, args.attrs);
  return poolBlock(args.backend, x, block, 1);
}

/** Replaces the wasm backend's Mean. */
export const meanConfig: tf.KernelConfig = {
  kernelName: tf.Mean,
  backendName: 'wasm',
  kernelFunc: mean as unknown as tf.KernelFunc,
};
