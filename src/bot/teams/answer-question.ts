import type { Activity, TurnContext } from 'botbuilder';
import { askSafely } from '../answer-view.js';
import { describeError } from '../../core/errors.js';
import type { AnswerProgress } from '../../answer/ports.js';
import { notice } from '../../answer/ports.js';
import type { AnswerResult, IncomingQuestion, Principal, Turn } from '../../core/types.js';
import { renderNotice, renderResult } from './answer-card.js';
import { describeConnectorError } from './connector-retry.js';
import { handOffButtons } from './hand-off-actions.js';
import { teamsPlace } from './record-arrival.js';
import type { TeamsQuestionActivity } from './teams-activity.js';
import type { TeamsContext } from './teams-context.js';
import { StreamingReply, type TeamsReply, TypingReply } from './teams-reply.js';

/** The reply for a question: streamed in a 1:1 chat, a typing indicator then the card elsewhere. */
export function replyFor(
  context: TeamsContext,
  turn: TurnContext,
  message: TeamsQuestionActivity,
): TeamsReply {
  const options = { logger: context.logger, retry: context.retry, signal: context.signal };
  return message.scope === 'personal'
    ? new StreamingReply(turn, { ...options, intervalMs: context.streamIntervalMs })
    : new TypingReply(turn, { ...options, intervalMs: context.typingIntervalMs });
}

/** The first progress a question gets, in the turn of its activity: before the HTTP response goes out. */
export async function startReply(reply: TeamsReply, message: TeamsQuestionActivity): Promise<void> {
  if (message.text) await reply.start(notice(message.locale, 'searching'));
}

/**
 * The rest of the flow of one question, in a background turn around the question's activity:
 * asker and readers, the pipeline with the conversation's earlier turns, stream updates, then the
 * answer card or a notice (a greeting when the message held no question). The question was recorded
 * on arrival as `questionId`; the card is posted before the pipeline records the outcome, so that a
 * process dying in between leaves the question to the recovery worker rather than unseen.
 */
export async function answerQuestion(
  context: TeamsContext,
  turn: TurnContext,
  message: TeamsQuestionActivity,
  reply: TeamsReply,
  questionId: string | undefined,
): Promise<void> {
  reply.use(turn);
  let language = message.locale ?? 'en';
  if (!message.text) {
    const greeting = renderNotice(notice(language, 'greeting'));
    await reply.finish({ messages: [greeting], streamed: [greeting] });
    return;
  }

  const asker = await context.people.principal(turn, message.userId, message.locale);
  const readers = message.scope === 'personal' ? [asker] : await audience(context, turn, message, asker);
  const place = teamsPlace(turn.activity as Activity, message);
  const question: IncomingQuestion = {
    text: message.text,
    asker,
    place: { ...place, readers },
    history: await earlierTurns(context, place),
    eventId: turn.activity.id,
  };
  const onProgress = (progress: AnswerProgress) => {
    if (progress.type === 'started') language = progress.language;
    else if (progress.type === 'retrieved') reply.progress(notice(language, 'thinking'));
    else reply.update(progress.text);
  };
  let delivered = false;
  const show = async (result: AnswerResult) => {
    delivered = true;
    await reply.finish(renderResult(result, await handOffButtons(context, result, asker.email)));
  };
  const result = await askSafely(
    context.answers,
    question,
    { questionId, deliver: show, signal: context.signal, onProgress },
    () => language,
    { logger: context.logger, event: 'teams.answer_failed', describe: describeConnectorError },
  );
  // Superseded: another replica was judged to hold the question (this one looked dead) and posts.
  if (result.superseded) reply.abandon();
  else if (!delivered) await show(result);
}

/**
 * The conversation's earlier turns, as recorded (by any replica). The Bot Connector offers no way
 * to read a conversation back; without the database a question is answered on its own.
 */
async function earlierTurns(
  context: TeamsContext,
  place: ReturnType<typeof teamsPlace>,
): Promise<readonly Turn[]> {
  if (!place.channelId) return [];
  try {
    return await context.history.recent({
      platform: 'teams',
      channelId: place.channelId,
      threadId: place.threadId,
    });
  } catch (error) {
    context.logger('warn', 'teams.history_unavailable', { error: describeError(error) });
    return [];
  }
}

/** A reader PolyDesk cannot name: only documents everyone may read are used for them. */
const UNKNOWN_READER: Principal = Object.freeze({
  email: 'teams:unknown-member',
  groups: Object.freeze(['all']),
});

/**
 * The readers of an answer in a group chat or channel: every member (of the team, for a channel;
 * a private channel's members are among them). When Teams will not list them, or in a shared
 * channel where people outside the team read too, an anonymous reader with only the default groups
 * is added, so that nothing restricted is used.
 */
export async function audience(
  context: TeamsContext,
  turn: TurnContext,
  message: TeamsQuestionActivity,
  asker: Principal,
): Promise<readonly Principal[]> {
  try {
    const members = await context.people.readers(turn, {
      teamId: message.teamId,
      conversationId: message.baseConversationId,
    });
    return members.some((m) => m.email === asker.email) ? members : [asker, ...members];
  } catch (error) {
    context.logger('warn', 'teams.members_unavailable', {
      scope: message.scope,
      error: describeConnectorError(error),
    });
    return [asker, UNKNOWN_READER];
  }
}
