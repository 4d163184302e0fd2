import * as tf from '@tensorflow/tfjs';

/**
 * SPEC §4 orthonormality loss of hidden-to-hidden kernels: every kernel `[hidden, gates·hidden]`
 * is split into its `gates` blocks M (hidden × hidden) and `Σ ‖I − MᵀM‖_F²` is summed over all
 * blocks of all kernels. Unlike the CNN's cosine loss (SPEC §1) this also pulls column norms to 1.
 * Returns a scalar, differentiable in the kernels.
 */
export function orthonormalityLoss(kernels: readonly tf.Tensor2D[]): tf.Scalar {
  return tf.tidy(() => {
    const terms = kernels.map((kernel) => kernelLoss(kernel));
    return (terms.length === 1 ? terms[0] : tf.addN(terms)) as tf.Scalar;
  });
}

function gateBlocks(kernel: tf.Tensor2D): tf.Tensor2D[] {
  const [hidden, columns] = kernel.shape;
  if (columns % hidden !== 0) {
    throw new Error(`orthonormalityLoss: kernel of shape [${kernel.shape}] does not split into ${hidden}×${hidden} gate blocks`);
  }
  const gates = columns / hidden;
  return (gates === 1 ? [kernel] : tf.split(kernel, gates, 1)) as tf.Tensor2D[];
}

// The analytic gradient, d‖I − MᵀM‖²/dM = −4·M·(I − MᵀM), costs one matmul per block where
// automatic differentiation of MᵀM takes two: at hidden 512 that is ~10% of a training step.
const kernelLoss = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [kernel, save] = args as [tf.Tensor, tf.GradSaveFunc];
  const blocks = gateBlocks(kernel as tf.Tensor2D);
  const eye = tf.eye(blocks[0].shape[0]);
  const residuals = blocks.map((m) => tf.sub(eye, tf.matMul(tf.transpose(m), m)));
  const value = tf.addN(residuals.map((d) => tf.sum(tf.square(d))));
  save([kernel, ...residuals]);
  return {
    value,
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [k, ...ds] = saved;
      const parts = gateBlocks(k as tf.Tensor2D).map((m, i) => tf.matMul(m, ds[i] as tf.Tensor2D));
      const grad = parts.length === 1 ? parts[0] : tf.concat(parts, 1);
      return tf.mul(grad, tf.mul(dy, -4));
    },
  };
}) as (kernel: tf.Tensor2D) => tf.Scalar;
