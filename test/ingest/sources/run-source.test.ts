import { mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/log.js';
import { detectLanguage } from '../../../src/inference/language.js';
import { KnowledgeIndex } from '../../../src/rag/knowledge-index.js';
import type { Store } from '../../../src/store/store.js';
import { type SourceDefinition, parseSources } from '../../../ingest/sources/sources-file.js';
import { FolderSource } from '../../../ingest/sources/folder-source.js';
import { runSource } from '../../../ingest/sources/run-source.js';
import type { SourceChanges, SourceConnector, SourceItem } from '../../../ingest/sources/source-types.js';
import { type SyncDeps, syncPaths } from '../../../ingest/sync.js';
import { FakeEmbedder } from '../../fakes/fake-embedder.js';
import { DIALECTS, type TestDatabase } from '../../helpers/databases.js';
import { countingFetches } from '../../helpers/counting-connector.js';

/** An incremental source in memory: each listing returns what the test queued, with a cursor. */
class ScriptedSource implements SourceConnector {
  readonly type = 'scripted';
  readonly cursors: (string | undefined)[] = [];
  next: SourceChanges = { complete: true, items: [], deleted: [] };
  async listChanges(cursor: string | undefined): Promise<SourceChanges> {
    this.cursors.push(cursor);
    return this.next;
  }
}

function page(key: string, text: string, version: string, extra: Partial<SourceItem> = {}): SourceItem {
  return {
    key,
    source: `https://wiki.example/pages/${key}`,
    name: `${key}.md`,
    version,
    fetch: async () => new TextEncoder().encode(text),
    ...extra,
  };
}

describe.each(DIALECTS)('running a synced source on $name', ({ create }) => {
  let database: TestDatabase;
  let store: Store;
  let index: KnowledgeIndex;
  let embedder: FakeEmbedder;
  let sync: SyncDeps;
  let folder: string;
  let cwd: string;

  const definition = (name: string, text = `- {name: ${name}, type: folder, path: ./kb, every: 1m}`) =>
    parseSources(text, path.join(cwd, 'sources.yaml'), () => undefined)[0] as SourceDefinition;
  const deps = (holder = 'replica-a') => ({
    sync,
    sources: store.sources,
    maxFileBytes: 1024 * 1024,
    holder,
  });
  const folderSource = (def: SourceDefinition) =>
    countingFetches(
      new FolderSource(def.settings as never, {
        env: {},
        logger: silentLogger,
        sourceName: def.name,
        baseDir: cwd,
        cwd,
        maxFileBytes: 1024 * 1024,
      }),
    );
  const embedded = () => embedder.calls.reduce((n, c) => n + c.texts.length, 0);

  beforeAll(async () => {
    database = await create();
    store = await database.open();
    index = await KnowledgeIndex.open({
      dataDir: database.dataDir,
      chunks: store.documents,
      logger: silentLogger,
    });
    embedder = new FakeEmbedder();
    sync = {
      documents: store.documents,
      index,
      detectLanguage: (t) => detectLanguage(t),
      detectInjection: () => false,
      embed: (texts) => embedder.embed(texts, 'passage'),
      embeddingModel: embedder.modelId,
      logger: silentLogger,
    };
    cwd = mkdtempSync(path.join(tmpdir(), 'polydesk-sources-'));
    folder = path.join(cwd, 'kb');
    mkdirSync(path.join(folder, 'hr'), { recursive: true });
    writeFileSync(
      path.join(folder, 'hr', 'leave.md'),
      '# Leave\n\nEmployees get 25 days of paid leave a year.\n',
    );
    writeFileSync(path.join(folder, 'vpn.md'), '# VPN\n\nConnect to vpn.corp.example with your badge.\n');
    writeFileSync(path.join(folder, 'lunch.txt'), 'The canteen opens at noon on weekdays.\n');
    writeFileSync(path.join(folder, 'budget.xlsx'), 'not a supported type');
  });

  afterAll(async () => {
    await store.close();
    await database.dispose();
    rmSync(cwd, { recursive: true, force: true });
  });

  it('stores a folder on the first run, then fetches nothing while nothing changed', async () => {
    const def = definition('handbook');
    const first = await runSource(deps(), def, folderSource(def));
    expect(first.status).toBe('ok');
    expect(first.added.sort()).toEqual(['kb/hr/leave.md', 'kb/lunch.txt', 'kb/vpn.md']);
    expect(first.skipped).toEqual([
      { item: 'kb/budget.xlsx', reason: expect.stringContaining('unsupported') },
    ]);
    expect((await store.documents.getBySource('kb/vpn.md'))?.audience).toEqual(['all']);
    expect(embedded()).toBeGreaterThan(0);

    const before = embedded();
    const connector = folderSource(def);
    const second = await runSource(deps(), def, connector);
    expect(second).toMatchObject({ status: 'ok', added: [], updated: [], removed: [], unchanged: 3 });
    expect(connector.fetched).toEqual([]);
    expect(embedded()).toBe(before);
    const state = await store.sources.state('handbook');
    expect(state).toMatchObject({ status: 'ok', items: 3, unchanged: 3, failed: 0 });
  });

  it('re-embeds a changed file, but not one only touched', async () => {
    const def = definition('handbook');
    writeFileSync(
      path.join(folder, 'vpn.md'),
      '# VPN\n\nConnect to vpn2.corp.example with your badge and PIN.\n',
    );
    const future = new Date(Date.now() + 60_000);
    utimesSync(path.join(folder, 'lunch.txt'), future, future);
    const before = embedded();
    const report = await runSource(deps(), def, folderSource(def));
    expect(report).toMatchObject({ status: 'ok', updated: ['kb/vpn.md'], unchanged: 2 });
    const vpnChunks = embedder.calls.slice(-1)[0]?.texts.join(' ');
    expect(vpnChunks).toContain('vpn2.corp.example');
    expect(
      embedder.calls
        .flatMap((c) => c.texts)
        .slice(before)
        .join(' '),
    ).not.toContain('canteen');
    const chunks = await store.documents.documentChunks([
      (await store.documents.getBySource('kb/vpn.md'))!.id,
    ]);
    expect([...chunks.values()][0]?.map((c) => c.text).join(' ')).toContain('vpn2.corp.example');
  });

  it('moves a renamed file without embedding it again, and removes a deleted one', async () => {
    const def = definition('handbook');
    const leave = await store.documents.getBySource('kb/hr/leave.md');
    mkdirSync(path.join(folder, 'people'));
    renameSync(path.join(folder, 'hr', 'leave.md'), path.join(folder, 'people', 'time-off.md'));
    rmSync(path.join(folder, 'lunch.txt'));
    const before = embedded();
    const report = await runSource(deps(), def, folderSource(def));
    expect(report.status).toBe('ok');
    expect(report.moved).toEqual([{ from: 'kb/hr/leave.md', to: 'kb/people/time-off.md' }]);
    expect(report.removed).toEqual(['kb/lunch.txt']);
    expect(report.added).toEqual([]);
    expect(embedded()).toBe(before);
    expect(await store.documents.getBySource('kb/hr/leave.md')).toBeUndefined();
    expect((await store.documents.getBySource('kb/people/time-off.md'))?.id).toBe(leave?.id);
    expect(await store.documents.getBySource('kb/lunch.txt')).toBeUndefined();
    // Unchanged on the next run under its new name.
    const again = await runSource(deps(), def, folderSource(def));
    expect(again).toMatchObject({ unchanged: 2, moved: [], added: [] });
  });

  it('keeps the old version of an item that fails and takes the new one when it is fixed', async () => {
    const def = definition('handbook');
    const vpn = await store.documents.getBySource('kb/vpn.md');
    writeFileSync(path.join(folder, 'vpn.md'), '');
    const report = await runSource(deps(), def, folderSource(def));
    expect(report.status).toBe('partial');
    expect(report.failed).toEqual([{ item: 'kb/vpn.md', reason: expect.stringContaining('empty') }]);
    expect((await store.documents.getBySource('kb/vpn.md'))?.contentHash).toBe(vpn?.contentHash);
    expect(await store.sources.state('handbook')).toMatchObject({ status: 'partial', failed: 1 });

    writeFileSync(path.join(folder, 'vpn.md'), '# VPN\n\nThe VPN now needs the authenticator app.\n');
    const fixed = await runSource(deps(), def, folderSource(def));
    expect(fixed).toMatchObject({ status: 'ok', updated: ['kb/vpn.md'], failed: [] });
  });

  it('lets one holder of the lease run a source at a time; an expired lease is taken over', async () => {
    const def = definition('handbook');
    expect(await store.sources.acquireLease('handbook', 'replica-b', 60_000)).toBe(true);
    const blocked = await runSource(deps('replica-a'), def, folderSource(def));
    expect(blocked.status).toBe('busy');
    await store.sources.releaseLease('handbook', 'replica-b');
    // A holder that crashed: its lease ran out a second ago.
    expect(await store.sources.acquireLease('handbook', 'replica-b', -1_000)).toBe(true);
    const taken = await runSource(deps('replica-a'), def, folderSource(def));
    expect(taken.status).toBe('ok');
  });

  it('adopts a document that `polydesk ingest` stored under the same path without embedding it again', async () => {
    writeFileSync(path.join(cwd, 'faq.md'), '# FAQ\n\nParking is free for visitors.\n');
    mkdirSync(path.join(cwd, 'faq'));
    renameSync(path.join(cwd, 'faq.md'), path.join(cwd, 'faq', 'parking.md'));
    const ingested = await syncPaths(sync, { paths: ['faq'], maxBytes: 1024 * 1024, cwd });
    expect(ingested.added).toEqual(['faq/parking.md']);
    const before = embedded();
    const def = definition('faq', '- {name: faq, type: folder, path: ./faq, audience: [staff]}');
    const report = await runSource(deps(), def, folderSource(def));
    expect(report).toMatchObject({ status: 'ok', updated: ['faq/parking.md'], added: [] });
    expect(embedded()).toBe(before);
    // The source's audience applies to what it adopted.
    expect((await store.documents.getBySource('faq/parking.md'))?.audience).toEqual(['staff']);
    // Another source may not take a document this one holds.
    const other = definition('faq-copy', '- {name: faq-copy, type: folder, path: ./faq}');
    const refused = await runSource(deps(), other, folderSource(other));
    expect(refused.failed).toEqual([
      { item: 'faq/parking.md', reason: expect.stringContaining('already synced by source "faq"') },
    ]);
  });

  it('follows an incremental source: deletions, permissions, and the cursor only after a clean run', async () => {
    const def = definition('wiki', '- {name: wiki, type: folder, path: ./kb, audience: [staff]}');
    const wiki = new ScriptedSource();
    wiki.next = {
      complete: true,
      items: [
        page('p1', '# Expenses\n\nSubmit receipts within 30 days.\n', 'v1', { title: 'Expense policy' }),
        page('p2', '# Travel\n\nBook trains through the portal.\n', 'v1', { headingPath: ['Finance'] }),
      ],
      deleted: [],
      cursor: 'c1',
    };
    const first = await runSource(deps(), def, wiki);
    expect(first.added).toHaveLength(2);
    const p1 = await store.documents.getBySource('https://wiki.example/pages/p1');
    expect(p1).toMatchObject({ title: 'Expense policy', audience: ['staff'] });
    const p2 = await store.documents.getBySource('https://wiki.example/pages/p2');
    const p2Chunks = await store.documents.documentChunks([p2!.id]);
    expect([...p2Chunks.values()][0]?.[0]?.headingPath[0]).toBe('Finance');

    // Restricted at the source, same content: the access changes, nothing is embedded again.
    const before = embedded();
    wiki.next = {
      complete: false,
      items: [
        page('p1', '# Expenses\n\nSubmit receipts within 30 days.\n', 'v1', {
          title: 'Expense policy',
          audience: ['finance'],
          classification: 'confidential',
        }),
        page('p3', '# Cars\n\nPool cars.\n', 'v1', {
          fetch: async () => {
            throw new Error('socket hang up');
          },
        }),
      ],
      deleted: ['p2'],
      cursor: 'c2',
    };
    const second = await runSource(deps(), def, wiki);
    expect(second).toMatchObject({ status: 'partial', removed: ['https://wiki.example/pages/p2'] });
    expect(second.updated).toEqual(['https://wiki.example/pages/p1']);
    expect(embedded()).toBe(before);
    expect(await store.documents.getBySource('https://wiki.example/pages/p1')).toMatchObject({
      audience: ['finance'],
      classification: 'confidential',
    });
    expect(wiki.cursors).toEqual([undefined, 'c1']);

    // p3's download failed: the cursor stayed at c1, so the next listing starts there again.
    wiki.next = {
      complete: false,
      items: [page('p3', '# Cars\n\nPool cars.\n', 'v2')],
      deleted: [],
      cursor: 'c3',
    };
    const third = await runSource(deps(), def, wiki);
    expect(third).toMatchObject({ status: 'ok', added: ['https://wiki.example/pages/p3'] });
    expect(wiki.cursors).toEqual([undefined, 'c1', 'c1']);
    wiki.next = { complete: false, items: [], deleted: [], cursor: 'c4' };
    await runSource(deps(), def, wiki);
    expect(wiki.cursors.at(-1)).toBe('c3');
  });
  it("never lets a file's front matter widen the permissions a connector mapped; it may narrow them", async () => {
    const def = definition(
      'shared',
      '- {name: shared, type: folder, path: ./kb, classification: confidential}',
    );
    const drive = new ScriptedSource();
    const widening =
      '---\naudience: [all]\nclassification: public\n---\n# Bonus\n\nBonuses are paid in March.\n';
    const narrowing = '---\naudience: [hr-leads]\n---\n# Reviews\n\nReviews close in May.\n';
    drive.next = {
      complete: true,
      items: [
        page('d1', widening, 'v1', { audience: ['hr'] }),
        page('d2', narrowing, 'v1', { audience: ['all'] }),
      ],
      deleted: [],
    };
    expect((await runSource(deps(), def, drive)).added).toHaveLength(2);
    expect(await store.documents.getBySource('https://wiki.example/pages/d1')).toMatchObject({
      audience: ['hr'],
      classification: 'confidential',
    });
    expect(await store.documents.getBySource('https://wiki.example/pages/d2')).toMatchObject({
      audience: ['hr-leads'],
    });
  });
  it('removes a stored item that the source now skips (renamed to a type no loader reads)', async () => {
    const def = definition('drive2', '- {name: drive2, type: folder, path: ./kb}');
    const drive = new ScriptedSource();
    drive.next = {
      complete: true,
      items: [page('x1', '# Plan\n\nThe plan is due in June.\n', 'v1')],
      deleted: [],
    };
    expect((await runSource(deps(), def, drive)).added).toEqual(['https://wiki.example/pages/x1']);
    drive.next = {
      complete: false,
      items: [],
      deleted: [],
      skipped: [
        { key: 'x1', source: 'https://wiki.example/pages/x1.xlsx', reason: 'unsupported file type ".xlsx"' },
      ],
    };
    const second = await runSource(deps(), def, drive);
    expect(second.removed).toEqual(['https://wiki.example/pages/x1']);
    expect(second.skipped).toHaveLength(1);
    expect(await store.documents.getBySource('https://wiki.example/pages/x1')).toBeUndefined();
  });
  it('moves the cursor past an item that fails for its content, which is offered again once it changes', async () => {
    const def = definition('wiki3', '- {name: wiki3, type: folder, path: ./kb}');
    const wiki = new ScriptedSource();
    wiki.next = { complete: false, items: [page('e1', '', 'v1')], deleted: [], cursor: 'k1' };
    const first = await runSource(deps(), def, wiki);
    expect(first.status).toBe('partial');
    expect(first.failed[0]?.reason).toContain('empty');
    wiki.next = {
      complete: false,
      items: [page('e1', '# Fixed\n\nNow it has text.\n', 'v2')],
      deleted: [],
      cursor: 'k2',
    };
    expect((await runSource(deps(), def, wiki)).added).toEqual(['https://wiki.example/pages/e1']);
    expect(wiki.cursors).toEqual([undefined, 'k1']);
  });

  it('keeps every document when a complete listing comes back empty, unless the source allows it', async () => {
    const def = definition('share', '- {name: share, type: folder, path: ./kb}');
    const share = new ScriptedSource();
    share.next = {
      complete: true,
      items: [page('s1', '# Desk\n\nHot desks on floor 3.\n', 'v1')],
      deleted: [],
    };
    expect((await runSource(deps(), def, share)).added).toHaveLength(1);
    share.next = { complete: true, items: [], deleted: [] };
    const unmounted = await runSource(deps(), def, share);
    expect(unmounted.status).toBe('failed');
    expect(unmounted.error).toContain('allowEmpty: true');
    expect(unmounted.removed).toEqual([]);
    expect(await store.documents.getBySource('https://wiki.example/pages/s1')).toBeDefined();
    const allowing = definition('share', '- {name: share, type: folder, path: ./kb, allowEmpty: true}');
    expect((await runSource(deps(), allowing, share)).removed).toEqual(['https://wiki.example/pages/s1']);
  });

  it("caps an unrestricted item of a permission-mapped source at the source's audience, whatever its front matter says", async () => {
    const def = {
      ...definition('wiki4', '- {name: wiki4, type: folder, path: ./kb, audience: [hr]}'),
      type: 'confluence',
    };
    const wiki = new ScriptedSource();
    const open = '---\naudience: [all]\nclassification: public\n---\n# Notes\n\nOffsite in Lisbon.\n';
    wiki.next = { complete: true, items: [page('n1', open, 'v1')], deleted: [] };
    expect((await runSource(deps(), def, wiki)).added).toHaveLength(1);
    expect(await store.documents.getBySource('https://wiki.example/pages/n1')).toMatchObject({
      audience: ['hr'],
      classification: 'internal',
    });
  });

  it('does not record the end of a run for a holder that lost the lease', async () => {
    await store.sources.begin('leased');
    expect(await store.sources.acquireLease('leased', 'replica-b', 60_000)).toBe(true);
    const counts = { added: 7, updated: 0, unchanged: 0, removed: 0, failed: 0 };
    await store.sources.finish('leased', { status: 'ok', ...counts }, 'replica-a');
    expect((await store.sources.state('leased'))?.status).toBe('running');
    await store.sources.finish('leased', { status: 'ok', ...counts }, 'replica-b');
    expect((await store.sources.state('leased'))?.status).toBe('ok');
  });
});
