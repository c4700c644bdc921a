import type { AnswerResult } from '../core/types.js';
import { notice } from '../guardrails/checked-text.js';

/** The apology an adapter shows when the pipeline itself threw (nothing was recorded as answered). */
export function failedResult(language: string): AnswerResult {
  return {
    questionId: '',
    status: 'failed',
    answer: notice(language, 'failed'),
    language,
    citations: [],
    verdict: { action: 'allow', findings: [], text: notice(language, 'failed') },
    generator: 'none',
    extractive: false,
    retrievedChunkIds: [],
    latencyMs: 0,
  };
}
