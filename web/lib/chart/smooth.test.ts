import { describe, expect, it } from 'vitest';
import { smoothEma } from './smooth';

describe('smoothEma', () => {
  it('weight 0 returns the values unchanged', () => {
    expect(smoothEma([3, 1, 2], 0)).toEqual([3, 1, 2]);
  });
  it('constant input stays constant thanks to debiasing (no ramp from 0)', () => {
    const out = smoothEma([5, 5, 5, 5], 0.9);
    out.forEach((v) => expect(v).toBeCloseTo(5, 12));
  });
  it('weight 0.5 on [0, 4]: second value (0·0.5·0.5 + 4·0.5) / (1 − 0.25) = 2.6667', () => {
    const out = smoothEma([0, 4], 0.5);
    expect(out[0]).toBe(0);
    expect(out[1]).toBeCloseTo(2 / 0.75, 12);
  });
  it('a step is damped: weight 0.9 after 1 step from 0 to 10 stays below 10', () => {
    const out = smoothEma([0, 0, 0, 10], 0.9) as number[];
    expect(out[3]).toBeGreaterThan(0);
    expect(out[3]).toBeLessThan(5);
  });
  it('null and NaN pass through and do not enter the average', () => {
    const out = smoothEma([2, null, Number.NaN, 2], 0.5);
    expect(out[1]).toBeNull();
    expect(out[2]).toBeNaN();
    expect(out[3]).toBeCloseTo(2, 12);
  });
  it('weight 1 is refused naming the value', () => {
    expect(() => smoothEma([1], 1)).toThrow('got 1');
  });
});
