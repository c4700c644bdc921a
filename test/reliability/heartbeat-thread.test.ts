/**
 * The heartbeat thread of `serve` on real SQLite and PostgreSQL: a thread that ends unexpectedly
 * (killed here as a crash or an out-of-memory end would) is noticed, logged at error level, reported
 * as not running (which fails /readyz), and started again; beats and the lease then resume.
 */
import type { Worker } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogLevel } from '../../src/core/log.js';
import { HeartbeatThread } from '../../src/reliability/heartbeat-thread.js';
import type { ReliabilityDatabase } from '../../src/store/question-repository.js';
import type { Store } from '../../src/store/store.js';
import { DIALECTS, type TestDatabase } from '../helpers/databases.js';

const INTERVAL_MS = 200;

describe.each(DIALECTS)('the heartbeat thread on $name', ({ create }) => {
  let db: TestDatabase;
  let store: Store;
  let beat: HeartbeatThread;
  const events: { level: LogLevel; event: string; running: boolean }[] = [];

  beforeEach(async () => {
    db = await create();
    store = await db.open();
    events.length = 0;
    beat = new HeartbeatThread({
      db: store.db as unknown as Kysely<ReliabilityDatabase>,
      location: store.location,
      worker: store.questions.worker,
      intervalMs: INTERVAL_MS,
      leaseMs: 5 * INTERVAL_MS,
      stallLimitMs: 60_000,
      logger: (level, event) => events.push({ level, event, running: beat.running }),
    });
  });
  afterEach(async () => {
    await beat.stop();
    await store.close();
    await db.dispose();
  });

  const heartbeatAt = async () =>
    (
      await (store.db as unknown as Kysely<ReliabilityDatabase>)
        .selectFrom('workers')
        .select('heartbeat_at')
        .where('id', '=', store.questions.worker)
        .executeTakeFirstOrThrow()
    ).heartbeat_at;

  it('is started again after its thread dies, and is not running in between', async () => {
    expect(beat.running).toBe(false);
    await beat.start();
    expect(beat.running).toBe(true);
    // The thread is private: reach it as a crash inside it would.
    const thread = (beat as unknown as { thread: Worker }).thread;
    await thread.terminate();
    const killedAt = await heartbeatAt();

    await expect
      .poll(() => events.map((e) => e.event), { timeout: 30_000 })
      .toContain('worker.heartbeat_thread_restarted');
    const exited = events.find((e) => e.event === 'worker.heartbeat_thread_exited');
    expect(exited).toMatchObject({ level: 'error', running: false });
    expect(beat.running).toBe(true);
    // Beats resume on the database, and the lease is held again.
    await expect.poll(async () => (await heartbeatAt()) > killedAt, { timeout: 30_000 }).toBe(true);
    expect(await beat.renew()).toBe(true);
    expect(beat.held()).toBe(true);
  });

  it('gives up on a thread that keeps dying, after a bounded number of restarts, and stays not running', async () => {
    await beat.start();
    const kill = () => (beat as unknown as { thread: Worker }).thread.terminate();
    const restarted = () => events.filter((e) => e.event === 'worker.heartbeat_thread_restarted').length;
    for (let restarts = 1; restarts <= 5; restarts++) {
      await kill();
      await expect.poll(restarted, { timeout: 30_000 }).toBe(restarts);
    }
    await kill();

    await expect
      .poll(() => events.map((e) => e.event), { timeout: 30_000 })
      .toContain('worker.heartbeat_thread_given_up');
    expect(events.filter((e) => e.event === 'worker.heartbeat_thread_exited')).toHaveLength(6);
    expect(beat.running).toBe(false);
    expect(await beat.renew()).toBe(false);
    await expect.poll(() => beat.held(), { timeout: 30_000 }).toBe(false);
  });
});
