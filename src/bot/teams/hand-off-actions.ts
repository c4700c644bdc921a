import type { Activity, TurnContext } from 'botbuilder';
import { notice } from '../../answer/ports.js';
import { describeError, InputError } from '../../core/errors.js';
import type { MessageKey } from '../../core/i18n.js';
import type { AnswerResult } from '../../core/types.js';
import type { SaveOutcome } from '../../helpdesk/escalations.js';
import { answerViewOf } from '../answer-view.js';
import { type CardOptions, renderHandOff, renderNotice } from './answer-card.js';
import { describeConnectorError } from './connector-retry.js';
import {
  channelThread,
  ESCALATE_VERB,
  type HandOffAction,
  questionText,
  RESOLVE_VERB,
  SAVE_STANDARD_VERB,
  scopeOf,
} from './teams-activity.js';
import type { TeamsContext } from './teams-context.js';
import { post } from './teams-reply.js';

/** What an answer card offers: "Ask a person" where a route takes it, "Tell me" under a not-found. */
export async function handOffButtons(
  context: TeamsContext,
  result: AnswerResult,
  asker: string,
): Promise<CardOptions> {
  if (!answerViewOf(result)) return {};
  let escalate = false;
  try {
    escalate = (await context.handOff?.offered(asker, result.citations)) ?? false;
  } catch (error) {
    context.logger('warn', 'teams.handoff_offer_failed', { error: describeError(error) });
  }
  return { escalate, subscribe: result.status === 'not_found' && context.subscriptions !== undefined };
}

const SAVE_NOTICES: Readonly<Record<SaveOutcome['status'], MessageKey>> = {
  saved: 'handoff.saved',
  not_hand_off: 'handoff.notReply',
  empty: 'handoff.notReply',
  unavailable: 'failed',
  invalid: 'failed',
};

/**
 * A hand-off card action: "Ask a person" and "Tell me when it's answered" under an answer, "Resolved"
 * under a hand-off message, "Save as standard answer" under a relayed reply. A redelivered activity
 * is claimed already and does nothing (a second standard answer, say).
 */
export async function handOffAction(
  context: TeamsContext,
  turn: TurnContext,
  action: HandOffAction,
): Promise<void> {
  const activity = turn.activity as Activity;
  if (!(await context.claims.claim('teams', `${activity.conversation.id}|${activity.id}`))) return;
  const locale = activity.locale || undefined;
  const by = (await context.people.principal(turn, activity.from.id, locale)).email;
  const tell = (key: MessageKey) => post(turn, renderNotice(notice(locale, key)), context);
  const { handOff } = context;
  if (action.verb === ESCALATE_VERB) {
    if (!handOff) return;
    const outcome = await handOff.escalate({ questionId: action.questionId, by, platform: 'teams' });
    context.logger('info', 'teams.handoff', { outcome: outcome.status });
    await tell(
      outcome.status === 'posted'
        ? 'handoff.sent'
        : outcome.status === 'already'
          ? 'handoff.already'
          : 'handoff.unavailable',
    );
  } else if (action.verb === RESOLVE_VERB) {
    if (!handOff) return;
    const outcome = await handOff.resolve(action.escalationId, by);
    if (outcome.status === 'not_found') return;
    const message = await handOff.message(action.escalationId);
    if (!message) return;
    const rendered = renderHandOff(message);
    try {
      await turn.updateActivity({
        type: 'message',
        id: outcome.escalation.expertThread ?? activity.replyToId,
        summary: rendered.summary,
        attachments: [...(rendered.attachments ?? [])],
      });
    } catch (error) {
      // The card keeps its button; the thread still learns it was resolved.
      context.logger('warn', 'teams.handoff_update_failed', { error: describeConnectorError(error) });
      if (outcome.status === 'resolved') await tell('handoff.resolved');
    }
  } else if (action.verb === SAVE_STANDARD_VERB) {
    const outcome: SaveOutcome = handOff
      ? await handOff.saveStandard({
          platform: 'teams',
          by,
          escalationId: action.escalationId,
          replyId: action.replyId,
        })
      : { status: 'not_hand_off' };
    context.logger('info', 'teams.standard_from_reply', { outcome: outcome.status });
    await tell(SAVE_NOTICES[outcome.status]);
  } else {
    if (!context.subscriptions) return;
    let key: MessageKey = 'handoff.subscribed';
    try {
      await context.subscriptions.subscribe(action.questionId, by);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      key = 'failed';
    }
    await tell(key);
  }
}

/**
 * An expert's message in a hand-off thread (PolyDesk mentioned, or every channel message where the
 * app may read them): relayed to the asker instead of answered. False when it is not in one.
 */
export async function relayIfExpertReply(context: TeamsContext, turn: TurnContext): Promise<boolean> {
  const activity = turn.activity as Activity;
  const { handOff } = context;
  if (
    !handOff ||
    activity.type !== 'message' ||
    scopeOf(activity) !== 'channel' ||
    !activity.id ||
    !activity.from?.id ||
    activity.from.id === activity.recipient?.id ||
    activity.value !== undefined
  )
    return false;
  const where = channelThread(activity.conversation?.id ?? '');
  if (!where || !(await handOff.isHandOffThread('teams', where.channel, where.thread))) return false;
  const by = (await context.people.principal(turn, activity.from.id, activity.locale || undefined)).email;
  const outcome = await handOff.expertReply({
    platform: 'teams',
    channel: where.channel,
    thread: where.thread,
    replyId: activity.id,
    author: by,
    text: questionText(activity.text ?? '', activity.entities ?? [], activity.recipient?.id),
  });
  context.logger('info', 'teams.expert_reply', { outcome: outcome.status });
  return true;
}
