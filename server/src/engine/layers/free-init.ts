import * as tf from '@tensorflow/tfjs';

/**
 * SPEC §3 initialisation of a free layer: one `(fanIn+1, fanOut)` matrix drawn uniform
 * ±√(6/(fanIn+1+fanOut)) (deterministic for `seed`); its last row is the bias.
 */
export function initFreeMatrix(fanIn: number, fanOut: number, seed: number): { kernel: tf.Tensor2D; bias: tf.Tensor1D } {
  return tf.tidy(() => {
    const limit = Math.sqrt(6 / (fanIn + 1 + fanOut));
    const m = tf.randomUniform([fanIn + 1, fanOut], -limit, limit, 'float32', seed);
    return {
      kernel: tf.slice(m, [0, 0], [fanIn, fanOut]) as tf.Tensor2D,
      bias: tf.reshape(tf.slice(m, [fanIn, 0], [1, fanOut]), [fanOut]) as tf.Tensor1D,
    };
  });
}

/** A trainable variable holding `initial`, which is disposed (tf.variable copies it). */
export function variableFrom<R extends tf.Rank>(initial: tf.Tensor<R>): tf.Variable<R> {
  const v = tf.variable(initial, true);
  initial.dispose();
  return v;
}
