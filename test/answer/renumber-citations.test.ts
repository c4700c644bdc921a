import { describe, expect, it } from 'vitest';
import { renumberCitations } from '../../src/answer/renumber-citations.js';
import type { SearchHit } from '../../src/core/types.js';

const hit = (chunkId: string, docId: string): SearchHit => ({
  docId,
  source: `${docId}.md`,
  title: docId.toUpperCase(),
  chunkId,
  score: 1,
  text: '',
  language: 'en',
  headingPath: [],
  classification: 'internal',
  audience: ['all'],
});

// Passages 1 and 3 come from the same document.
const sources = [hit('c1', 'leave'), hit('c2', 'vpn'), hit('c3', 'leave')];

describe('citation renumbering', () => {
  it('numbers documents, not passages, in order of first appearance', () => {
    const { text, citations } = renumberCitations(
      'VPN first [2]. Leave [3]. Also [1], and [1, 3].',
      [2, 3, 1],
      sources,
    );
    expect(text).toBe('VPN first [1]. Leave [2]. Also [2], and [2].');
    expect(citations.map((c) => [c.n, c.source])).toEqual([
      [1, 'vpn.md'],
      [2, 'leave.md'],
    ]);
  });

  it('numbers a streamed prefix exactly as the final text', () => {
    const final = 'Leave [3]. VPN [2]. More leave [1].';
    const prefix = final.slice(0, 12);
    const whole = renumberCitations(final, [3, 2, 1], sources).text;
    expect(whole.startsWith(renumberCitations(prefix, [], sources).text)).toBe(true);
  });

  it('leaves markers of sources that were not given alone, and reads full-width markers', () => {
    expect(renumberCitations('See [9] and ［３］.', [], sources).text).toBe('See [9] and [1].');
  });
});
