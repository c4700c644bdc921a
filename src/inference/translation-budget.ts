import { GeneratorBusyError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { TextEngine } from './text-engine.js';
import { translate } from './translate.js';

/** Why a translation for search was not made. */
export type TranslationSkip = 'budget' | 'busy';

export interface TranslationBudgetOptions {
  readonly engine: TextEngine;
  /**
   * Translations running or waiting at once, all questions together (TRANSLATION_CONCURRENCY,
   * default 8: the model queue's length, which bounded them before they had a budget of their own).
   * One more is skipped at once: under load, answers get the model and questions are searched in
   * their own language only.
   */
  readonly maxInFlight: number;
  /** Most tokens of one translation (TRANSLATION_MAX_TOKENS, default 512). */
  readonly maxTokens: number;
  readonly logger: Logger;
  /** Counts each skip (the `polydesk_translations_skipped_total` metric). */
  readonly onSkip?: ((reason: TranslationSkip) => void) | undefined;
}

/**
 * Translation for cross-language search within a budget of its own, so that translations never
 * crowd answers out of the model: beyond `maxInFlight`, or when the model's queue is full, the
 * translation is skipped — logged, counted, and returned as an empty text (the search then uses the
 * question as asked). Other failures propagate as `translate` throws them.
 */
export function createTranslationBudget(
  options: TranslationBudgetOptions,
): (text: string, to: string, signal: AbortSignal) => Promise<string> {
  let inFlight = 0;
  const skip = (to: string, reason: TranslationSkip) => {
    options.logger('info', 'translation.skipped', { to, reason, inFlight });
    options.onSkip?.(reason);
    return '';
  };
  return async (text, to, signal) => {
    if (inFlight >= options.maxInFlight) return skip(to, 'budget');
    inFlight++;
    try {
      const budget = Math.min(
        options.maxTokens,
        2 * options.engine.countTokens([{ role: 'user', content: text }]) + 16,
      );
      return await translate(options.engine, text, to, { signal, maxTokens: budget });
    } catch (error) {
      if (error instanceof GeneratorBusyError) return skip(to, 'busy');
      throw error;
    } finally {
      inFlight--;
    }
  };
}
