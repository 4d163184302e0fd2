import { describe, expect, it } from 'vitest';
import { jsonLine } from './train-json';

describe('jsonLine', () => {
  it('train and eval metrics are flattened beside type and iteration', () => {
    expect(JSON.parse(jsonLine({ type: 'train', iteration: 3, epoch: 1, metrics: { crossEntropy: 2.1, accuracy: 0.25 } }))).toEqual({
      type: 'train', iteration: 3, crossEntropy: 2.1, accuracy: 0.25,
    });
    expect(jsonLine({ type: 'eval', iteration: 1, metrics: { crossEntropy: 2, accuracy: 0.5, evalMs: 10 } })).toBe(
      '{"type":"eval","iteration":1,"crossEntropy":2,"accuracy":0.5,"evalMs":10}',
    );
  });
  it('other events are printed as they are', () => {
    expect(JSON.parse(jsonLine({ type: 'done', iteration: 9, reason: 'stopped' }))).toEqual({ type: 'done', iteration: 9, reason: 'stopped' });
  });
});
