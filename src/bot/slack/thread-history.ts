import type { webApi } from '@slack/bolt';
import type { Turn } from '../../core/types.js';
import { fromSlackText } from './slack-text.js';

export interface ThreadHistory {
  /** True when PolyDesk has posted in the thread (follow-ups there need no new mention). */
  readonly botInThread: boolean;
  /** Earlier turns of the thread, oldest first, the current message excluded. */
  readonly turns: readonly Turn[];
}

export interface BotIdentity {
  readonly userId: string;
  readonly botId: string;
  readonly teamId: string | undefined;
  /** The workspace's address (`https://acme.slack.com/`, from `auth.test`), for links to messages. */
  readonly url?: string | undefined;
}

const MAX_TURNS = 12;
const MAX_TURN_CHARS = 2_000;

/** Reads a thread (`conversations.replies`) up to the message being answered. */
export async function loadThreadHistory(
  api: webApi.WebClient,
  bot: BotIdentity,
  channel: string,
  threadTs: string,
  currentTs: string,
): Promise<ThreadHistory> {
  const messages: Array<{ ts?: string; user?: string; bot_id?: string; text?: string; subtype?: string }> =
    [];
  for await (const page of api.paginate('conversations.replies', { channel, ts: threadTs, limit: 200 })) {
    messages.push(...((page as { messages?: typeof messages }).messages ?? []));
    if (messages.length >= 1_000) break;
  }
  const isBot = (m: (typeof messages)[number]) =>
    m.user === bot.userId || (m.bot_id !== undefined && m.bot_id === bot.botId);
  const turns: Turn[] = [];
  for (const m of messages) {
    if (m.ts === currentTs) break;
    if (m.subtype && m.subtype !== 'thread_broadcast' && m.subtype !== 'file_share' && !isBot(m)) continue;
    if (m.bot_id && !isBot(m)) continue;
    const text = fromSlackText(m.text ?? '', bot.userId).slice(0, MAX_TURN_CHARS);
    if (text) turns.push({ role: isBot(m) ? 'assistant' : 'user', text });
  }
  return { botInThread: messages.some(isBot), turns: turns.slice(-MAX_TURNS) };
}
