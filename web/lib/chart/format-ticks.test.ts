import { describe, expect, it } from 'vitest';
import { formatTicks } from './format-ticks';

describe('formatTicks', () => {
  it('Householder orthoLoss ticks 1e-7 apart are not all 0', () => expect(formatTicks([1e-7, 2e-7, 3e-7])).toEqual(['1.0e-7', '2.0e-7', '3.0e-7']));
  it('a narrow range 38.218…38.224 step 0.002 keeps three decimals', () => expect(formatTicks([38.218, 38.22, 38.222])).toEqual(['38.218', '38.220', '38.222']));
  it('accuracy 0.1…0.15 step 0.025 keeps three decimals (0.125, not 0.13)', () => expect(formatTicks([0.1, 0.125, 0.15])).toEqual(['0.100', '0.125', '0.150']));
  it('ms per iteration 1000…3000 step 500 → 1,000 …', () => expect(formatTicks([1000, 1500, 2000])).toEqual(['1,000', '1,500', '2,000']));
  it('accuracy 0…0.2 step 0.05 → two decimals, 0 stays 0', () => expect(formatTicks([0, 0.05, 0.1])).toEqual(['0', '0.05', '0.10']));
  it('3.5e16 loss ticks use exponents', () => expect(formatTicks([0, 2e16, 4e16])).toEqual(['0', '2.0e+16', '4.0e+16']));
  it('log accuracy ticks 0.3…2 (uneven, float noise) each keep their own digits, not "0, 0, 1, 1"', () =>
    expect(formatTicks([0.30000000000000004, 0.4, 0.5, 0.7000000000000001, 1, 2], true)).toEqual(['0.3', '0.4', '0.5', '0.7', '1', '2']));
  it('log orthoLoss ticks by decade 1e-7…0.01 → exponents below 0.001, the top tick is 0.01 not 0', () =>
    expect(formatTicks([1e-7, 1e-5, 0.001, 0.01], true)).toEqual(['1e-7', '1e-5', '0.001', '0.01']));
  it('log loss ticks 2.5e-5 and 3e7 keep their mantissa', () => expect(formatTicks([2.5e-5, 30, 3e7], true)).toEqual(['2.5e-5', '30', '3e+7']));
  it('log: a null split (uPlot hides that label) gives an empty label', () => expect(formatTicks([0.1, null, 1], true)).toEqual(['0.1', '', '1']));
});
