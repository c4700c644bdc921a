/**
 * The PostgreSQL pool's statement timeout, against the real server: a statement stuck behind a
 * lock, or simply too long, fails with an error that names the limit and what to look at, and the
 * pool goes on working. Migrations run without the limit.
 */
import pg from 'pg';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ConfigError, PolyDeskError } from '../../src/core/errors.js';
import { Store } from '../../src/store/store.js';
import { postgresDatabase, type TestDatabase } from '../helpers/databases.js';

describe('PostgreSQL statement timeout', () => {
  let db: TestDatabase;
  let store: Store;
  beforeEach(async () => {
    db = await postgresDatabase();
    store = await Store.open({ dataDir: db.dataDir, databaseUrl: db.databaseUrl, statementTimeoutMs: 300 });
  });
  afterEach(async () => {
    await store?.close();
    await db?.dispose();
  });

  it('fails a statement stuck behind another session’s lock with a clear error, then works again', async () => {
    const holder = new pg.Client({ connectionString: db.databaseUrl });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('lock table questions in access exclusive mode');
      const stuck = store.questions.get('q-1');
      await expect(stuck).rejects.toBeInstanceOf(PolyDeskError);
      await expect(stuck).rejects.toThrow(/DATABASE_STATEMENT_TIMEOUT_MS=300.*lock/);
      await expect(stuck).rejects.toMatchObject({ code: 'STORE_FAILED' });
    } finally {
      await holder.query('rollback');
      await holder.end();
    }
    expect(await store.questions.get('q-1')).toBeUndefined();
    expect(await store.ping()).toBe(true);
  });

  it('fails a statement that runs too long', async () => {
    await expect(sql`select pg_sleep(5)`.execute(store.db)).rejects.toThrow(
      /ran longer than DATABASE_STATEMENT_TIMEOUT_MS=300 and PostgreSQL cancelled it/,
    );
  });

  it('spares the whole-table read of the leakage scanner: it waits out a lock that cancels a question’s statement', async () => {
    const holder = new pg.Client({ connectionString: db.databaseUrl });
    await holder.connect();
    let scan: Promise<unknown> | undefined;
    try {
      await holder.query('begin');
      await holder.query('lock table chunks in access exclusive mode');
      scan = store.documents.restrictedChunks();
      // A statement under the limit, behind the same lock, is cancelled meanwhile; the scan is not.
      await expect(store.documents.getChunks(['c-1'])).rejects.toThrow(/DATABASE_STATEMENT_TIMEOUT_MS=300/);
      const settled = await Promise.race([scan.then(() => 'settled'), Promise.resolve('waiting')]);
      expect(settled).toBe('waiting');
    } finally {
      await holder.query('rollback');
      await holder.end();
    }
    expect(await scan).toEqual([]);
  });

  it('is configured by DATABASE_STATEMENT_TIMEOUT_MS, 30 s by default, and refuses a limit too small to be meant', () => {
    expect(loadConfig({}).databaseStatementTimeoutMs).toBe(30_000);
    expect(loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '0' }).databaseStatementTimeoutMs).toBe(0);
    expect(() => loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '50' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '50' })).toThrow(
      /DATABASE_STATEMENT_TIMEOUT_MS/,
    );
  });
});
