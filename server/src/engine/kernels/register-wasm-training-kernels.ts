import * as tf from '@tensorflow/tfjs';
import { batchMatMulConfig } from './batch-mat-mul';
import { conv2dBackpropFilterConfig } from './conv2d-backprop-filter';
import { conv2dBackpropInputConfig } from './conv2d-backprop-input';
import { identityConfig } from './identity';
import { maxPoolGradConfig } from './max-pool-grad';
import { meanConfig } from './mean';
import { sliceConfig, splitVConfig, unpackConfig } from './slice';
import { stridedSliceConfig } from './strided-slice';
import { sumConfig } from './sum';
import { unsortedSegmentSumConfig } from './unsorted-segment-sum';
import { rememberStockKernel } from './wasm-kernel-utils';

/** Every kernel this folder adds to or replaces in the wasm backend, in registration order. */
export const WASM_TRAINING_KERNELS: readonly tf.KernelConfig[] = [
  conv2dBackpropFilterConfig,
  conv2dBackpropInputConfig,
  batchMatMulConfig,
  sumConfig,
  meanConfig,
  maxPoolGradConfig,
  sliceConfig,
  splitVConfig,
  unpackConfig,
  stridedSliceConfig,
  unsortedSegmentSumConfig,
  identityConfig,
];

let registered = false;

/**
 * Adds the kernels wasm lacks for training and replaces slow stock ones (keeping each stock
 * config for the replacement to delegate to). Call once the wasm backend is ready; idempotent.
 */
export function registerWasmTrainingKernels(): void {
  if (registered) return;
  for (const config of WASM_TRAINING_KERNELS) {
    const stock = rememberStockKernel(config.kernelName);
    if (stock) tf.unregisterKernel(config.kernelName, 'wasm');
    // The stock setupFunc binds the C++ entry point the replacement may delegate to; keep it
    // so a re-created wasm backend still initialises it.
    tf.registerKernel({ ...config, setupFunc: config.setupFunc ?? stock?.setupFunc });
  }
  registered = true;
}
