import type { Activity, ConversationReference } from 'botbuilder';
import type { Rating } from '../../answer/ports.js';

/** Where in Teams a message was written: a 1:1 chat, a group chat, or a channel (reply thread). */
export type TeamsScope = 'personal' | 'groupChat' | 'channel';

/** A Teams message PolyDesk should answer, translated out of the activity that carried it. */
export interface TeamsQuestionActivity {
  readonly scope: TeamsScope;
  /** The question, with PolyDesk's mention removed and the other mentions reduced to names. */
  readonly text: string;
  /** Conversation the answer goes to; in a channel, the reply thread (`...;messageid=<root>`). */
  readonly conversationId: string;
  /** Conversation without a thread suffix: the chat or channel. */
  readonly baseConversationId: string;
  /** Root message of the reply thread (channels only). */
  readonly threadId: string | undefined;
  /** The team of a channel, whose roster is the channel's readers. */
  readonly teamId: string | undefined;
  /** A shared channel: people outside the team may read it too. */
  readonly sharedChannel: boolean;
  readonly userId: string;
  readonly locale: string | undefined;
  /** The exactly-once key: Teams message ids are only unique within a conversation. */
  readonly claimKey: string;
}

/** 👍/👎 on an answer card, from an `Action.Execute` invoke or an `Action.Submit` fallback. */
export interface FeedbackClick {
  readonly questionId: string;
  readonly rating: Rating;
  readonly userId: string;
  readonly locale: string | undefined;
  /** True for `Action.Execute`: the reply goes in the invoke response. */
  readonly invoke: boolean;
}

export const FEEDBACK_VERB = 'polydesk.feedback';
/** The card actions of a hand-off (Action.Submit data `{action, …}`). */
export const ESCALATE_VERB = 'polydesk_escalate';
export const SUBSCRIBE_VERB = 'polydesk_subscribe';
export const RESOLVE_VERB = 'polydesk_resolve';
export const SAVE_STANDARD_VERB = 'polydesk_save_standard';
/** "Summarise [n]" under an answer's sources (Action.Submit data `{action, source}`). */
export const SUMMARIZE_VERB = 'polydesk_summarize';

/** A click on a hand-off card action: "Ask a person", "Tell me", "Resolved", "Save as standard answer". */
export type HandOffAction =
  | { readonly verb: typeof ESCALATE_VERB | typeof SUBSCRIBE_VERB; readonly questionId: string }
  | { readonly verb: typeof RESOLVE_VERB; readonly escalationId: string }
  | { readonly verb: typeof SAVE_STANDARD_VERB; readonly escalationId: string; readonly replyId: string };

const id = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;

/** The hand-off action an activity carries (an Action.Submit's `value`), or undefined. */
export function handOffActionOf(activity: Activity): HandOffAction | undefined {
  if (activity.type !== 'message' || typeof activity.value !== 'object' || activity.value === null)
    return undefined;
  const v = activity.value as Record<string, unknown>;
  switch (v['action']) {
    case ESCALATE_VERB:
    case SUBSCRIBE_VERB:
      return id(v['questionId']) ? { verb: v['action'], questionId: v['questionId'] } : undefined;
    case RESOLVE_VERB:
      return id(v['escalationId']) ? { verb: RESOLVE_VERB, escalationId: v['escalationId'] } : undefined;
    case SAVE_STANDARD_VERB:
      return id(v['escalationId']) && id(v['replyId'])
        ? { verb: SAVE_STANDARD_VERB, escalationId: v['escalationId'], replyId: v['replyId'] }
        : undefined;
    default:
      return undefined;
  }
}

/** A channel thread's parts: `19:…@thread.tacv2;messageid=<root>` → the channel and the root message. */
export function channelThread(conversationId: string): { channel: string; thread: string } | undefined {
  const [channel, thread] = conversationId.split(THREAD_MARKER);
  return channel && thread ? { channel, thread } : undefined;
}
const THREAD_MARKER = ';messageid=';

export function scopeOf(activity: Partial<Activity>): TeamsScope {
  const type = activity.conversation?.conversationType;
  if (type === 'channel' || type === 'groupChat' || type === 'personal') return type;
  return activity.conversation?.isGroup ? 'groupChat' : 'personal';
}

/**
 * The question in a message activity, or undefined when PolyDesk should stay silent: a message from
 * itself, a card button's submit, or a group chat or channel message that does not @mention it.
 */
