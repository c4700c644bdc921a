import type { Activity, TurnContext } from 'botbuilder';
import { PolyDeskError, describeError } from '../../core/errors.js';
import { notice } from '../../answer/ports.js';
import { renderNotice } from './answer-card.js';
import type { IncomingQuestion, Place } from '../../core/types.js';
import { describeConnectorError } from './connector-retry.js';
import { type TeamsQuestionActivity, replyReference } from './teams-activity.js';
import type { TeamsContext } from './teams-context.js';
import { post } from './teams-reply.js';

/** What became of a question's activity on arrival, decided before its HTTP response goes out. */
export type Arrival =
  /** Ours to answer; `questionId` is set when the pipeline recorded it (undefined for a greeting). */
  | { readonly status: 'recorded'; readonly questionId: string | undefined }
  /** A re-delivered activity, claimed already by this or another replica: nothing is shown. */
  | { readonly status: 'duplicate' }
  /** It could not be recorded (most likely the database is down): the asker got an apology. */
  | { readonly status: 'apologised' };

/**
 * Claims a question's activity and records the question — in one transaction where the pipeline
 * offers it — in the turn of the activity, so that the Bot Connector gets its 200 only once the
 * question is safe: a process that dies before then never answered the request, which the Bot
 * Connector may deliver again (Teams retries requests a bot leaves unanswered for 15 s). From then
 * on, a process dying mid-answer leaves a recorded question for the recovery worker.
 *
 * When recording fails the asker gets an apology and the request its 200: they were told to try
 * again, and nothing was claimed, so a retry is answered normally. If even the apology cannot be
 * posted this throws, the endpoint answers 500, and a redelivery gets another chance.
 */
export async function recordArrival(
  context: TeamsContext,
  turn: TurnContext,
  message: TeamsQuestionActivity,
): Promise<Arrival> {
  try {
    if (!message.text) {
      const first = await context.claims.claim('teams', message.claimKey);
      return first ? { status: 'recorded', questionId: undefined } : duplicate(context, message);
    }
    const asker = await context.people.principal(turn, message.userId, message.locale);
    const arriving: IncomingQuestion = {
      text: message.text,
      asker,
      place: { ...teamsPlace(turn.activity, message), readers: [asker] },
      history: [],
      eventId: turn.activity.id,
    };
    if (context.answers.recordClaimed) {
      const questionId = await context.answers.recordClaimed(arriving, [message.claimKey]);
      return questionId ? { status: 'recorded', questionId } : duplicate(context, message);
    }
    if (!(await context.claims.claim('teams', message.claimKey))) return duplicate(context, message);
    return { status: 'recorded', questionId: await context.answers.record?.(arriving) };
  } catch (error) {
    context.logger('error', 'teams.arrival_failed', { scope: message.scope, error: describeError(error) });
    try {
      await post(turn, renderNotice(notice(message.locale, 'failed')), context);
    } catch (postError) {
      context.logger('error', 'teams.apology_failed', { error: describeConnectorError(postError) });
      throw new PolyDeskError('STORE_FAILED', 'the question could not be recorded nor the asker told', {
        cause: error,
      });
    }
    return { status: 'apologised' };
  }
}

/** Where a Teams question was asked, with the conversation reference an answer is delivered to later. */
export function teamsPlace(activity: Activity, message: TeamsQuestionActivity): Omit<Place, 'readers'> {
  return {
    platform: 'teams',
    kind: message.scope === 'personal' ? 'dm' : 'channel',
    channelId: message.baseConversationId,
    threadId: message.threadId,
    delivery: replyReference(activity, message.conversationId),
  };
}

function duplicate(context: TeamsContext, message: TeamsQuestionActivity): Arrival {
  context.logger('debug', 'teams.duplicate_activity', { scope: message.scope });
  return { status: 'duplicate' };
}
