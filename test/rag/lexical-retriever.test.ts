import { describe, expect, it } from 'vitest';
import type { ChunkWithDoc, Classification, Principal } from '../../src/core/types.js';
import { UNRESTRICTED } from '../../src/core/access.js';
import { Bm25Index } from '../../src/rag/bm25-index.js';
import { buildLexicalIndex, createLexicalRetriever, indexableText } from '../../src/rag/lexical-retriever.js';

const alice: Principal = { email: 'alice@example.com', groups: ['all', 'hr'] };
const bob: Principal = { email: 'bob@example.com', groups: ['all', 'it'] };

function chunk(
  id: string,
  text: string,
  access: { audience?: string[]; classification?: Classification } = {},
): ChunkWithDoc {
  return {
    id,
    docId: `doc-${id}`,
    ordinal: 0,
    text,
    headingPath: ['Policies'],
    language: 'en',
    source: `/kb/${id}.md`,
    title: `Title of ${id}`,
    url: `https://intranet.example.com/${id}`,
    audience: access.audience ?? ['all'],
    classification: access.classification ?? 'internal',
  };
}

const CHUNKS = [
  chunk('salaries', 'Salary bands and bonus for every employee: salary review in March.', {
    audience: ['hr'],
    classification: 'restricted',
  }),
  chunk('salary-faq', 'How is my salary paid? Salary is paid on the 25th.'),
  chunk('it-budget', 'Salary of contractors is budgeted by IT.', {
    audience: ['it'],
    classification: 'internal',
  }),
  chunk('lunch', 'Lunch is served from noon.'),
];

async function setup(chunks: readonly ChunkWithDoc[] = CHUNKS) {
  const byId = new Map(chunks.map((c) => [c.id, c]));
  const index = await buildLexicalIndex(
    chunks.map((c) => ({ id: c.id, text: c.text, language: c.language })),
  );
  const lookups: number[] = [];
  const retriever = createLexicalRetriever({
    index,
    getChunks: async (ids) => {
      lookups.push(ids.length);
      return new Map(ids.flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!] as const] : [])));
    },
  });
  return { index, retriever, lookups, byId };
}

const ids = (hits: readonly { chunkId: string }[]) => hits.map((h) => h.chunkId);

describe('lexical retriever', () => {
  it('returns hits with everything a citation needs', async () => {
    const { retriever } = await setup();
    const [hit] = await retriever.retrieve({ text: 'when is lunch', readers: [alice], k: 3, language: 'en' });
    expect(hit).toMatchObject({
      chunkId: 'lunch',
      docId: 'doc-lunch',
      source: '/kb/lunch.md',
      title: 'Title of lunch',
      url: 'https://intranet.example.com/lunch',
      text: 'Lunch is served from noon.',
      language: 'en',
      headingPath: ['Policies'],
      classification: 'internal',
      audience: ['all'],
    });
    expect(hit!.score).toBeGreaterThan(0);
  });

  it('never returns a restricted chunk to someone outside its audience', async () => {
    const { retriever } = await setup();
    const forBob = await retriever.retrieve({ text: 'salary bands bonus', readers: [bob], k: 5 });
    expect(ids(forBob)).not.toContain('salaries');
    expect(ids(forBob)).toEqual(expect.arrayContaining(['salary-faq', 'it-budget']));
    const forAlice = await retriever.retrieve({ text: 'salary bands bonus', readers: [alice], k: 5 });
    expect(ids(forAlice)[0]).toBe('salaries');
    expect(ids(forAlice)).not.toContain('it-budget');
  });

  it('in a channel, returns only what every reader may see', async () => {
    const { retriever } = await setup();
    const hits = await retriever.retrieve({ text: 'salary', readers: [alice, bob], k: 5 });
    expect(ids(hits)).toEqual(['salary-faq']);
  });

  it('sees everything only through the explicit unrestricted view, and nothing but public without readers', async () => {
    const { retriever } = await setup();
    const hits = await retriever.retrieve({ text: 'salary', readers: UNRESTRICTED, k: 5 });
    expect(ids(hits).sort()).toEqual(['it-budget', 'salaries', 'salary-faq']);
    expect(await retriever.retrieve({ text: 'salary', readers: [], k: 5 })).toEqual([]);
  });

  it('keeps looking past many better-scoring restricted chunks until it has k hits', async () => {
    const secret = Array.from({ length: 200 }, (_, i) =>
      chunk(`secret-${i}`, `VPN VPN VPN gateway secret ${i}`, {
        audience: ['hr'],
        classification: 'restricted',
      }),
    );
    const open = Array.from({ length: 5 }, (_, i) =>
      chunk(
        `open-${i}`,
        `How to install the VPN client, step ${i}, with screenshots and a long explanation.`,
      ),
    );
    const { retriever, lookups } = await setup([...secret, ...open]);
    const hits = await retriever.retrieve({ text: 'VPN', readers: [bob], k: 3 });
    expect(hits).toHaveLength(3);
    expect(ids(hits).every((id) => id.startsWith('open-'))).toBe(true);
    expect(lookups.length).toBeGreaterThan(1);
    const all = await retriever.retrieve({ text: 'VPN', readers: [bob], k: 10 });
    expect(ids(all).sort()).toEqual(open.map((c) => c.id));
  });

  it('skips chunks that are in the index but no longer in the database', async () => {
    const { retriever, byId } = await setup();
    byId.delete('salary-faq');
    const hits = await retriever.retrieve({ text: 'salary', readers: [bob], k: 5 });
    expect(ids(hits)).toEqual(['it-budget']);
  });

  it('returns nothing for an empty or punctuation-only question', async () => {
    const { retriever } = await setup();
    expect(await retriever.retrieve({ text: '', readers: [alice], k: 5 })).toEqual([]);
    expect(await retriever.retrieve({ text: '?!…', readers: [alice], k: 5 })).toEqual([]);
    expect(await retriever.retrieve({ text: 'salary', readers: [alice], k: 0 })).toEqual([]);
  });

  it('follows an index that is swapped at run time', async () => {
    const { index: first, byId } = await setup();
    let current = first;
    const retriever = createLexicalRetriever({
      index: () => current,
      getChunks: async (list) => new Map(list.map((id) => [id, byId.get(id)!])),
    });
    expect(ids(await retriever.retrieve({ text: 'lunch', readers: UNRESTRICTED, k: 1 }))).toEqual(['lunch']);
    current = new Bm25Index();
    expect(await retriever.retrieve({ text: 'lunch', readers: UNRESTRICTED, k: 1 })).toEqual([]);
  });

  it('makes titles and headings searchable through indexableText', () => {
    const text = indexableText({
      title: 'Travel policy',
      headingPath: ['Expenses', 'Hotels'],
      text: 'Up to 150 EUR.',
    });
    expect(text).toBe('Travel policy\nExpenses\nHotels\nUp to 150 EUR.');
  });
});
