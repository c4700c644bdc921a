import type { ReviewService } from '../answer/review-service.js';
import type { AnswerRating, HeldAnswerLookup } from '../bot/web/web-chat.js';
import type { Store } from '../store/store.js';

/**
 * Outcomes that the asker saw as an answer with 👍/👎 under it, as in Slack and Teams: an answer,
 * the not-found reply, and a held answer (rated once a reviewer released it).
 */
const RATED_OUTCOMES: ReadonlySet<string> = new Set(['answered', 'not_found', 'held']);

/** A held answer the asker has seen: a reviewer released it (as it was, or edited). */
const RELEASED: ReadonlySet<string> = new Set(['approved', 'edited']);

/**
 * The chat page's 👍/👎, stored by the same call and with the same data as Slack's and Teams'
 * (`feedback.record`, one rating per person and question), so that the insight page counts them;
 * only for a question that this asker asked on the chat page and saw answered — a held answer once
 * a reviewer released it, never while it waits or after it was rejected.
 */
export function webAnswerRating(store: Pick<Store, 'questions' | 'feedback' | 'reviews'>): AnswerRating {
  return async ({ questionId, asker, rating }) => {
    const question = await store.questions.get(questionId);
    if (question?.platform !== 'web' || question.asker !== asker || !RATED_OUTCOMES.has(question.status))
      return undefined;
    if (question.status === 'held') {
      const review = await store.reviews.forQuestion(questionId);
      if (!review || !RELEASED.has(review.status)) return undefined;
    }
    await store.feedback.record({ questionId, rating, user: asker, platform: 'web' });
    return 'recorded';
  };
}

/** Held answers asked from the chat page (and only those): status, and the text and sources once approved. */
export function webHeldAnswer(store: Pick<Store, 'reviews'>, reviews: ReviewService): HeldAnswerLookup {
  return async (reviewId, asker) => {
    const review = await store.reviews.get(reviewId);
    if (review?.platform !== 'web' || review.asker !== asker) return undefined;
    if (review.status === 'pending') return { status: 'pending' };
    if (review.status === 'rejected') return { status: 'rejected' };
    const answer = await reviews.deliverableText(review);
    return answer === undefined
      ? { status: 'pending' }
      : { status: 'approved', answer, citations: review.citations };
  };
}
