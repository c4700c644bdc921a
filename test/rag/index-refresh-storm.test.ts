import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/core/log.js';
import { silentLogger } from '../../src/core/log.js';
import { UNRESTRICTED } from '../../src/core/access.js';
import { createDenseRetriever } from '../../src/rag/dense-retriever.js';
import { createHybridRetriever } from '../../src/rag/hybrid-retriever.js';
import { type ChunkSource, KnowledgeIndex } from '../../src/rag/knowledge-index.js';
import { createLexicalRetriever } from '../../src/rag/lexical-retriever.js';
import type { Store } from '../../src/store/store.js';
import { FakeEmbedder } from '../fakes/fake-embedder.js';
import { DIALECTS, type TestDatabase } from '../helpers/databases.js';

const DOCS = 8;
const CHANGES = 60;
const embedder = new FakeEmbedder({ dimension: 32 });

/** Which document and which of its versions a chunk id belongs to, as the writer stored it. */
type Registry = Map<string, { doc: number; version: number; chunks: number }>;

async function write(store: Store, registry: Registry, doc: number, version: number): Promise<void> {
  const chunks = 2 + ((doc + version) % 4);
  const texts = Array.from(
    { length: chunks },
    (_, i) => `storm${doc} edition${version} part${i} badge parking canteen ${'word '.repeat(i)}`,
  );
  const vectors = await embedder.embed(texts, 'passage');
  const { chunks: stored } = await store.documents.upsert(
    {
      source: `doc-${doc}.md`,
      title: `Document ${doc}`,
      language: 'en',
      audience: ['all'],
      classification: doc % 3 === 0 ? 'public' : 'internal',
      contentHash: `${doc}-${version}`,
      injectionFlag: false,
    },
    texts.map((text, i) => ({ text, headingPath: [], language: 'en', embedding: vectors[i] })),
    embedder.modelId,
  );
  for (const c of stored) registry.set(c.id, { doc, version, chunks });
}

/** What the writer did to each document, in order: a write (its version) or a deletion (-1). */
type History = Map<number, number[]>;

/**
 * Every document the index holds, whole: all chunks of exactly one version, in both indexes; and each
 * document only ever moves forward through what the writer did to it (`shown`: where each look found
 * it), so it never vanishes unless a deletion came after what was shown before. A look that finds
 * chunks the writer has not registered yet (its commit reached the index before its own continuation
 * ran) checks nothing.
 */
function assertWholeDocuments(
  index: KnowledgeIndex,
  registry: Registry,
  progress?: { readonly history: History; readonly shown: Map<number, number> },
): boolean {
  const all = [...index.lexical.ids(), ...index.dense!.ids()];
  if (all.some((id) => !registry.has(id))) return false;
  if (progress) {
    const versions = new Map(
      [...index.lexical.ids()].map((id) => [registry.get(id)!.doc, registry.get(id)!.version]),
    );
    for (const [doc, events] of progress.history) {
      const before = progress.shown.get(doc) ?? 0;
      const version = versions.get(doc);
      const at =
        version === undefined
          ? events.findIndex((e, i) => i >= before && e === -1)
          : events.indexOf(version, before);
      if (version === undefined && before === 0 && events[0] !== -1 && !progress.shown.has(doc)) continue;
      expect(at, `document ${doc} went back (${events.join(',')} from ${before})`).toBeGreaterThanOrEqual(
        before,
      );
      progress.shown.set(doc, at);
    }
  }
  for (const ids of [[...index.lexical.ids()], [...index.dense!.ids()]]) {
    const byDoc = new Map<number, { versions: Set<number>; count: number; chunks: number }>();
    for (const id of ids) {
      const entry = registry.get(id)!;
      const seen = byDoc.get(entry.doc) ?? { versions: new Set(), count: 0, chunks: entry.chunks };
      seen.versions.add(entry.version);
      seen.count += 1;
      byDoc.set(entry.doc, seen);
    }
    for (const [, seen] of byDoc) {
      expect(seen.versions.size).toBe(1);
      expect(seen.count).toBe(seen.chunks);
    }
  }
  return true;
}

