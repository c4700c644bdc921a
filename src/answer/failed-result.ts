import type { AnswerResult } from '../core/types.js';
import { t } from '../core/i18n.js';

/** The apology an adapter shows when the pipeline itself threw (nothing was recorded as answered). */
export function failedResult(language: string): AnswerResult {
  return {
    questionId: '',
    status: 'failed',
    answer: t(language, 'failed'),
    language,
    citations: [],
    verdict: { action: 'allow', findings: [], text: '' },
    generator: 'none',
    extractive: false,
    retrievedChunkIds: [],
    latencyMs: 0,
  };
}
