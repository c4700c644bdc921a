import type { EmbedKind, Embedder } from '../../src/rag/embedder.js';
import { normalizeL2 } from '../../src/rag/embedder.js';

export interface FakeEmbedderOptions {
  readonly dimension?: number;
  /**
   * Groups of words that mean the same thing, in any language: every word of a group lands on the
   * same feature, so "reset my password" and "restablecer contraseña" embed close together.
   */
  readonly concepts?: readonly (readonly string[])[];
  /** Words that carry no meaning (ignored). */
  readonly stopWords?: readonly string[];
  readonly modelId?: string;
}

/**
 * A deterministic `Embedder` for retrieval tests: a normalised bag of hashed word features, with
 * synonyms and translations folded onto shared concepts. Quality is whatever the concepts say it is.
 */
export class FakeEmbedder implements Embedder {
  readonly modelId: string;
  readonly dimension: number;
  /** Texts embedded so far, to assert what was (not) sent to the model. */
  readonly calls: { texts: readonly string[]; kind: EmbedKind }[] = [];
  private readonly conceptOf = new Map<string, string>();
  private readonly stopWords: ReadonlySet<string>;
  private readonly segmenter = new Intl.Segmenter('und', { granularity: 'word' });

  constructor(options: FakeEmbedderOptions = {}) {
    this.dimension = options.dimension ?? 64;
    this.modelId = options.modelId ?? `fake-${this.dimension}`;
    this.stopWords = new Set(options.stopWords ?? []);
    (options.concepts ?? []).forEach((group, i) => {
      for (const word of group) this.conceptOf.set(word.toLowerCase(), `concept:${i}`);
    });
  }

  async embed(texts: readonly string[], kind: EmbedKind): Promise<Float32Array[]> {
    this.calls.push({ texts: [...texts], kind });
    return texts.map((text) => this.vectorOf(text));
  }

  private vectorOf(text: string): Float32Array {
    const vector = new Float32Array(this.dimension);
    for (const { segment, isWordLike } of this.segmenter.segment(text.toLowerCase())) {
      if (!isWordLike || this.stopWords.has(segment)) continue;
      const feature = this.conceptOf.get(segment) ?? segment;
      const h = hash(feature);
      vector[h % this.dimension]! += h & 0x8000_0000 ? -1 : 1;
    }
    if (vector.every((v) => v === 0)) vector[0] = 1;
    return normalizeL2(vector);
  }
}

/** FNV-1a, 32-bit. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
