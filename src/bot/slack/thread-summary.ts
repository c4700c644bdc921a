import type { RespondFn } from '@slack/bolt';
import { type CheckedText, notice } from '../../answer/ports.js';
import type { SummaryResult } from '../../answer/summary-ports.js';
import { describeError } from '../../core/errors.js';
import type { MessageKey } from '../../core/i18n.js';
import type { Principal } from '../../core/types.js';
import { coverageNote, type ThreadWindow } from '../thread-window.js';
import { type ChatMessage, channelAudience, type SlackDelivery } from './answer-message.js';
import { type Block, renderFollowUp, renderNotice, type SlackMessage, withBlocks } from './slack-blocks.js';
import { claimOnce, type SlackContext } from './slack-context.js';
import { describeSlackError } from './slack-errors.js';
import { localeLanguage } from './slack-people.js';
import { escapeMrkdwn } from './slack-text.js';
import { readSlackThread } from './thread-reader.js';
import { ThrottledProgress } from '../summary-progress.js';

/**
 * Progress edits of a thread summary through the response_url: Slack takes a response_url five
 * times, so the first progress, two edits of it and the summary that replaces it leave one for
 * "posted in the thread".
 */
const RESPONSE_URL_PROGRESS = 3;

/** The message shortcut "Summarise thread" (slack/manifest.yaml). */
export const SUMMARIZE_THREAD_SHORTCUT = 'polydesk_summarize_thread';
/** "Post to thread" under a summary only its requester sees; its value names the thread. */
export const POST_SUMMARY_ACTION = 'polydesk_post_summary';

/** One request for a thread's summary, from the shortcut, a mention or the "Post to thread" button. */
export interface ThreadSummaryAsk {
  readonly user: string;
  readonly channel: string;
  /** The thread's parent message (a message without replies is a thread of one). */
  readonly threadTs: string;
  /** Into the thread for every member to read, rather than to the requester alone. */
  readonly intoThread: boolean;
  /**
   * A mention in the thread asked in public, so its notices answer it there; the shortcut and the
   * "Post to thread" button asked privately.
   */
  readonly askedInPublic?: boolean;
  /** The language the request was written in (a mention's words); else the requester's locale. */
  readonly language?: string | undefined;
  /** The interaction's response_url: reaches the requester where PolyDesk cannot post. */
  readonly respond?: RespondFn | undefined;
  readonly eventId?: string | undefined;
}

/**
 * Summarises a Slack thread for whoever asked. To the requester alone (readers: them), the summary
 * comes as a message only they see, with "Post to thread"; into the thread (readers: every member
 * of the channel, so the guard checks it for all of them) when they asked for it there. A thread
 * PolyDesk may not read gets a private note saying how to add it. Returns once the summary or the
 * notice is posted.
 */