describe.each(DIALECTS)('index refresh on $name', ({ create }) => {
  let db: TestDatabase;
  const stores: Store[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await db.dispose();
  });

  async function replica(store: Store, dataDir: string, logger: Logger = silentLogger, chunks?: ChunkSource) {
    return KnowledgeIndex.open({ dataDir, chunks: chunks ?? store.documents, logger, embedder });
  }

  it('applies a storm of changes one refresh at a time, never half a document, ending equal to a fresh build', async () => {
    db = await create();
    const writer = await db.open();
    const reader = await db.open(); // another replica's connection
    stores.push(writer, reader);
    const registry: Registry = new Map();
    for (let doc = 0; doc < DOCS; doc++) await write(writer, registry, doc, 0);

    let active = 0;
    let overlapped = 0;
    let refreshes = 0;
    const logger: Logger = (_level, event) => {
      if (event === 'index.refresh_started') {
        active += 1;
        refreshes += 1;
        if (active > 1) overlapped += 1;
      }
      if (event === 'index.refreshed' && active > 0) active -= 1;
    };
    const index = await replica(reader, `${db.dataDir}/replica`, logger);
    const getChunks = (ids: readonly string[]) => reader.documents.getChunks(ids);
    const search = createHybridRetriever({
      lexical: createLexicalRetriever({ index: () => index.lexical, getChunks }),
      dense: createDenseRetriever({ embedder, index: () => index.dense!, getChunks }),
      mode: 'hybrid',
    });

    const progress = { history: new Map<number, number[]>(), shown: new Map<number, number>() };
    const did = (doc: number, event: number) =>
      progress.history.set(doc, [...(progress.history.get(doc) ?? []), event]);
    for (let doc = 0; doc < DOCS; doc++) did(doc, 0);
    let writing = true;
    const failures: unknown[] = [];
    let searches = 0;
    let checkedLooks = 0;
    const storm = (async () => {
      try {
        while (writing) {
          void index.refresh().catch((error: unknown) => failures.push(error));
          if (assertWholeDocuments(index, registry, progress)) checkedLooks += 1;
          await new Promise((resolve) => setImmediate(resolve));
        }
      } finally {
        writing = false; // a failed look ends the storm (and the searches) at once
      }
    })();
    const searching = (async () => {
      while (writing) {
        try {
          await search.retrieve({ text: 'badge parking canteen', readers: UNRESTRICTED, k: 10 });
          searches += 1;
        } catch (error) {
          failures.push(error);
        }
      }
    })();
    for (let change = 1; change <= CHANGES; change++) {
      const doc = change % DOCS;
      if (change % 7 === 0) {
        const existing = await writer.documents.getBySource(`doc-${doc}.md`);
        if (existing) {
          did(doc, -1); // before: the index may apply it before this continuation runs
          await writer.documents.delete(existing.id);
        }
      } else {
        // Two documents changed back to back, within the same millisecond more often than not.
        did(doc, change);
        did((doc + 3) % DOCS, change);
        await Promise.all([
          write(writer, registry, doc, change),
          write(writer, registry, (doc + 3) % DOCS, change),
        ]);
      }
    }
    writing = false;
    await Promise.all([storm, searching]);
    await index.refresh();

    expect(failures).toEqual([]);
    expect(overlapped).toBe(0);
    expect(refreshes).toBeGreaterThan(0);
    expect(searches).toBeGreaterThan(0);
    // Looks that found chunks the writer had not registered yet check nothing: most must check.
    expect(checkedLooks).toBeGreaterThan(0);
    expect(assertWholeDocuments(index, registry)).toBe(true);
    expect(index.contentVersion).toBe(await writer.documents.contentVersion());

    const fresh = await replica(writer, `${db.dataDir}/fresh`);
    expect([...index.lexical.ids()].sort()).toEqual([...fresh.lexical.ids()].sort());
    expect([...index.dense!.ids()].sort()).toEqual([...fresh.dense!.ids()].sort());
    const [query] = await embedder.embed(['badge parking canteen storm3'], 'query');
    for (const readers of [[], UNRESTRICTED] as const) {
      // Every vector the readers may see, with its score (ties in any order).
      const ranked = (i: KnowledgeIndex) =>
        i
          .dense!.search(query!, i.dense!.size, { readers }, { strategy: 'exact' })
          .map((h) => `${h.score.toFixed(5)}:${h.id}`)
          .sort();
      expect(ranked(index)).toEqual(ranked(fresh));
    }
    const scored = (i: KnowledgeIndex) =>
      i.lexical
        .searchText('storm3 badge edition5', 100, 'en')
        .map((h) => `${h.id}:${h.score.toFixed(5)}`)
        .sort();
    expect(scored(index)).toEqual(scored(fresh));
  }, 240_000);

  it('runs one refresh at a time and queues exactly one more for calls made during it', async () => {
    db = await create();
    const store = await db.open();
    stores.push(store);
    const registry: Registry = new Map();
    await write(store, registry, 0, 0);
    let held: Promise<void> | undefined;
    let looks = 0;
    const source: ChunkSource = {
      contentVersion: async () => {
        looks += 1;
        await held;
        return store.documents.contentVersion();
      },
      allChunks: (size) => store.documents.allChunks(size),
      changesSince: (version, limit) => store.documents.changesSince(version, limit),
      documentChunks: (ids) => store.documents.documentChunks(ids),
    };
    const index = await replica(store, db.dataDir, silentLogger, source);
    let release!: () => void;
    held = new Promise((resolve) => {
      release = resolve;
    });
    looks = 0;
    await write(store, registry, 1, 0);
    const first = index.refresh();
    while (looks === 0) await new Promise((resolve) => setImmediate(resolve));
    await write(store, registry, 2, 0);
    const second = index.refresh();
    const third = index.refresh();
    expect(third).toBe(second);
    expect(second).not.toBe(first);
    release();
    held = undefined;
    expect(await first).toBe(true);
    await second; // finds the second change already applied when the first read the version after it
    expect(looks).toBe(2);
    expect(assertWholeDocuments(index, registry)).toBe(true);
    expect(index.size).toBe([...registry.values()].length);
  });

  it('rebuilds the vectors of a replica once re-made vectors are announced', async () => {
    db = await create();
    const store = await db.open();
    stores.push(store);
    const texts = ['badge office hours', 'parking permits'];
    const { chunks } = await store.documents.upsert(
      {
        source: 'kb.md',
        title: 'KB',
        language: 'en',
        audience: ['all'],
        classification: 'internal',
        contentHash: 'kb',
        injectionFlag: false,
      },
      texts.map((text) => ({ text, headingPath: [], language: 'en', embedding: new Float32Array(8) })),
      'an-older-model',
    );
    const index = await replica(store, db.dataDir);
    expect(index.dense!.size).toBe(0); // vectors of another model are never mixed in
    const vectors = await embedder.embed(texts, 'passage');
    await store.documents.setEmbeddings(
      chunks.map((c, i) => ({ id: c.id, vector: vectors[i]! })),
      embedder.modelId,
    );
    expect(await index.refresh()).toBe(false);
    await store.documents.embeddingsChanged();
    expect(await index.refresh()).toBe(true);
    expect([...index.dense!.ids()].sort()).toEqual(chunks.map((c) => c.id).sort());
  });
});
