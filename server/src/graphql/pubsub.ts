import type { DatasetView } from './context';
import type { AlertRecord, MetricPoint, RunRecord } from '../storage/records';

/** What each topic carries. */
export interface Topics {
  runMetrics: { runId: string; points: MetricPoint[] };
  runUpdated: RunRecord;
  alert: AlertRecord;
  datasetDownload: DatasetView;
}

/** Moves payloads between publishers and subscribers; in memory here, Redis when scaled out. */
export interface PubSubTransport {
  publish(topic: string, payload: unknown): void;
  /** Returns the unsubscribe function. */
  subscribe(topic: string, listener: (payload: unknown) => void): () => void;
}

/** One process: listeners called synchronously. */
export class InMemoryTransport implements PubSubTransport {
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();

  publish(topic: string, payload: unknown): void {
    for (const listener of this.listeners.get(topic) ?? []) listener(payload);
  }

  subscribe(topic: string, listener: (payload: unknown) => void): () => void {
    const set = this.listeners.get(topic) ?? new Set();
    set.add(listener);
    this.listeners.set(topic, set);
    return () => { set.delete(listener); };
  }
}

/** A subscriber that stops reading loses its oldest payloads beyond this many. */
const MAX_BUFFERED = 10_000;

/** Typed publish/subscribe over an injected transport (default in memory). */
export class PubSub {
  constructor(private readonly transport: PubSubTransport = new InMemoryTransport()) {}

  publish<K extends keyof Topics>(topic: K, payload: Topics[K]): void {
    this.transport.publish(topic, payload);
  }

  /** An async iterator of the topic's payloads that pass `filter`, from now on; `return()` unsubscribes. */
  subscribe<K extends keyof Topics>(topic: K, filter: (payload: Topics[K]) => boolean = () => true): AsyncIterableIterator<Topics[K]> {
    const buffer: Topics[K][] = [];
    let wake: ((r: IteratorResult<Topics[K]>) => void) | null = null;
    let done = false;
    const unsubscribe = this.transport.subscribe(topic, (raw) => {
      const payload = raw as Topics[K];
      if (done || !filter(payload)) return;
      if (wake) { const w = wake; wake = null; w({ value: payload, done: false }); return; }
      buffer.push(payload);
      if (buffer.length > MAX_BUFFERED) buffer.shift();
    });
    const finish = (): Promise<IteratorResult<Topics[K]>> => {
      done = true;
      unsubscribe();
      buffer.length = 0;
      if (wake) { wake({ value: undefined, done: true }); wake = null; }
      return Promise.resolve({ value: undefined, done: true });
    };
    return {
      next: () => {
        if (buffer.length > 0) return Promise.resolve({ value: buffer.shift()!, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => { wake = resolve; });
      },
      return: finish,
      throw: (error) => { void finish(); return Promise.reject(error); },
      [Symbol.asyncIterator]() { return this; },
    };
  }
}
