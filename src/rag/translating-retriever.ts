import { describeError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { SearchHit } from '../core/types.js';
import { fuseByReciprocalRank } from './hybrid-retriever.js';
import type { RetrievalQuery, Retriever } from './retriever.js';
import { primaryLanguage } from './text-analyzer.js';

export interface TranslatingRetrieverOptions {
  readonly base: Retriever;
  /** Translates a question into a language (BCP-47 primary subtag) with the configured model. */
  readonly translate: (text: string, to: string, signal: AbortSignal) => Promise<string>;
  /** The languages the knowledge base is written in, most documents first. */
  readonly corpusLanguages: () => Promise<readonly string[]>;
  /** At most this many translations per question (the cost is one model call each); default 3. */
  readonly maxLanguages?: number;
  /** A translation slower than this is skipped (the original-language hits still count); default 8 s. */
  readonly timeoutMs?: number;
  readonly logger: Logger;
}

/**
 * Cross-language retrieval: the question is also translated into the corpus languages that differ
 * from its own, each version is searched (with the same readers), and the lists are fused by
 * reciprocal rank, the original question first. A failed or slow translation only drops that list.
 */
export function createTranslatingRetriever(options: TranslatingRetrieverOptions): Retriever {
  const maxLanguages = options.maxLanguages ?? 3;
  const timeoutMs = options.timeoutMs ?? 8_000;
  return {
    async retrieve(query: RetrievalQuery): Promise<readonly SearchHit[]> {
      const own = primaryLanguage(query.language);
      const targets = (await options.corpusLanguages())
        .map((l) => primaryLanguage(l))
        .filter((l): l is string => l !== undefined && l !== own)
        .slice(0, maxLanguages);
      const original = options.base.retrieve(query);
      if (targets.length === 0) return original;
      const translated = targets.map(async (to) => {
        try {
          const text = await options.translate(query.text, to, AbortSignal.timeout(timeoutMs));
          if (!text.trim()) return [];
          return await options.base.retrieve({ ...query, text, language: to });
        } catch (error) {
          options.logger('warn', 'retrieval.translation_failed', { to, error: describeError(error) });
          return [];
        }
      });
      const lists = [await original, ...(await Promise.all(translated))];
      return fuseByReciprocalRank(
        lists.map((hits, i) => ({ hits, weight: i === 0 ? 1 : 0.8 })),
        60,
      ).slice(0, query.k);
    },
  };
}
