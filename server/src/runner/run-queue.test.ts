import { describe, expect, it } from 'vitest';
import { InMemoryRunQueue } from './run-queue';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => { resolve = r; });
  return { promise, resolve };
}

describe('InMemoryRunQueue', () => {
  it('concurrency=2, 4 runs: two start, the third starts when one ends, in order', async () => {
    const queue = new InMemoryRunQueue(2);
    const started: string[] = [];
    const done = new Map<string, () => void>();
    queue.process((id) => { started.push(id); const d = deferred(); done.set(id, d.resolve); return d.promise; });
    for (const id of ['a', 'b', 'c', 'd']) await queue.enqueue(id);
    expect(started).toEqual(['a', 'b']);
    expect(await queue.counts()).toEqual({ waiting: 2, active: 2 });
    done.get('b')!();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual(['a', 'b', 'c']);
  });

  it('remove: a waiting run never starts; an unknown one returns false', async () => {
    const queue = new InMemoryRunQueue(1);
    const started: string[] = [];
    const first = deferred();
    queue.process((id) => { started.push(id); return id === 'a' ? first.promise : Promise.resolve(); });
    await queue.enqueue('a');
    await queue.enqueue('b');
    expect(await queue.remove('b')).toBe(true);
    expect(await queue.remove('zzz')).toBe(false);
    first.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual(['a']);
  });

  it('concurrency=0: rejected with the value', () => {
    expect(() => new InMemoryRunQueue(0)).toThrow(/concurrency.*0/);
  });
});
