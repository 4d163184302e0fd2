import * as tf from '@tensorflow/tfjs';

/**
 * Nearest-neighbour 2× upsampling `[n, h, w, c] → [n, 2h, 2w, c]` whose gradient is the sum over
 * each 2×2 block (an average pool × 4). The stock gradient kernel is avoided on purpose:
 * tfjs-backend-cpu 4.22's ResizeNearestNeighborGrad reads `dy` with the input's batch stride, so it
 * is wrong for batch > 1 (wasm's is right); the pool form is exact and fast on every backend.
 */
export const upsample2x = tf.customGrad((x) => {
  const input = x as tf.Tensor4D;
  const [, h, w] = input.shape;
  return {
    value: tf.image.resizeNearestNeighbor(input, [2 * h, 2 * w]),
    gradFunc: (dy) => tf.mul(tf.avgPool(dy as tf.Tensor4D, 2, 2, 'valid'), 4),
  };
}) as (x: tf.Tensor4D) => tf.Tensor4D;
