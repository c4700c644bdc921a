import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/log.js';
import type { Store } from '../../src/store/store.js';
import { createGuardParts } from '../../src/wiring/guardrails.js';
import { loadBytes } from '../../ingest/load-file.js';
import { type SyncDeps, storeDocument } from '../../ingest/sync.js';
import { AdminQueries } from '../../src/admin/admin-queries.js';
import { DIALECTS, type TestDatabase } from '../helpers/databases.js';

const RUNBOOK = [
  '# Restore runbook',
  '',
  'Connect to the restore host with these credentials: user restore_op, password Vb3#kq81Zt.',
  '',
  '```ini',
  'api_token = gH4kT9wQ2mZ7xR1pL6vN3bC8',
  '```',
].join('\n');

const CONTEXT = { readers: [{ email: 'a@corp.example', groups: ['all'] }], sources: [], language: 'en' };

describe.each(DIALECTS)('sensitive-value registry in the store on $name', ({ create }) => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    database = await create();
    store = await database.open();
  });
  afterEach(async () => {
    await store.close();
    await database.dispose();
  });

  const ingest = async (deps: Partial<SyncDeps>, text = RUNBOOK) =>
    storeDocument(
      {
        documents: store.documents,
        index: { apply: async () => {} },
        detectLanguage: () => 'en',
        detectInjection: () => false,
        logger: silentLogger,
        ...deps,
      },
      {
        source: 'it/restore.md',
        doc: await loadBytes('restore.md', Buffer.from(text)),
        contentHash: `h${text.length}`,
      },
    );

  it('registers a document at ingest, shares one key, and forgets the values when the document changes', async () => {
    const config = loadConfig({ DATA_DIR: database.dataDir }, database.dataDir);
    const parts = await createGuardParts({ store, config, logger: silentLogger });
    const { sensitive } = await ingest({ scanSensitive: (text) => parts.scanSensitive(text) });
    expect(sensitive).toMatchObject({ password: 1 });
    await parts.refresh();
    const leak = 'The restore password is Vb3#kq81Zt, the token gH4kT9wQ2mZ7xR1pL6vN3bC8.';
    expect((await parts.guard.check(leak, CONTEXT)).action).toBe('hold');

    // Another replica builds the same fingerprints from the same key.
    const replica = await createGuardParts({ store, config, logger: silentLogger });
    const spaced = 'Restore with V b 3 # k q 8 1 Z t.';
    expect((await replica.guard.check(spaced, CONTEXT)).findings.some((f) => f.docId)).toBe(true);

    await ingest(
      { scanSensitive: (text) => parts.scanSensitive(text) },
      '# Restore runbook\n\nAsk the on-call engineer.\n',
    );
    await parts.refresh();
    expect((await parts.guard.check(spaced, CONTEXT)).findings.some((f) => f.docId)).toBe(false);
    expect(JSON.stringify(await store.sensitive.all())).not.toContain('Vb3');
  });

  it('never stores a rescan of text that changed meanwhile, nor a second one of the same version', async () => {
    await ingest({});
    const [stale] = await store.documents.staleSensitive(1, 10);
    const scan = { version: 1, records: [] };
    // The document is replaced (new content) between the rescan's read and its write.
    await ingest({}, `${RUNBOOK}\nUpdated.\n`);
    expect(await store.documents.replaceSensitive(stale!.id, stale!.contentHash, scan)).toBe(false);
    const [fresh] = await store.documents.staleSensitive(1, 10);
    expect(await store.documents.replaceSensitive(fresh!.id, fresh!.contentHash, scan)).toBe(true);
    expect(await store.documents.replaceSensitive(fresh!.id, fresh!.contentHash, scan)).toBe(false);
    expect(await store.documents.staleSensitive(1, 10)).toEqual([]);
  });

  it('scans documents stored before the at-rest scan existed when the guardrails start', async () => {
    await ingest({});
    expect(await store.sensitive.all()).toEqual([]);
    const config = loadConfig({ DATA_DIR: database.dataDir }, database.dataDir);
    const parts = await createGuardParts({ store, config, logger: silentLogger });
    expect((await store.sensitive.all()).length).toBeGreaterThanOrEqual(2);
    const verdict = await parts.guard.check('Use token gH4kT9wQ2mZ7xR1pL6vN3bC8 for the API.', CONTEXT);
    expect(verdict.findings.some((f) => f.docId !== undefined)).toBe(true);
    const [doc] = await new AdminQueries(store).documentsToFix(10, 0);
    expect(doc?.source).toBe('it/restore.md');
    expect(doc?.findings).toBe(2);
    expect(JSON.stringify(doc)).not.toMatch(/Vb3#kq81Zt|gH4kT9wQ/);
  });
});
