import * as tf from '@tensorflow/tfjs';
import { resolveCharRnnConfig, type CharRnnConfig } from '@orthoscope/shared';
import { assignWeights, loadCheckpoint } from '../checkpoint';
import { vocabularyFromChars, type Vocabulary } from '../data/text-vocabulary';
import { createCharRnn, disposeCharRnn, type CharRnnModel } from './char-rnn';

/** What a char-RNN checkpoint's `state` holds besides the loop position. */
export interface CharRnnCheckpointState {
  kind: 'char_rnn';
  iteration: number;
  /** 0-based epoch and step within it of the next iteration. */
  epoch: number;
  stepInEpoch: number;
  /** The vocabulary's characters by index (sampling needs them to decode). */
  vocabulary: string[];
}

/** The model's variables by stable name (`embedding/table`, `rnn_0/wh`, …), as stored in checkpoints. */
export function charRnnNamedVariables(model: CharRnnModel): [string, tf.Variable][] {
  return [...model.variables.entries()];
}

/** A char-RNN restored from a checkpoint; dispose `model` when done. */
export interface LoadedCharRnn {
  model: CharRnnModel;
  vocabulary: Vocabulary;
  config: CharRnnConfig;
  iteration: number;
}

/**
 * Rebuilds the model saved in checkpoint folder `dir` (written by trainCharRnn): shape from its
 * config, vocabulary from its state, all weights by name. Errors name the folder.
 */
export async function loadCharRnnCheckpoint(dir: string): Promise<LoadedCharRnn> {
  const checkpoint = await loadCheckpoint(dir);
  try {
    if (checkpoint.config.kind !== 'char_rnn') {
      throw new Error(`${dir}: a ${JSON.stringify(checkpoint.config.kind)} checkpoint, not a char-RNN one`);
    }
    const config = resolveCharRnnConfig(checkpoint.config as Partial<CharRnnConfig>);
    const chars = checkpoint.state.vocabulary;
    if (!Array.isArray(chars) || chars.length < 2 || !chars.every((c) => typeof c === 'string')) {
      throw new Error(`${dir}: checkpoint state has no vocabulary`);
    }
    const vocabulary = vocabularyFromChars(chars as string[]);
    const model = createCharRnn(
      { vocabularySize: chars.length, embeddingSize: config.embeddingSize, hiddenSize: config.hiddenSize, layers: config.layers, cell: config.cell },
      new Float32Array(chars.length),
      config.seed,
    );
    try {
      assignWeights(charRnnNamedVariables(model), checkpoint.weights, dir);
    } catch (error) {
      disposeCharRnn(model);
      throw error;
    }
    return { model, vocabulary, config, iteration: Number(checkpoint.state.iteration) };
  } finally {
    tf.dispose([...checkpoint.weights.values(), ...checkpoint.optimizer.map(([, t]) => t)]);
  }
}
