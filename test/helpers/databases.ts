import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Store } from '../../src/store/store.js';

/** PostgreSQL used by the tests (CI and developer machines run one on loopback with trust auth). */
export const TEST_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  readonly name: 'sqlite' | 'postgres';
  /** DATABASE_URL for a child process (undefined = SQLite under dataDir). */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

/** A fresh SQLite file in a temp dir. */
export function sqliteDatabase(): TestDatabase {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'polydesk-test-'));
  return {
    name: 'sqlite',
    databaseUrl: undefined,
    dataDir,
    open: () => Store.open({ dataDir }),
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh schema in the shared PostgreSQL test database, selected through search_path. */
export async function postgresDatabase(): Promise<TestDatabase> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  // No parallel workers: a catalog query that goes parallel under load can fail in a worker with
  // 'schema "t_…" does not exist' for a schema created a moment before (seen in CI during migrations).
  const options = `-c search_path=${schema} -c max_parallel_workers_per_gather=0`;
  const databaseUrl = `${TEST_POSTGRES_URL}?options=${encodeURIComponent(options)}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'polydesk-test-'));
  return {
    name: 'postgres',
    databaseUrl,
    dataDir,
    open: () => Store.open({ dataDir, databaseUrl }),
    async dispose() {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The dialects every repository test runs against. */
export const DIALECTS: readonly { name: 'sqlite' | 'postgres'; create: () => Promise<TestDatabase> }[] = [
  { name: 'sqlite', create: async () => sqliteDatabase() },
  { name: 'postgres', create: postgresDatabase },
];
