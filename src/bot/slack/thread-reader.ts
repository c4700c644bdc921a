import type { ThreadMessage } from '../../answer/summary-ports.js';
import { authorName } from '../../core/display-name.js';
import { Latest, type ThreadLimits, type ThreadWindow } from '../thread-window.js';
import type { SlackContext } from './slack-context.js';
import { slackErrorCode } from './slack-errors.js';
import { fromSlackText } from './slack-text.js';

/** A thread as read for a summary, or why it could not be read. */
export type SlackThreadRead =
  | ({ readonly status: 'read' } & ThreadWindow)
  /** The app is not in the conversation (or may not read it): it must be added first. */
  | { readonly status: 'not_member' }
  | { readonly status: 'not_found' };

/** The fields of a `conversations.replies` message this reader uses. */
interface SlackReply {
  readonly ts?: string;
  readonly user?: string;
  readonly bot_id?: string;
  readonly subtype?: string;
  readonly text?: string;
  readonly username?: string;
  readonly bot_profile?: { readonly name?: string };
}

/** Slack's advice for paged methods: no more than 200 a page. */
const PAGE_SIZE = 200;

/** Subtypes that carry something someone wrote (joins, topic changes and the like do not). */
const WRITTEN = new Set([undefined, 'thread_broadcast', 'file_share', 'bot_message', 'me_message']);

/** Errors of `conversations.replies` that mean PolyDesk may not read the conversation. */
const NOT_MEMBER = new Set(['not_in_channel', 'channel_not_found', 'missing_scope', 'access_denied']);

/**
 * Reads a thread for its summary with `conversations.replies`, paged by cursor, oldest first:
 * the latest `maxMessages` of at most `maxScanned`. PolyDesk's own messages are left out: they are
 * its answers (quotes of documents already shown to this thread's readers, or notices) and earlier
 * summaries, which would otherwise be summarised again, each time more of the summary than of the
 * people's discussion. Other bots' messages stay: an alert or a build result is often what the
 * thread is about. Authors are shown by name, and so are mentions of them in the text.
 */
export async function readSlackThread(
  context: SlackContext,
  where: { readonly channel: string; readonly threadTs: string },
  limits: ThreadLimits,
): Promise<SlackThreadRead> {
  const bot = context.bot();
  const ours = (m: SlackReply) => m.user === bot.userId || (m.bot_id !== undefined && m.bot_id === bot.botId);
  const latest = new Latest<{ readonly reply: SlackReply; readonly text: string }>(limits.maxMessages);
  let complete = true;
  try {
    let scanned = 0;
    for await (const page of context.api.paginate('conversations.replies', {
      channel: where.channel,
      ts: where.threadTs,
      limit: PAGE_SIZE,
    })) {
      const messages = (page as { messages?: SlackReply[] }).messages ?? [];
      for (const reply of messages) {
        if (!reply.ts || ours(reply) || !WRITTEN.has(reply.subtype)) continue;
        const text = fromSlackText(reply.text ?? '', bot.userId).slice(0, limits.maxMessageChars);
        if (text) latest.push({ reply, text });
      }
      scanned += messages.length;
      if (scanned >= limits.maxScanned) {
        complete = !(page as { has_more?: boolean }).has_more;
        break;
      }
    }
  } catch (error) {
    const code = slackErrorCode(error);
    if (code && NOT_MEMBER.has(code)) return { status: 'not_member' };
    if (code === 'thread_not_found' || code === 'message_not_found') return { status: 'not_found' };
    throw error;
  }
  const kept = latest.items();
  const names = await authorNames(
    context,
    kept.map((k) => k.reply),
  );
  const messages = kept.map(({ reply, text }) =>
    toThreadMessage(reply, mentionsByName(text, names), names, where, bot.url),
  );
  return { status: 'read', messages, seen: latest.seen, complete };
}

/** Display names of the people who wrote (their user id when Slack has no name for them). */
async function authorNames(
  context: SlackContext,
  messages: readonly SlackReply[],
): Promise<Map<string, string>> {
  const ids = [...new Set(messages.map((m) => m.user).filter((id): id is string => Boolean(id)))];
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 8) {
    const batch = await Promise.all(ids.slice(i, i + 8).map((id) => context.people.profile(id)));
    for (const profile of batch) names.set(profile.id, authorName(profile.name) ?? profile.id);
  }
  return names;
}

function toThreadMessage(
  m: SlackReply,
  text: string,
  names: ReadonlyMap<string, string>,
  where: { readonly channel: string; readonly threadTs: string },
  workspaceUrl: string | undefined,
): ThreadMessage {
  const author =
    (m.user && names.get(m.user)) || authorName(m.bot_profile?.name) || authorName(m.username) || 'bot';
  const seconds = Number(m.ts);
  return {
    author,
    text,
    ...(Number.isFinite(seconds) ? { at: new Date(seconds * 1000).toISOString() } : {}),
    ...(workspaceUrl ? { link: messageLink(workspaceUrl, where, m.ts!) } : {}),
  };
}

/** `@U123ABC` (what fromSlackText leaves of a mention) as `@Name` for the people who wrote in the thread. */
function mentionsByName(text: string, names: ReadonlyMap<string, string>): string {
  return text.replace(/@([UW][A-Z0-9]{2,})\b/g, (whole, id: string) => {
    const name = names.get(id);
    return name ? `@${name}` : whole;
  });
}

/** A message's permalink as Slack writes it: `…/archives/C123/p1700000000000100?thread_ts=…&cid=C123`. */
function messageLink(
  workspaceUrl: string,
  where: { readonly channel: string; readonly threadTs: string },
  ts: string,
): string {
  const base = workspaceUrl.endsWith('/') ? workspaceUrl : `${workspaceUrl}/`;
  const params = new URLSearchParams({ thread_ts: where.threadTs, cid: where.channel });
  return `${base}archives/${encodeURIComponent(where.channel)}/p${ts.replace('.', '')}?${params}`;
}
