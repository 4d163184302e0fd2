import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { runWasmKernel } from './wasm-kernel-utils';

/**
 * Identity shares the data (one more reference) instead of copying it, as the cpu backend does.
 * Safe because tensor data is immutable; it matters because the gradient tape clones every tensor
 * it saves for the backward pass — ~160 activation-sized copies per SPEC §3 training step.
 * (Kernels here that need a real copy call the stock Identity through runWasmKernel.)
 */
export function identity(args: { inputs: tf.NamedTensorInfoMap; backend: BackendWasm; attrs: tf.NamedAttrMap }): tf.TensorInfo {
  const { x } = args.inputs as { x: tf.TensorInfo };
  if (x.dtype === 'string') return runWasmKernel(args.backend, tf.Identity, args.inputs, args.attrs);
  args.backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
}

/** Replaces the wasm backend's Identity. */
export const identityConfig: tf.KernelConfig = {
  kernelName: tf.Identity,
  backendName: 'wasm',
  kernelFunc: identity as unknown as tf.KernelFunc,
};
