/**
 * Where runs wait for a free slot. The in-memory queue serves one machine; a Redis-backed queue
 * (BullMQ: Queue.add / Job.remove / Worker with `concurrency`) can implement the same interface.
 */
export interface RunQueue {
  /** Adds a run; the worker is called with its id once a slot is free (first in, first out). */
  enqueue(runId: string): Promise<void>;
  /** Takes a waiting run out of the queue; false when it is not waiting. */
  remove(runId: string): Promise<boolean>;
  /** Sets the worker; it resolves when the run's process has ended, freeing the slot. */
  process(worker: (runId: string) => Promise<void>): void;
  counts(): Promise<{ waiting: number; active: number }>;
  /** Stops handing out runs (waiting ones stay stored as QUEUED and come back on restart). */
  close(): Promise<void>;
}

/** A first-in-first-out queue in this process, running at most `concurrency` runs at once. */
export class InMemoryRunQueue implements RunQueue {
  private readonly waiting: string[] = [];
  private active = 0;
  private worker: ((runId: string) => Promise<void>) | null = null;
  private closed = false;

  /** @param concurrency runs at once (at least 1). */
  constructor(private readonly concurrency: number) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`concurrency: expected an integer ≥ 1, got ${concurrency}`);
  }

  async enqueue(runId: string): Promise<void> {
    if (!this.waiting.includes(runId)) this.waiting.push(runId);
    this.drain();
  }

  async remove(runId: string): Promise<boolean> {
    const i = this.waiting.indexOf(runId);
    if (i < 0) return false;
    this.waiting.splice(i, 1);
    return true;
  }

  process(worker: (runId: string) => Promise<void>): void {
    this.worker = worker;
    this.drain();
  }

  async counts(): Promise<{ waiting: number; active: number }> {
    return { waiting: this.waiting.length, active: this.active };
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private drain(): void {
    while (!this.closed && this.worker && this.active < this.concurrency && this.waiting.length > 0) {
      const runId = this.waiting.shift()!;
      this.active++;
      this.worker(runId)
        .catch(() => { /* the worker records its own failures on the run */ })
        .finally(() => { this.active--; this.drain(); });
    }
  }
}
