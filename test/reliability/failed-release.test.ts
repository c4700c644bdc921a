/**
 * A claim given up while the database does not take it, on real SQLite and PostgreSQL: the live
 * worker's lease has lapsed, so it must not post and releases its claim, but the questions table is
 * locked by another session at that moment. The release is kept and retried on the next round, after
 * which another replica recovers the question; before, it stayed this live process's forever.
 */
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/log.js';
import type { IncomingQuestion, Principal } from '../../src/core/types.js';
import { WorkerHeartbeat } from '../../src/reliability/worker-heartbeat.js';
import type { ReliabilityDatabase } from '../../src/store/question-repository.js';
import { Store } from '../../src/store/store.js';
import { DIALECTS, type TestDatabase } from '../helpers/databases.js';

const ALICE: Principal = { email: 'alice@corp.example', groups: [] };
const QUESTION: IncomingQuestion = {
  text: 'How do I connect to the VPN?',
  asker: ALICE,
  place: { platform: 'slack', kind: 'dm', channelId: 'D1', readers: [ALICE] },
  history: [],
};

describe.each(DIALECTS)('a release the database does not take, on $name', ({ name, create }) => {
  let db: TestDatabase;
  let live: Store;
  let other: Store;

  beforeEach(async () => {
    db = await create();
    // A short statement limit, so that a release waiting for the lock fails soon (PostgreSQL).
    live = await Store.open({ dataDir: db.dataDir, databaseUrl: db.databaseUrl, statementTimeoutMs: 500 });
    other = await db.open();
  });
  afterEach(async () => {
    await live.close();
    await other.close();
    await db.dispose();
  });

  /** Another session holds the questions table (no write goes through) until `unlock`. */
  async function lockQuestions(): Promise<() => Promise<void>> {
    if (name === 'postgres') {
      const client = new pg.Client({ connectionString: db.databaseUrl });
      await client.connect();
      await client.query('begin');
      await client.query('lock table questions in exclusive mode');
      return async () => {
        await client.query('commit');
        await client.end();
      };
    }
    if (live.location.dialect !== 'sqlite') throw new Error('unreachable');
    const sqlite = new Sqlite(live.location.file, { fileMustExist: true });
    sqlite.exec('begin exclusive');
    return async () => {
      sqlite.exec('commit');
      sqlite.close();
    };
  }

  it('is retried on the next round, and the question is then recovered', async () => {
    // The live worker beats (its row in `workers`): nobody takes its claims over.
    const beat = new WorkerHeartbeat({
      db: live.db as unknown as Kysely<ReliabilityDatabase>,
      dialect: live.dialect,
      worker: live.questions.worker,
      intervalMs: 60_000,
      logger: silentLogger,
    });
    await beat.start();
    const id = await live.questions.create(QUESTION);
    // Its lease lapsed and cannot be renewed: it must not post, and gives its claim up.
    live.questions.useLease({ held: () => false, renew: async () => false });
    const unlock = await lockQuestions();
    try {
      expect(await live.questions.beginDelivery(id, 0)).toBe(false);
      expect(await live.questions.retryReleases()).toBe(1);
    } finally {
      await unlock();
    }
    // Still this live process's: nobody recovers it yet.
    const claim = () =>
      other.questions.claimAbandoned({
        olderThanMs: 0,
        silentForMs: 60_000,
        limit: 10,
        platforms: ['slack'],
      });
    expect(await claim()).toEqual([]);

    expect(await live.questions.retryReleases()).toBe(0);
    expect((await claim()).map((q) => q.id)).toEqual([id]);
    await beat.stop();
  });
});
