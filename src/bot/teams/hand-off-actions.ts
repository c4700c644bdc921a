import type { Activity, TurnContext } from 'botbuilder';
import { notice } from '../../answer/ports.js';
import { InputError } from '../../core/errors.js';
import type { MessageKey } from '../../core/i18n.js';
import type { SaveOutcome } from '../../helpdesk/escalations.js';
import { ESCALATE_NOTICES, SAVE_NOTICES } from '../hand-off-buttons.js';
import { renderHandOff, renderNotice, SAVE_QUESTION_INPUT, SAVE_TITLE_INPUT } from './answer-card.js';
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

export { handOffButtons } from '../hand-off-buttons.js';

/** A conversation without its thread suffix: the chat or channel a question was asked in. */
const baseConversation = (id: string) => channelThread(id)?.channel ?? id;

/** A text field of the card's inputs, as Teams merges them into the action's value. */
function inputOf(activity: Activity, name: string): string {
  const value = (activity.value as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/**
 * A hand-off card action: "Ask a person" and "Tell me when it's answered" under an answer, "Resolved"
 * under a hand-off message, "Save as standard answer" under a relayed reply. A card's data comes
 * from the client, so each is taken only from where its card was posted: an answer's actions from
 * the question's own conversation (and "Ask a person" from its asker), an expert's from the
 * hand-off's thread. A redelivered activity is claimed already and does nothing.
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
  const conversation = baseConversation(activity.conversation.id);
  const thread = channelThread(activity.conversation.id);
  const { handOff } = context;
  if (action.verb === ESCALATE_VERB) {
    if (!handOff) return;
    const outcome = await handOff.escalate({
      questionId: action.questionId,
      by,
      platform: 'teams',
      conversation,
    });
    context.logger('info', 'teams.handoff', { outcome: outcome.status });
    await tell(ESCALATE_NOTICES[outcome.status]);
  } else if (action.verb === RESOLVE_VERB) {
    if (!handOff || !thread) return;
    const outcome = await handOff.resolve(action.escalationId, by, thread);
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
    const outcome: SaveOutcome =
      handOff && thread
        ? await handOff.saveStandard({
            platform: 'teams',
            by,
            escalationId: action.escalationId,
            replyId: action.replyId,
            from: thread,
            title: inputOf(activity, SAVE_TITLE_INPUT),
            question: inputOf(activity, SAVE_QUESTION_INPUT),
          })
        : { status: 'not_hand_off' };
    context.logger('info', 'teams.standard_from_reply', { outcome: outcome.status });
    await tell(SAVE_NOTICES[outcome.status]);
  } else {
    if (!context.subscriptions) return;
    // Only from the question's conversation, by its asker (checked where hand-offs run).
    if (
      handOff &&
      !(await handOff.askedBy({ questionId: action.questionId, by, platform: 'teams', conversation }))
    ) {
      context.logger('info', 'teams.subscribe_refused', {});
      await tell('failed');
      return;
    }
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
  const claim = await handOff.expertReply({
    platform: 'teams',
    channel: where.channel,
    thread: where.thread,
    replyId: activity.id,
    author: by,
    text: questionText(activity.text ?? '', activity.entities ?? [], activity.recipient?.id),
  });
  context.logger('info', 'teams.expert_reply', { outcome: claim.status });
  // The relay goes on after the turn (its posts are proactive); one that fails is retried later.
  if (claim.status === 'recorded')
    void claim.relayed.then((outcome) =>
      context.logger('info', 'teams.expert_reply_relayed', { outcome: outcome.status }),
    );
  return true;
}
