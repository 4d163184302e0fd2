import { describe, expect, it } from 'vitest';
import { formatTick } from './metric-chart';

describe('formatTick', () => {
  it('Householder orthoLoss 2.5e-7 is not shown as 0', () => expect(formatTick(2.5e-7)).toBe('2.5e-7'));
  it('3200 ms → 3,200', () => expect(formatTick(3200)).toBe('3,200'));
  it('0.15 stays 0.15', () => expect(formatTick(0.15)).toBe('0.15'));
  it('0 → 0, null → empty', () => expect([formatTick(0), formatTick(null)]).toEqual(['0', '']));
});
