import * as tf from '@tensorflow/tfjs';
import type { ConvMode, HouseholderScale } from '@orthoscope/shared';
import { initFreeMatrix, variableFrom } from './free-init';
import { HouseholderGenerator } from './householder';
import type { TSolver } from './householder-t';
import type { LayerWeights } from './ortho-loss';

/** Options of {@link OrthoConv2d}. */
export interface OrthoConvOptions {
  /** Stable name, prefix of the variable names (`conv1` → `conv1/kernel`, …). */
  name: string;
  kernelSize: number;
  inChannels: number;
  outChannels: number;
  padding: 'same' | 'valid';
  /** SPEC §0: `baseline` and `penalty` train `M = [W; b]` directly, `householder` generates it. */
  mode: ConvMode;
  /** Learnable scale of Householder weights (SPEC §2); default `element`. Ignored by other modes. */
  householderScale?: HouseholderScale;
  /** Seed of the initial weights. */
  seed: number;
  /** T solver of the Householder generator; default chosen by backend at each call. */
  solver?: TSolver;
}

/**
 * A stride-1 2-D convolution with bias whose matrix `M = [reshape(W, (k·k·Cin, Cout)); b]`
 * (SPEC §1) is trained directly (`baseline`, `penalty`) or generated exactly orthogonal from
 * Householder vectors (`householder`, SPEC §2). `weights()` gives the effective kernel and bias
 * in every mode, so the orthogonality loss can always be measured.
 *
 * Scales (householder only): `element` multiplies kernel and bias element-wise by tensors of their
 * shapes (the reference code; breaks exact orthogonality once trained); `channel` multiplies each
 * column of M by one learnable factor (keeps the columns orthogonal, only their norms change);
 * `none` uses Q[:, :n] as is. Scales start at 1.
 */
export class OrthoConv2d {
  /** Rows of M: k·k·Cin + 1. */
  readonly rows: number;
  private readonly named: [string, tf.Variable][] = [];
  private readonly generator?: HouseholderGenerator;

  constructor(readonly options: OrthoConvOptions) {
    const { name, kernelSize: k, inChannels, outChannels: n, mode, seed } = options;
    this.rows = k * k * inChannels + 1;
    if (mode === 'householder') {
      if (this.rows < n) {
        throw new Error(
          `${name}: householder mode needs at least as many rows as output channels, but M = [W; b] of kernel ` +
            `(${k}, ${k}, ${inChannels}, ${n}) is ${this.rows}×${n}: ${n} orthogonal columns do not exist in R^${this.rows}`,
        );
      }
      this.generator = new HouseholderGenerator(this.rows, n, { label: name, solver: options.solver });
      this.named.push([`${name}/householder`, variableFrom(this.generator.initialParams(seed))]);
      const scale = options.householderScale ?? 'element';
      if (scale === 'element') {
        this.named.push([`${name}/kernelScale`, variableFrom(tf.ones([k, k, inChannels, n]))]);
        this.named.push([`${name}/biasScale`, variableFrom(tf.ones([n]))]);
      } else if (scale === 'channel') {
        this.named.push([`${name}/channelScale`, variableFrom(tf.ones([n]))]);
      }
    } else {
      const init = initFreeMatrix(this.rows - 1, n, seed);
      this.named.push([`${name}/kernel`, variableFrom(tf.tensor4d(init.kernel.dataSync(), [k, k, inChannels, n]))]);
      this.named.push([`${name}/bias`, variableFrom(init.bias)]);
      init.kernel.dispose();
    }
  }

  /** The effective kernel `(k, k, Cin, Cout)` and bias `(Cout)`: the variables, or generated and scaled. */
  weights(): { kernel: tf.Tensor4D; bias: tf.Tensor1D } {
    const v = Object.fromEntries(this.named.map(([key, value]) => [key.slice(this.options.name.length + 1), value]));
    if (!this.generator) return { kernel: v.kernel as tf.Tensor4D, bias: v.bias as tf.Tensor1D };
    const { kernelSize: k, inChannels, outChannels: n } = this.options;
    let m = this.generator.generate(v.householder as tf.Tensor1D);
    if (v.channelScale) m = tf.mul(m, v.channelScale);
    let kernel = tf.reshape(tf.slice(m, [0, 0], [this.rows - 1, n]), [k, k, inChannels, n]) as tf.Tensor4D;
    // Sliced from the flat view so the bias owns a rank-1 buffer (wasm FusedConv2D checks the
    // buffer's shape, and a reshaped [1, n] slice would keep rank 2).
    let bias = tf.slice(tf.reshape(m, [-1]), [(this.rows - 1) * n], [n]) as tf.Tensor1D;
    if (v.kernelScale) kernel = tf.mul(kernel, v.kernelScale);
    if (v.biasScale) bias = tf.mul(bias, v.biasScale);
    return { kernel, bias };
  }

  /** `x` NHWC → conv (stride 1) + bias, without activation. */
  apply(x: tf.Tensor4D, weights: LayerWeights = this.weights()): tf.Tensor4D {
    return tf.fused.conv2d({
      x,
      filter: weights.kernel as tf.Tensor4D,
      strides: 1,
      pad: this.options.padding,
      bias: weights.bias ?? undefined,
    });
  }

  /** Trainable variables by stable name, in a fixed order (checkpoints and the optimizer rely on it). */
  namedVariables(): [string, tf.Variable][] {
    return [...this.named];
  }

  dispose(): void {
    tf.dispose(this.named.map(([, v]) => v));
    this.generator?.dispose();
  }
}
