import { setTimeout as delay } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { CompiledQuery, Kysely } from 'kysely';
import { PolyDeskError, describeError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { databaseNow } from '../store/database-clock.js';
import type { Lease, ReliabilityDatabase } from '../store/question-repository.js';
import type { DatabaseLocation } from '../store/store.js';

export interface HeartbeatThreadOptions {
  /** The store's database: compiles the statements (one definition of the database clock). */
  readonly db: Kysely<ReliabilityDatabase>;
  /** Where the thread opens its own connection. */
  readonly location: DatabaseLocation;
  /** This process's id, as recorded with the questions it works on. */
  readonly worker: string;
  readonly intervalMs: number;
  /** How long after a beat was sent this process may still act on its claims (see `WorkerHeartbeat`). */
  readonly leaseMs: number;
  /**
   * Beats stop once the main thread has not run for this long: a process wedged in a loop is dead
   * to the others, one merely slow is not.
   */
  readonly stallLimitMs: number;
  readonly logger: Logger;
}

/**
 * Restarts of a thread that keeps ending before it has run this many intervals. A thread ends only
 * on a bug or a resource limit (out of memory), which a few retries cannot fix; a supervisor then
 * sees `/readyz` fail. Not tuned on data.
 */
const MAX_RESTARTS = 5;
const RESTART_RESET_INTERVALS = 100;
const STATE = { sent: 0, mainSeen: 1, healthySince: 2, failing: 3 } as const;
const now = () => process.hrtime.bigint();
const ns = (ms: number) => BigInt(Math.round(ms * 1e6));

/**
 * The heartbeat of `serve`, in a thread of its own with a database connection of its own: a main
 * thread busy for seconds (answers, an index rebuild, a loaded machine) delays no beat, so a live
 * replica is not taken for dead merely because it is slow. Same contract as `WorkerHeartbeat`: a
 * row in `workers` on the database's clock, the lease, and `steady`. The two threads share four
 * numbers (when the last beat was sent, when the main thread last ran, ...) on the process's
 * monotonic clock, which both threads read alike.
 */
export class HeartbeatThread implements Lease {
  private readonly state = new BigInt64Array(new SharedArrayBuffer(4 * 8));
  private thread: Worker | undefined;
  private alive: NodeJS.Timeout | undefined;
  private stopped = false;
  /** A thread has started and not ended since. */
  private up = false;
  /** Restarts after unexpected ends, counted until a thread runs for `RESTART_RESET_INTERVALS`. */
  private restarts = 0;
  private nextId = 0;
  private readonly waiting = new Map<number, (error?: string) => void>();

  constructor(private readonly options: HeartbeatThreadOptions) {}

  async start(): Promise<void> {
    const { options, state } = this;
    Atomics.store(state, STATE.mainSeen, now());
    this.alive = setInterval(() => Atomics.store(state, STATE.mainSeen, now()), options.intervalMs);
    this.alive.unref();
    try {
      await this.spawn();
    } catch (error) {
      await this.stop();
      throw new PolyDeskError('STORE_FAILED', 'the heartbeat could not reach the database', { cause: error });
    }
    Atomics.store(state, STATE.healthySince, now() - ns(2 * options.intervalMs));
  }

  /**
   * False while no heartbeat thread runs (before `start`, after `stop`, or between an unexpected
   * end of the thread and its restart): this process then holds no lease and answers nobody, so
   * `/readyz` fails on it.
   */
  get running(): boolean {
    return this.up && !this.stopped;
  }

  /** Starts the thread and waits until it has beaten once; rejects when it cannot. */
  private async spawn(): Promise<void> {
    const { options, state } = this;
    const thread = new Worker(new URL('./heartbeat-worker.mjs', import.meta.url), {
      workerData: {
        database: options.location,
        statements: this.statements(),
        intervalMs: options.intervalMs,
        stallLimitMs: options.stallLimitMs,
        timeoutMs: options.leaseMs,
        shared: state.buffer,
      },
    });
    this.thread = thread;
    const started = new Promise<void>((resolve, reject) => {
      thread.once('error', reject);
      thread.once('exit', (code) => reject(new Error(`the heartbeat thread exited with code ${code}`)));
      thread.on('message', (message: { type: string; id?: number; error?: string }) => {
        if (message.type === 'started') {
          if (message.error) reject(new Error(message.error));
          else resolve();
        } else if (message.type === 'beat') {
          this.waiting.get(message.id!)?.(message.error);
          this.waiting.delete(message.id!);
        } else if (message.type === 'failed') {
          options.logger('warn', 'worker.heartbeat_failed', { error: message.error });
        } else if (message.type === 'restored') {
          options.logger('info', 'worker.heartbeat_restored', {});
        }
      });
    });
    try {
      await started;
    } catch (error) {
      if (this.thread === thread) this.thread = undefined;
      await thread.terminate();
      throw error;
    }
    if (this.thread !== thread) return; // `stop` came first
    thread.removeAllListeners('error');
    thread.removeAllListeners('exit');
    let failure: unknown;
    thread.on('error', (error) => {
      failure = error;
    });
    const since = now();
    thread.on('exit', (code) => this.exited(thread, code, failure, now() - since));
    thread.unref();
    this.up = true;
  }

  /** An end of the thread that `stop` did not ask for: logged, and the thread started again. */
  private exited(thread: Worker, code: number, failure: unknown, ranFor: bigint): void {
    for (const settle of this.waiting.values()) settle('the heartbeat thread stopped');
    this.waiting.clear();
    if (this.thread !== thread) return;
    this.thread = undefined;
    this.up = false;
    if (this.stopped) return;
    // Not steady again until the new thread has beaten for two intervals.
    Atomics.store(this.state, STATE.healthySince, 0n);
    if (ranFor >= ns(RESTART_RESET_INTERVALS * this.options.intervalMs)) this.restarts = 0;
    this.options.logger('error', 'worker.heartbeat_thread_exited', {
      code,
      error: failure === undefined ? undefined : describeError(failure),
      hint: 'this replica answers nobody until its heartbeat runs again; restarting it',
    });
    void this.restart();
  }

  private async restart(): Promise<void> {
    while (!this.stopped) {
      if (this.restarts >= MAX_RESTARTS) {
        this.options.logger('error', 'worker.heartbeat_thread_given_up', {
          restarts: this.restarts,
          hint: 'this replica answers nobody and /readyz fails: restart the process, and look at the errors above',
        });
        return;
      }
      this.restarts++;
      await delay(this.restarts * this.options.intervalMs, undefined, { ref: false });
      if (this.stopped) return;
      try {
        await this.spawn();
        this.options.logger('info', 'worker.heartbeat_thread_restarted', { restarts: this.restarts });
        return;
      } catch (error) {
        this.options.logger('error', 'worker.heartbeat_thread_restart_failed', {
          restarts: this.restarts,
          error: describeError(error),
        });
      }
    }
  }

  held(): boolean {
    return !this.stopped && now() - Atomics.load(this.state, STATE.sent) < ns(this.options.leaseMs);
  }

  /** Beats at once (joining a beat under way); throws when the database does not take it. */
  async renew(): Promise<boolean> {
    const thread = this.thread;
    if (!thread || this.stopped) return false;
    const id = this.nextId++;
    const error = await new Promise<string | undefined>((resolve) => {
      this.waiting.set(id, resolve);
      thread.postMessage({ type: 'beat', id });
    });
    if (error) throw new PolyDeskError('STORE_FAILED', `heartbeat failed: ${error}`);
    return this.held();
  }

  /** True once beats have succeeded for two intervals in a row (see `WorkerHeartbeat.steady`). */
  get steady(): boolean {
    const since = Atomics.load(this.state, STATE.healthySince);
    return (
      Atomics.load(this.state, STATE.failing) === 0n &&
      since > 0n &&
      now() - since >= ns(2 * this.options.intervalMs)
    );
  }

  /** Gives the lease up (nothing is posted under it any more), removes the row, ends the thread. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.up = false;
    clearInterval(this.alive);
    const thread = this.thread;
    if (!thread) return;
    this.thread = undefined;
    if (thread.threadId === -1) return; // it ended already
    const exited = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
    thread.postMessage({ type: 'stop' });
    const timer = setTimeout(() => void thread.terminate(), 10_000);
    await exited;
    clearTimeout(timer);
  }

  /** The thread's statements, compiled here with the database clock of `databaseNow`. */
  private statements(): Record<
    'start' | 'beat' | 'remove' | 'forgetDead',
    Pick<CompiledQuery, 'sql' | 'parameters'>
  > {
    const { db, location, worker } = this.options;
    const clock = databaseNow(location.dialect);
    const plain = (query: { compile(): CompiledQuery }) => {
      const { sql, parameters } = query.compile();
      return { sql, parameters: [...parameters] };
    };
    const upsert = (set: 'start' | 'beat') =>
      db
        .insertInto('workers')
        .values({ id: worker, started_at: clock, heartbeat_at: clock })
        .onConflict((oc) =>
          oc
            .column('id')
            .doUpdateSet(
              set === 'start' ? { started_at: clock, heartbeat_at: clock } : { heartbeat_at: clock },
            ),
        );
    return {
      start: plain(upsert('start')),
      // An upsert, so that a row removed by another replica's clean-up (after a long outage) comes back.
      beat: plain(upsert('beat')),
      remove: plain(db.deleteFrom('workers').where('id', '=', worker)),
      // Rows of processes gone for a day only make the liveness query longer.
      forgetDead: plain(
        db.deleteFrom('workers').where('heartbeat_at', '<', databaseNow(location.dialect, -86_400_000)),
      ),
    };
  }
}
