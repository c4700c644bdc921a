import { describe, expect, it } from 'vitest';
import { IndexCorruptError } from '../../src/core/errors.js';
import { Bm25Index } from '../../src/rag/bm25-index.js';

const DOCS: readonly [string, string, string][] = [
  ['vpn', 'How to connect to the company VPN from home: install the client and sign in.', 'en'],
  ['leave', 'Annual leave: every employee gets 25 days of paid leave per year.', 'en'],
  ['wifi', 'The office Wi-Fi network is called Corp and needs your badge number.', 'en'],
  ['laptop', 'Lost or broken laptop? Open an IT ticket and we send a replacement.', 'en'],
  ['leave-ja', '有給休暇は年間20日付与されます。申請は人事ポータルから行います。', 'ja'],
  ['vpn-zh', '在家连接公司VPN：安装客户端并登录。', 'zh'],
  ['vpn-de', 'So verbinden Sie sich von zu Hause mit dem Firmen-VPN.', 'de'],
];

function sampleIndex(): Bm25Index {
  const index = new Bm25Index();
  for (const [id, text, language] of DOCS) index.addText(id, text, language);
  return index;
}

/** A deterministic pseudo-random corpus over a small vocabulary, so many documents share terms. */
function syntheticDocs(count: number, seed = 7): [string, string[]][] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, (_, i) => {
    const length = 3 + Math.floor(next() * 40);
    const terms = Array.from({ length }, () => `w${Math.floor(next() ** 2 * 300)}`);
    return [`d${i}`, terms];
  });
}

describe('Bm25Index', () => {
  it('ranks the document that answers the question first, in several languages', () => {
    const index = sampleIndex();
    expect(index.searchText('how many days of paid leave do I get?', 3, 'en')[0]?.id).toBe('leave');
    expect(index.searchText('有給休暇は何日ですか', 3, 'ja')[0]?.id).toBe('leave-ja');
    expect(index.searchText('如何连接VPN', 3, 'zh')[0]?.id).toBe('vpn-zh');
    expect(index.searchText('Wie verbinde ich mich mit dem VPN?', 3, 'de')[0]?.id).toBe('vpn-de');
  });

  it('returns scores sorted best first, at most k, and nothing for unknown words', () => {
    const index = sampleIndex();
    const hits = index.searchText('VPN', 10, 'en');
    expect(hits.map((h) => h.id).sort()).toEqual(['vpn', 'vpn-de', 'vpn-zh']);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    expect(index.searchText('VPN', 2, 'en')).toHaveLength(2);
    expect(index.searchText('zebra', 5, 'en')).toEqual([]);
    expect(index.searchText('', 5, 'en')).toEqual([]);
  });

  it('applies a filter without losing k results', () => {
    const index = sampleIndex();
    const hits = index.searchText('VPN', 2, 'en', (id) => id !== 'vpn');
    expect(hits.map((h) => h.id)).toEqual(expect.arrayContaining(['vpn-de', 'vpn-zh']));
    expect(hits).toHaveLength(2);
  });

  it('forgets a removed document and scores as if it had never been added', () => {
    const index = sampleIndex();
    expect(index.remove('vpn')).toBe(true);
    expect(index.remove('vpn')).toBe(false);
    expect(index.has('vpn')).toBe(false);
    expect(index.size).toBe(DOCS.length - 1);
    const fresh = new Bm25Index();
    for (const [id, text, language] of DOCS) if (id !== 'vpn') fresh.addText(id, text, language);
    expect(index.searchText('connect to the VPN from home', 5, 'en')).toEqual(
      fresh.searchText('connect to the VPN from home', 5, 'en'),
    );
  });

  it('replaces a document added again under the same id', () => {
    const index = sampleIndex();
    index.addText('wifi', 'The cafeteria serves lunch from noon.', 'en');
    expect(index.size).toBe(DOCS.length);
    expect(index.searchText('Wi-Fi network', 5, 'en').map((h) => h.id)).not.toContain('wifi');
    expect(index.searchText('lunch', 5, 'en')[0]?.id).toBe('wifi');
  });

  it('keeps statistics exact through many additions and removals', () => {
    const docs = syntheticDocs(4000);
    const churned = new Bm25Index();
    const compare = (live: (id: string) => boolean) => {
      const fresh = new Bm25Index();
      for (const [id, terms] of docs) if (live(id) && churned.has(id)) fresh.add(id, terms);
      for (const query of [['w1'], ['w5', 'w77'], ['w2', 'w3', 'w250', 'w299']]) {
        const a = churned.search(query, 10);
        const b = fresh.search(query, 10);
        expect(a.map((h) => h.id)).toEqual(b.map((h) => h.id));
        for (const [i, hit] of a.entries()) expect(hit.score).toBeCloseTo(b[i]!.score, 4);
      }
    };
    for (const [id, terms] of docs.slice(0, 3000)) churned.add(id, terms);
    const fewGone = (id: string) => Number(id.slice(1)) % 5 !== 0;
    for (const [id] of docs) if (!fewGone(id)) churned.remove(id);
    compare(fewGone);
    for (const [id, terms] of docs.slice(3000)) if (fewGone(id)) churned.add(id, terms);
    compare(fewGone);
    const mostGone = (id: string) => fewGone(id) && Number(id.slice(1)) % 2 === 0;
    for (const [id] of docs) if (!mostGone(id)) churned.remove(id);
    compare(mostGone);
    expect(churned.size).toBe(docs.filter(([id]) => mostGone(id)).length);
  });

  it('serialises to a buffer that restores identical results', () => {
    const docs = syntheticDocs(2000, 11);
    const index = new Bm25Index({ k1: 1.5, b: 0.6 });
    for (const [id, terms] of docs) index.add(id, terms);
    for (let i = 0; i < 2000; i += 7) index.remove(`d${i}`);
    const restored = Bm25Index.fromBuffer(index.toBuffer());
    expect(restored.size).toBe(index.size);
    expect(restored.k1).toBe(1.5);
    for (const query of [['w0'], ['w9', 'w10'], ['w100', 'w200', 'w1']]) {
      expect(restored.search(query, 20)).toEqual(index.search(query, 20));
    }
    restored.add('new', ['w9', 'w9', 'w9']);
    expect(restored.search(['w9'], 1)[0]?.id).toBe('new');
    expect(restored.toBuffer().equals(Bm25Index.fromBuffer(restored.toBuffer()).toBuffer())).toBe(true);
  });

  it('round-trips multilingual text', () => {
    const restored = Bm25Index.fromBuffer(sampleIndex().toBuffer());
    expect(restored.searchText('有給休暇', 1, 'ja')[0]?.id).toBe('leave-ja');
    expect([...restored.ids()]).toEqual(DOCS.map(([id]) => id));
  });

  it('rejects a damaged buffer with IndexCorruptError', () => {
    const buffer = sampleIndex().toBuffer();
    expect(() => Bm25Index.fromBuffer(buffer.subarray(0, buffer.length - 5))).toThrow(IndexCorruptError);
    expect(() => Bm25Index.fromBuffer(Buffer.from('not an index at all, just text'))).toThrow(
      IndexCorruptError,
    );
  });
});
