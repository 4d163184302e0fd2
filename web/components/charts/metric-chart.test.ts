import { describe, expect, it } from 'vitest';
import { formatTicks, withAlpha } from './metric-chart';

describe('formatTicks', () => {
  it('Householder orthoLoss ticks 1e-7 apart are not all 0', () => expect(formatTicks([1e-7, 2e-7, 3e-7])).toEqual(['1.0e-7', '2.0e-7', '3.0e-7']));
  it('a narrow range 38.218…38.224 step 0.002 keeps three decimals', () => expect(formatTicks([38.218, 38.22, 38.222])).toEqual(['38.218', '38.220', '38.222']));
  it('accuracy 0.1…0.15 step 0.025 keeps three decimals (0.125, not 0.13)', () => expect(formatTicks([0.1, 0.125, 0.15])).toEqual(['0.100', '0.125', '0.150']));
  it('ms per iteration 1000…3000 step 500 → 1,000 …', () => expect(formatTicks([1000, 1500, 2000])).toEqual(['1,000', '1,500', '2,000']));
  it('accuracy 0…0.2 step 0.05 → two decimals, 0 stays 0', () => expect(formatTicks([0, 0.05, 0.1])).toEqual(['0', '0.05', '0.10']));
  it('3.5e16 loss ticks use exponents', () => expect(formatTicks([0, 2e16, 4e16])).toEqual(['0', '2.0e+16', '4.0e+16']));
});

describe('withAlpha', () => {
  it("'#4e79a7', 0.16 → rgba(78,121,167,0.16)", () => expect(withAlpha('#4e79a7', 0.16)).toBe('rgba(78,121,167,0.16)'));
  it('a non-hex colour passes through', () => expect(withAlpha('red', 0.5)).toBe('red'));
});
