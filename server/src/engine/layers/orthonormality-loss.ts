import * as tf from '@tensorflow/tfjs';

/**
 * SPEC §4 orthonormality loss of hidden-to-hidden kernels: every kernel `[hidden, gates·hidden]`
 * is split into its `gates` blocks M (hidden × hidden) and `Σ ‖I − MᵀM‖_F²` is summed over all
 * blocks of all kernels. Unlike the CNN's cosine loss (SPEC §1) this also pulls column norms to 1.
 * Returns a scalar, differentiable in the kernels.
 */
export function orthonormalityLoss(kernels: readonly tf.Tensor2D[]): tf.Scalar {
  return tf.tidy(() => {
    const terms = kernels.map((kernel) => {
      const [hidden, columns] = kernel.shape;
      if (columns % hidden !== 0) {
        throw new Error(`orthonormalityLoss: kernel of shape [${kernel.shape}] does not split into ${hidden}×${hidden} gate blocks`);
      }
      const gates = columns / hidden;
      const blocks = gates === 1 ? [kernel] : tf.split(kernel, gates, 1);
      const eye = tf.eye(hidden);
      return tf.addN(blocks.map((m) => tf.sum(tf.square(tf.sub(eye, tf.matMul(tf.transpose(m), m))))));
    });
    return (terms.length === 1 ? terms[0] : tf.addN(terms)) as tf.Scalar;
  });
}
