import type { RespondFn } from '@slack/bolt';
import { notice } from '../../answer/ports.js';
import { parseFeedbackValue } from './slack-blocks.js';
import type { SlackContext } from './slack-context.js';
import { describeSlackError } from './slack-errors.js';
import { localeLanguage } from './slack-people.js';

/** A click on 👍/👎 under an answer (Slack's feedback_buttons or the plain-button fallback). */
export interface FeedbackClick {
  readonly value: string | undefined;
  readonly user: string;
  readonly channel: string | undefined;
  readonly threadTs: string | undefined;
}

/** Records the rating for the answer's question and thanks the user privately. */
export async function recordFeedback(
  context: SlackContext,
  click: FeedbackClick,
  respond: RespondFn | undefined,
): Promise<void> {
  const parsed = parseFeedbackValue(click.value);
  if (!parsed) return;
  const profile = await context.people.profile(click.user);
  await context.feedback.record({
    questionId: parsed.questionId,
    rating: parsed.rating,
    user: profile.email ?? `slack:${click.user}`,
    platform: 'slack',
  });
  context.logger('info', 'slack.feedback', { questionId: parsed.questionId, rating: parsed.rating });
  const text = notice(localeLanguage(profile.locale) ?? 'en', 'feedbackThanks');
  try {
    if (respond) await respond({ response_type: 'ephemeral', replace_original: false, text });
    else if (click.channel) {
      await context.api.chat.postEphemeral({
        channel: click.channel,
        user: click.user,
        thread_ts: click.threadTs,
        text,
      });
    }
  } catch (error) {
    context.logger('debug', 'slack.feedback_thanks_failed', { error: describeSlackError(error) });
  }
}
