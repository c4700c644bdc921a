import type { Analyzer } from '../rag/text-analyzer.js';
import type { Store } from '../store/store.js';
import type { AdminQueries, DayCount, DownVotedAnswer, RecentSummary } from './admin-queries.js';
import { type GapGroup, groupKnowledgeGaps } from './knowledge-gaps.js';

/** What HR and IT need to know to decide what to write next. */
export interface Insight {
  readonly since: string;
  readonly questions: number;
  readonly perDay: readonly DayCount[];
  readonly medianLatencyMs?: number | undefined;
  readonly feedback: { readonly up: number; readonly down: number; readonly ratio?: number | undefined };
  readonly pendingReviews: number;
  readonly gaps: readonly GapGroup[];
  readonly downVoted: readonly DownVotedAnswer[];
  /** Summaries asked for in the period (issue 18): not questions, never knowledge gaps. */
  readonly summaries: number;
  readonly recentSummaries: readonly RecentSummary[];
}

/** How many of the latest unanswered questions are grouped into knowledge gaps. */
const GAP_QUESTIONS = 1000;

export async function computeInsight(
  deps: {
    store: Pick<Store, 'questions' | 'feedback' | 'reviews'>;
    queries: AdminQueries;
    analyze: Analyzer;
  },
  options: { days: number; now: Date },
): Promise<Insight> {
  const since = new Date(options.now.getTime() - options.days * 86_400_000);
  since.setUTCHours(0, 0, 0, 0);
  const [
    perDay,
    medianLatencyMs,
    feedback,
    pendingReviews,
    unanswered,
    downVoted,
    summaries,
    recentSummaries,
  ] = await Promise.all([
    deps.queries.answersPerDay(since),
    deps.queries.medianLatencyMs(since),
    deps.store.feedback.summary(),
    deps.store.reviews.count('pending'),
    deps.store.questions.knowledgeGaps(GAP_QUESTIONS),
    deps.queries.downVoted(50),
    deps.queries.summariesSince(since),
    deps.queries.recentSummaries(50),
  ]);
  const rated = feedback.up + feedback.down;
  return {
    since: since.toISOString(),
    questions: perDay.reduce((sum, d) => sum + d.total, 0),
    perDay,
    medianLatencyMs,
    feedback: { ...feedback, ratio: rated > 0 ? feedback.up / rated : undefined },
    pendingReviews,
    gaps: groupKnowledgeGaps(unanswered, deps.analyze).slice(0, 50),
    downVoted,
    summaries,
    recentSummaries,
  };
}
