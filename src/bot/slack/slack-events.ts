/**
 * Which Slack events are questions for PolyDesk, translated into `ChatMessage`s. Everything else
 * (bots, PolyDesk itself, edits, joins, top-level channel chatter) is ignored.
 */
import type { ChatMessage } from './answer-message.js';
import { mentionsUser } from './slack-text.js';
import type { BotIdentity } from './thread-history.js';

/** The fields of a Slack message or app_mention event PolyDesk reads. */
export interface SlackMessageEvent {
  readonly type?: string;
  readonly subtype?: string;
  readonly channel?: string;
  readonly channel_type?: string;
  readonly user?: string;
  readonly bot_id?: string;
  readonly text?: string;
  readonly ts?: string;
  readonly thread_ts?: string;
  readonly team?: string;
}

export interface EventEnvelope {
  readonly event_id?: string;
  readonly team_id?: string;
}

/** Message subtypes that are a person writing (everything else is an edit, a join, a bot, ...). */
const USER_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

function fromPerson(
  event: SlackMessageEvent,
  bot: BotIdentity,
): event is SlackMessageEvent & { user: string; channel: string; ts: string } {
  return (
    USER_SUBTYPES.has(event.subtype) &&
    event.bot_id === undefined &&
    typeof event.user === 'string' &&
    event.user !== bot.userId &&
    typeof event.channel === 'string' &&
    typeof event.ts === 'string'
  );
}

/** `app_mention` in a channel: answer in the thread of the mention. */
export function questionFromMention(
  event: SlackMessageEvent,
  envelope: EventEnvelope,
  bot: BotIdentity,
): ChatMessage | undefined {
  if (!fromPerson(event, bot) || event.channel_type === 'im') return undefined;
  return {
    eventId: envelope.event_id,
    teamId: event.team ?? envelope.team_id,
    channel: event.channel,
    kind: 'channel',
    user: event.user,
    text: event.text ?? '',
    ts: event.ts,
    threadTs: event.thread_ts,
    replyThreadTs: event.thread_ts ?? event.ts,
    onlyIfBotInThread: false,
  };
}

/**
 * `message` events: every DM; in channels only thread replies without a mention (a mention comes
 * as `app_mention` too), answered only where PolyDesk already takes part in the thread.
 */
export function questionFromMessage(
  event: SlackMessageEvent,
  envelope: EventEnvelope,
  bot: BotIdentity,
): ChatMessage | undefined {
  if (!fromPerson(event, bot)) return undefined;
  const base = {
    eventId: envelope.event_id,
    teamId: event.team ?? envelope.team_id,
    channel: event.channel,
    user: event.user,
    text: event.text ?? '',
    ts: event.ts,
    threadTs: event.thread_ts,
  };
  if (event.channel_type === 'im') {
    return { ...base, kind: 'dm', replyThreadTs: event.thread_ts, onlyIfBotInThread: false };
  }
  if (!event.thread_ts || event.thread_ts === event.ts || mentionsUser(event.text ?? '', bot.userId))
    return undefined;
  return { ...base, kind: 'channel', replyThreadTs: event.thread_ts, onlyIfBotInThread: true };
}

/**
 * True for an Events API delivery that may carry a question (a person's message or mention): its
 * acknowledgement waits until the question is recorded.
 */
export function mayBeQuestion(body: Record<string, unknown>): boolean {
  if (body['type'] !== 'event_callback') return false;
  const event = body['event'] as SlackMessageEvent | undefined;
  return (
    (event?.type === 'app_mention' || event?.type === 'message') &&
    USER_SUBTYPES.has(event.subtype) &&
    event.bot_id === undefined &&
    typeof event.user === 'string'
  );
}
