/** Whether a text is a question or a passage: asymmetric encoders (multilingual-e5) prefix them differently. */
export type EmbedKind = 'query' | 'passage';

/** How one `embed` call is run. */
export interface EmbedOptions {
  /**
   * `interactive`: someone is waiting (the reader's sentences of an answer): queued after questions,
   * ahead of bulk ingest. `bulk`: behind everything, even a question.
   */
  readonly priority?: 'interactive' | 'bulk';
  /** Aborting drops the call's batches that have not started, and rejects it. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Turns texts into fixed-size vectors for dense retrieval. Vectors of the same `modelId` are comparable;
 * an index built by one model must never be searched with another's vectors.
 */
export interface Embedder {
  /** Stable identity of the model and everything that changes its vectors (pooling, prefixes, ...). */
  readonly modelId: string;
  readonly dimension: number;
  /** One vector per text, in input order; L2-normalised when the model's config says so (the default). */
  embed(texts: readonly string[], kind: EmbedKind, options?: EmbedOptions): Promise<Float32Array[]>;
}

/** Scales a vector to unit length in place (a zero vector stays zero). */
export function normalizeL2(vector: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  if (sum === 0) return vector;
  const inv = 1 / Math.sqrt(sum);
  for (let i = 0; i < vector.length; i++) vector[i]! *= inv;
  return vector;
}

/** Cosine similarity of two vectors (not assumed to be unit length; 0 when either is zero). */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