export function questionFromActivity(activity: Activity): TeamsQuestionActivity | undefined {
  if (activity.type !== 'message' || !activity.id || !activity.from?.id || !activity.conversation?.id)
    return undefined;
  if (activity.from.id === activity.recipient?.id) return undefined;
  if (isFeedbackValue(activity.value)) return undefined;
  const scope = scopeOf(activity);
  const botId = activity.recipient?.id;
  const mentioned = (activity.entities ?? []).some((e) => e.type === 'mention' && mentionedId(e) === botId);
  if (scope !== 'personal' && !mentioned) return undefined;

  const rawId = activity.conversation.id;
  const base = rawId.split(THREAD_MARKER)[0] ?? rawId;
  const threadId = scope === 'channel' ? (rawId.split(THREAD_MARKER)[1] ?? activity.id) : undefined;
  const channelData = (activity.channelData ?? {}) as {
    team?: { id?: unknown };
    channel?: { type?: unknown };
  };
  return {
    scope,
    text: questionText(activity.text ?? '', activity.entities ?? [], botId),
    conversationId: threadId ? `${base}${THREAD_MARKER}${threadId}` : rawId,
    baseConversationId: base,
    threadId,
    teamId: typeof channelData.team?.id === 'string' ? channelData.team.id : undefined,
    sharedChannel: scope === 'channel' && channelData.channel?.type === 'shared',
    userId: activity.from.id,
    locale: activity.locale || undefined,
    claimKey: `${rawId}|${activity.id}`,
  };
}

/**
 * Message text as a question: PolyDesk's own mention removed (by the mention entities' text, as
 * Teams writes it into the message), other people's mentions reduced to their names, the few HTML
 * entities Teams uses decoded, whitespace collapsed.
 */
export function questionText(
  text: string,
  entities: readonly { type?: string; text?: unknown }[],
  botId: string | undefined,
): string {
  let out = text;
  for (const entity of entities) {
    if (entity.type !== 'mention' || typeof entity.text !== 'string' || !entity.text) continue;
    out = out.split(entity.text).join(mentionedId(entity) === botId ? ' ' : stripTags(entity.text));
  }
  return decodeEntities(stripTags(out))
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** The conversation reference an answer is delivered with, pointing at the question (and its thread). */
export function replyReference(activity: Activity, conversationId: string): ConversationReference {
  return {
    activityId: activity.id,
    user: plainCopy(activity.from),
    bot: plainCopy(activity.recipient),
    conversation: { ...activity.conversation, id: conversationId },
    channelId: activity.channelId,
    locale: activity.locale,
    serviceUrl: activity.serviceUrl,
  };
}

/** A feedback click carried by an activity, or undefined. */
export function feedbackFromActivity(activity: Activity): FeedbackClick | undefined {
  const userId = activity.from?.id;
  if (!userId) return undefined;
  const locale = activity.locale || undefined;
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
    const action = (activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
    if (action?.verb !== FEEDBACK_VERB || !isFeedbackValue(action.data)) return undefined;
    return { questionId: action.data.questionId, rating: action.data.rating, userId, locale, invoke: true };
  }
  if (activity.type === 'message' && isFeedbackValue(activity.value)) {
    return {
      questionId: activity.value.questionId,
      rating: activity.value.rating,
      userId,
      locale,
      invoke: false,
    };
  }
  return undefined;
}

/** The data of a feedback button: `{action: 'polydesk.feedback', questionId, rating}`. */
export function isFeedbackValue(
  value: unknown,
): value is { action: string; questionId: string; rating: Rating } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v['action'] === FEEDBACK_VERB &&
    typeof v['questionId'] === 'string' &&
    v['questionId'].length > 0 &&
    v['questionId'].length <= 200 &&
    (v['rating'] === 'up' || v['rating'] === 'down')
  );
}

function mentionedId(entity: unknown): string | undefined {
  const mentioned = (entity as { mentioned?: { id?: unknown } }).mentioned;
  return typeof mentioned?.id === 'string' ? mentioned.id : undefined;
}

function plainCopy<T>(account: T): T {
  return JSON.parse(JSON.stringify(account)) as T;
}

function stripTags(text: string): string {
  return text.replace(/<\/?at>/gi, '').replace(/<br\s*\/?>/gi, '\n');
}

/** The named HTML entities Teams writes in message text (and `&#39;`), decoded. */
export const HTML_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'",
};

function decodeEntities(text: string): string {
  return text.replace(/&(nbsp|amp|lt|gt|quot|apos|#39);/g, (_, name: string) => HTML_ENTITIES[name] ?? '');
}
