import { ConfigError, describeError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { SearchHit } from '../core/types.js';
import type { RetrievalQuery, Retriever } from './retriever.js';

export type RetrievalMode = 'lexical' | 'dense' | 'hybrid';

export interface HybridRetrieverOptions {
  readonly lexical: Retriever;
  /** Absent when no embedding model is configured: only `lexical` mode is possible then. */
  readonly dense?: Retriever | undefined;
  readonly mode: RetrievalMode;
  /** Per-retriever weights of the reciprocal-rank terms; default 1 and 1. */
  readonly weights?: { readonly lexical: number; readonly dense: number } | undefined;
  /** Rank offset of reciprocal rank fusion (Cormack et al.); default 60. */
  readonly k0?: number | undefined;
  /** Candidates taken from each retriever per wanted hit; default 4 (at least 20 in all). */
  readonly depth?: number | undefined;
  readonly logger?: Logger | undefined;
}

/**
 * BM25 and dense retrieval fused by weighted reciprocal rank: a chunk scores Σ w / (k0 + rank) over
 * the lists it appears in. Both retrievers apply access control themselves, so every fused hit is
 * one that all readers may see. If the dense side fails at query time, the lexical hits are returned
 * (and the failure logged) rather than no answer.
 */
export function createHybridRetriever(options: HybridRetrieverOptions): Retriever {
  const { lexical, dense, mode } = options;
  if (mode !== 'lexical' && !dense) {
    throw new ConfigError(
      `retrieval mode ${mode} needs an embedding model; set EMBEDDING_MODEL_DIR or use lexical`,
    );
  }
  const weights = options.weights ?? { lexical: 1, dense: 1 };
  if (!(weights.lexical >= 0 && weights.dense >= 0 && weights.lexical + weights.dense > 0)) {
    throw new ConfigError('retrieval weights must be non-negative and not both zero');
  }
  const k0 = options.k0 ?? 60;
  const depth = options.depth ?? 4;

  if (mode === 'lexical') return lexical;
  if (mode === 'dense') return dense!;

  return {
    async retrieve(query: RetrievalQuery): Promise<readonly SearchHit[]> {
      if (query.k <= 0) return [];
      const wide = { ...query, k: Math.max(query.k * depth, 20) };
      const [lexicalHits, denseHits] = await Promise.all([
        lexical.retrieve(wide),
        dense!.retrieve(wide).catch((error: unknown) => {
          options.logger?.('warn', 'retrieval.dense_failed', {
            error: describeError(error),
            fallback: 'lexical',
          });
          return [] as readonly SearchHit[];
        }),
      ]);
      return fuseByReciprocalRank(
        [
          { hits: lexicalHits, weight: weights.lexical },
          { hits: denseHits, weight: weights.dense },
        ],
        k0,
      ).slice(0, query.k);
    },
  };
}

/**
 * Weighted reciprocal rank fusion of ranked lists (ranks from 1). Ties go to the chunk with the
 * better single rank, then to the earlier list (lexical first), so fusion is deterministic.
 */
export function fuseByReciprocalRank(
  lists: readonly { readonly hits: readonly SearchHit[]; readonly weight: number }[],
  k0: number,
): SearchHit[] {
  const fused = new Map<string, { hit: SearchHit; score: number; best: number; list: number }>();
  lists.forEach(({ hits, weight }, list) => {
    hits.forEach((hit, i) => {
      const rank = i + 1;
      const entry = fused.get(hit.chunkId);
      const term = weight / (k0 + rank);
      if (!entry) fused.set(hit.chunkId, { hit, score: term, best: rank, list });
      else {
        entry.score += term;
        entry.best = Math.min(entry.best, rank);
      }
    });
  });
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || a.best - b.best || a.list - b.list)
    .map(({ hit, score }) => ({ ...hit, score }));
}
