import type { Kysely } from 'kysely';
import { describeError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { databaseNow } from '../store/database-clock.js';
import type { DialectName } from '../store/migrations.js';
import type { ReliabilityDatabase } from '../store/question-repository.js';

export interface WorkerHeartbeatOptions {
  readonly db: Kysely<ReliabilityDatabase>;
  /** Beats carry the database's time, never this host's: replicas' clocks may disagree. */
  readonly dialect: DialectName;
  /** This process's id, as recorded with the questions it works on. */
  readonly worker: string;
  readonly intervalMs: number;
  readonly logger: Logger;
}

/**
 * Tells the other replicas that this process is alive: a row in `workers` whose time is renewed
 * every `intervalMs`. Questions of a worker whose row went stale are recovered by another. The row
 * is removed on a clean stop, so that anything left unanswered is taken over at once.
 */
export class WorkerHeartbeat {
  private timer: NodeJS.Timeout | undefined;
  private failing = false;
  /** Since when beats have succeeded without a failure in between (0: not yet). */
  private healthySince = 0;

  constructor(private readonly options: WorkerHeartbeatOptions) {}

  async start(): Promise<void> {
    const now = databaseNow(this.options.dialect);
    await this.options.db
      .insertInto('workers')
      .values({ id: this.options.worker, started_at: now, heartbeat_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ started_at: now, heartbeat_at: now }))
      .execute();
    this.healthySince = Date.now() - 2 * this.options.intervalMs;
    this.timer = setInterval(() => void this.beat(), this.options.intervalMs);
    this.timer.unref();
    // Rows of processes gone for a day only make the liveness query longer.
    await this.forgetDead(86_400_000);
  }

  async beat(): Promise<void> {
    const now = databaseNow(this.options.dialect);
    try {
      // An upsert, so that a row removed by `forgetDead` (after a long outage) comes back.
      await this.options.db
        .insertInto('workers')
        .values({ id: this.options.worker, started_at: now, heartbeat_at: now })
        .onConflict((oc) => oc.column('id').doUpdateSet({ heartbeat_at: now }))
        .execute();
      if (this.failing) this.options.logger('info', 'worker.heartbeat_restored', {});
      if (this.failing || this.healthySince === 0) this.healthySince = Date.now();
      this.failing = false;
    } catch (error) {
      if (!this.failing)
        this.options.logger('warn', 'worker.heartbeat_failed', { error: describeError(error) });
      this.failing = true;
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

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.options.db
      .deleteFrom('workers')
      .where('id', '=', this.options.worker)
      .execute()
      .catch(() => undefined);
  }
}
