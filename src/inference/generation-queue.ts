import { GeneratorBusyError } from '../core/errors.js';

/** A job in the queue with the means to settle its caller's promise. */
export interface QueuedJob<J, R> {
  readonly job: J;
  readonly signal?: AbortSignal | undefined;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/** How a job waits: `short` jobs (translations for search) go ahead of the waiting answers. */
export interface SubmitOptions {
  /**
   * A short job that others wait for (a question's translations come before its answer): it goes
   * ahead of the waiting ordinary jobs and does not count against `maxWaiting` — whoever submits
   * such jobs bounds them (the translation budget).
   */
  readonly short?: boolean | undefined;
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
 * message). A waiting job whose signal aborts leaves the queue. Short jobs wait ahead of the others.
 */
export class GenerationQueue<J, R> {
  private readonly waiting: QueuedJob<J, R>[] = [];
  /** How many of `waiting`, at its front, are short jobs. */
  private shortWaiting = 0;
  private running = 0;

  constructor(private readonly options: GenerationQueueOptions<J, R>) {}

  /** Jobs running now plus those waiting. */
  get size(): number {
    return this.running + this.waiting.length;
  }

  /** Ordinary jobs waiting (the ones `maxWaiting` bounds). */
  get waitingCount(): number {
    return this.waiting.length - this.shortWaiting;
  }

  submit(job: J, signal?: AbortSignal, options: SubmitOptions = {}): Promise<R> {
    const short = options.short ?? false;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (!short && this.running > 0 && this.waitingCount >= this.options.maxWaiting) {
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
        if (i < this.shortWaiting) this.shortWaiting--;
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
      if (short) this.waiting.splice(this.shortWaiting++, 0, queued);
      else this.waiting.push(queued);
      if (this.running === 0) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, Math.max(1, this.options.maxBatch ?? 1));
      this.shortWaiting = Math.max(0, this.shortWaiting - batch.length);
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
