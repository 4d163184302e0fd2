import * as tf from '@tensorflow/tfjs';

/** A conv (or dense) layer's weights as SPEC §1 sees them: kernel `(…, n)` and optional bias `(n)`. */
export interface LayerWeights {
  kernel: tf.Tensor;
  bias?: tf.Tensor | null;
}

/**
 * SPEC §1 matrix of a layer: `M = [reshape(W, (m, n)); b]`, shape `(m+1, n)` (or `(m, n)` without bias).
 */
export function layerMatrix({ kernel, bias }: LayerWeights): tf.Tensor2D {
  const n = kernel.shape[kernel.rank - 1];
  const w = tf.reshape(kernel, [-1, n]) as tf.Tensor2D;
  if (bias == null) return w;
  if (bias.size !== n) {
    throw new Error(`layerMatrix: bias of shape [${bias.shape}] does not match kernel [${kernel.shape}] (expected ${n} values)`);
  }
  return tf.concat([w, tf.reshape(bias, [1, n])], 0);
}

/**
 * SPEC §1 loss of one layer: the sum of squared cosines between all pairs of distinct columns of M
 * (`Σᵢⱼ C[i,j]² − Σᵢ C[i,i]²`). Zero exactly when the columns are orthogonal.
 */
export function layerOrthoLoss(weights: LayerWeights): tf.Scalar {
  return tf.tidy(() => {
    const m = layerMatrix(weights);
    const n = m.shape[1];
    const gram = tf.matMul(m, m, true, false);
    // diag(G) = squared column norms; taking them from G avoids a second reduction over M.
    const sq = tf.reshape(tf.mul(gram, tf.eye(n)).sum(0), [1, n]);
    // Tiny floor only guards all-zero columns (0/0); it never touches real weights.
    const normProduct = tf.sqrt(tf.maximum(tf.matMul(sq, sq, true, false), 1e-30));
    const cos = tf.div(gram, normProduct);
    const offDiagonal = tf.sub(1, tf.eye(n));
    return tf.sum(tf.mul(tf.square(cos), offDiagonal)) as tf.Scalar;
  });
}

/** SPEC §1 `orthoLoss`: the sum of `layerOrthoLoss` over all given layers (0 for none). */
export function orthoLoss(layers: readonly LayerWeights[]): tf.Scalar {
  return tf.tidy(() => layers.map(layerOrthoLoss).reduce((a, b) => tf.add(a, b), tf.scalar(0)));
}
