import * as tf from '@tensorflow/tfjs';
import type { RecurrentCell } from '@orthoscope/shared';

/**
 * The recurrent cells of SPEC §4, written with differentiable tfjs ops and laid out as
 * TensorFlow 1's BasicLSTMCell / GRUCell / BasicRNNCell (the study's code): the kernel over
 * `[input; hidden]` is kept as its input part `wx` (input × gates·hidden) and its hidden-to-hidden
 * part `wh` (hidden × gates·hidden), so that all time steps' input products are one matmul and the
 * orthonormality loss reads `wh` directly.
 */

/** Gate blocks per cell: LSTM i, j, f, o; GRU r, u and the candidate; plain RNN one. */
export const CELL_GATES: Record<RecurrentCell, number> = { lstm: 4, gru: 3, rnn: 1 };

/** TensorFlow's BasicLSTMCell adds 1 to the forget gate's pre-activation. */
export const LSTM_FORGET_BIAS = 1;

/** Weights of one recurrent layer. */
export interface RecurrentWeights {
  cell: RecurrentCell;
  hiddenSize: number;
  /** Input-to-hidden kernel, `[inputSize, gates·hidden]`. */
  wx: tf.Variable<tf.Rank.R2>;
  /** Hidden-to-hidden kernel, `[hidden, gates·hidden]`; gate g is columns `[g·hidden, (g+1)·hidden)`. */
  wh: tf.Variable<tf.Rank.R2>;
  /** Bias, `[gates·hidden]`. */
  b: tf.Variable<tf.Rank.R1>;
}

/** State of one layer: `[h, c]` for an LSTM, `[h]` otherwise, each `[batch, hidden]`. */
export type LayerState = tf.Tensor2D[];

/**
 * Creates the weights of one layer, initialised as TensorFlow 1 does: each kernel (LSTM: one of
 * 4 gates; GRU: gates r,u and the candidate separately; RNN: one) Glorot-uniform over its full
 * `[input + hidden, columns]` shape; biases 0, except GRU's r,u gates at 1.
 * `seed` makes the initialisation reproducible; `prefix` names the variables (`<prefix>/wx` …).
 */
export function createRecurrentWeights(cell: RecurrentCell, inputSize: number, hiddenSize: number, seed: number, prefix: string): RecurrentWeights {
  const gates = CELL_GATES[cell];
  // TF's GRUCell has two kernels (gates r,u: 2·hidden columns; candidate: hidden columns).
  const groups = cell === 'gru' ? [2, 1] : [gates];
  return tf.tidy(() => {
    const fanIn = inputSize + hiddenSize;
    const kernels = groups.map((g, k) => {
      const limit = Math.sqrt(6 / (fanIn + g * hiddenSize));
      return tf.randomUniform([fanIn, g * hiddenSize], -limit, limit, 'float32', seed * 7919 + k);
    });
    const kernel = kernels.length === 1 ? kernels[0] : tf.concat(kernels, 1);
    const [wx, wh] = tf.split(kernel, [inputSize, hiddenSize], 0) as tf.Tensor2D[];
    const bias = cell === 'gru'
      ? tf.concat([tf.ones([2 * hiddenSize]), tf.zeros([hiddenSize])])
      : tf.zeros([gates * hiddenSize]);
    return {
      cell,
      hiddenSize,
      wx: tf.variable(wx, true, `${prefix}/wx`),
      wh: tf.variable(wh, true, `${prefix}/wh`),
      b: tf.variable(bias as tf.Tensor1D, true, `${prefix}/b`),
    };
  });
}

/** The zero state of one layer for `batch` streams. */
export function zeroLayerState(cell: RecurrentCell, hiddenSize: number, batch: number): LayerState {
  const count = cell === 'lstm' ? 2 : 1;
  return Array.from({ length: count }, () => tf.zeros([batch, hiddenSize]) as tf.Tensor2D);
}

/**
 * Runs one layer over a time-major sequence: `inputs` is `[steps·batch, inputSize]` with rows
 * `t·batch … (t+1)·batch − 1` holding time step t. Returns the outputs in the same layout
 * (`[steps·batch, hidden]`) and the state after the last step. Differentiable in all weights
 * and in `inputs`/`state`.
 */
export function runRecurrentLayer(weights: RecurrentWeights, inputs: tf.Tensor2D, state: LayerState, steps: number): { outputs: tf.Tensor2D; state: LayerState } {
  const { cell, hiddenSize: hidden } = weights;
  // One big matmul for every step's input contribution, bias folded in.
  const projected = tf.add(tf.matMul(inputs, weights.wx), weights.b) as tf.Tensor2D;
  const perStep = (steps === 1 ? [projected] : tf.split(projected, steps, 0)) as tf.Tensor2D[];
  let current = state;
  const outputs: tf.Tensor2D[] = [];
  for (let t = 0; t < steps; t++) {
    current = cellStep(cell, hidden, perStep[t], current, weights.wh);
    outputs.push(current[0]);
  }
  return { outputs: steps === 1 ? outputs[0] : (tf.concat(outputs, 0) as tf.Tensor2D), state: current };
}

/** One time step of `cell`: `xw` is the input's contribution `x·wx + b` (`[batch, gates·hidden]`). */
export function cellStep(cell: RecurrentCell, hidden: number, xw: tf.Tensor2D, state: LayerState, wh: tf.Tensor2D): LayerState {
  if (cell === 'lstm') {
    const [h, c] = state;
    const z = tf.add(xw, tf.matMul(h, wh));
    const [i, j, f, o] = tf.split(z, 4, 1);
    const nextC = tf.add(tf.mul(c, tf.sigmoid(tf.add(f, LSTM_FORGET_BIAS))), tf.mul(tf.sigmoid(i), tf.tanh(j))) as tf.Tensor2D;
    const nextH = tf.mul(tf.tanh(nextC), tf.sigmoid(o)) as tf.Tensor2D;
    return [nextH, nextC];
  }
  const [h] = state;
  if (cell === 'rnn') return [tf.tanh(tf.add(xw, tf.matMul(h, wh))) as tf.Tensor2D];
  // GRU (TF 1 GRUCell): r, u = σ([x,h]·W_g + b_g); c = tanh([x, r∘h]·W_c + b_c); h' = u∘h + (1−u)∘c.
  const [xGates, xCandidate] = tf.split(xw, [2 * hidden, hidden], 1);
  const [whGates, whCandidate] = tf.split(wh, [2 * hidden, hidden], 1);
  const [r, u] = tf.split(tf.sigmoid(tf.add(xGates, tf.matMul(h, whGates))), 2, 1);
  const candidate = tf.tanh(tf.add(xCandidate, tf.matMul(tf.mul(r, h), whCandidate)));
  return [tf.add(tf.mul(u, h), tf.mul(tf.sub(1, u), candidate)) as tf.Tensor2D];
}
