import type { Kysely } from 'kysely';
import { describeError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { databaseNow } from '../store/database-clock.js';
import type { DialectName } from '../store/migrations.js';
import type { Lease, ReliabilityDatabase } from '../store/question-repository.js';

export interface WorkerHeartbeatOptions {
  /**
   * Best a connection the answers do not use: a beat that queues behind a busy pool makes a live
   * replica look dead. `serve` uses `HeartbeatThread` (a thread and a connection of its own).
   */
  readonly db: Kysely<ReliabilityDatabase>;
  /** Beats carry the database's time, never this host's: replicas' clocks may disagree. */
  readonly dialect: DialectName;
  /** This process's id, as recorded with the questions it works on. */
  readonly worker: string;
  readonly intervalMs: number;
  /**
   * How long after a beat began this process may still act on its claims (default: no limit).
   * Replicas take a worker's questions over once it has been silent for `RECOVERY_AFTER_SECONDS`;
   * `serve` sets half of that, so that whatever this process starts to post under its lease begins
   * at least half that time before any other replica may claim the question.
   */
  readonly leaseMs?: number;
  readonly logger: Logger;
}

/**
 * Tells the other replicas that this process is alive: a row in `workers` whose time is renewed
 * every `intervalMs`. Questions of a worker whose row went stale are recovered by another. The row
 * is removed on a clean stop, so that anything left unanswered is taken over at once.
 *
 * It is also this process's lease (`Lease`): measured on this host's monotonic clock from the moment
 * the last successful beat was sent, which is no later than the database time the beat recorded.
 */
export class WorkerHeartbeat implements Lease {
  private timer: NodeJS.Timeout | undefined;
  private failing = false;
  private stopped = false;
  /** Since when beats have succeeded without a failure in between (0: not yet). */
  private healthySince = 0;
  /** performance.now() when the last successful beat was sent (-Infinity: none yet). */
  private lastBeatSent = Number.NEGATIVE_INFINITY;
  private beating: Promise<void> | undefined;

  constructor(private readonly options: WorkerHeartbeatOptions) {}

  async start(): Promise<void> {
    const now = databaseNow(this.options.dialect);
    const sent = performance.now();
    await this.options.db
      .insertInto('workers')
      .values({ id: this.options.worker, started_at: now, heartbeat_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ started_at: now, heartbeat_at: now }))
      .execute();
    this.lastBeatSent = sent;
    this.stopped = false;
    this.healthySince = Date.now() - 2 * this.options.intervalMs;
    this.timer = setInterval(() => void this.beat(), this.options.intervalMs);
    this.timer.unref();
    // Rows of processes gone for a day only make the liveness query longer.
    await this.forgetDead(86_400_000);
  }

  /** Between `start` and `stop` (readiness: see `HeartbeatThread.running`). */
  get running(): boolean {
    return this.timer !== undefined && !this.stopped;
  }

  /** One beat; a failure is logged once per outage and leaves the lease to lapse. */
  async beat(): Promise<void> {
    await this.renew().catch(() => undefined);
  }

  held(): boolean {
    const leaseMs = this.options.leaseMs ?? Number.POSITIVE_INFINITY;
    return !this.stopped && performance.now() - this.lastBeatSent < leaseMs;
  }

  /** Beats at once (joining a beat under way); throws when the database does not take it. */
  async renew(): Promise<boolean> {
    this.beating ??= this.send().finally(() => {
      this.beating = undefined;
    });
    await this.beating;
    return this.held();
  }

  private async send(): Promise<void> {
    if (this.stopped) return;
    const now = databaseNow(this.options.dialect);
    const sent = performance.now();
    try {
      // An upsert, so that a row removed by `forgetDead` (after a long outage) comes back.
      await this.options.db
        .insertInto('workers')
        .values({ id: this.options.worker, started_at: now, heartbeat_at: now })
        .onConflict((oc) => oc.column('id').doUpdateSet({ heartbeat_at: now }))
        .execute();
      this.lastBeatSent = sent;
      if (this.failing) this.options.logger('info', 'worker.heartbeat_restored', {});
      if (this.failing || this.healthySince === 0) this.healthySince = Date.now();
      this.failing = false;
    } catch (error) {
      if (!this.failing)
        this.options.logger('warn', 'worker.heartbeat_failed', { error: describeError(error) });
      this.failing = true;
      throw error;
    }
  }

  /**
   * True once beats have succeeded for two intervals in a row. After a database outage every
   * replica's heartbeat looks stale; waiting this long lets the others beat again before this one
   * judges them dead.
   */
  get steady(): boolean {
    return (
      !this.failing && this.healthySince > 0 && Date.now() - this.healthySince >= 2 * this.options.intervalMs
    );
  }

  /** Deletes the rows of workers silent for `ms` (a worker without a row counts as dead). */
  private async forgetDead(ms: number): Promise<void> {
    await this.options.db
      .deleteFrom('workers')
      .where('heartbeat_at', '<', databaseNow(this.options.dialect, -ms))
      .execute();
  }

  /** Gives the lease up (nothing is posted under it any more) and removes the row. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.beating?.catch(() => undefined);
    await this.options.db
      .deleteFrom('workers')
      .where('id', '=', this.options.worker)
      .execute()
      .catch(() => undefined);
  }
}
