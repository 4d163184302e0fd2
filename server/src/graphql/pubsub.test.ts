import { describe, expect, it } from 'vitest';
import type { AlertRecord } from '../storage/records';
import { InMemoryTransport, PubSub } from './pubsub';

const alert = (runId: string): AlertRecord => ({
  id: `a-${runId}`, runId, rule: 'NON_FINITE_LOSS', message: 'm', iteration: 1, value: NaN, threshold: null, autoStopped: false, createdAt: 0,
});

describe('PubSub', () => {
  it('filter runId=r1: published r1, r2, r1 → the subscriber reads the two r1 payloads in order', async () => {
    const pubsub = new PubSub();
    const it1 = pubsub.subscribe('alert', (a) => a.runId === 'r1');
    pubsub.publish('alert', { ...alert('r1'), iteration: 1 });
    pubsub.publish('alert', alert('r2'));
    pubsub.publish('alert', { ...alert('r1'), iteration: 2 });
    expect((await it1.next()).value.iteration).toBe(1);
    expect((await it1.next()).value.iteration).toBe(2);
  });

  it('a pending next() resolves on the next publish; return() unsubscribes and ends the iterator', async () => {
    const transport = new InMemoryTransport();
    const pubsub = new PubSub(transport);
    const iterator = pubsub.subscribe('alert');
    const pending = iterator.next();
    pubsub.publish('alert', alert('r9'));
    expect((await pending).value.runId).toBe('r9');
    await iterator.return!();
    pubsub.publish('alert', alert('r10'));
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });
});
