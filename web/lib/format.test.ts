import { describe, expect, it } from 'vitest';
import { estimateRemainingMs, formatDuration, formatMetric, formatNumber, toMs } from './format';

describe('formatDuration', () => {
  it('12 s', () => expect(formatDuration(12_000)).toBe('12s'));
  it('187 s → 3m 07s', () => expect(formatDuration(187_000)).toBe('3m 07s'));
  it('3720 s → 1h 02m', () => expect(formatDuration(3_720_000)).toBe('1h 02m'));
  it('negative → –', () => expect(formatDuration(-1)).toBe('–'));
});

describe('estimateRemainingMs', () => {
  it('25 of 100 done in 10 s → 30 s left', () => expect(estimateRemainingMs(0, 10_000, 25, 100)).toBe(30_000));
  it('nothing done yet → unknown', () => expect(estimateRemainingMs(0, 10_000, 0, 100)).toBeNull());
  it('not started → unknown', () => expect(estimateRemainingMs(null, 10_000, 5, 100)).toBeNull());
});

describe('toMs', () => {
  it('number passes', () => expect(toMs(5)).toBe(5));
  it('ISO string parses', () => expect(toMs('1970-01-01T00:00:01.000Z')).toBe(1000));
  it('null stays null', () => expect(toMs(null)).toBeNull());
});

describe('formatMetric', () => {
  it('accuracy 0.4567 → 45.7%', () => expect(formatMetric('accuracy', 0.4567)).toBe('45.7%'));
  it('crossEntropy 2.302585 → 2.303', () => expect(formatMetric('crossEntropy', 2.302585)).toBe('2.303'));
  it('null (non-finite on the wire) → NaN', () => expect(formatMetric('crossEntropy', null)).toBe('NaN'));
});

describe('formatNumber', () => {
  it('3528333931823309 → 3.528e+15', () => expect(formatNumber(3528333931823309)).toBe('3.528e+15'));
  it('7.348149061203003 → 7.348', () => expect(formatNumber(7.348149061203003)).toBe('7.348'));
  it('0.0003 stays 0.0003', () => expect(formatNumber(0.0003)).toBe('0.0003'));
  it('NaN → NaN', () => expect(formatNumber(Number.NaN)).toBe('NaN'));
});
