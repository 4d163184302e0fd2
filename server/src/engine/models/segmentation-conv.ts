import * as tf from '@tensorflow/tfjs';
import type { ConvMode, HouseholderScale } from '@orthoscope/shared';
import { HouseholderGenerator } from '../layers/householder';
import type { LayerWeights } from '../layers/ortho-loss';

/** Options of one `SegConv2d`. */
export interface SegConvOptions {
  name: string;
  kernelSize: number;
  inChannels: number;
  outChannels: number;
  /** `free` layers (the 1×1 classifier) train M directly and stay out of orthoLoss, like fc1/fc2 of SPEC §3. */
  mode: ConvMode | 'free';
  householderScale: HouseholderScale;
  seed: number;
}

/**
 * A stride-1 SAME conv with bias whose matrix `M = [W; b]` (m' = k·k·Cin + 1 rows, n = Cout
 * columns) follows SPEC §0–§2.
 *
 * Layers with m' < n (the first conv of a grey-image U-Net: 3·3·1 + 1 = 10 < 16 channels) cannot
 * have n orthogonal columns in R^m'. There, as PyTorch's `orthogonal` parametrization and geotorch
 * do, the ROWS are made orthonormal instead: Householder generates Q for (n, m') and uses Qᵀ, and
 * the orthogonality loss of that layer is SPEC §1's cosine loss over rows (the loss of Mᵀ), so it
 * is zero exactly when the Householder construction's constraint holds.
 */
export class SegConv2d {
  readonly rows: number;
  readonly cols: number;
  /** True when m' < n and the layer's orthogonality is over rows. */
  readonly rowWise: boolean;
  private readonly direct?: tf.Variable<tf.Rank.R2>;
  private readonly params?: tf.Variable<tf.Rank.R1>;
  private readonly generator?: HouseholderGenerator;
  private readonly kernelScale?: tf.Variable;
  private readonly biasScale?: tf.Variable;

  constructor(readonly options: SegConvOptions) {
    const { name, kernelSize: k, inChannels, outChannels, mode, seed } = options;
    this.rows = k * k * inChannels + 1;
    this.cols = outChannels;
    this.rowWise = this.rows < this.cols;
    if (mode === 'householder') {
      this.generator = new HouseholderGenerator(this.rows, this.cols, { label: name });
      this.params = variableFrom(this.generator.initialParams(seed)) as tf.Variable<tf.Rank.R1>;
      const scale = options.householderScale;
      if (scale !== 'none') {
        const kernelShape = scale === 'element' ? [k, k, inChannels, outChannels] : [outChannels];
        this.kernelScale = variableFrom(tf.ones(kernelShape));
        this.biasScale = variableFrom(tf.ones([outChannels]));
      }
    } else {
      // SPEC §3 initialisation of a free layer, applied to the conv's stacked [W; b].
      const limit = Math.sqrt(6 / (this.rows + this.cols));
      this.direct = variableFrom(tf.randomUniform([this.rows, this.cols], -limit, limit, 'float32', seed)) as tf.Variable<tf.Rank.R2>;
    }
  }

  /** The effective kernel `(k, k, Cin, Cout)` and bias `(Cout)`, scales applied. */
  weights(): { kernel: tf.Tensor4D; bias: tf.Tensor1D } {
    const { kernelSize: k, inChannels, outChannels } = this.options;
    const m = this.direct ?? this.generator!.generate(this.params!);
    let kernel = tf.reshape(tf.slice(m, [0, 0], [this.rows - 1, this.cols]), [k, k, inChannels, outChannels]) as tf.Tensor4D;
    let bias = tf.reshape(tf.slice(m, [this.rows - 1, 0], [1, this.cols]), [outChannels]) as tf.Tensor1D;
    if (this.kernelScale) kernel = tf.mul(kernel, this.kernelScale);
    if (this.biasScale) bias = tf.mul(bias, this.biasScale);
    return { kernel, bias };
  }

  /** `x` NHWC → conv (stride 1, SAME) + bias, without activation. */
  apply(x: tf.Tensor4D, weights = this.weights()): tf.Tensor4D {
    return tf.add(tf.conv2d(x, weights.kernel, 1, 'same'), weights.bias);
  }

  /**
   * What SPEC §1's loss sees for this layer: `{kernel, bias}` as is, or for a row-wise layer `Mᵀ`
   * as a bias-free kernel so that `layerOrthoLoss` measures the cosines between rows.
   */
  orthoWeights(weights = this.weights()): LayerWeights {
    if (!this.rowWise) return weights;
    return { kernel: tf.transpose(tf.concat([tf.reshape(weights.kernel, [-1, this.cols]), tf.reshape(weights.bias, [1, this.cols])], 0)), bias: null };
  }

  /** Every trainable variable of the layer, in a fixed order (checkpoints rely on it). */
  variables(): tf.Variable[] {
    return [this.direct, this.params, this.kernelScale, this.biasScale].filter((v): v is tf.Variable => v !== undefined);
  }

  dispose(): void {
    tf.dispose(this.variables());
    this.generator?.dispose();
  }
}

/** A trainable variable holding `initial`, which is disposed (tf.variable copies it). */
function variableFrom(initial: tf.Tensor): tf.Variable {
  const v = tf.variable(initial, true);
  initial.dispose();
  return v;
}
