import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describeError } from './errors.js';
import type { Logger } from './log.js';
import { type AbortMessage, type CloseMessage, type StartMessage, fromWire } from './worker-protocol.js';

/**
 * How long `close` waits for a worker to end by itself before terminating it (a forward pass that
 * long is stuck; terminating one that runs may abort the process, which then ends anyway).
 */
const CLOSE_TIMEOUT_MS = 30_000;

export interface WorkerSupervisorOptions {
  /** Names the worker in logs and errors (`llm`, `encoder`). */
  readonly name: string;
  /** The worker's module (see `siblingModule`); it runs behind ts-worker.mjs, which registers tsx for a `.ts` one. */
  readonly entry: URL;
  /** Passed to the worker as `workerData.options` (structured-cloneable). */
  readonly options: unknown;
  readonly logger: Logger;
  /** The error given to the requests of a worker that died (the callers turn it into a fallback). */
  readonly unavailable: (message: string) => Error;
}

/**
 * The worker module `name` next to the module at `base` (its `import.meta.url`), with the same
 * extension: `.ts` when PolyDesk runs from its sources, `.js` when it runs the build in dist/.
 */
export function siblingModule(base: string, name: string): URL {
  return new URL(`./${name}${path.extname(fileURLToPath(base))}`, base);
}

/** A request in flight: sees every reply that carries its id, or the reason the worker failed it. */
export interface PendingRequest<Reply> {
  /** Returns true once the reply settled the request (no more replies will come for it). */
  onReply(reply: Reply): boolean;
  onFail(error: Error): void;
}

/**
 * Owns one worker thread: starts it and waits until its model is loaded, routes the replies of each
 * request to that request, and when the thread dies (an uncaught error, out of memory, killed) fails
 * every request it had — never leaving a caller waiting — and starts a new thread for the next ones.
 */
export class WorkerSupervisor<
  Info,
  Request extends { readonly id: number },
  Reply extends { readonly id: number },
> {
  private thread: Worker | undefined;
  private starting: Promise<Worker> | undefined;
  private readonly pending = new Map<number, PendingRequest<Reply>>();
  private ids = 0;
  private closed = false;
  private restarts = 0;

  private constructor(
    private readonly options: WorkerSupervisorOptions,
    private currentInfo: Info,
  ) {}

  /** Starts the thread; rejects with the worker's own error (e.g. ModelLoadError) when its model does not load. */
  static async start<Info, Request extends { readonly id: number }, Reply extends { readonly id: number }>(
    options: WorkerSupervisorOptions,
  ): Promise<WorkerSupervisor<Info, Request, Reply>> {
    // The first thread starts as every later one does; its ready message sets `info`.
    const supervisor = new WorkerSupervisor<Info, Request, Reply>(options, undefined as Info);
    await supervisor.running();
    return supervisor;
  }

  /** What the worker said about its model when it became ready. */
  get info(): Info {
    return this.currentInfo;
  }

  /** Threads started after one died. */
  get restartCount(): number {
    return this.restarts;
  }

  /** The thread now running, if any: for diagnostics and for tests that need to kill it. */
  get worker(): Worker | undefined {
    return this.thread;
  }

  nextId(): number {
    return ++this.ids;
  }

  /** Sends a request once a thread runs (waiting for a restart if one is under way). */
  async send(request: Request, pending: PendingRequest<Reply>): Promise<void> {
    const thread = await this.running();
    this.pending.set(request.id, pending);
    // An idle thread does not keep the process alive (a CLI command ends when its work is done);
    // one with requests in flight does, or the process could exit before their replies come.
    thread.ref();
    thread.postMessage(request);
  }

  /** Asks the worker to stop working on `id` (or its `part`); the worker still replies for it. */
  abort(id: number, part?: number): void {
    if (!this.pending.has(id)) return;
    const message: AbortMessage = { type: 'abort', id, part };
    this.thread?.postMessage(message);
  }

  /** Fails what is in flight, asks the worker to finish (see CloseMessage) and waits until it has. */
  async close(): Promise<void> {
    this.closed = true;
    const thread = this.thread ?? (await this.starting?.catch(() => undefined));
    this.thread = undefined;
    this.failAll(this.options.unavailable(`the ${this.options.name} worker was shut down`));
    if (!thread) return;
    const ended = new Promise<void>((resolve) => {
      thread.once('exit', () => resolve());
    });
    const message: CloseMessage = { type: 'close' };
    thread.ref();
    thread.postMessage(message);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), CLOSE_TIMEOUT_MS);
      timer.unref();
    });
    if ((await Promise.race([ended, late])) === 'late') {
      this.options.logger('warn', 'worker.close_timeout', {
        worker: this.options.name,
        ms: CLOSE_TIMEOUT_MS,
      });
      await thread.terminate();
    }
    clearTimeout(timer);
  }

  private async running(): Promise<Worker> {
    if (this.closed) throw this.options.unavailable(`the ${this.options.name} worker was shut down`);
    if (this.thread) return this.thread;
    if (!this.starting) {
      this.starting = this.spawn((info) => {
        this.currentInfo = info;
      }).finally(() => {
        this.starting = undefined;
      });
    }
    const thread = await this.starting;
    this.thread = thread;
    return thread;
  }

  private spawn(onReady: (info: Info) => void): Promise<Worker> {
    const { options } = this;
    const thread = new Worker(new URL('./ts-worker.mjs', import.meta.url), {
      workerData: { entry: options.entry.href, options: options.options },
    });
    return new Promise<Worker>((resolve, reject) => {
      let ready = false;
      thread.on('message', (message: StartMessage<Info> | Reply) => {
        if (!ready && 'type' in message && message.type === 'ready') {
          ready = true;
          thread.unref();
          onReady(message.info);
          resolve(thread);
          return;
        }
        if (!ready && 'type' in message && message.type === 'load-error') {
          reject(fromWire(message.error));
          void thread.terminate();
          return;
        }
        const reply = message as Reply;
        const pending = this.pending.get(reply.id);
        if (pending?.onReply(reply)) {
          this.pending.delete(reply.id);
          if (this.pending.size === 0) thread.unref();
        }
      });
      thread.on('error', (error) => {
        if (!ready) reject(error);
        else this.died(thread, describeError(error));
      });
      thread.on('exit', (code) => {
        if (!ready)
          reject(new Error(`the ${options.name} worker exited with code ${code} before it was ready`));
        else this.died(thread, `exit code ${code}`);
      });
    });
  }

  /** The thread ended while in use: its requests fail now, and the next request starts a new thread. */
  private died(thread: Worker, reason: string): void {
    if (this.thread !== thread) return;
    this.thread = undefined;
    if (this.closed) return;
    this.restarts++;
    this.options.logger('error', 'worker.crashed', {
      worker: this.options.name,
      reason,
      requests: this.pending.size,
    });
    this.failAll(
      this.options.unavailable(`the ${this.options.name} worker stopped (${reason}); a new one is starting`),
    );
    this.running().then(
      () =>
        this.options.logger('info', 'worker.restarted', {
          worker: this.options.name,
          restarts: this.restarts,
        }),
      (error: unknown) =>
        this.options.logger('error', 'worker.restart_failed', {
          worker: this.options.name,
          error: describeError(error),
        }),
    );
  }

  private failAll(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.onFail(error);
  }
}
