import { describe, expect, it } from 'vitest';
import { createRng } from './random';

describe('createRng', () => {
  it('seed 99 twice: identical sequences; seed 100: a different one', () => {
    const a = Array.from({ length: 5 }, createRng(99).next);
    const b = Array.from({ length: 5 }, createRng(99).next);
    const c = Array.from({ length: 5 }, createRng(100).next);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('seed 1: first output is the published mulberry32 value 0.6270739405881613', () => {
    expect(createRng(1).next()).toBe(0.6270739405881613);
  });

  it('100,000 draws: in [0,1), mean ≈ 0.5, 10 buckets each ≈ 10%', () => {
    const r = createRng(7);
    const buckets = new Array(10).fill(0);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = r.next();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
      buckets[Math.floor(x * 10)]++;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.005);
    for (const n of buckets) expect(Math.abs(n - 10_000)).toBeLessThan(400);
  });

  it('shuffle of 0..999: a permutation, in place, reproducible per seed, not the identity', () => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    const out = createRng(99).shuffle(items);
    expect(out).toBe(items);
    expect([...items].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(items.filter((v, i) => v === i).length).toBeLessThan(10);
    expect(Array.from(createRng(99).permutation(1000))).toEqual(items);
  });

  it('shuffle of 3 items over 60,000 runs: all 6 orders ≈ equally often', () => {
    const r = createRng(3);
    const counts = new Map<string, number>();
    for (let i = 0; i < 60_000; i++) {
      const key = r.shuffle([0, 1, 2]).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const n of counts.values()) expect(Math.abs(n - 10_000)).toBeLessThan(400);
  });

  it('int(0) and seed NaN: RangeError naming the value', () => {
    expect(() => createRng(1).int(0)).toThrow(/got 0/);
    expect(() => createRng(Number.NaN)).toThrow(/got NaN/);
  });
});
