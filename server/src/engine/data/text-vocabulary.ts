/** Padding symbol of SPEC §4, part of every vocabulary; also the start symbol when sampling from an empty seed. */
export const PAD_CHAR = '\0';

/** Characters of a corpus (SPEC §4): the sorted set of its characters plus `"\0"`. */
export interface Vocabulary {
  /** Characters by index, sorted by code point (so `"\0"` is index 0). */
  chars: string[];
  /** Index of every character. */
  index: Map<string, number>;
}

/**
 * Builds the SPEC §4 vocabulary of `text`: its distinct characters (whole code points, so an
 * emoji is one character) plus `"\0"`, sorted by code point.
 */
export function buildVocabulary(text: string): Vocabulary {
  const set = new Set<string>(text);
  set.add(PAD_CHAR);
  const chars = [...set].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
  return vocabularyFromChars(chars);
}

/** Rebuilds a vocabulary from its character list (as stored in a checkpoint). */
export function vocabularyFromChars(chars: readonly string[]): Vocabulary {
  return { chars: [...chars], index: new Map(chars.map((c, i) => [c, i])) };
}

/**
 * Encodes `text` as vocabulary indices. A character outside the vocabulary throws an Error that
 * names it and its position (`field` names the input in that message, default `text`).
 */
export function encodeText(vocabulary: Vocabulary, text: string, field = 'text'): Int32Array {
  const chars = [...text];
  const out = new Int32Array(chars.length);
  for (let i = 0; i < chars.length; i++) {
    const id = vocabulary.index.get(chars[i]);
    if (id === undefined) {
      throw new Error(`${field}: character ${JSON.stringify(chars[i])} at position ${i} is not in the model's vocabulary of ${vocabulary.chars.length} characters`);
    }
    out[i] = id;
  }
  return out;
}

/** Decodes vocabulary indices back to text. */
export function decodeText(vocabulary: Vocabulary, ids: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < ids.length; i++) out += vocabulary.chars[ids[i]];
  return out;
}

/** Relative frequency of every vocabulary entry in `ids` (sums to 1; the padding symbol usually 0). */
export function charFrequencies(vocabularySize: number, ids: ArrayLike<number>): Float32Array {
  const counts = new Float64Array(vocabularySize);
  for (let i = 0; i < ids.length; i++) counts[ids[i]]++;
  return Float32Array.from(counts, (c) => c / Math.max(1, ids.length));
}
