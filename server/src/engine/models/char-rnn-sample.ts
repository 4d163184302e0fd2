import * as tf from '@tensorflow/tfjs';
import { PAD_CHAR, encodeText, type Vocabulary } from '../data/text-vocabulary';
import { createRng } from '../random';
import { disposeCharRnn, runCharRnn, zeroCharRnnState, type CharRnnModel, type CharRnnState } from './char-rnn';
import { loadCharRnnCheckpoint } from './char-rnn-checkpoint';

/** A trained model and its vocabulary, or the checkpoint folder holding them. */
export type SampleSource = string | { model: CharRnnModel; vocabulary: Vocabulary };

/** Options of {@link sampleText}. */
export interface SampleOptions {
  /** Characters in the returned text, seed included (default 320, as in the study). */
  length?: number;
  /** Softmax temperature (default 1); 0 takes the most likely character every time. */
  temperature?: number;
  /** Seed of the random draws (default 0): the same seed, model and options give the same text. */
  rngSeed?: number;
}

/**
 * SPEC §4 sampling: feeds `seed` through the model from the zero state, then repeatedly draws the
 * next character from the softmax (over logits ÷ temperature) and feeds it back, until the text
 * holds `length` characters (default 320, seed included). The padding symbol is never drawn; an
 * empty seed starts from it. The embeddings are normalised with the training corpus's statistics
 * (a single character has no batch variance). Throws when the seed has a character the model
 * does not know, or the options are out of range.
 */
export async function sampleText(source: SampleSource, seed: string, options: SampleOptions = {}): Promise<string> {
  const { length = 320, temperature = 1, rngSeed = 0 } = options;
  if (!Number.isInteger(length) || length < 1 || length > 100_000) throw new RangeError(`length: ${length} must be an integer from 1 to 100000`);
  if (!Number.isFinite(temperature) || temperature < 0 || temperature > 100) throw new RangeError(`temperature: ${temperature} must be a number from 0 to 100`);
  if (typeof source === 'string') {
    const loaded = await loadCharRnnCheckpoint(source);
    try {
      return generate(loaded.model, loaded.vocabulary, seed, length, temperature, rngSeed);
    } finally {
      disposeCharRnn(loaded.model);
    }
  }
  return generate(source.model, source.vocabulary, seed, length, temperature, rngSeed);
}

function generate(model: CharRnnModel, vocabulary: Vocabulary, seed: string, length: number, temperature: number, rngSeed: number): string {
  const seedIds = encodeText(vocabulary, seed, 'seed');
  const out = [...seed];
  if (out.length >= length) return out.slice(0, length).join('');
  const pad = vocabulary.index.get(PAD_CHAR);
  const rng = createRng(rngSeed);
  let state: CharRnnState = zeroCharRnnState(model, 1);
  let input = seedIds.length > 0 ? seedIds : Int32Array.of(pad ?? 0);
  try {
    while (out.length < length) {
      const { logits, next } = tf.tidy(() => {
        const result = runCharRnn(model, tf.tensor1d(input, 'int32'), input.length, state, 'corpus');
        // Only the last position's prediction matters.
        return { logits: result.logits.slice([input.length - 1, 0], [1, -1]), next: result.state };
      });
      const values = logits.dataSync();
      logits.dispose();
      for (const layer of state) tf.dispose(layer);
      state = next;
      const id = draw(values, temperature, rng.next(), pad);
      out.push(vocabulary.chars[id]);
      input = Int32Array.of(id);
    }
  } finally {
    for (const layer of state) tf.dispose(layer);
  }
  return out.join('');
}

/** Index drawn from softmax(logits / temperature) with the uniform number `u`, never `excluded`. */
function draw(logits: ArrayLike<number>, temperature: number, u: number, excluded: number | undefined): number {
  let best = -1;
  for (let i = 0; i < logits.length; i++) if (i !== excluded && (best < 0 || logits[i] > logits[best])) best = i;
  if (temperature === 0) return best;
  const weights = new Float64Array(logits.length);
  let total = 0;
  for (let i = 0; i < logits.length; i++) {
    // Subtracting the maximum keeps exp() finite for any temperature.
    weights[i] = i === excluded ? 0 : Math.exp((logits[i] - logits[best]) / temperature);
    total += weights[i];
  }
  let target = u * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i];
    if (target < 0) return i;
  }
  return best;
}
