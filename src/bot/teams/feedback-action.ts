import type { InvokeResponse, TurnContext } from 'botbuilder';
import { describeError } from '../../core/errors.js';
import { notice } from '../../answer/ports.js';
import { renderNotice } from './answer-card.js';
import { describeConnectorError } from './connector-retry.js';
import { type FeedbackClick, scopeOf } from './teams-activity.js';
import type { TeamsContext } from './teams-context.js';
import { post } from './teams-reply.js';

/**
 * Records a 👍/👎 for the answer's question and thanks the user: privately in the invoke response
 * of a Universal Action, or with a short reply in a 1:1 chat for the Action.Submit fallback (in a
 * channel that reply would be noise for everyone else).
 */
export async function recordFeedback(
  context: TeamsContext,
  turn: TurnContext,
  click: FeedbackClick,
): Promise<void> {
  let reply = notice(click.locale, 'feedbackThanks');
  try {
    const principal = await context.people.principal(turn, click.userId, click.locale);
    await context.feedback.record({
      questionId: click.questionId,
      rating: click.rating,
      user: principal.email,
      platform: 'teams',
    });
    context.logger('info', 'teams.feedback', { questionId: click.questionId, rating: click.rating });
  } catch (error) {
    // An unknown question id (a forged click, a deleted question) or the store being down.
    context.logger('warn', 'teams.feedback_failed', {
      questionId: click.questionId,
      error: describeError(error),
    });
    reply = notice(click.locale, 'failed');
  }
  if (click.invoke) {
    const response: InvokeResponse = {
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: reply },
    };
    await turn.sendActivity({ type: 'invokeResponse', value: response });
    return;
  }
  if (scopeOf(turn.activity) !== 'personal') return;
  try {
    await post(turn, renderNotice(reply), context);
  } catch (error) {
    context.logger('debug', 'teams.feedback_thanks_failed', { error: describeConnectorError(error) });
  }
}
