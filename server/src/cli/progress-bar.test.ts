import { describe, expect, it } from 'vitest';
import { formatDuration, formatProgress } from './progress-bar';

describe('formatProgress', () => {
  it('50/200 after 25 s: half-quarter bar, 2.00 it/s, ETA 1m15s, fields', () => {
    expect(formatProgress({ done: 50, total: 200, elapsedMs: 25_000, fields: { accuracy: 0.3125 } }, 8)).toBe(
      '[##......] 50/200  2.00 it/s  ETA 1m15s  accuracy 0.3125',
    );
  });
  it('nothing done yet: rate 0 and ETA ?', () => {
    expect(formatProgress({ done: 0, total: 10, elapsedMs: 0 }, 4)).toBe('[....] 0/10  0.00 it/s  ETA ?');
  });
});

describe('formatDuration', () => {
  it('42 s, 3m05s, 1h02m', () => {
    expect([formatDuration(42_000), formatDuration(185_000), formatDuration(3_720_000)]).toEqual(['42s', '3m05s', '1h02m']);
  });
});
