import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../src/core/types.js';
import { anchorConfidentLexical, fuseByReciprocalRank } from '../../src/rag/hybrid-retriever.js';

const hit = (chunkId: string, score: number): SearchHit => ({
  docId: chunkId,
  source: `${chunkId}.md`,
  title: chunkId,
  chunkId,
  score,
  text: chunkId,
  language: 'en',
  headingPath: [],
  classification: 'internal',
  audience: ['all'],
});

describe('hybrid fusion keeps a confident BM25 match first', () => {
  const lexical = [hit('right', 12), hit('b', 6), hit('c', 5)];
  // An unrelated dense ranking that happens to like b and c: fusion alone would put b first.
  const dense = [hit('b', 0.9), hit('c', 0.8), hit('x', 0.7), hit('right', 0.1)];
  const fused = fuseByReciprocalRank(
    [
      { hits: lexical, weight: 1 },
      { hits: dense, weight: 1 },
    ],
    60,
  );

  it('would otherwise lose the lexical top hit', () => {
    expect(fused[0]?.chunkId).toBe('b');
  });

  it('anchors it when its score clearly leads the second lexical hit', () => {
    expect(anchorConfidentLexical(fused, lexical, 1.1).map((h) => h.chunkId)).toEqual([
      'right',
      'b',
      'c',
      'x',
    ]);
  });

  it('leaves fusion alone when BM25 is not confident, or when turned off', () => {
    const close = [hit('right', 6.1), hit('b', 6), hit('c', 5)];
    expect(anchorConfidentLexical(fused, close, 1.1)[0]?.chunkId).toBe('b');
    expect(anchorConfidentLexical(fused, lexical, Number.POSITIVE_INFINITY)[0]?.chunkId).toBe('b');
  });
});
