import * as tf from '@tensorflow/tfjs';

/**
 * How the Householder generator computes the compact-WY factor `T = (½I + strictUpper(G))⁻¹`
 * and scatters the flat parameters into V.
 * - `readback`: reads to the CPU (n×n for T, the parameters for V) and computes there, T by a
 *   float64 back-substitution (fastest on cpu/wasm, where a read is a memcpy).
 * - `tensor`: blocked recursive inversion in log₂(n) batched matmul levels, no readback
 *   (for GPU backends, where a read stalls the pipeline).
 * Both are exact (no truncated series) and share the analytic gradient.
 */
export type TSolver = 'readback' | 'tensor';

/** `readback` on the cpu and wasm backends, `tensor` everywhere else (tensorflow, webgl, …). */
export function defaultTSolver(backendName: string = tf.getBackend()): TSolver {
  return backendName === 'cpu' || backendName === 'wasm' ? 'readback' : 'tensor';
}

/**
 * `T = (½I + strictUpper(G))⁻¹` for the Gram matrix `G = VᵀV` of unit vectors (n×n).
 * Gradient: `dG = strictUpper(−Tᵀ·dT·Tᵀ)` (only the strict upper part of G enters U).
 */
export function compactWyT(gram: tf.Tensor2D, solver: TSolver): tf.Tensor2D {
  const n = gram.shape[0];
  // tfjs types customGrad's arguments as (Tensor | GradSaveFunc)[]; the casts restore them.
  const f = tf.customGrad(((g: tf.Tensor2D, save: tf.GradSaveFunc) => {
    const t = solver === 'readback' ? solveByBackSubstitution(g) : solveByBlocks(g);
    save([t]);
    return {
      value: t,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) =>
        tf.tidy(() => {
          const tt = tf.transpose(saved[0] as tf.Tensor2D);
          const du = tf.neg(tf.matMul(tf.matMul(tt, dy as tf.Tensor2D), tt));
          return tf.mul(du, strictUpperMask(n));
        }),
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return f(gram) as tf.Tensor2D;
}

function strictUpperMask(n: number): tf.Tensor2D {
  const mask = new Float32Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) mask[i * n + j] = 1;
  return tf.tensor2d(mask, [n, n]);
}

/** Column by column: `½T[i][j] + Σ_{k>i} U[i][k]·T[k][j] = δᵢⱼ`, solved from i = j down to 0. */
function solveByBackSubstitution(gram: tf.Tensor2D): tf.Tensor2D {
  const n = gram.shape[0];
  const g = gram.dataSync();
  const t = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    t[j * n + j] = 2;
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += g[i * n + k] * t[k * n + j];
      t[i * n + j] = -2 * s;
    }
  }
  return tf.tensor2d(Float32Array.from(t), [n, n]);
}

/**
 * Blocked inversion of the upper-triangular `U` (diagonal ½): pad to a power of two with ½I, then
 * merge diagonal blocks pairwise, `[[A, B], [0, D]]⁻¹ = [[A⁻¹, −A⁻¹·B·D⁻¹], [0, D⁻¹]]`, all pairs of
 * one level in one batched matmul.
 */
function solveByBlocks(gram: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const n = gram.shape[0];
    let size = 1;
    while (size < n) size *= 2;
    let u: tf.Tensor2D = tf.mul(gram, strictUpperMask(n));
    if (size > n) u = tf.pad(u, [[0, size - n], [0, size - n]]);
    let blocks: tf.Tensor3D = tf.fill([size, 1, 1], 2) as tf.Tensor3D;
    for (let s = 1; s < size; s *= 2) {
      const pairs = size / (2 * s);
      const paired = tf.reshape(blocks, [pairs, 2, s, s]);
      const a = tf.reshape(tf.slice(paired, [0, 0, 0, 0], [pairs, 1, s, s]), [pairs, s, s]) as tf.Tensor3D;
      const d = tf.reshape(tf.slice(paired, [0, 1, 0, 0], [pairs, 1, s, s]), [pairs, s, s]) as tf.Tensor3D;
      const b = tf.slice(diagonalBlocks(u, pairs, 2 * s), [0, 0, s], [pairs, s, s]);
      const x = tf.neg(tf.matMul(tf.matMul(a, b), d));
      const top = tf.concat([a, x], 2);
      const bottom = tf.concat([tf.zeros([pairs, s, s]), d], 2);
      blocks = tf.concat([top, bottom], 1) as tf.Tensor3D;
    }
    const t = tf.reshape(blocks, [size, size]) as tf.Tensor2D;
    return size > n ? tf.slice(t, [0, 0], [n, n]) : t;
  });
}

/** The `count` diagonal blocks of size `b` of a square matrix, as a `[count, b, b]` batch. */
function diagonalBlocks(u: tf.Tensor2D, count: number, b: number): tf.Tensor3D {
  const all = tf.reshape(tf.transpose(tf.reshape(u, [count, b, count, b]), [0, 2, 1, 3]), [count * count, b, b]);
  const idx = tf.tensor1d(Array.from({ length: count }, (_, k) => k * (count + 1)), 'int32');
  return tf.gather(all, idx) as tf.Tensor3D;
}
