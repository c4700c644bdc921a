import type { SearchHit } from '../../src/core/types.js';

/** A retrieved chunk for reader tests: one whole document, readable by everyone, named by its title. */
export function searchHit(title: string, language: string, text: string): SearchHit {
  return {
    docId: title,
    source: `${title}.md`,
    title,
    chunkId: `${title}#0`,
    score: 1,
    text,
    language,
    headingPath: [],
    classification: 'internal',
    audience: ['all'],
  };
}
