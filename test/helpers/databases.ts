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

/**
 * Opens a store in its schema. kysely's migration introspection calls has_schema_privilege on the
 * name of every schema it lists, so another test file dropping its own schema at that moment makes
 * it fail with 'schema "t_…" does not exist' (3F000) naming the other schema: a race between tests
 * sharing the database, retried here; an error naming this test's own schema is not.
 */
async function openPostgres(dataDir: string, databaseUrl: string, schema: string): Promise<Store> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await Store.open({ dataDir, databaseUrl });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const otherSchemaDropped = cause?.code === '3F000' && !cause.message?.includes(schema);
      if (!otherSchemaDropped || attempt === 5) throw error;
    }
  }
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
    open: () => openPostgres(dataDir, databaseUrl, schema),
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
