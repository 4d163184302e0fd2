import * as tf from '@tensorflow/tfjs';
import type { Activation, CnnConfig, ConvMode, HouseholderScale } from '@orthoscope/shared';
import { Dense } from '../layers/dense';
import type { TSolver } from '../layers/householder-t';
import { OrthoConv2d } from '../layers/ortho-conv';
import { orthoLoss } from '../layers/ortho-loss';

/** Options of {@link CifarCnn}; defaults are SPEC §3's. */
export interface CifarCnnOptions {
  numClasses: number;
  /** Mode of conv1–conv4 (fc1/fc2 are always free). */
  mode: ConvMode;
  /** Default `relu`. */
  activation?: Activation;
  /** Default `element`. */
  householderScale?: HouseholderScale;
  /** Seed of every initial weight. */
  seed: number;
  /** Householder T solver; default by backend. */
  solver?: TSolver;
}

/** The five scalars of SPEC §1/§3 for one batch (mean over the batch). */
export interface CnnLossTerms {
  crossEntropy: tf.Scalar;
  accuracy: tf.Scalar;
  orthoLoss: tf.Scalar;
  weightedOrthoLoss: tf.Scalar;
  totalLoss: tf.Scalar;
}

type ConvWeights = { kernel: tf.Tensor4D; bias: tf.Tensor1D }[];

const CONVS = [
  { name: 'conv1', kernelSize: 5, inChannels: 3, outChannels: 32, padding: 'same' },
  { name: 'conv2', kernelSize: 3, inChannels: 32, outChannels: 32, padding: 'valid' },
  { name: 'conv3', kernelSize: 3, inChannels: 32, outChannels: 64, padding: 'same' },
  { name: 'conv4', kernelSize: 3, inChannels: 64, outChannels: 64, padding: 'valid' },
] as const;

/**
 * The CIFAR network of SPEC §3 (experiments #1 and #2): four convs in the chosen mode, two free
 * dense layers. Input NHWC `[batch, 32, 32, 3]` in [0, 1]; variables have stable names
 * (`conv1/kernel`, `conv1/householder`, `fc2/bias`, …) for checkpoints.
 */
export class CifarCnn {
  readonly convs: OrthoConv2d[];
  readonly fc1: Dense;
  readonly fc2: Dense;
  private readonly act: (x: tf.Tensor) => tf.Tensor;

  constructor(readonly options: CifarCnnOptions) {
    const { seed, mode } = options;
    this.convs = CONVS.map(
      (c, i) => new OrthoConv2d({ ...c, mode, householderScale: options.householderScale, seed: seed * 10 + i, solver: options.solver }),
    );
    this.fc1 = new Dense('fc1', 6 * 6 * 64, 512, seed * 10 + 4);
    this.fc2 = new Dense('fc2', 512, options.numClasses, seed * 10 + 5);
    this.act = (options.activation ?? 'relu') === 'selu' ? tf.selu : tf.relu;
  }

  /** The model for a run's config (mode, activation, scale, seed) and dataset's class count. */
  static fromConfig(config: CnnConfig, numClasses: number, solver?: TSolver): CifarCnn {
    return new CifarCnn({
      numClasses,
      mode: config.mode,
      activation: config.activation,
      householderScale: config.householderScale,
      seed: config.seed,
      solver,
    });
  }

  /** Effective conv kernels and biases (generated once per call in householder mode). */
  convWeights(): ConvWeights {
    return this.convs.map((c) => c.weights());
  }

  /** Class scores `[batch, numClasses]` (before softmax). */
  logits(x: tf.Tensor4D, weights: ConvWeights = this.convWeights()): tf.Tensor2D {
    const [c1, c2, c3, c4] = this.convs;
    let h = this.act(c1.apply(x, weights[0])) as tf.Tensor4D;
    h = this.act(c2.apply(h, weights[1])) as tf.Tensor4D;
    h = tf.maxPool(h, 2, 2, 'same');
    h = this.act(c3.apply(h, weights[2])) as tf.Tensor4D;
    h = this.act(c4.apply(h, weights[3])) as tf.Tensor4D;
    h = tf.maxPool(h, 2, 2, 'valid');
    const flat = tf.reshape(h, [h.shape[0], -1]) as tf.Tensor2D;
    return this.fc2.apply(this.act(this.fc1.apply(flat)) as tf.Tensor2D);
  }

  /**
   * SPEC §1/§3 terms for a batch. `orthoWeight` (λ) enters `totalLoss` only when positive, so at
   * λ = 0 the orthogonality loss is measured without its gradient being computed.
   */
  loss(x: tf.Tensor4D, y: tf.Tensor1D, orthoWeight: number): CnnLossTerms {
    const weights = this.convWeights();
    const logits = this.logits(x, weights);
    const crossEntropy = tf.losses.softmaxCrossEntropy(tf.oneHot(y, this.options.numClasses), logits) as tf.Scalar;
    const accuracy = tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), y), 'float32')) as tf.Scalar;
    const ortho = orthoLoss(weights);
    const weightedOrthoLoss = tf.mul(ortho, orthoWeight) as tf.Scalar;
    const totalLoss = orthoWeight > 0 ? (tf.add(crossEntropy, weightedOrthoLoss) as tf.Scalar) : crossEntropy;
    return { crossEntropy, accuracy, orthoLoss: ortho, weightedOrthoLoss, totalLoss };
  }

  /** Every trainable variable by stable name, in a fixed order (the optimizer's and checkpoints'). */
  namedVariables(): [string, tf.Variable][] {
    return [...this.convs.flatMap((c) => c.namedVariables()), ...this.fc1.namedVariables(), ...this.fc2.namedVariables()];
  }

  dispose(): void {
    this.convs.forEach((c) => c.dispose());
    this.fc1.dispose();
    this.fc2.dispose();
  }
}