export async function summarizeSlackThread(context: SlackContext, ask: ThreadSummaryAsk): Promise<void> {
  const requester = await context.people.principal(ask.user);
  const language = ask.language ?? localeLanguage(requester.locale) ?? 'en';
  const tellKey = (key: MessageKey, params?: Record<string, number>) =>
    tellPrivately(context, ask, renderNotice(notice(language, key, params)));
  const { summaries } = context;
  if (!summaries) return tellKey('failed');
  let read: Awaited<ReturnType<typeof readSlackThread>>;
  try {
    read = await readSlackThread(
      context,
      { channel: ask.channel, threadTs: ask.threadTs },
      context.threadLimits,
    );
  } catch (error) {
    // Slack down or rate limits past the client's retries: say so rather than stay silent.
    context.logger('error', 'slack.thread_read_failed', { error: describeSlackError(error) });
    return tellKey('failed');
  }
  context.logger('info', 'slack.thread_summary_read', {
    status: read.status,
    ...(read.status === 'read' ? { messages: read.messages.length, seen: read.seen } : {}),
  });
  if (read.status === 'not_member') return tellKey('thread.notInChannel');
  if (read.status === 'not_found' || read.messages.length === 0) return tellKey('thread.nothing');
  await tellKey('thread.summarising', { count: read.messages.length });
  const readers: readonly Principal[] = ask.intoThread
    ? await channelAudience(context, ask.channel, requester)
    : [requester];
  const delivery: SlackDelivery = {
    channel: ask.channel,
    thread_ts: ask.threadTs,
    team: context.bot().teamId,
    ...(ask.intoThread ? {} : { ephemeral_user: ask.user }),
  };
  // The status above is an ephemeral message, which chat.update cannot edit. "Post to thread" came
  // from a button on the private summary, whose response_url replaces that message (Slack replaces
  // the message an action came from): the progress takes its place until the new summary is posted.
  // A shortcut's response_url has no message of its own to replace, so it shows the status alone.
  const respond = ask.intoThread ? ask.respond : undefined;
  let progressShown = false;
  const progress = respond
    ? new ThrottledProgress(
        async (shown) => {
          await respond({
            response_type: 'ephemeral',
            replace_original: true,
            text: escapeMrkdwn(shown.text),
          });
          progressShown = true;
        },
        {
          intervalMs: context.editIntervalMs,
          maxEdits: RESPONSE_URL_PROGRESS,
          streamText: false,
          failed: (error) =>
            context.logger('debug', 'slack.summary_progress_failed', { error: describeSlackError(error) }),
        },
      )
    : undefined;
  let result: SummaryResult;
  try {
    result = await summaries.summarizeThread({
      requester,
      readers,
      platform: 'slack',
      language,
      place: { kind: 'channel', channelId: ask.channel, threadId: ask.threadTs, delivery },
      eventId: ask.eventId,
      signal: context.signal,
      title: await threadTitle(context, ask.channel),
      messages: read.messages,
      onProgress: progress?.onProgress,
    });
  } catch (error) {
    await progress?.finish();
    context.logger('error', 'slack.thread_summary_failed', { error: describeError(error) });
    if (progressShown) await dropProgress(context, ask);
    return tellKey('failed');
  }
  await progress?.finish();
  context.logger('info', 'slack.thread_summary', {
    questionId: result.questionId,
    status: result.status,
    intoThread: ask.intoThread,
  });
  const message = renderSummary(result, read, ask);
  // Into the thread go the summary and, as for answers, a held summary's notice (where the summary will
  // be posted once approved); a mention asked in public, so its other notices answer it there too. A
  // "Post to thread" click that ends in "busy", "nothing to summarise" or a refusal tells the clicker
  // alone: the thread's members did not ask.
  const forEveryone =
    result.status === 'answered' ||
    result.status === 'held' ||
    (ask.askedInPublic === true && result.status !== 'failed');
  if (ask.intoThread && forEveryone) {
    await context.api.chat.postMessage({
      channel: ask.channel,
      thread_ts: ask.threadTs,
      text: message.text,
      blocks: [...message.blocks],
    });
    if (ask.respond && result.status === 'answered')
      await ask.respond({ replace_original: true, text: notice(language, 'thread.posted') }).catch(() => {});
    else if (progressShown) await dropProgress(context, ask);
    return;
  }
  // The summary takes the progress message's place, where there is one.
  if (progressShown && ask.respond) {
    try {
      await ask.respond({
        response_type: 'ephemeral',
        replace_original: true,
        text: message.text,
        blocks: [...message.blocks],
      });
      return;
    } catch (error) {
      context.logger('debug', 'slack.thread_summary_respond_failed', { error: describeSlackError(error) });
    }
  }
  await tellPrivately(context, ask, message);
}

/** Removes the progress message shown through the response_url (nothing replaced it). */
async function dropProgress(context: SlackContext, ask: ThreadSummaryAsk): Promise<void> {
  await ask
    .respond?.({ delete_original: true })
    .catch((error: unknown) =>
      context.logger('debug', 'slack.thread_summary_respond_failed', { error: describeSlackError(error) }),
    );
}

/** The summary with its sources and coverage note, or the notice standing for another outcome. */
function renderSummary(result: SummaryResult, read: ThreadWindow, ask: ThreadSummaryAsk): SlackMessage {
  if (result.status !== 'answered') return renderNotice(result.text);
  const [message] = renderFollowUp(result.text, result.language, result.citations.slice(0, 20));
  const note = coverageNote(result.language, read);
  return withBlocks(message!, (blocks) => {
    const extra: Block[] = [];
    if (note) extra.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(note) }] });
    if (!ask.intoThread)
      extra.push({
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: POST_SUMMARY_ACTION,
            text: { type: 'plain_text', text: notice(result.language, 'thread.postToThread').slice(0, 75) },
            value: JSON.stringify({ c: ask.channel, t: ask.threadTs }),
          },
        ],
      });
    // Room for the extra blocks within Slack's 50; a summary is far shorter than that anyway.
    return [...blocks.slice(0, 48 - extra.length), ...extra];
  });
}

