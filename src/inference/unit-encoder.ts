import { LRUCache } from 'lru-cache';
import { type Embedder, cosine } from '../rag/embedder.js';

/**
 * The sentence encoder as the extractive reader uses it: how close in meaning each quotable unit of
 * the sources is to the question, so that a unit saying "the wellness allowance covers a gym" can be
 * found for "will the company chip in for my gym?" although they share one word. Unit vectors are kept
 * between questions (the same pages answer most questions); an encoder that fails or is slow never
 * costs an answer: the reader goes on with its lexical reading.
 */

export interface UnitEncoderOptions {
  readonly embedder: Embedder;
  /** Most units embedded for one question, the first sources' first (default 64). */
  readonly maxUnits?: number;
  /** Unit vectors kept between questions (default 8192; the runtime's embedder keeps the questions'). */
  readonly cacheSize?: number;
  /** After this many milliseconds the reader goes on without the encoder (default 2000). */
  readonly timeoutMs?: number;
  /** Told of a failed or timed-out encoding (the answer goes on without it). */
  readonly onError?: ((error: unknown) => void) | undefined;
}

export interface UnitEncoder {
  /** The encoder's model: a calibration fitted with another model does not apply to it. */
  readonly modelId: string;
  /**
   * Cosine similarity of the question to each text (texts past `maxUnits` get none: NaN), or
   * undefined when the encoder failed, timed out or the signal aborted.
   */
  similarities(
    question: string,
    texts: readonly string[],
    signal?: AbortSignal,
  ): Promise<Float32Array | undefined>;
}

export const DEFAULT_MAX_UNITS = 64;
export const DEFAULT_ENCODER_TIMEOUT_MS = 2000;

export function createUnitEncoder(options: UnitEncoderOptions): UnitEncoder {
  const { embedder } = options;
  const maxUnits = options.maxUnits ?? DEFAULT_MAX_UNITS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_ENCODER_TIMEOUT_MS;
  const passages = new LRUCache<string, Float32Array>({ max: options.cacheSize ?? 8192 });

  const vectors = async (question: string, texts: readonly string[]) => {
    const known = new Map<string, Float32Array>();
    for (const text of texts) {
      const vector = passages.get(text);
      if (vector) known.set(text, vector);
    }
    const missing = [...new Set(texts.filter((text) => !known.has(text)))];
    const [questionVector, unitVectors] = await Promise.all([
      embedder.embed([question], 'query').then((found) => found[0]!),
      missing.length > 0 ? embedder.embed(missing, 'passage') : Promise.resolve([]),
    ]);
    missing.forEach((text, i) => {
      known.set(text, unitVectors[i]!);
      passages.set(text, unitVectors[i]!);
    });
    return { question: questionVector, units: texts.map((text) => known.get(text)!) };
  };

  return {
    modelId: embedder.modelId,
    async similarities(question, texts, signal) {
      const scored = texts.slice(0, maxUnits);
      const result = new Float32Array(texts.length).fill(Number.NaN);
      if (scored.length === 0 || signal?.aborted) return undefined;
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => {
          options.onError?.(new Error(`the sentence encoder took longer than ${timeoutMs} ms`));
          resolve(undefined);
        }, timeoutMs);
        signal?.addEventListener('abort', () => resolve(undefined), { once: true });
      });
      try {
        // A late encoding still fills the cache for the next question.
        const found = await Promise.race([
          vectors(question, scored).catch((error: unknown) => {
            options.onError?.(error);
            return undefined;
          }),
          gaveUp,
        ]);
        if (!found) return undefined;
        found.units.forEach((vector, i) => {
          result[i] = cosine(found.question, vector);
        });
        return result;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
