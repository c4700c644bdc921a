import type { Logger } from '../core/log.js';
import type { StoredChunk } from '../core/types.js';
import type { AccessInfo } from '../core/access.js';
import { Bm25Index } from './bm25-index.js';
import type { Embedder } from './embedder.js';
import { indexableText } from './lexical-retriever.js';
import { type Analyzer, analyze as defaultAnalyze } from './text-analyzer.js';
import { VectorIndex } from './vector-index.js';

/** The lexical index and, with an embedding model, the vector index. */
export interface Indexes {
  readonly lexical: Bm25Index;
  readonly dense: VectorIndex | undefined;
}

/** What building or updating the indexes needs. */
export interface BuildContext {
  readonly analyzer?: Analyzer | undefined;
  readonly embedder?: Pick<Embedder, 'modelId' | 'dimension'> | undefined;
  readonly logger: Logger;
}

/**
 * Longest stretch of index work between two yields to the event loop. HNSW inserts cost about a
 * millisecond each at 384 dimensions, so a page of 2,000 chunks done in one go would hold Slack acks
 * and health checks for seconds. A judgement, not a tuned value: well under the 50 ms a person notices.
 */
export const SLICE_MS = 10;

/** Lets timers, I/O and other requests run before the next slice of index work. */
export function pause(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Calls `pause` once `SLICE_MS` have passed since the last yield. */
export function slicer(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < SLICE_MS) return;
    await pause();
    since = performance.now();
  };
}

export function emptyIndexes(context: BuildContext): Indexes {
  const embedder = context.embedder;
  return {
    lexical: new Bm25Index({ analyzer: context.analyzer ?? defaultAnalyze }),
    dense: embedder
      ? VectorIndex.create({ modelId: embedder.modelId, dimension: embedder.dimension })
      : undefined,
  };
}

/** The chunk's vector when the configured model made it; undefined otherwise (BM25 only finds it). */
export function usableEmbedding(chunk: StoredChunk, dense: VectorIndex): Float32Array | undefined {
  return chunk.embedding &&
    chunk.embeddingModel === dense.modelId &&
    chunk.embedding.length === dense.dimension
    ? chunk.embedding
    : undefined;
}

export function accessOf(chunk: StoredChunk): AccessInfo {
  return { audience: chunk.audience, classification: chunk.classification };
}

/**
 * Builds both indexes from every chunk in the database, off to the side (searches keep the indexes in
 * use until the caller swaps), yielding to the event loop between slices.
 */
export async function buildIndexes(
  context: BuildContext,
  pages: AsyncIterable<readonly StoredChunk[]>,
): Promise<Indexes> {
  const started = performance.now();
  const { lexical, dense } = emptyIndexes(context);
  const breathe = slicer();
  let missing = 0;
  for await (const page of pages) {
    for (const chunk of page) {
      lexical.addText(chunk.id, indexableText(chunk), chunk.language);
      if (dense) {
        const vector = usableEmbedding(chunk, dense);
        if (vector) dense.add([chunk.id], [vector], [accessOf(chunk)]);
        else missing += 1;
      }
      await breathe();
    }
  }
  if (missing > 0) warnMissingEmbeddings(context, missing);
  context.logger('info', 'index.rebuilt', {
    lexical: lexical.size,
    dense: dense?.size ?? null,
    ms: Math.round(performance.now() - started),
  });
  return { lexical, dense };
}

export function warnMissingEmbeddings(context: BuildContext, chunks: number): void {
  context.logger('warn', 'index.embeddings_missing', {
    chunks,
    model: context.embedder?.modelId ?? null,
    fix: 'run `npx polydesk reembed` to embed them with the configured model; until then only BM25 finds them',
  });
}
