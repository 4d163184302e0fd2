import { describe, expect, it } from 'vitest';
import { cutStreams, splitHeldOutTail } from './text-batches';

const ids = Int32Array.from({ length: 50 }, (_, i) => i);

describe('cutStreams', () => {
  it('50 chars, batch 3, steps 4: streams of 16 starting at 0/16/32, 4 steps per epoch', () => {
    const streams = cutStreams(ids, 3, 4);
    expect(streams.stepsPerEpoch).toBe(4);
    expect(streams.streamLength).toBe(16);
    const first = streams.batchAt(0);
    expect([...first.inputs]).toEqual([0, 1, 2, 3, 16, 17, 18, 19, 32, 33, 34, 35]);
    expect([...first.targets]).toEqual([1, 2, 3, 4, 17, 18, 19, 20, 33, 34, 35, 36]);
  });

  it('step i+1 of every stream continues exactly where step i ended (state can carry over)', () => {
    const streams = cutStreams(ids, 3, 4);
    for (let i = 0; i + 1 < streams.stepsPerEpoch; i++) {
      const now = streams.batchAt(i);
      const next = streams.batchAt(i + 1);
      for (let b = 0; b < 3; b++) {
        expect(next.inputs[b * 4]).toBe(now.targets[b * 4 + 3]);
        expect(next.inputs[b * 4]).toBe(now.inputs[b * 4 + 3] + 1);
      }
    }
  });

  it('last step: its targets stay inside the text, the dropped tail is shorter than one step', () => {
    const streams = cutStreams(ids, 3, 4);
    const last = streams.batchAt(streams.stepsPerEpoch - 1);
    expect(last.targets[last.targets.length - 1]).toBe(48);
    expect(() => streams.batchAt(4)).toThrow('step 4 is outside 0..3');
  });

  it('too short for batch 8 × steps 8: error giving the sizes', () => {
    expect(() => cutStreams(ids, 8, 8, 'validation')).toThrow('validation: 50 characters are too few for batch 8 × steps 8 (needs at least 65)');
  });
});

describe('splitHeldOutTail', () => {
  it('fraction 0.1 of 50: last 5 characters held out', () => {
    const { train, validation } = splitHeldOutTail(ids, 0.1);
    expect(train.length).toBe(45);
    expect([...validation]).toEqual([45, 46, 47, 48, 49]);
  });
});
