import { describe, expect, it } from 'vitest';
import { buildVocabulary, charFrequencies, decodeText, encodeText, vocabularyFromChars } from './text-vocabulary';

describe('buildVocabulary', () => {
  it('"banana!": sorted distinct characters plus "\\0" first', () => {
    expect(buildVocabulary('banana!').chars).toEqual(['\0', '!', 'a', 'b', 'n']);
  });

  it('an emoji (surrogate pair) is one character', () => {
    expect(buildVocabulary('a😀').chars).toEqual(['\0', 'a', '😀']);
  });
});

describe('vocabularyFromChars', () => {
  it('rebuilds the index', () => {
    expect(vocabularyFromChars(['\0', 'x', 'y']).index.get('y')).toBe(2);
  });
});

describe('encodeText', () => {
  it('"abba" over [\\0,a,b]: 1 2 2 1', () => {
    expect([...encodeText(buildVocabulary('ab'), 'abba')]).toEqual([1, 2, 2, 1]);
  });

  it('unknown character: error naming the field, the character and its position', () => {
    expect(() => encodeText(buildVocabulary('ab'), 'abz', 'seed')).toThrow('seed: character "z" at position 2 is not in the model\'s vocabulary of 3 characters');
  });
});

describe('decodeText', () => {
  it('round trip of encodeText', () => {
    const vocabulary = buildVocabulary('hello world');
    expect(decodeText(vocabulary, encodeText(vocabulary, 'old hello'))).toBe('old hello');
  });
});

describe('charFrequencies', () => {
  it('[1,1,2,1] over 3 entries: 0, 0.75, 0.25', () => {
    expect([...charFrequencies(3, [1, 1, 2, 1])]).toEqual([0, 0.75, 0.25]);
  });
});
