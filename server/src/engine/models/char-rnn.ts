import * as tf from '@tensorflow/tfjs';
import type { RecurrentCell } from '@orthoscope/shared';
import { createRecurrentWeights, runRecurrentLayer, zeroLayerState, type LayerState, type RecurrentWeights } from '../layers/recurrent-cell';

/** Shape of a char-RNN (SPEC §4). */
export interface CharRnnShape {
  vocabularySize: number;
  /** Default 48. */
  embeddingSize: number;
  /** Default 512. */
  hiddenSize: number;
  /** Default 2. */
  layers: number;
  /** Default `lstm`. */
  cell: RecurrentCell;
}

/** Variance epsilon of the embedding normalisation (SPEC §4). */
export const EMBEDDING_NORM_EPSILON = 1e-3;

/**
 * How the embeddings are normalised: `batch` uses the moments over the batch and time of the
 * input (SPEC §4, training and validation); `corpus` uses the moments the batch statistics
 * estimate, exact under the training corpus's character frequencies — for sampling, where the
 * "batch" is one character and its own variance is 0.
 */
export type NormalizationStats = 'batch' | 'corpus';

/** A char-RNN: its shape, its named variables and the ops over them. */
export interface CharRnnModel {
  shape: CharRnnShape;
  /** Every variable by name, trainable ones and the non-trainable `embedding/frequencies`. */
  variables: Map<string, tf.Variable>;
  /** The trainable variables (what the optimizer updates). */
  trainable: tf.Variable[];
  /** Hidden-to-hidden kernels of every layer, input to the orthonormality loss. */
  recurrentKernels: tf.Variable<tf.Rank.R2>[];
  layers: RecurrentWeights[];
}

/** The state of every layer, in layer order. */
export type CharRnnState = LayerState[];

/**
 * Creates a SPEC §4 char-RNN: embedding (Glorot uniform) → normalisation over batch and time
 * with learnable scale (1) and shift (0) → `layers` stacked recurrent layers → dense projection
 * to the vocabulary (Glorot uniform, bias 0). `frequencies` (relative frequency of every
 * vocabulary entry in the training text) backs the `corpus` normalisation; `seed` fixes the init.
 */
export function createCharRnn(shape: CharRnnShape, frequencies: Float32Array, seed: number): CharRnnModel {
  const { vocabularySize: v, embeddingSize: e, hiddenSize: h } = shape;
  if (frequencies.length !== v) throw new Error(`createCharRnn: ${frequencies.length} frequencies for a vocabulary of ${v}`);
  const glorot = (rows: number, cols: number, s: number) => {
    const limit = Math.sqrt(6 / (rows + cols));
    return tf.randomUniform([rows, cols], -limit, limit, 'float32', s);
  };
  const named: [string, tf.Tensor, boolean][] = [
    ['embedding/table', glorot(v, e, seed * 7919 + 101), true],
    ['embedding/scale', tf.ones([e]), true],
    ['embedding/shift', tf.zeros([e]), true],
    ['embedding/frequencies', tf.tensor1d(frequencies), false],
  ];
  const prefix = `char_rnn_${instances++}`;
  const uniqueName = (name: string) => `${prefix}/${name}`;
  const variables = new Map<string, tf.Variable>();
  for (const [name, value, trainable] of named) {
    variables.set(name, tf.variable(value, trainable, uniqueName(name)));
    value.dispose();
  }
  const layers: RecurrentWeights[] = [];
  for (let l = 0; l < shape.layers; l++) {
    const weights = createRecurrentWeights(shape.cell, l === 0 ? e : h, h, seed * 7919 + 1 + l, uniqueName(`rnn_${l}`));
    layers.push(weights);
    variables.set(`rnn_${l}/wx`, weights.wx);
    variables.set(`rnn_${l}/wh`, weights.wh);
    variables.set(`rnn_${l}/b`, weights.b);
  }
  const projection = glorot(h, v, seed * 7919 + 202);
  variables.set('projection/w', tf.variable(projection, true, uniqueName('projection/w')));
  projection.dispose();
  const bias = tf.zeros([v]);
  variables.set('projection/b', tf.variable(bias, true, uniqueName('projection/b')));
  bias.dispose();
  return {
    shape,
    variables,
    trainable: [...variables.values()].filter((variable) => variable.trainable),
    recurrentKernels: layers.map((layer) => layer.wh),
    layers,
  };
}

/** The zero state of every layer for `batch` streams. */
export function zeroCharRnnState(model: CharRnnModel, batch: number): CharRnnState {
  return model.layers.map(() => zeroLayerState(model.shape.cell, model.shape.hiddenSize, batch));
}

/**
 * Runs the model over `steps` time steps of `batch` streams. `ids` holds vocabulary indices
 * time-major (`[steps·batch]`, step t at `t·batch …`). Returns the logits in the same row order
 * (`[steps·batch, vocabularySize]`) and every layer's state after the last step.
 */
export function runCharRnn(model: CharRnnModel, ids: tf.Tensor1D, steps: number, state: CharRnnState, stats: NormalizationStats = 'batch'): { logits: tf.Tensor2D; state: CharRnnState } {
  const v = model.variables;
  const embedded = tf.gather(v.get('embedding/table')!, ids) as tf.Tensor2D;
  let x = normalizeEmbeddings(model, embedded, stats);
  const nextState: CharRnnState = [];
  model.layers.forEach((layer, l) => {
    const out = runRecurrentLayer(layer, x, state[l], steps);
    x = out.outputs;
    nextState.push(out.state);
  });
  const logits = tf.add(tf.matMul(x, v.get('projection/w')!), v.get('projection/b')!) as tf.Tensor2D;
  return { logits, state: nextState };
}

function normalizeEmbeddings(model: CharRnnModel, embedded: tf.Tensor2D, stats: NormalizationStats): tf.Tensor2D {
  const v = model.variables;
  let mean: tf.Tensor;
  let variance: tf.Tensor;
  if (stats === 'batch') {
    ({ mean, variance } = tf.moments(embedded, 0));
  } else {
    const table = v.get('embedding/table')!;
    const p = tf.reshape(v.get('embedding/frequencies')!, [1, -1]);
    mean = tf.matMul(p, table);
    variance = tf.matMul(p, tf.square(tf.sub(table, mean)));
  }
  const normalized = tf.div(tf.sub(embedded, mean), tf.sqrt(tf.add(variance, EMBEDDING_NORM_EPSILON)));
  return tf.add(tf.mul(normalized, v.get('embedding/scale')!), v.get('embedding/shift')!) as tf.Tensor2D;
}

/**
 * Mean softmax cross-entropy (nats) of `logits` `[n, vocabulary]` against integer `targets` `[n]`.
 */
export function meanCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D): tf.Scalar {
  const logProbabilities = tf.logSoftmax(logits);
  const picked = tf.sum(tf.mul(logProbabilities, tf.oneHot(targets, logits.shape[1])), 1);
  return tf.neg(tf.mean(picked)) as tf.Scalar;
}

/** Disposes every variable of the model. */
export function disposeCharRnn(model: CharRnnModel): void {
  for (const variable of model.variables.values()) variable.dispose();
}

// tfjs variable names are global to the engine: several models (a run and a sampler) must coexist.
let instances = 0;
