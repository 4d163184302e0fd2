import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { poolBlock, reductionBlock } from './pooled-reduction';
import { runWasmKernel } from './wasm-kernel-utils';

/**
 * Sum over leading or middle axes (bias gradients: [B,H,W,C] over B,H,W) as an average pool times
 * the block size, instead of stock wasm's transpose of the whole tensor. Other cases: stock.
 */
export function sum(args: { inputs: tf.NamedTensorInfoMap; backend: BackendWasm; attrs: tf.NamedAttrMap }): tf.TensorInfo {
  const { x } = args.inputs as { x: tf.TensorInfo };
  const { axis, keepDims } = args.attrs as unknown as tf.SumAttrs;
  const block = reductionBlock(x, axis, keepDims);
  if (!block) return runWasmKernel(args.backend, tf.Sum, args.inputs, args.attrs);
  return poolBlock(args.backend, x, block, block.size);
}

/** Replaces the wasm backend's Sum. */
export const sumConfig: tf.KernelConfig = {
  kernelName: tf.Sum,
  backendName: 'wasm',
  kernelFunc: sum as unknown as tf.KernelFunc,
};
