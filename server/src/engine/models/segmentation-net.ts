import * as tf from '@tensorflow/tfjs';
import type { Activation, ConvMode, HouseholderScale } from '@orthoscope/shared';
import { orthoLoss } from '../layers/ortho-loss';
import { SegConv2d } from './segmentation-conv';
import { upsample2x } from './segmentation-upsample';

/** Shape and training mode of a `SegmentationNet`. */
export interface SegmentationNetOptions {
  inChannels: number;
  numClasses: number;
  /** Channels at full resolution, doubled at every level below (default config: 16). */
  baseChannels: number;
  /** Number of 2× down-sampling steps (default config: 2). */
  depth: number;
  mode: ConvMode;
  activation: Activation;
  householderScale: HouseholderScale;
  seed: number;
}

/** Logits and the orthogonality loss of one forward pass. */
export interface SegmentationOutput {
  /** `[n, h, w, numClasses]` */
  logits: tf.Tensor4D;
  /** SPEC §1 over every conv layer in the chosen mode (the 1×1 classifier is free and excluded). */
  orthoLoss: tf.Scalar;
}

/**
 * A small U-Net: per level two 3×3 convs then 2×2 max-pool going down; going up, a 3×3 conv that
 * halves the channels then nearest-neighbour 2× upsampling, concatenation with the skip of the same
 * level, two 3×3 convs; a free 1×1 classifier. Upsampling by resize rather than transposed conv:
 * no checkerboard artefacts, and its kernels (ResizeNearestNeighbor, AvgPool for its gradient,
 * Conv2D) all train on wasm. The channel-halving conv runs before the upsampling, at a quarter of
 * the pixels (the step is ~20% cheaper than resize-then-conv; the convs after the concatenation
 * smooth the blocks).
 * Every 3×3 conv takes the run's mode (SPEC §0) and adds to orthoLoss.
 */
export class SegmentationNet {
  readonly convs: SegConv2d[] = [];
  private readonly down: [SegConv2d, SegConv2d][] = [];
  private readonly bottom: [SegConv2d, SegConv2d];
  private readonly up: [SegConv2d, SegConv2d, SegConv2d][] = [];
  private readonly head: SegConv2d;

  constructor(readonly options: SegmentationNetOptions) {
    const { inChannels, numClasses, baseChannels: c, depth } = options;
    const conv = (name: string, cin: number, cout: number, k = 3, free = false) => {
      const layer = new SegConv2d({
        name, kernelSize: k, inChannels: cin, outChannels: cout,
        mode: free ? 'free' : options.mode, householderScale: options.householderScale,
        seed: options.seed + 1000 * (this.convs.length + 1),
      });
      this.convs.push(layer);
      return layer;
    };
    let cin = inChannels;
    for (let level = 0; level < depth; level++) {
      const ch = c * 2 ** level;
      this.down.push([conv(`down${level}a`, cin, ch), conv(`down${level}b`, ch, ch)]);
      cin = ch;
    }
    const bottomCh = c * 2 ** depth;
    this.bottom = [conv('bottom_a', cin, bottomCh), conv('bottom_b', bottomCh, bottomCh)];
    for (let level = depth - 1; level >= 0; level--) {
      const ch = c * 2 ** level;
      this.up.push([conv(`up${level}_reduce`, 2 * ch, ch), conv(`up${level}a`, 2 * ch, ch), conv(`up${level}b`, ch, ch)]);
    }
    this.head = conv('head', c, numClasses, 1, true);
  }

  /** Logits for `x` (`[n, h, w, inChannels]`, h and w multiples of 2^depth) and the orthoLoss. */
  forward(x: tf.Tensor4D): SegmentationOutput {
    const weights = new Map(this.convs.map((l) => [l, l.weights()]));
    const act = (t: tf.Tensor4D) => (this.options.activation === 'selu' ? tf.selu(t) : tf.relu(t));
    const run = (l: SegConv2d, t: tf.Tensor4D) => act(l.apply(t, weights.get(l)));
    const skips: tf.Tensor4D[] = [];
    let h = x;
    for (const [a, b] of this.down) {
      h = run(b, run(a, h));
      skips.push(h);
      h = tf.maxPool(h, 2, 2, 'valid');
    }
    h = run(this.bottom[1], run(this.bottom[0], h));
    for (const [reduce, a, b] of this.up) {
      const skip = skips.pop()!;
      h = upsample2x(run(reduce, h));
      h = run(b, run(a, tf.concat([skip, h], 3)));
    }
    const logits = this.head.apply(h, weights.get(this.head));
    const ortho = orthoLoss(this.convs.filter((l) => l !== this.head).map((l) => l.orthoWeights(weights.get(l))));
    return { logits, orthoLoss: ortho };
  }

  /** Trainable variables by stable name (`down0a/kernel`, …), layer by layer in a fixed order. */
  namedVariables(): [string, tf.Variable][] {
    return this.convs.flatMap((l) => l.namedVariables());
  }

  /** Every trainable variable, in the order of `namedVariables`. */
  variables(): tf.Variable[] {
    return this.namedVariables().map(([, v]) => v);
  }

  dispose(): void {
    this.convs.forEach((l) => l.dispose());
  }
}
