import type { Principal, SearchHit } from '../core/types.js';

/** One retrieval request. Access control is part of the query: only chunks every reader may see qualify. */
export interface RetrievalQuery {
  readonly text: string;
  /** Everyone who will read the answer. An empty list means an unrestricted operator query (CLI without --user). */
  readonly readers: readonly Principal[];
  readonly k: number;
  /** Detected language of the query, when known (helps tokenisation and stemming). */
  readonly language?: string | undefined;
}

/** Finds the passages that best answer a query, already filtered by access control. */
export interface Retriever {
  retrieve(query: RetrievalQuery): Promise<readonly SearchHit[]>;
}
