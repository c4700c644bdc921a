import type { ChunkWithDoc, SearchHit } from '../core/types.js';
import { allCanRead } from '../core/access.js';
import { type Bm25Options, Bm25Index } from './bm25-index.js';
import type { RetrievalQuery, Retriever } from './retriever.js';
import { type Analyzer, analyze as defaultAnalyze } from './text-analyzer.js';

/** Where a lexical retriever finds its index and the chunks behind the ids it returns. */
export interface LexicalRetrieverOptions {
  /** The index, or a getter when the index is swapped at run time (a refresh after ingest). */
  readonly index: Bm25Index | (() => Bm25Index);
  /** Chunks with their documents' access data, by id; ids no longer in the database are simply absent. */
  readonly getChunks: (ids: readonly string[]) => Promise<ReadonlyMap<string, ChunkWithDoc>>;
  /** Must be the analyzer the index was built with; default {@link defaultAnalyze}. */
  readonly analyze?: Analyzer;
  /** Candidates fetched per wanted hit in the first round; default 3. */
  readonly overFetch?: number;
  /**
   * Extra terms for a query, with weights below 1: other words for the concepts it names (see
   * lexicon.ts). Default: none.
   */
  readonly expand?: (
    text: string,
    language: string | undefined,
    own: ReadonlySet<string>,
  ) => ReadonlyMap<string, number>;
}

/** A chunk to index: `text` should already include what should be searchable (see {@link indexableText}). */
export interface LexicalDocument {
  readonly id: string;
  readonly text: string;
  readonly language: string;
}

/**
 * BM25 retrieval with access control inside: a chunk that not every reader may see is never
 * returned, however well it scores. When filtering empties the first round of candidates, more
 * are fetched until `k` hits qualify or the index has no more matches.
 */
export function createLexicalRetriever(options: LexicalRetrieverOptions): Retriever {
  const analyze = options.analyze ?? defaultAnalyze;
  const overFetch = Math.max(1, options.overFetch ?? 3);
  const currentIndex = typeof options.index === 'function' ? options.index : () => options.index as Bm25Index;

  return {
    async retrieve(query: RetrievalQuery): Promise<readonly SearchHit[]> {
      if (query.k <= 0) return [];
      const own = analyze(query.text, query.language);
      if (own.length === 0) return [];
      const terms = new Map<string, number>();
      for (const term of own) terms.set(term, (terms.get(term) ?? 0) + 1);
      for (const [term, weight] of options.expand?.(query.text, query.language, new Set(terms.keys())) ?? [])
        if (!terms.has(term)) terms.set(term, weight);
      const index = currentIndex();
      const hits: SearchHit[] = [];
      const examined = new Set<string>();
      let want = Math.max(query.k * overFetch, query.k + 10);
      for (;;) {
        const candidates = index.searchWeighted(terms, want);
        const fresh = candidates.filter((candidate) => !examined.has(candidate.id));
        for (const candidate of fresh) examined.add(candidate.id);
        const chunks = fresh.length > 0 ? await options.getChunks(fresh.map((c) => c.id)) : new Map();
        for (const candidate of fresh) {
          const chunk = chunks.get(candidate.id);
          if (!chunk || !allCanRead(query.readers, chunk)) continue;
          hits.push(toSearchHit(chunk, candidate.score));
          if (hits.length === query.k) return hits;
        }
        if (candidates.length < want) return hits;
        want *= 4;
      }
    },
  };
}

/** What of a chunk is searchable: its document title and headings, then its text. */
export function indexableText(chunk: {
  readonly title?: string | undefined;
  readonly headingPath: readonly string[];
  readonly text: string;
}): string {
  return [chunk.title ?? '', ...chunk.headingPath, chunk.text].filter((part) => part.length > 0).join('\n');
}

/** Builds a BM25 index from scratch, e.g. from every chunk in the database when no snapshot is usable. */
export async function buildLexicalIndex(
  documents: Iterable<LexicalDocument> | AsyncIterable<LexicalDocument>,
  options: Bm25Options = {},
): Promise<Bm25Index> {
  const index = new Bm25Index(options);
  for await (const doc of documents) index.addText(doc.id, doc.text, doc.language);
  return index;
}

export function toSearchHit(chunk: ChunkWithDoc, score: number): SearchHit {
  return {
    docId: chunk.docId,
    source: chunk.source,
    title: chunk.title,
    chunkId: chunk.id,
    score,
    text: chunk.text,
    url: chunk.url,
    language: chunk.language,
    headingPath: chunk.headingPath,
    classification: chunk.classification,
    audience: chunk.audience,
  };
}
