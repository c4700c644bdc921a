import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/log.js';
import type { ChunkWithDoc, Principal } from '../../src/core/types.js';
import { Bm25Index } from '../../src/rag/bm25-index.js';
import { createLexicalRetriever } from '../../src/rag/lexical-retriever.js';
import { createTranslatingRetriever } from '../../src/rag/translating-retriever.js';

const CHUNKS: ChunkWithDoc[] = [
  {
    id: 'en1',
    docId: 'd1',
    ordinal: 0,
    text: 'Employees get twenty days of paid leave per year.',
    headingPath: [],
    language: 'en',
    source: 'leave.md',
    title: 'Leave',
    audience: ['all'],
    classification: 'internal',
  },
  {
    id: 'en2',
    docId: 'd2',
    ordinal: 0,
    text: 'Reset your password in the self-service portal.',
    headingPath: [],
    language: 'en',
    source: 'password.md',
    title: 'Password',
    audience: ['all'],
    classification: 'internal',
  },
  {
    id: 'hr1',
    docId: 'd3',
    ordinal: 0,
    text: 'Salary bands: paid leave payout rules for managers.',
    headingPath: [],
    language: 'en',
    source: 'bands.md',
    title: 'Bands',
    audience: ['hr'],
    classification: 'restricted',
  },
];

const employee: Principal = { email: 'e@x', groups: ['all'] };

function lexical() {
  const index = new Bm25Index();
  for (const c of CHUNKS) index.addText(c.id, c.text, c.language);
  return createLexicalRetriever({
    index,
    getChunks: async (ids) => new Map(CHUNKS.filter((c) => ids.includes(c.id)).map((c) => [c.id, c])),
  });
}

/** A deterministic stand-in for the model's translation: a tiny Spanish→English phrasebook. */
const PHRASES: Record<string, string> = {
  '¿Cuántos días de vacaciones pagadas tengo?': 'How many days of paid leave do I get?',
};

describe('cross-language retrieval', () => {
  it('finds an English document for a Spanish question through its translation', async () => {
    const calls: string[] = [];
    const retriever = createTranslatingRetriever({
      base: lexical(),
      translate: async (text, to) => {
        calls.push(to);
        return PHRASES[text] ?? text;
      },
      corpusLanguages: async () => ['en', 'es'],
      logger: silentLogger,
    });
    const query = {
      text: '¿Cuántos días de vacaciones pagadas tengo?',
      readers: [employee],
      k: 3,
      language: 'es',
    };
    expect(await lexical().retrieve(query)).toEqual([]);
    const hits = await retriever.retrieve(query);
    expect(hits[0]?.chunkId).toBe('en1');
    expect(calls).toEqual(['en']);
    expect(hits.map((h) => h.chunkId)).not.toContain('hr1');
  });

  it('keeps the original hits when translation fails or is slow', async () => {
    const retriever = createTranslatingRetriever({
      base: lexical(),
      translate: async () => {
        throw new Error('model unavailable');
      },
      corpusLanguages: async () => ['en', 'ja'],
      logger: silentLogger,
    });
    const hits = await retriever.retrieve({
      text: 'reset password',
      readers: [employee],
      k: 3,
      language: 'es',
    });
    expect(hits[0]?.chunkId).toBe('en2');
  });

  it('does not translate when the corpus is in the question language only', async () => {
    let called = false;
    const retriever = createTranslatingRetriever({
      base: lexical(),
      translate: async (t) => {
        called = true;
        return t;
      },
      corpusLanguages: async () => ['en'],
      logger: silentLogger,
    });
    await retriever.retrieve({ text: 'paid leave', readers: [employee], k: 3, language: 'en' });
    expect(called).toBe(false);
  });
});
