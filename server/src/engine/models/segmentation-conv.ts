import * as tf from '@tensorflow/tfjs';
import type { ConvMode, HouseholderScale } from '@orthoscope/shared';
import { variableFrom } from '../layers/free-init';
import { HouseholderGenerator } from '../layers/householder';
import { OrthoConv2d } from '../layers/ortho-conv';
import type { LayerWeights } from '../layers/ortho-loss';

/** Options of one `SegConv2d`. */
export interface SegConvOptions {
  /** Stable name, prefix of the variable names. */
  name: string;
  kernelSize: number;
  inChannels: number;
  outChannels: number;
  /** `free` layers (the 1×1 classifier) train M directly and stay out of orthoLoss, like fc1/fc2 of SPEC §3. */
  mode: ConvMode | 'free';
  householderScale: HouseholderScale;
  seed: number;
}

/** The effective weights of a conv layer. */
export interface ConvWeights {
  kernel: tf.Tensor4D;
  bias: tf.Tensor1D;
}

/**
 * A stride-1 SAME conv with bias following SPEC §0–§2: the shared `OrthoConv2d`, except for
 * Householder layers whose matrix `M = [W; b]` has fewer rows than columns (m' = k·k·Cin + 1 < n,
 * e.g. the first conv of a grey-image U-Net: 3·3·1 + 1 = 10 < 16 channels), which OrthoConv2d refuses.
 *
 * n orthogonal columns do not exist in R^m'. There, as PyTorch's `orthogonal` parametrization and
 * geotorch do, the ROWS are made orthonormal instead: the Householder generator builds Q for
 * (n, m') and transposes it. For such layers the orthogonality loss (in every mode, so modes stay
 * comparable) is SPEC §1's cosine loss over rows, i.e. the loss of Mᵀ — zero exactly when the
 * Householder constraint holds. Scales follow OrthoConv2d (`element`, `channel` per output
 * channel, `none`).
 */
export class SegConv2d {
  readonly rows: number;
  readonly cols: number;
  /** True when m' < n: the layer's orthogonality is over rows. */
  readonly rowWise: boolean;
  private readonly inner?: OrthoConv2d;
  private readonly named: [string, tf.Variable][] = [];
  private readonly generator?: HouseholderGenerator;

  constructor(readonly options: SegConvOptions) {
    const { name, kernelSize: k, inChannels, outChannels: n, mode, seed } = options;
    this.rows = k * k * inChannels + 1;
    this.cols = n;
    this.rowWise = this.rows < n;
    if (mode !== 'householder' || !this.rowWise) {
      this.inner = new OrthoConv2d({
        name, kernelSize: k, inChannels, outChannels: n, padding: 'same', seed,
        mode: mode === 'free' ? 'baseline' : mode, householderScale: options.householderScale,
      });
      return;
    }
    this.generator = new HouseholderGenerator(this.rows, n, { label: name });
    this.named.push([`${name}/householder`, variableFrom(this.generator.initialParams(seed))]);
    if (options.householderScale === 'element') {
      this.named.push([`${name}/kernelScale`, variableFrom(tf.ones([k, k, inChannels, n]))]);
      this.named.push([`${name}/biasScale`, variableFrom(tf.ones([n]))]);
    } else if (options.householderScale === 'channel') {
      this.named.push([`${name}/channelScale`, variableFrom(tf.ones([n]))]);
    }
  }

  /** The effective kernel `(k, k, Cin, Cout)` and bias `(Cout)`. */
  weights(): ConvWeights {
    if (this.inner) return this.inner.weights();
    const { name, kernelSize: k, inChannels, outChannels: n } = this.options;
    const v = Object.fromEntries(this.named.map(([key, value]) => [key.slice(name.length + 1), value]));
    let m = this.generator!.generate(v.householder as tf.Tensor1D);
    if (v.channelScale) m = tf.mul(m, v.channelScale);
    let kernel = tf.reshape(tf.slice(m, [0, 0], [this.rows - 1, n]), [k, k, inChannels, n]) as tf.Tensor4D;
    let bias = tf.reshape(tf.slice(m, [this.rows - 1, 0], [1, n]), [n]) as tf.Tensor1D;
    if (v.kernelScale) kernel = tf.mul(kernel, v.kernelScale);
    if (v.biasScale) bias = tf.mul(bias, v.biasScale);
    return { kernel, bias };
  }

  /** `x` NHWC → conv (stride 1, SAME) + bias, without activation. */
  apply(x: tf.Tensor4D, weights: ConvWeights = this.weights()): tf.Tensor4D {
    if (this.inner) return this.inner.apply(x, weights);
    return tf.add(tf.conv2d(x, weights.kernel, 1, 'same'), weights.bias);
  }

  /**
   * What SPEC §1's loss sees for this layer: the weights as they are, or for a row-wise layer `Mᵀ`
   * as a bias-free kernel, so that `layerOrthoLoss` measures the cosines between rows.
   */
  orthoWeights(weights: ConvWeights = this.weights()): LayerWeights {
    if (!this.rowWise) return weights;
    const m = tf.concat([tf.reshape(weights.kernel, [-1, this.cols]), tf.reshape(weights.bias, [1, this.cols])], 0);
    return { kernel: tf.transpose(m), bias: null };
  }

  /** Trainable variables by stable name, in a fixed order (checkpoints rely on it). */
  namedVariables(): [string, tf.Variable][] {
    return this.inner ? this.inner.namedVariables() : [...this.named];
  }

  dispose(): void {
    this.inner?.dispose();
    tf.dispose(this.named.map(([, v]) => v));
    this.generator?.dispose();
  }
}
