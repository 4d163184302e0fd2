import { describe, expect, it } from 'vitest';
import { CHAR_RNN_CHARTS, chartsForKinds } from './char-rnn-charts';
import { STUDY_CHARTS } from './series';

describe('chartsForKinds', () => {
  it('only CNN runs (or none known yet): the study\'s six charts', () => {
    expect(chartsForKinds(['CNN', 'CNN'])).toBe(STUDY_CHARTS);
    expect(chartsForKinds([undefined])).toBe(STUDY_CHARTS);
  });

  it('only CHAR_RNN runs: cross-entropy, orthonormality loss and validation bits per character', () => {
    const charts = chartsForKinds(['CHAR_RNN', undefined, 'CHAR_RNN']);
    expect(charts).toBe(CHAR_RNN_CHARTS);
    expect(charts.map((c) => c.key)).toEqual(['TRAIN:crossEntropy', 'TRAIN:orthonormalityLoss', 'VALIDATION:bitsPerChar', 'VALIDATION:crossEntropy', 'TRAIN:timePerIter']);
  });

  it('a mix: the six study charts then the char-RNN ones they lack, no key twice', () => {
    const keys = chartsForKinds(['CNN', 'CHAR_RNN']).map((c) => c.key);
    expect(keys.slice(0, 6)).toEqual(STUDY_CHARTS.map((c) => c.key));
    expect(keys.slice(6)).toEqual(['TRAIN:orthonormalityLoss', 'VALIDATION:bitsPerChar']);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
