import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Logger, silentLogger } from '../../src/core/log.js';
import { KnowledgeIndex } from '../../src/rag/knowledge-index.js';
import type { Store } from '../../src/store/store.js';
import { loadBytes } from '../../ingest/load-file.js';
import { type SyncDeps, storeDocument } from '../../ingest/sync.js';
import { sqliteDatabase, type TestDatabase } from '../helpers/databases.js';

async function add(store: Store, index: KnowledgeIndex, name: string, text: string): Promise<void> {
  const deps: SyncDeps = {
    documents: store.documents,
    index,
    detectLanguage: () => 'en',
    detectInjection: () => false,
    logger: silentLogger,
  };
  await storeDocument(deps, {
    source: name,
    doc: await loadBytes(name, Buffer.from(text)),
    contentHash: text,
  });
}

const titles = (index: KnowledgeIndex, query: string) => index.lexical.searchText(query, 10, 'en').length;

describe('knowledge index lifecycle', () => {
  let db: TestDatabase;
  let store: Store;
  beforeEach(async () => {
    db = sqliteDatabase();
    store = await db.open();
  });
  afterEach(async () => {
    await store.close();
    await db.dispose();
  });

  const open = () =>
    KnowledgeIndex.open({ dataDir: db.dataDir, chunks: store.documents, logger: silentLogger });

  it('never labels a snapshot with a version it does not hold when two processes write at once', async () => {
    const a = await open();
    const b = await open();
    await add(store, a, 'parking.md', '# Parking\nThe car park opens at seven.');
    await add(store, b, 'canteen.md', '# Canteen\nThe canteen serves lunch from noon.');
    await a.persist(); // a holds only parking, but the database has both: a rebuilds
    expect(titles(a, 'canteen lunch')).toBe(1);
    expect(titles(a, 'car park')).toBe(1);
    const fresh = await open(); // loads a's snapshot
    expect(titles(fresh, 'canteen lunch')).toBe(1);
    expect(titles(fresh, 'car park')).toBe(1);
  });

  it('picks up changes another process made, with refresh, and not its own', async () => {
    const server = await open();
    const cli = await open();
    expect(await server.refresh()).toBe(false);
    await add(store, cli, 'vpn.md', '# VPN\nOpen the VPN client.');
    await cli.persist();
    expect(titles(server, 'vpn client')).toBe(0);
    expect(await server.refresh()).toBe(true);
    expect(titles(server, 'vpn client')).toBe(1);
    await add(store, server, 'wifi.md', '# Wi-Fi\nJoin the staff network.');
    expect(await server.refresh()).toBe(false);
  });

  it('brings an older snapshot up to date from the change log at start, and rebuilds when the log cannot', async () => {
    const events: { event: string; mode?: unknown }[] = [];
    const logger: Logger = (_level, event, fields) => events.push({ event, mode: fields?.mode });
    const at = (dir: string, log: Logger = silentLogger) =>
      KnowledgeIndex.open({ dataDir: `${db.dataDir}/${dir}`, chunks: store.documents, logger: log });
    const old = await at('old');
    await add(store, old, 'parking.md', '# Parking\nThe car park opens at seven.');
    await old.persist();
    const other = await at('other');
    await add(store, other, 'canteen.md', '# Canteen\nThe canteen serves lunch from noon.');
    await add(store, other, 'parking.md', '# Parking\nThe car park opens at eight.');

    const caughtUp = await at('old', logger);
    expect(events.filter((e) => e.event === 'index.rebuilt')).toEqual([]);
    expect(events).toContainEqual({ event: 'index.refreshed', mode: 'incremental' });
    expect(titles(caughtUp, 'canteen lunch')).toBe(1);
    expect(titles(caughtUp, 'eight')).toBe(1);
    expect(titles(caughtUp, 'seven')).toBe(0);

    // A snapshot from before the log (or further behind than it keeps): rebuilt from the database.
    await add(store, other, 'vpn.md', '# VPN\nOpen the VPN client.');
    await store.db.deleteFrom('index_changes').execute();
    events.length = 0;
    expect(await caughtUp.refresh()).toBe(true);
    expect(events).toContainEqual({ event: 'index.refreshed', mode: 'rebuild' });
    expect(titles(caughtUp, 'vpn client')).toBe(1);
    expect(caughtUp.size).toBe(other.size);
  });
});
