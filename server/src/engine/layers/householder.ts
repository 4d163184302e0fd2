import * as tf from '@tensorflow/tfjs';
import { compactWyT, defaultTSolver, type TSolver } from './householder-t';

/** Number of free values SPEC §2 trains for a `(rows, cols)` matrix (rows ≥ cols): `cols·rows − cols(cols−1)/2`. */
export function householderParamCount(rows: number, cols: number): number {
  const [m, n] = rows >= cols ? [rows, cols] : [cols, rows];
  return n * m - (n * (n - 1)) / 2;
}

/** Options of {@link HouseholderGenerator}. */
export interface HouseholderOptions {
  /** How T is computed; default {@link defaultTSolver} of the backend active at each call. */
  solver?: TSolver;
  /** Named in error messages (e.g. the layer name); default `householder`. */
  label?: string;
}

/**
 * Generates the exactly orthonormal `Q[:, :n]` of SPEC §2 from its flat parameter vector, in
 * compact-WY form: with unit vectors `vᵢ` as the columns of V (m'×n),
 * `H₁⋯Hₙ = I − V·T·Vᵀ` with `T = (½I + strictUpper(VᵀV))⁻¹`, so `Q[:, :n] = E − V·T·V[:n, :]ᵀ`.
 * Cost O(m'·n²) in a few matmuls; no m'×m' matrix is ever formed.
 *
 * For `rows < cols` it returns a matrix with orthonormal ROWS: the transpose of the `(cols, rows)`
 * construction (documented alternative of issue 2; convolution layers refuse it, see OrthoConv2d).
 */
export class HouseholderGenerator {
  /** Length of the flat parameter vector. */
  readonly paramCount: number;
  private readonly m: number;
  private readonly n: number;
  private readonly gatherIndex: tf.Tensor1D;
  private readonly scatterIndex: tf.Tensor1D;
  private readonly identityColumns: tf.Tensor2D;
  private readonly scatterPositions: Int32Array;

  constructor(
    readonly rows: number,
    readonly cols: number,
    private readonly options: HouseholderOptions = {},
  ) {
    const label = options.label ?? 'householder';
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
      throw new Error(`${label}: matrix shape must be positive integers, got (${rows}, ${cols})`);
    }
    [this.m, this.n] = rows >= cols ? [rows, cols] : [cols, rows];
    this.paramCount = householderParamCount(rows, cols);
    const { gather, scatter } = vectorLayout(this.m, this.n);
    this.scatterPositions = scatter;
    this.gatherIndex = tf.keep(tf.tensor1d(gather, 'int32'));
    this.scatterIndex = tf.keep(tf.tensor1d(scatter, 'int32'));
    this.identityColumns = tf.keep(tf.eye(this.m, this.n) as tf.Tensor2D);
  }

  /** SPEC §2 initial parameters: uniform(−1, 1), deterministic for a seed. */
  initialParams(seed: number): tf.Tensor1D {
    return tf.randomUniform([this.paramCount], -1, 1, 'float32', seed) as tf.Tensor1D;
  }

  /** The m'×n matrix of (unnormalised) vectors `vᵢ`, column i zero in its first n−1−i rows (0-based). */
  vectors(params: tf.Tensor1D): tf.Tensor2D {
    if (params.rank !== 1 || params.size !== this.paramCount) {
      throw new Error(`${this.options.label ?? 'householder'}: expected ${this.paramCount} parameters for (${this.rows}, ${this.cols}), got shape [${params.shape}]`);
    }
    // The map params → V is an injective scatter, so its gradient is a gather of dV (a stock gather
    // gradient would need UnsortedSegmentSum, which the wasm backend lacks). On cpu/wasm a tfjs
    // gather costs ~14 ms here (wasm validates every index in JS), a JS loop over the read-back
    // values well under 1 ms; GPU backends keep the tensor-only gather.
    const onCpu = (this.options.solver ?? defaultTSolver()) === 'readback';
    const size = this.m * this.n;
    const scatter = tf.customGrad(((p: tf.Tensor1D) => ({
      value: onCpu
        ? tf.tensor2d(scatterValues(p.dataSync() as Float32Array, this.scatterPositions, size), [this.m, this.n])
        : tf.reshape(tf.gather(tf.concat([tf.zeros([1]), p]), this.gatherIndex), [this.m, this.n]),
      gradFunc: (dy: tf.Tensor) =>
        onCpu
          ? tf.tensor1d(gatherValues(dy.dataSync() as Float32Array, this.scatterPositions))
          : tf.gather(tf.reshape(dy, [-1]), this.scatterIndex),
    })) as unknown as Parameters<typeof tf.customGrad>[0]);
    return scatter(params) as tf.Tensor2D;
  }

  /** The orthonormal matrix, shape `(rows, cols)`, differentiable with respect to `params`. */
  generate(params: tf.Tensor1D): tf.Tensor2D {
    return tf.tidy(() => {
      const raw = this.vectors(params);
      // sqrt(Σ square) rather than tf.norm, whose Pow and its gradient are slow on wasm.
      const v = tf.div(raw, tf.sqrt(tf.sum(tf.square(raw), 0, true)));
      const t = compactWyT(tf.matMul(v, v, true, false), this.options.solver ?? defaultTSolver());
      const top = tf.slice(v, [0, 0], [this.n, this.n]);
      const q = tf.sub(this.identityColumns, tf.matMul(v, tf.matMul(t, top, false, true)));
      return this.rows >= this.cols ? q : tf.transpose(q);
    }) as tf.Tensor2D;
  }

  /** Frees the cached index tensors. */
  dispose(): void {
    tf.dispose([this.gatherIndex, this.scatterIndex, this.identityColumns]);
  }
}

/**
 * Index maps between the flat vector (vᵢ's free entries one after another, i = 1..n) and V in
 * row-major order: `gather[r·n + j]` is 1 + the flat index (0 = a fixed zero), `scatter[p]` the
 * position of flat entry p in V.
 */
function vectorLayout(m: number, n: number): { gather: Int32Array; scatter: Int32Array } {
  const gather = new Int32Array(m * n);
  const scatter = new Int32Array(n * m - (n * (n - 1)) / 2);
  let p = 0;
  for (let j = 0; j < n; j++) {
    for (let r = n - 1 - j; r < m; r++) {
      gather[r * n + j] = p + 1;
      scatter[p] = r * n + j;
      p++;
    }
  }
  return { gather, scatter };
}

function scatterValues(values: Float32Array, positions: Int32Array, size: number): Float32Array {
  const out = new Float32Array(size);
  for (let p = 0; p < positions.length; p++) out[positions[p]] = values[p];
  return out;
}

function gatherValues(values: Float32Array, positions: Int32Array): Float32Array {
  const out = new Float32Array(positions.length);
  for (let p = 0; p < positions.length; p++) out[p] = values[positions[p]];
  return out;
}
