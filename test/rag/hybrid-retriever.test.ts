import { describe, expect, it } from 'vitest';
import { ConfigError, ModelLoadError } from '../../src/core/errors.js';
import type { ChunkWithDoc, Classification, Principal } from '../../src/core/types.js';
import { type Readers, UNRESTRICTED } from '../../src/core/access.js';
import { Bm25Index } from '../../src/rag/bm25-index.js';
import { createDenseRetriever } from '../../src/rag/dense-retriever.js';
import { createHybridRetriever, type RetrievalMode } from '../../src/rag/hybrid-retriever.js';
import { createLexicalRetriever, indexableText } from '../../src/rag/lexical-retriever.js';
import type { Retriever } from '../../src/rag/retriever.js';
import { VectorIndex } from '../../src/rag/vector-index.js';
import { FakeEmbedder } from '../fakes/fake-embedder.js';

function chunk(
  id: string,
  text: string,
  audience = ['all'],
  classification: Classification = 'internal',
): ChunkWithDoc {
  return {
    id,
    docId: `doc-${id}`,
    ordinal: 0,
    text,
    headingPath: [],
    language: 'en',
    source: `kb/${id}.md`,
    title: '',
    audience,
    classification,
  };
}

const CHUNKS = [
  chunk('password', 'To reset your password, open the self-service portal and choose forgot password.'),
  chunk('vpn', 'The VPN client must be connected before you can reach the intranet from home.'),
  chunk('leave', 'Annual leave requests are approved by your manager in the HR system.'),
  chunk('expenses', 'Expense reports need receipts for every item above 25 euros.'),
  chunk(
    'printer',
    'Printers on the third floor are managed by facilities; report paper jams to the service desk.',
  ),
  chunk('laptop', 'Laptops are replaced every four years; request a new laptop in the IT portal.'),
  chunk('wifi', 'Guests connect to the Guest wireless network and accept the terms of use.'),
  chunk('parking', 'Parking permits are issued by reception for a monthly fee.'),
  chunk(
    'salary',
    'Salary bands 2026: engineering level 3 earns between 70 and 85 thousand.',
    ['hr'],
    'confidential',
  ),
  chunk('onboarding', 'New employees receive their badge and laptop on the first day.'),
];

/** Translations and paraphrases the fake model "understands"; BM25 does not. */
const CONCEPTS = [
  ['password', 'contraseña', 'passwort', '密码', 'credentials'],
  ['reset', 'restablecer', 'zurücksetzen', '重置', 'recover'],
  ['salary', 'salario', 'gehalt', 'pay', 'compensation'],
  ['leave', 'vacaciones', 'urlaub', 'holiday', 'holidays', 'vacation'],
  ['wireless', 'wifi', 'wi-fi', 'wlan', 'internet'],
  ['guest', 'guests', 'visitor', 'visitors', 'invitados'],
  ['laptop', 'laptops', 'notebook', 'portátil'],
];
const STOP = [
  'the',
  'to',
  'a',
  'my',
  'i',
  'how',
  'do',
  'can',
  'your',
  'mi',
  'el',
  'la',
  'de',
  'for',
  'in',
  'on',
  'is',
  'are',
  'by',
  'and',
  'of',
  'what',
  'who',
];

const alice: Principal = { email: 'alice@example.com', groups: ['all', 'hr'] };
const bob: Principal = { email: 'bob@example.com', groups: ['all', 'eng'] };

function setup(options: { mode?: RetrievalMode; chunks?: ChunkWithDoc[] } = {}) {
  const db = new Map((options.chunks ?? CHUNKS).map((c) => [c.id, c]));
  const getChunks = async (ids: readonly string[]) =>
    new Map(ids.flatMap((id) => (db.has(id) ? [[id, db.get(id)!] as const] : [])));
  const bm25 = new Bm25Index();
  for (const c of db.values()) bm25.addText(c.id, indexableText(c), c.language);
  const embedder = new FakeEmbedder({ dimension: 256, concepts: CONCEPTS, stopWords: STOP });
  const index = VectorIndex.create({ modelId: embedder.modelId, dimension: embedder.dimension });
  return { db, bm25, embedder, index, getChunks };
}

async function withVectors(s: ReturnType<typeof setup>) {
  const list = [...s.db.values()];
  const vectors = await s.embedder.embed(
    list.map((c) => c.text),
    'passage',
  );
  s.index.add(
    list.map((c) => c.id),
    vectors,
    list,
  );
  const lexical = createLexicalRetriever({ index: s.bm25, getChunks: s.getChunks });
  const dense = createDenseRetriever({ embedder: s.embedder, index: s.index, getChunks: s.getChunks });
  const hybrid = createHybridRetriever({ lexical, dense, mode: 'hybrid' });
  return { lexical, dense, hybrid };
}

const ids = async (retriever: Retriever, text: string, readers: Readers = UNRESTRICTED, k = 3) =>
  (await retriever.retrieve({ text, readers, k })).map((h) => h.chunkId);

