import * as tf from '@tensorflow/tfjs';

/**
 * SPEC §3 initialisation of a free layer: one `(fanIn+1, fanOut)` matrix drawn uniform
 * ±√(6/(fanIn+1+fanOut)) (deterministic for `seed`); its last row is the bias.
 */
export function initFreeMatrix(fanIn: number, fanOut: number, seed: number): { kernel: tf.Tensor2D; bias: tf.Tensor1D } {
  const limit = Math.sqrt(6 / (fanIn + 1 + fanOut));
  const m = tf.randomUniform([fanIn + 1, fanOut], -limit, limit, 'float32', seed);
  const values = m.dataSync() as Float32Array;
  m.dispose();
  // Separate buffers, not slices/reshapes: the wasm backend checks a bias's rank on its buffer's
  // original shape, so a reshaped [1, n] slice would be rejected as a rank-2 bias.
  return {
    kernel: tf.tensor2d(values.slice(0, fanIn * fanOut), [fanIn, fanOut]),
    bias: tf.tensor1d(values.slice(fanIn * fanOut)),
  };
}

/** A trainable variable holding `initial`, which is disposed (tf.variable copies it). */
export function variableFrom<R extends tf.Rank>(initial: tf.Tensor<R>): tf.Variable<R> {
  const v = tf.variable(initial, true);
  initial.dispose();
  return v;
}
