import { describe, expect, it } from 'vitest';
import { formatBenchTable, median } from './bench-stats';

describe('median', () => {
  it('odd count [5, 1, 3]: the middle value 3', () => expect(median([5, 1, 3])).toBe(3));
  it('even count [4, 1, 3, 10]: mean of 3 and 4', () => expect(median([4, 1, 3, 10])).toBe(3.5));
  it('empty list: throws', () => expect(() => median([])).toThrow(/no values/));
});

describe('formatBenchTable', () => {
  it('two cases: one aligned line each with ms, ratio and MB', () => {
    const text = formatBenchTable([
      { case: 'baseline', backend: 'wasm', msPerStep: 970.04, ratio: 1, peakRssMb: 612.4, cpuMsPerStep: 955.5, cpuRatio: 1 },
      { case: 'pytorch', backend: 'pytorch', msPerStep: 415, ratio: 0.4278, peakRssMb: NaN, cpuMsPerStep: NaN, cpuRatio: NaN },
    ]);
    expect(text.split('\n')).toEqual([
      'case             ms/step    ratio     peak RSS cpu ms/step  cpu ratio',
      'baseline           970.0    1.000       612 MB       955.5      1.000',
      'pytorch            415.0    0.428            –           –          –',
    ]);
  });

  it('a case name longer than 13 characters (baseline-2workers): the column widens, columns stay aligned', () => {
    const lines = formatBenchTable([
      { case: 'baseline', backend: 'wasm', msPerStep: 1000, ratio: 1, peakRssMb: 600, cpuMsPerStep: 1000, cpuRatio: 1 },
      { case: 'baseline-2workers', backend: 'wasm', msPerStep: 660, ratio: 0.66, peakRssMb: 850, cpuMsPerStep: 1160, cpuRatio: 1.16 },
    ]).split('\n');
    expect(lines[2]).toBe('baseline-2workers      660.0    0.660       850 MB      1160.0      1.160');
    expect(new Set(lines.map((l) => l.length))).toEqual(new Set([lines[0].length]));
  });
});
