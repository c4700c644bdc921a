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
  // Vectors being made are kept too: two questions over the same page embed its units once.
  const units = new LRUCache<string, Promise<Float32Array>>({ max: options.cacheSize ?? 8192 });

  /** Embeds texts as one batch, sharing the vectors (while being made too) through the cache. */
  const embedUnits = (texts: readonly string[], signal: AbortSignal) => {
    const batch = embedder.embed(texts, 'passage', { priority: 'interactive', signal }).then((vectors) => {
      if (vectors.length !== texts.length)
        throw new Error(`the encoder gave ${vectors.length} vectors for ${texts.length} texts`);
      return vectors;
    });
    return texts.map((text, i) => {
      const vector = batch.then((vectors) => vectors[i]!);
      units.set(text, vector);
      // Not kept when it failed or was given up: the next question asks again.
      vector.catch(() => {
        if (units.get(text) === vector) units.delete(text);
      });
      return vector;
    });
  };

  const unitVectors = async (texts: readonly string[], signal: AbortSignal) => {
    const unique = [...new Set(texts)];
    const found = new Map<string, Promise<Float32Array>>();
    for (const text of unique) {
      const vector = units.get(text);
      if (vector) found.set(text, vector);
    }
    const missing = unique.filter((text) => !found.has(text));
    if (missing.length > 0)
      for (const [i, vector] of embedUnits(missing, signal).entries()) found.set(missing[i]!, vector);
    const settled = await Promise.allSettled(unique.map((text) => found.get(text)!));
    // A vector another question was making, and gave up on (its answer stopped waiting): made again,
    // unless a third question is making it already.
    const lost = unique.filter((text, i) => settled[i]!.status === 'rejected' && !missing.includes(text));
    const again = new Map<string, Promise<Float32Array>>();
    const remake: string[] = [];
    for (const text of lost) {
      const pending = units.get(text);
      if (pending && pending !== found.get(text)) again.set(text, pending);
      else remake.push(text);
    }
    if (remake.length > 0 && !signal.aborted)
      for (const [i, vector] of embedUnits(remake, signal).entries()) again.set(remake[i]!, vector);
    const vectors = new Map<string, Float32Array>();
    for (const [i, text] of unique.entries()) {
      const outcome = settled[i]!;
      vectors.set(
        text,
        outcome.status === 'fulfilled' ? outcome.value : await (again.get(text) ?? found.get(text)!),
      );
    }
    return texts.map((text) => vectors.get(text)!);
  };

  const compute = async (question: string, texts: readonly string[], signal: AbortSignal) => {
    const [questionVectors, vectors] = await Promise.all([
      embedder.embed([question], 'query', { signal }),
      unitVectors(texts, signal),
    ]);
    const questionVector = questionVectors[0];
    if (!questionVector) throw new Error('the encoder gave no vector for the question');
    return vectors.map((vector) => cosine(questionVector, vector));
  };

  return {
    modelId: embedder.modelId,
    async similarities(question, texts, signal) {
      const scored = texts.slice(0, maxUnits);
      if (scored.length === 0 || signal?.aborted) return undefined;
      // This call's own signal: it drops the batches not yet started when the answer stops waiting.
      const stop = new AbortController();
      const onAbort = () => stop.abort();
      signal?.addEventListener('abort', onAbort, { once: true });
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => {
          options.onError?.(new Error(`the sentence encoder took longer than ${timeoutMs} ms`));
          stop.abort();
          resolve(undefined);
        }, timeoutMs);
        stop.signal.addEventListener('abort', () => resolve(undefined), { once: true });
      });
      try {
        const cosines = await Promise.race([
          compute(question, scored, stop.signal).catch((error: unknown) => {
            if (!stop.signal.aborted) options.onError?.(error);
            return undefined;
          }),
          gaveUp,
        ]);
        if (!cosines) return undefined;
        const result = new Float32Array(texts.length).fill(Number.NaN);
        result.set(cosines);
        return result;
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        // A computation still running is abandoned: its batches not yet started are dropped.
        stop.abort();
      }
    },
  };
}
