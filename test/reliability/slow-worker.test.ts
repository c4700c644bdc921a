/**
 * A live replica slower than RECOVERY_AFTER_SECONDS against another replica's recovery, on real
 * SQLite and PostgreSQL, through the real Slack adapter and the fake Slack server. A slow worker
 * (its answer takes longer than the recovery delay; on PostgreSQL its connection pool is exhausted
 * too) keeps its question and posts once. A worker cut off from the database while it streams is
 * taken over: the takeover puts its answer in place of the half-streamed reply, and the cut-off
 * worker, resuming, posts nothing.
 */
import { gatedGenerator } from '../fakes/gated-generator.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StreamGuardFactory } from '../../src/answer/answer.js';
import type { AnswerService } from '../../src/answer/ports.js';
import { silentLogger } from '../../src/core/log.js';
import type { AnswerResult } from '../../src/core/types.js';
import { released } from '../../src/guardrails/checked-text.js';
import { HeartbeatThread } from '../../src/reliability/heartbeat-thread.js';
import { RecoveryWorker, type RecoveryOutcome } from '../../src/reliability/recovery-worker.js';
import { WorkerHeartbeat } from '../../src/reliability/worker-heartbeat.js';
import type { ReliabilityDatabase } from '../../src/store/question-repository.js';
import { Store } from '../../src/store/store.js';
import { ALICE, CHANNEL, type SlackHarness, startSlackHarness, testDirectory } from '../bot/slack-harness.js';
import { eventCallback } from '../fakes/slack-events.js';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID } from '../fakes/slack-server.js';
import { DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { buildPipeline } from '../helpers/pipeline.js';

const DOCS = {
  'vpn.md':
    '---\ntitle: VPN setup\n---\n# VPN\nTo connect to the VPN, start the GlobalConnect client and sign in with your employee ID. The client asks for a one-time code from the authenticator app.\n',
};
/**
 * As `serve` sets it from RECOVERY_AFTER_SECONDS=10 (see reliability.ts), a beat every second: a
 * heartbeat thread descheduled for seconds on a loaded two-core machine, or a slow beat on
 * PostgreSQL, still lands one within every 10 s. With 3 s and a beat every 0.6 s, a live worker was
 * judged dead there now and then.
 */
const AFTER_MS = 10_000;
const LEASE_MS = AFTER_MS / 2;
const INTERVAL_MS = AFTER_MS / 10;
/** Each test waits for more than AFTER_MS of database time (twice that in the first). */
const SLOW = { timeout: 120_000 };

/** Every partial text released as it grows (the guardrails are not under test here). */
const showAll: StreamGuardFactory = (_context, onVisible, present) => {
  let text = '';
  return {
    push(delta) {
      text += delta;
      onVisible(released(present ? present(text) : text));
    },
    close() {},
  };
};

/** The extractive generator, streaming the first half of its answer, then waiting for `open()`. */
const halfThenGate = () =>
  gatedGenerator({
    passOptions: false,
    beforeGate: (result, options) =>
      options?.onText?.(result.text.slice(0, Math.floor(result.text.length / 2))),
    afterGate: (result, options) => options?.onText?.(result.text.slice(Math.floor(result.text.length / 2))),
  });

describe.each(DIALECTS)('a slow live worker against recovery on $name', SLOW, ({ name, create }) => {
  let db: TestDatabase;
  let h: SlackHarness;
  const dirs: string[] = [];
  const closers: (() => Promise<unknown>)[] = [];

  const open = async (worker: string) => {
    const store = await Store.open({ dataDir: db.dataDir, databaseUrl: db.databaseUrl, worker });
    closers.push(() => store.close());
    return store;
  };
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'polydesk-slow-'));
    dirs.push(dir);
    return dir;
  };
  /** The heartbeat as `serve` runs it: a thread and a connection of its own. */
  const heartbeatThread = async (store: Store) => {
    const beat = new HeartbeatThread({
      db: store.db as unknown as Kysely<ReliabilityDatabase>,
      location: store.location,
      worker: store.questions.worker,
      intervalMs: INTERVAL_MS,
      leaseMs: LEASE_MS,
      stallLimitMs: 60_000,
      logger: silentLogger,
    });
    await beat.start();
    store.questions.useLease(beat);
    closers.push(() => beat.stop());
    return beat;
  };
  const heartbeat = async (store: Store, beats: Kysely<unknown>) => {
    const beat = new WorkerHeartbeat({
      db: beats as Kysely<ReliabilityDatabase>,
      dialect: store.dialect,
      worker: store.questions.worker,
      intervalMs: INTERVAL_MS,
      leaseMs: LEASE_MS,
      logger: silentLogger,
    });
    await beat.start();
    store.questions.useLease(beat);
    closers.push(() => beat.stop());
    return beat;
  };

  /** The live replica: the real pipeline behind the Slack adapter; its results are kept. */
  async function liveReplica() {
    const store = await open('live');
    const generator = halfThenGate();
    const { answers: pipeline } = await buildPipeline(store, tempDir(), DOCS, {
      generator,
      streamGuard: showAll,
    });
    const results: AnswerResult[] = [];
    const answers: AnswerService = {
      record: pipeline.record,
      async ask(question, options) {
        const result = await pipeline.ask(question, options);
        results.push(result);
        return result;
      },
    };
    h = await startSlackHarness({ answers, store });
    await h.adapter.start();
    return { store, generator, results };
  }

  /** The other replica: beating, recovering through the same Slack workspace. */
  async function recoveringReplica() {
    const store = await open('other');
    await heartbeatThread(store);
    const { answers } = await buildPipeline(store, tempDir(), {});
    const outcomes: RecoveryOutcome[] = [];
    const recovery = new RecoveryWorker({
      questions: store.questions,
      answers,
      directory: testDirectory,
      delivery: (platform) => (platform === 'slack' ? h.adapter.delivery : undefined),
      detectLanguage: () => 'en',
      logger: silentLogger,
      afterMs: AFTER_MS,
      maxAttempts: 3,
      onRecovered: (outcome) => outcomes.push(outcome),
    });
    return { store, recovery, outcomes };
  }

  async function ask(): Promise<{ ts: string }> {
    const question = h.slack.addUserMessage({
      channel: CHANNEL,
      user: ALICE,
      text: `<@${FAKE_BOT_USER_ID}> How do I connect to the VPN?`,
    });
    const response = await h.send(
      eventCallback(
        {
          type: 'app_mention',
          channel: CHANNEL,
          user: ALICE,
          text: question.text,
          ts: question.ts,
        },
        `EvSlow${question.ts}`,
      ),
    );
    expect(response.status).toBe(200);
    return { ts: question.ts };
  }
  const botMessages = (ts: string) => h.slack.thread(CHANNEL, ts).filter((m) => m.botId === FAKE_BOT_ID);

  /** Resolves once, by the database's clock, `ms` have passed since the question was recorded. */
  async function databaseTimePassed(store: Store, ms: number, each: () => Promise<void>): Promise<void> {
    const recorded = await store.db.selectFrom('questions').select('created_at').executeTakeFirstOrThrow();
    const until = Date.parse(recorded.created_at) + ms;
    const now = async () => {
      const row = await sql<{ now: string }>`select ${
        store.dialect === 'postgres'
          ? sql`to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
          : sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`
      } as now`.execute(store.db);
      return Date.parse(row.rows[0]!.now);
    };
    await expect
      .poll(
        async () => {
          await each();
          return (await now()) >= until;
        },
        { timeout: 60_000, interval: INTERVAL_MS },
      )
      .toBe(true);
  }

  beforeEach(async () => {
    db = await create();
  });
  afterEach(async () => {
    await h?.close();
    for (const close of closers.splice(0).reverse()) await close().catch(() => undefined);
    await db.dispose();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps its question however long it answers, its main thread stalled and its pool exhausted, and posts once', async () => {
    const live = await liveReplica();
    await heartbeatThread(live.store);
    const other = await recoveringReplica();
    const question = await ask();
    await live.generator.reached;
    await h.slack.waitFor(() => botMessages(question.ts).length > 0);

    // PostgreSQL: every connection of the live replica's pool waits for a lock the test holds.
    const blocker = name === 'postgres' ? new pg.Client({ connectionString: db.databaseUrl }) : undefined;
    const stuck: Promise<unknown>[] = [];
    if (blocker) {
      await blocker.connect();
      await blocker.query('create table blocker (id int)');
      await blocker.query('begin');
      await blocker.query('lock table blocker in access exclusive mode');
      for (let i = 0; i < 10; i++) stuck.push(sql`select count(*) from blocker`.execute(live.store.db));
      // All ten connected and waiting for the lock before the stall (a connection still being
      // opened when the main thread stalls gives up after the pool's connection timeout).
      const waiting = async () => {
        // A transaction sees one snapshot of pg_stat_activity; the blocker's lasts the whole test.
        await blocker.query('select pg_stat_clear_snapshot()');
        return (
          await blocker.query<{ n: number }>(
            "select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like '%from blocker%'",
          )
        ).rows[0]!.n;
      };
      await expect.poll(waiting, { timeout: 30_000 }).toBe(10);
    }
    try {
      // Its main thread busy for 30 % longer than RECOVERY_AFTER_SECONDS (an index rebuild on a
      // loaded machine): the beats, in their own thread, go on. Beats in the main thread would stop
      // that long, and the other replica would take the question over.
      const stalled = performance.now() + 1.3 * AFTER_MS;
      while (performance.now() < stalled);
      const taken: number[] = [];
      await databaseTimePassed(other.store, 2 * AFTER_MS, async () => {
        taken.push(await other.recovery.tick());
      });
      expect(taken.every((n) => n === 0)).toBe(true);
    } finally {
      if (blocker) {
        await blocker.query('commit');
        await blocker.end();
      }
      await Promise.all(stuck);
    }

    live.generator.open();
    await h.slack.waitFor(() => live.results.length === 1);
    expect(live.results[0]).toMatchObject({ status: 'answered' });
    expect(live.results[0]!.superseded).toBeUndefined();
    const messages = botMessages(question.ts);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.streaming).toBe(false);
    expect(JSON.stringify(messages[0]!.blocks)).toContain('GlobalConnect');
    expect(other.outcomes).toEqual([]);
    const row = await other.store.db
      .selectFrom('questions')
      .select(['status', 'attempts'])
      .executeTakeFirst();
    expect(row).toEqual({ status: 'answered', attempts: 0 });
  });

  it('is taken over once it is truly cut off, and then posts nothing: one finished answer in the thread', async () => {
    const live = await liveReplica();
    // Its beats go through a connection of their own, which the test cuts while it streams.
    const beats = await open('live-beats');
    const liveBeat = await heartbeat(live.store, beats.db as Kysely<unknown>);
    const other = await recoveringReplica();
    const question = await ask();
    await live.generator.reached;
    await h.slack.waitFor(() => botMessages(question.ts).length > 0);
    await beats.close();
    await expect.poll(() => liveBeat.held(), { timeout: 30_000, interval: INTERVAL_MS }).toBe(false);

    await expect
      .poll(
        async () => {
          await other.recovery.tick();
          return other.outcomes;
        },
        { timeout: 60_000, interval: INTERVAL_MS },
      )
      .toEqual(['answered']);
    const takenOver = h.slack.calls.length;
    live.generator.open();
    await h.slack.waitFor(() => live.results.length === 1);
    expect(live.results[0]!.superseded).toBe(true);
    // Not a word more from the cut-off worker: no post, no edit of the answer put in its place.
    const writes = h.slack.calls.slice(takenOver).filter((c) => /^chat\./.test(c.method));
    expect(writes.map((c) => c.method)).toEqual([]);

    const messages = botMessages(question.ts);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.streaming).toBe(false);
    expect(JSON.stringify(messages[0]!.blocks)).toContain('feedback');
    const row = await other.store.db
      .selectFrom('questions')
      .select(['status', 'attempts'])
      .executeTakeFirst();
    expect(row).toEqual({ status: 'answered', attempts: 1 });
  });
});