describe('hybrid retrieval', () => {
  it('keeps what BM25 already gets right at the top', async () => {
    const s = setup();
    const { lexical, hybrid } = await withVectors(s);
    const questions = [
      ['VPN intranet from home', 'vpn'],
      ['receipts for expense reports', 'expenses'],
      ['paper jams third floor printers', 'printer'],
      ['parking permits', 'parking'],
      ['badge on the first day', 'onboarding'],
      ['forgot password self-service portal', 'password'],
    ] as const;
    for (const [question, expected] of questions) {
      expect((await ids(lexical, question))[0]).toBe(expected);
      expect((await ids(hybrid, question))[0]).toBe(expected);
    }
  });

  it('finds paraphrases and other languages that BM25 misses, through the dense side', async () => {
    const s = setup();
    const { lexical, dense, hybrid } = await withVectors(s);
    const questions = [
      ['¿Cómo restablecer mi contraseña?', 'password'],
      ['密码重置', 'password'],
      ['Urlaub beantragen', 'leave'],
      ['internet for visitors', 'wifi'],
    ] as const;
    for (const [question, expected] of questions) {
      expect(await ids(lexical, question)).not.toContain(expected);
      expect((await ids(dense, question))[0]).toBe(expected);
      expect(await ids(hybrid, question)).toContain(expected);
    }
  });

  it('never returns what not every reader may see, on either side', async () => {
    const s = setup();
    const { lexical, dense, hybrid } = await withVectors(s);
    for (const retriever of [lexical, dense, hybrid]) {
      expect(await ids(retriever, 'salary bands engineering', [bob], 10)).not.toContain('salary');
      expect(await ids(retriever, 'salary bands engineering', [alice, bob], 10)).not.toContain('salary');
      expect((await ids(retriever, 'salary bands engineering', [alice], 10))[0]).toBe('salary');
    }
    expect(await ids(dense, 'compensation', [bob], 10)).not.toContain('salary');
  });

  it('re-checks access against the database when the index is stale', async () => {
    const s = setup();
    const { dense } = await withVectors(s);
    s.db.set('leave', { ...s.db.get('leave')!, audience: ['hr'], classification: 'restricted' });
    expect(await ids(dense, 'vacation', [bob], 10)).not.toContain('leave');
    expect((await ids(dense, 'vacation', [alice], 10))[0]).toBe('leave');
  });

  it('forgets deleted chunks, from the index or only from the database', async () => {
    const s = setup();
    const { dense, hybrid } = await withVectors(s);
    s.index.remove(['password']);
    s.bm25.remove('password');
    s.db.delete('password');
    expect(await ids(hybrid, 'contraseña', UNRESTRICTED, 10)).not.toContain('password');
    s.db.delete('wifi');
    expect(await ids(dense, 'wifi for guests', UNRESTRICTED, 10)).not.toContain('wifi');
    expect((await dense.retrieve({ text: 'wifi for guests', readers: UNRESTRICTED, k: 3 })).length).toBe(3);
  });

  it('fuses by weighted reciprocal rank and honours the modes', async () => {
    const s = setup();
    const { lexical, dense } = await withVectors(s);
    const question = 'new laptop';
    const lexicalOnly = createHybridRetriever({ lexical, dense, mode: 'lexical' });
    expect(await ids(lexicalOnly, question)).toEqual(await ids(lexical, question));
    const denseOnly = createHybridRetriever({ lexical, dense, mode: 'dense' });
    expect(await ids(denseOnly, question)).toEqual(await ids(dense, question));
    const hits = await createHybridRetriever({ lexical, dense, mode: 'hybrid' }).retrieve({
      text: question,
      readers: UNRESTRICTED,
      k: 3,
    });
    expect(hits[0]!.score).toBeCloseTo(2 / 61, 6);
    const leaning = createHybridRetriever({
      lexical,
      dense,
      mode: 'hybrid',
      weights: { lexical: 0, dense: 1 },
    });
    const denseWide = await ids(dense, question, UNRESTRICTED, 20);
    expect(await ids(leaning, question)).toEqual(denseWide.slice(0, 3));
  });

  it('falls back to lexical hits when the dense side fails at query time', async () => {
    const s = setup();
    const { lexical } = await withVectors(s);
    const broken: Retriever = {
      retrieve: async () => {
        throw new Error('onnxruntime exploded');
      },
    };
    const events: string[] = [];
    const hybrid = createHybridRetriever({
      lexical,
      dense: broken,
      mode: 'hybrid',
      logger: (_level, event) => events.push(event),
    });
    expect(await ids(hybrid, 'parking permits')).toEqual(await ids(lexical, 'parking permits'));
    expect(events).toEqual(['retrieval.dense_failed']);
  });

  it('refuses dense modes without an embedder, and an index built by another model', async () => {
    const s = setup();
    const lexical = createLexicalRetriever({ index: s.bm25, getChunks: s.getChunks });
    expect(() => createHybridRetriever({ lexical, mode: 'hybrid' })).toThrow(ConfigError);
    expect(createHybridRetriever({ lexical, mode: 'lexical' })).toBe(lexical);
    const other = new FakeEmbedder({ dimension: 256, modelId: 'another-model' });
    expect(() => createDenseRetriever({ embedder: other, index: s.index, getChunks: s.getChunks })).toThrow(
      ModelLoadError,
    );
  });
});
