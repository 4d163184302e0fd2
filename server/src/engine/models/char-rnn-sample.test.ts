import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { buildVocabulary, charFrequencies, encodeText } from '../data/text-vocabulary';
import { createCharRnn, disposeCharRnn, type CharRnnModel } from './char-rnn';
import { sampleText } from './char-rnn-sample';

const TEXT = 'the quick brown fox jumps over the lazy dog. ';
const vocabulary = buildVocabulary(TEXT);
let model: CharRnnModel;

beforeAll(async () => {
  await initBackend('wasm');
  const frequencies = charFrequencies(vocabulary.chars.length, encodeText(vocabulary, TEXT));
  model = createCharRnn({ vocabularySize: vocabulary.chars.length, embeddingSize: 8, hiddenSize: 16, layers: 2, cell: 'lstm' }, frequencies, 4);
  return () => disposeCharRnn(model);
});

describe('sampleText', () => {
  it('seed "the " rngSeed 7: 320 characters starting with the seed, the same text on a second call', async () => {
    const first = await sampleText({ model, vocabulary }, 'the ', { rngSeed: 7 });
    const second = await sampleText({ model, vocabulary }, 'the ', { rngSeed: 7 });
    expect([...first].length).toBe(320);
    expect(first.startsWith('the ')).toBe(true);
    expect(second).toBe(first);
  });

  it('another rngSeed: other text; every character from the vocabulary, never the padding "\\0"', async () => {
    const a = await sampleText({ model, vocabulary }, 'the ', { rngSeed: 1, length: 120 });
    const b = await sampleText({ model, vocabulary }, 'the ', { rngSeed: 2, length: 120 });
    expect(a).not.toBe(b);
    for (const c of a + b) expect(c !== '\0' && vocabulary.index.has(c)).toBe(true);
  });

  it('temperature 0: the most likely character each time, whatever the rngSeed', async () => {
    const a = await sampleText({ model, vocabulary }, 'fox', { temperature: 0, rngSeed: 1, length: 40 });
    const b = await sampleText({ model, vocabulary }, 'fox', { temperature: 0, rngSeed: 99, length: 40 });
    expect(a).toBe(b);
  });

  it('empty seed: starts from the padding symbol and still returns `length` characters', async () => {
    const text = await sampleText({ model, vocabulary }, '', { length: 25, rngSeed: 3 });
    expect([...text].length).toBe(25);
    expect(text).not.toContain('\0');
  });

  it('a seed longer than length: the seed cut to length', async () => {
    expect(await sampleText({ model, vocabulary }, 'the lazy dog', { length: 5 })).toBe('the l');
  });

  it('a seed character outside the vocabulary: error naming it and its position', async () => {
    await expect(sampleText({ model, vocabulary }, 'the cat!', {})).rejects.toThrow('seed: character "!" at position 7 is not in the model\'s vocabulary');
  });

  it('length 0 or temperature −1: RangeError naming the option', async () => {
    await expect(sampleText({ model, vocabulary }, 'the', { length: 0 })).rejects.toThrow('length: 0');
    await expect(sampleText({ model, vocabulary }, 'the', { temperature: -1 })).rejects.toThrow('temperature: -1');
  });
});
