import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/log.js';
import type { Classification, Principal } from '../../src/core/types.js';
import { createLeakageIndex } from '../../src/guardrails/leakage-index.js';
import { createLeakageScanner } from '../../src/guardrails/leakage-scanner.js';
import { normalizeForScan } from '../../src/guardrails/normalize.js';
import { type Readers, UNRESTRICTED } from '../../src/core/access.js';
import { createDenseRetriever } from '../../src/rag/dense-retriever.js';
import { KnowledgeIndex } from '../../src/rag/knowledge-index.js';
import { createLexicalRetriever } from '../../src/rag/lexical-retriever.js';
import { type OnnxEmbedder, createOnnxEmbedder } from '../../src/rag/onnx-embedder.js';
import type { Retriever } from '../../src/rag/retriever.js';
import type { Store } from '../../src/store/store.js';
import { loadBytes } from '../../ingest/load-file.js';
import { type SyncDeps, storeDocument } from '../../ingest/sync.js';
import { writeTinyBertFolder } from '../fixtures/tiny-bert.js';
import { type TestDatabase, sqliteDatabase } from '../helpers/databases.js';

const DOCS: { source: string; audience: string[]; classification: Classification }[] = [
  { source: 'public.md', audience: ['all'], classification: 'public' },
  { source: 'internal.md', audience: ['all'], classification: 'internal' },
  { source: 'public-hr.md', audience: ['hr'], classification: 'public' },
  { source: 'restricted.md', audience: ['hr'], classification: 'restricted' },
];
const employee: Principal = { email: 'emp@example.com', groups: ['all'] };
const hr: Principal = { email: 'hr@example.com', groups: ['all', 'hr'] };

describe('access control fails closed (real store, real BM25 and HNSW indexes, real ONNX encoder)', () => {
  let db: TestDatabase;
  let store: Store;
  let embedder: OnnxEmbedder;
  let index: KnowledgeIndex;
  let lexical: Retriever;
  let dense: Retriever;

  beforeAll(async () => {
    db = sqliteDatabase();
    store = await db.open();
    embedder = await createOnnxEmbedder({
      modelDir: writeTinyBertFolder(path.join(db.dataDir, 'model')).dir,
      threads: 1,
      logger: silentLogger,
    });
    const deps: SyncDeps = {
      documents: store.documents,
      index: { apply: async () => {} },
      detectLanguage: () => 'en',
      detectInjection: () => false,
      embed: (texts) => embedder.embed(texts, 'passage'),
      embeddingModel: embedder.modelId,
      logger: silentLogger,
    };
    for (const doc of DOCS) {
      const text = `# Parking ${doc.source}\nParking permits for the garage are issued by reception (${doc.source}).`;
      await storeDocument(deps, {
        source: doc.source,
        doc: await loadBytes(doc.source, Buffer.from(text)),
        contentHash: text,
        audience: doc.audience,
        classification: doc.classification,
      });
    }
    // Built from the database alone: what a restarted replica searches.
    index = await KnowledgeIndex.open({
      dataDir: db.dataDir,
      chunks: store.documents,
      logger: silentLogger,
      embedder,
    });
    const getChunks = (ids: readonly string[]) => store.documents.getChunks(ids);
    lexical = createLexicalRetriever({ index: () => index.lexical, getChunks });
    dense = createDenseRetriever({ embedder, index: () => index.dense!, getChunks });
  });
  afterAll(async () => {
    await embedder?.close();
    await store?.close();
    await db?.dispose();
  });

  const sources = async (retriever: Retriever, readers: Readers) =>
    [
      ...new Set(
        (await retriever.retrieve({ text: 'parking permits garage', readers, k: 20 })).map((h) => h.source),
      ),
    ].sort();

  it.each([
    ['lexical', () => lexical],
    ['dense', () => dense],
  ])('%s: an empty reader list sees only public documents addressed to everyone', async (_, retriever) => {
    expect(await sources(retriever(), [])).toEqual(['public.md']);
  });

  it.each([
    ['lexical', () => lexical],
    ['dense', () => dense],
  ])(
    '%s: people see what their groups allow; the explicit unrestricted view sees all',
    async (_, retriever) => {
      expect(await sources(retriever(), [employee])).toEqual(['internal.md', 'public.md']);
      expect(await sources(retriever(), [hr])).toEqual([
        'internal.md',
        'public-hr.md',
        'public.md',
        'restricted.md',
      ]);
      expect(await sources(retriever(), UNRESTRICTED)).toEqual(DOCS.map((d) => d.source).sort());
    },
  );

  it('denies vectors that carry no access tag to everyone but the unrestricted view', async () => {
    const vectors = index.dense!;
    const [chunkId] = [...vectors.ids()];
    const [vector] = await embedder.embed(['parking permits garage'], 'query');
    // An untagged vector: the same chunk id, re-added without access information.
    vectors.add([chunkId!], [vector!]);
    const found = (readers: Readers) => vectors.search(vector!, 20, { readers }).map((h) => h.id);
    expect(found([])).not.toContain(chunkId);
    expect(found([hr])).not.toContain(chunkId);
    expect(vectors.search(vector!, 20).map((h) => h.id)).toContain(chunkId);
    expect(found(UNRESTRICTED)).toContain(chunkId);
  });
});

describe('the guardrail with an empty reader list', () => {
  it('counts a restricted passage as a leak, since nobody named may see it', () => {
    const passage =
      'The sales organisation will be merged into three regional units on 1 July, and the Osaka branch will close.';
    const scanner = createLeakageScanner(() =>
      createLeakageIndex([
        { docId: 'plan', text: passage, audience: ['board'], classification: 'restricted' },
      ]),
    );
    const text = normalizeForScan(`Rumour has it: ${passage}`).text;
    const leaks = (readers: Principal[]) => scanner.scan(text, { readers, sources: [], language: 'en' });
    expect(leaks([])).toEqual([expect.objectContaining({ type: 'leakage', docId: 'plan' })]);
    expect(leaks([{ email: 'ceo@example.com', groups: ['all', 'board'] }])).toEqual([]);
  });
});
