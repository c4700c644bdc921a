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

/**
 * The result to show an asker who waits on this process: the chat page, the CLI. A superseded result
 * is not this process's to show (another replica took the question over), and no replica can reach
 * such an asker later (recovery completes web and CLI questions with an apology, delivering nothing):
 * the failed notice, so that they ask again — never the answer, never "awaiting review" for a review
 * that was not created.
 */
export function resultForWaitingAsker(result: AnswerResult): AnswerResult {
  if (!result.superseded) return result;
  return { ...failedResult(result.language), questionId: result.questionId, latencyMs: result.latencyMs };
}
