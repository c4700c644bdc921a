export interface FairQueueOptions {
  /** Tasks running at once. */
  readonly concurrency: number;
  /** Tasks that may wait; one more is refused at once. */
  readonly maxQueued: number;
}

interface Waiter {
  readonly key: string;
  readonly start: () => void;
  readonly abort: (reason: unknown) => void;
}

/**
 * A bounded queue that is fair between keys (askers): waiting tasks run round-robin, one per key in
 * turn, so one person pasting fifty questions delays only themselves. A full queue refuses at once
 * (`run` resolves `false`), so that the asker hears "busy, try again in a minute" instead of silence.
 */
export class FairQueue {
  private running = 0;
  private waiting = 0;
  /** Waiting tasks per key; a Map keeps the keys in the order they take turns. */
  private readonly byKey = new Map<string, Waiter[]>();
  /** Waiters per abort signal: one listener per signal, however many questions share it. */
  private readonly bySignal = new WeakMap<AbortSignal, Set<Waiter>>();

  constructor(private readonly options: FairQueueOptions) {}

  /** Tasks waiting for a slot. */
  get queued(): number {
    return this.waiting;
  }

  get active(): number {
    return this.running;
  }

  /** True while a new task would be refused. */
  get saturated(): boolean {
    return this.running >= this.options.concurrency && this.waiting >= this.options.maxQueued;
  }

  /**
   * Runs `task` when its key's turn comes. Resolves `true` once it ran, `false` at once when the
   * queue is full; rejects with the task's error, or the signal's reason if it aborts while waiting.
   */
  async run(key: string, task: () => Promise<void>, signal?: AbortSignal): Promise<boolean> {
    signal?.throwIfAborted();
    if (this.running < this.options.concurrency) {
      this.running += 1;
    } else {
      if (this.waiting >= this.options.maxQueued) return false;
      await this.wait(key, signal);
    }
    try {
      await task();
      return true;
    } finally {
      this.next();
    }
  }

  private wait(key: string, signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        key,
        start: () => {
          if (signal) this.bySignal.get(signal)?.delete(waiter);
          resolve();
        },
        abort: (reason) => {
          this.remove(waiter);
          reject(reason);
        },
      };
      const list = this.byKey.get(key);
      if (list) list.push(waiter);
      else this.byKey.set(key, [waiter]);
      this.waiting += 1;
      if (signal) this.watch(signal, waiter);
    });
  }

  private watch(signal: AbortSignal, waiter: Waiter): void {
    let waiters = this.bySignal.get(signal);
    if (!waiters) {
      const set = new Set<Waiter>();
      waiters = set;
      this.bySignal.set(signal, set);
      signal.addEventListener(
        'abort',
        () => {
          for (const w of [...set]) w.abort(signal.reason);
          set.clear();
        },
        { once: true },
      );
    }
    waiters.add(waiter);
  }

  private remove(waiter: Waiter): void {
    const list = this.byKey.get(waiter.key);
    const i = list?.indexOf(waiter) ?? -1;
    if (!list || i < 0) return;
    list.splice(i, 1);
    if (list.length === 0) this.byKey.delete(waiter.key);
    this.waiting -= 1;
  }

  /** Hands the finished task's slot to the next key in turn (which then goes to the back). */
  private next(): void {
    const first = this.byKey.entries().next();
    if (first.done) {
      this.running -= 1;
      return;
    }
    const [key, list] = first.value;
    const waiter = list.shift()!;
    this.byKey.delete(key);
    if (list.length > 0) this.byKey.set(key, list);
    this.waiting -= 1;
    waiter.start();
  }
}
