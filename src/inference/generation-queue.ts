import { GeneratorBusyError } from '../core/errors.js';

/** A job in the queue with the means to settle its caller's promise. */
export interface QueuedJob<J, R> {
  readonly job: J;
  readonly signal?: AbortSignal | undefined;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export interface GenerationQueueOptions<J, R> {
  /** Jobs that may wait while a batch runs; one more is refused at once with GeneratorBusyError. */
  readonly maxWaiting: number;
  /** Most jobs taken into one batch (default 1: strictly one at a time). */
  readonly maxBatch?: number | undefined;
  /** Runs a batch; must settle every job of it (each as soon as it is done). */
  readonly process: (batch: readonly QueuedJob<J, R>[]) => Promise<void>;
}

/**
 * A bounded FIFO in front of one model instance. Jobs run in batches of up to `maxBatch`, one batch
 * at a time; a job arriving while a batch runs waits for the next one. When `maxWaiting` jobs already
 * wait, `submit` throws GeneratorBusyError immediately (the chat adapters turn it into a polite
 * message). A waiting job whose signal aborts leaves the queue.
 */
export class GenerationQueue<J, R> {
  private readonly waiting: QueuedJob<J, R>[] = [];
  private running = 0;

  constructor(private readonly options: GenerationQueueOptions<J, R>) {}

  /** Jobs running now plus those waiting. */
  get size(): number {
    return this.running + this.waiting.length;
  }

  submit(job: J, signal?: AbortSignal): Promise<R> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.running > 0 && this.waiting.length >= this.options.maxWaiting) {
      return Promise.reject(
        new GeneratorBusyError(
          `the generator is busy: ${this.running} running, ${this.waiting.length} waiting`,
        ),
      );
    }
    return new Promise<R>((resolve, reject) => {
      const onAbort = () => {
        const i = this.waiting.indexOf(queued);
        if (i < 0) return; // already running: the batch checks the signal itself
        this.waiting.splice(i, 1);
        reject(signal?.reason);
      };
      const queued: QueuedJob<J, R> = {
        job,
        signal,
        resolve: (r) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(r);
        },
        reject: (e) => {
          signal?.removeEventListener('abort', onAbort);
          reject(e);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(queued);
      if (this.running === 0) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, Math.max(1, this.options.maxBatch ?? 1));
      this.running = batch.length;
      try {
        await this.options.process(batch);
      } catch (error) {
        for (const queued of batch) queued.reject(error);
      }
    }
    this.running = 0;
  }
}