/**
 * Shows the requester a message only they see: in the thread (`chat.postEphemeral`), else through
 * the interaction's response_url, else in a DM with PolyDesk (the shortcut used where PolyDesk is not).
 */
async function tellPrivately(
  context: SlackContext,
  ask: ThreadSummaryAsk,
  message: SlackMessage,
): Promise<void> {
  const blocks = [...message.blocks];
  try {
    await context.api.chat.postEphemeral({
      channel: ask.channel,
      user: ask.user,
      thread_ts: ask.threadTs,
      text: message.text,
      blocks,
    });
    return;
  } catch (error) {
    context.logger('debug', 'slack.thread_summary_ephemeral_failed', { error: describeSlackError(error) });
  }
  if (ask.respond) {
    try {
      await ask.respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks });
      return;
    } catch (error) {
      context.logger('debug', 'slack.thread_summary_respond_failed', { error: describeSlackError(error) });
    }
  }
  const dm = await context.api.conversations.open({ users: ask.user });
  const channel = dm.channel?.id;
  if (channel) await context.api.chat.postMessage({ channel, text: message.text, blocks });
}

/** The channel's name as people know it (`#it-help`), for the summary's heading. */
async function threadTitle(context: SlackContext, channel: string): Promise<string> {
  try {
    const info = await context.api.conversations.info({ channel });
    const name = info.channel?.name;
    if (name && !info.channel?.is_im) return `#${name}`;
  } catch (error) {
    context.logger('debug', 'slack.channel_info_failed', { error: describeSlackError(error) });
  }
  return 'Slack';
}

/** The thread a "Post to thread" button names, when it is the channel the click came from. */
export function postClickTarget(
  value: string | undefined,
  channel: string | undefined,
): { readonly channel: string; readonly threadTs: string } | undefined {
  try {
    const parsed = JSON.parse(value ?? '') as { c?: unknown; t?: unknown };
    if (typeof parsed.c !== 'string' || typeof parsed.t !== 'string' || parsed.c !== channel)
      return undefined;
    if (!/^\d{1,12}\.\d{1,8}$/.test(parsed.t)) return undefined;
    return { channel: parsed.c, threadTs: parsed.t };
  } catch {
    return undefined;
  }
}

/**
 * The key a "Post to thread" click is claimed under: the thread and the private summary message it
 * was under (its `container.message_ts`), so that a double click or a redelivered action posts once;
 * the action's own `action_ts` only where Slack names no message.
 */
export function postClaimKey(
  target: { readonly channel: string; readonly threadTs: string },
  messageTs: string | undefined,
  actionTs: string | undefined,
): string {
  return `summary_post|${target.channel}|${target.threadTs}|${messageTs ? `m${messageTs}` : `a${actionTs ?? ''}`}`;
}

/**
 * A mention asking for the summary of the thread it was written in; false when the mention is
 * anything else (then answered as a question). A mention outside a thread gets a note that says
 * where to ask. `arrived` acknowledges the event once claimed.
 */
export async function summaryFromMention(
  context: SlackContext,
  message: ChatMessage,
  intent: { readonly language: string; readonly here: boolean },
  arrived: () => void,
): Promise<void> {
  const first = await claimOnce(context, message); // its event id and the message itself
  arrived();
  if (!first) return;
  if (!message.threadTs || message.threadTs === message.ts) {
    const text: CheckedText = notice(intent.language, 'thread.notInThread');
    await context.api.chat
      .postEphemeral({ channel: message.channel, user: message.user, text })
      .catch((error: unknown) =>
        context.logger('debug', 'slack.thread_summary_ephemeral_failed', {
          error: describeSlackError(error),
        }),
      );
    return;
  }
  await summarizeSlackThread(context, {
    user: message.user,
    channel: message.channel,
    threadTs: message.threadTs,
    intoThread: intent.here,
    askedInPublic: true,
    language: intent.language,
    eventId: message.eventId,
  });
}
