import { ModelLoadError } from '../core/errors.js';
import type { ChunkWithDoc, SearchHit } from '../core/types.js';
import { allCanRead, isUnrestricted } from '../core/access.js';
import type { Embedder } from './embedder.js';
import { toSearchHit } from './lexical-retriever.js';
import type { RetrievalQuery, Retriever } from './retriever.js';
import type { VectorIndex } from './vector-index.js';

export interface DenseRetrieverOptions {
  /** Embeds the question; must be the model that built the index. */
  readonly embedder: Embedder;
  /** The index, or a getter when the index is swapped at run time (a refresh after ingest). */
  readonly index: VectorIndex | (() => VectorIndex);
  /** Chunks with their documents' access data, by id; ids no longer in the database are simply absent. */
  readonly getChunks: (ids: readonly string[]) => Promise<ReadonlyMap<string, ChunkWithDoc>>;
}

/**
 * Nearest-neighbour retrieval over chunk embeddings, access control inside: the index search is
 * restricted to what every reader may see, and each hit is checked again against the database's
 * access data before it is returned, so a stale index can hide a chunk but never leak one.
 */
export function createDenseRetriever(options: DenseRetrieverOptions): Retriever {
  const { embedder, getChunks } = options;
  const currentIndex =
    typeof options.index === 'function' ? options.index : () => options.index as VectorIndex;
  assertSameModel(embedder, currentIndex());

  return {
    async retrieve(query: RetrievalQuery): Promise<readonly SearchHit[]> {
      if (query.k <= 0 || query.text.trim() === '') return [];
      const index = currentIndex();
      assertSameModel(embedder, index);
      if (index.size === 0) return [];
      const [vector] = await embedder.embed([query.text], 'query');
      const filter = isUnrestricted(query.readers) ? undefined : { readers: query.readers };
      const hits: SearchHit[] = [];
      const examined = new Set<string>();
      let want = query.k + 5;
      for (;;) {
        const candidates = index.search(vector!, want, filter);
        const fresh = candidates.filter((candidate) => !examined.has(candidate.id));
        for (const candidate of fresh) examined.add(candidate.id);
        const chunks =
          fresh.length > 0 ? await getChunks(fresh.map((c) => c.id)) : new Map<string, ChunkWithDoc>();
        for (const candidate of fresh) {
          const chunk = chunks.get(candidate.id);
          if (!chunk || !allCanRead(query.readers, chunk)) continue;
          hits.push(toSearchHit(chunk, candidate.score));
          if (hits.length === query.k) return hits;
        }
        if (candidates.length < want || want >= index.size) return hits;
        want = Math.min(want * 4, index.size);
      }
    },
  };
}

function assertSameModel(embedder: Embedder, index: VectorIndex): void {
  if (embedder.modelId !== index.modelId || embedder.dimension !== index.dimension) {
    throw new ModelLoadError(
      `the vector index was built by ${index.modelId} (${index.dimension} dimensions) but questions are embedded ` +
        `by ${embedder.modelId} (${embedder.dimension} dimensions); re-embed the knowledge base (docs/models.md)`,
    );
  }
}
