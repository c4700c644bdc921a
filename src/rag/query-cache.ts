import { LRUCache } from 'lru-cache';
import type { Embedder } from './embedder.js';

/**
 * The embedder with the vectors of its last `size` questions kept: one question is embedded by the
 * standard-answer lookup, dense retrieval and the extractive reader, once. Passages are not cached
 * here (ingest embeds each once; the reader keeps its own units').
 */
export function withQueryCache(embedder: Embedder, size = 256): Embedder {
  const cache = new LRUCache<string, Promise<Float32Array>>({ max: size });
  return {
    modelId: embedder.modelId,
    dimension: embedder.dimension,
    embed(texts, kind, options) {
      // One question at a time is what repeats; a batch (standard answers' wordings) passes through.
      if (kind !== 'query' || texts.length !== 1) return embedder.embed(texts, kind, options);
      const text = texts[0]!;
      let vector = cache.get(text);
      if (!vector) {
        // Not cancelled by one caller's signal: the other parts may wait for the same vector.
        const pending = embedder.embed([text], 'query').then((vectors) => vectors[0]!);
        vector = pending;
        cache.set(text, pending);
        // A failed embedding is not kept: the next question tries again.
        pending.catch(() => {
          if (cache.get(text) === pending) cache.delete(text);
        });
      }
      return vector.then((found) => [found]);
    },
  };
}
