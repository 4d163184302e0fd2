import { describe, expect, it } from 'vitest';
import { oneClickSweepName, sweepCreatedLabel, sweepLabel } from './sweep-label';

// Local times: the dashboard shows the viewer's clock, whatever TZ the test runs in.
const at = new Date(2026, 11, 3, 18, 42, 7);

describe('oneClickSweepName', () => {
  it('experiment #2 started at 18:42:07 → "experiment #2 · 18:42:07"', () => expect(oneClickSweepName('experiment #2', at)).toBe('experiment #2 · 18:42:07'));
  it('09:05:03 keeps its leading zeros', () => expect(oneClickSweepName('experiment #1', new Date(2026, 0, 1, 9, 5, 3))).toBe('experiment #1 · 09:05:03'));
});

describe('sweepCreatedLabel', () => {
  it('an ISO time → "Dec 3, 18:42:07" in local time', () => expect(sweepCreatedLabel(at.toISOString())).toBe('Dec 3, 18:42:07'));
  it('an unreadable time → empty', () => expect(sweepCreatedLabel('soon')).toBe(''));
});

describe('sweepLabel', () => {
  it('two sweeps both named "experiment #2" differ by creation time', () => {
    const a = sweepLabel({ id: 'a', name: 'experiment #2', createdAt: at.toISOString() });
    const b = sweepLabel({ id: 'b', name: 'experiment #2', createdAt: new Date(2026, 11, 3, 18, 42, 31).toISOString() });
    expect(a).toBe('experiment #2 (created Dec 3, 18:42:07)');
    expect(b).toBe('experiment #2 (created Dec 3, 18:42:31)');
  });
  it('a one-click name that already carries its creation time is not repeated', () =>
    expect(sweepLabel({ id: 'a', name: oneClickSweepName('experiment #1', at), createdAt: new Date(2026, 11, 3, 18, 42, 8).toISOString() })).toBe('experiment #1 · 18:42:07'));
  it('an unnamed sweep shows its short id', () => expect(sweepLabel({ id: '0123456789abcdef', name: '', createdAt: at.getTime() })).toBe('01234567 (created Dec 3, 18:42:07)'));
});
