import type { SearchHit } from '../core/types.js';
import type { Readers } from '../core/access.js';

/** One retrieval request. Access control is part of the query: only chunks every reader may see qualify. */
export interface RetrievalQuery {
  readonly text: string;
  /**
   * Everyone who will read the answer. An empty list sees public documents only; the operator's
   * unrestricted view must be asked for by name (`UNRESTRICTED`).
   */
  readonly readers: Readers;
  readonly k: number;
  /** Detected language of the query, when known (helps tokenisation and stemming). */
  readonly language?: string | undefined;
}

/** Finds the passages that best answer a query, already filtered by access control. */
export interface Retriever {
  retrieve(query: RetrievalQuery): Promise<readonly SearchHit[]>;
}
