import type { AnswerProgress } from '../../answer/ports.js';
import { describeError } from '../../core/errors.js';
import { t } from '../../core/i18n.js';
import type { AnswerResult, IncomingQuestion, Principal } from '../../core/types.js';
import { renderNotice, renderResult } from './slack-blocks.js';
import { type SlackContext, claimOnce } from './slack-context.js';
import { localeLanguage } from './slack-people.js';
import { fromSlackText } from './slack-text.js';
import { loadThreadHistory, type ThreadHistory } from './thread-history.js';
import { ThreadReply } from './thread-reply.js';

/** A Slack message PolyDesk may answer, translated out of the event that carried it. */
export interface ChatMessage {
  readonly eventId: string | undefined;
  readonly teamId: string | undefined;
  readonly channel: string;
  readonly kind: 'dm' | 'channel';
  readonly user: string;
  /** Raw Slack text (mentions and links in Slack markup). */
  readonly text: string;
  readonly ts: string;
  /** The thread the message is in, if any. */
  readonly threadTs: string | undefined;
  /** Where to answer: the thread, or undefined for a top-level reply in a DM. */
  readonly replyThreadTs: string | undefined;
  /** Only answer when PolyDesk already takes part in the thread (a follow-up without mention). */
  readonly onlyIfBotInThread: boolean;
  /** Called with the question once the answer is under way (the assistant panel titles its thread). */
  readonly onFirstQuestion?: ((question: string) => Promise<unknown>) | undefined;
}

/** Delivery data stored with a question's place, to post an approved answer later. */
export interface SlackDelivery {
  readonly channel: string;
  readonly thread_ts?: string | undefined;
  readonly team?: string | undefined;
  /** Set for answers only the asker saw (/ask): deliver to this user only. */
  readonly ephemeral_user?: string | undefined;
}

/** The flow of one question asked in a thread or DM: claim, status, readers, pipeline, streamed reply. */
export async function answerMessage(context: SlackContext, message: ChatMessage): Promise<void> {
  const bot = context.bot();
  const claim = async () => {
    const first = await claimOnce(context, {
      eventId: message.eventId,
      channel: message.channel,
      ts: message.ts,
    });
    if (!first) context.logger('debug', 'slack.duplicate_event', { eventId: message.eventId });
    return first;
  };
  const readThread = async (): Promise<ThreadHistory> => {
    if (!message.threadTs) return { botInThread: false, turns: [] };
    try {
      return await loadThreadHistory(context.api, bot, message.channel, message.threadTs, message.ts);
    } catch (error) {
      context.logger('warn', 'slack.thread_unreadable', {
        channel: message.channel,
        error: describeError(error),
      });
      return { botInThread: false, turns: [] };
    }
  };
  const profileLoad = context.people.profile(message.user);
  // A follow-up is only ours if PolyDesk is in the thread: look before claiming anything. Otherwise
  // claim first, so that nothing is read or shown for a duplicate.
  let thread: ThreadHistory;
  if (message.onlyIfBotInThread) {
    thread = await readThread();
    if (!thread.botInThread || !(await claim())) return;
  } else {
    if (!(await claim())) return;
    thread = await readThread();
  }
  const profile = await profileLoad;

  const text = fromSlackText(message.text, bot.userId);
  let language = localeLanguage(profile.locale) ?? 'en';
  const reply = new ThreadReply(
    context.api,
    {
      channel: message.channel,
      threadTs: message.replyThreadTs,
      userId: message.user,
      teamId: message.teamId ?? bot.teamId,
    },
    context.features,
    context.logger,
    context.editIntervalMs,
  );
  if (!text) {
    await reply.finish({ messages: [renderNotice(t(language, 'greeting'))] });
    return;
  }
  await reply.showStatus(t(language, 'searching'), [t(language, 'searching'), t(language, 'thinking')]);
  if (message.onFirstQuestion && !thread.turns.some((turn) => turn.role === 'user')) {
    message.onFirstQuestion(text).catch(() => undefined);
  }

  const asker = await context.people.principal(message.user);
  const readers = message.kind === 'dm' ? [asker] : await channelAudience(context, message.channel, asker);
  const delivery: SlackDelivery = {
    channel: message.channel,
    thread_ts: message.replyThreadTs,
    team: message.teamId,
  };
  const question: IncomingQuestion = {
    text,
    asker,
    place: {
      platform: 'slack',
      kind: message.kind,
      channelId: message.channel,
      threadId: message.replyThreadTs,
      readers,
      delivery,
    },
    history: thread.turns,
    eventId: message.eventId,
  };
  const onProgress = (progress: AnswerProgress) => {
    if (progress.type === 'started') language = progress.language;
    else if (progress.type === 'retrieved') reply.progress(t(language, 'thinking'));
    else reply.update(progress.text);
  };
  const result = await context.answering.run(() => askSafely(context, question, onProgress, () => language));
  await reply.finish(renderResult(result));
}

/**
 * The readers of an answer posted in a channel: every member. When Slack will not list them, the
 * asker plus an anonymous member with only the default groups, so that nothing restricted is used.
 */
export async function channelAudience(
  context: SlackContext,
  channel: string,
  asker: Principal,
): Promise<readonly Principal[]> {
  try {
    const members = await context.people.channelReaders(channel);
    return members.some((m) => m.email === asker.email) ? members : [asker, ...members];
  } catch (error) {
    context.logger('warn', 'slack.members_unavailable', { channel, error: describeError(error) });
    return [asker, { email: 'slack:unknown-member', groups: ['all'] }];
  }
}

/** Runs the pipeline; an unexpected throw becomes a `failed` result so the asker still gets a reply. */
export async function askSafely(
  context: SlackContext,
  question: IncomingQuestion,
  onProgress: ((progress: AnswerProgress) => void) | undefined,
  language: () => string,
): Promise<AnswerResult> {
  try {
    return await context.answers.ask(question, { signal: context.signal, onProgress });
  } catch (error) {
    context.logger('error', 'slack.answer_failed', { error: describeError(error) });
    const lang = language();
    return {
      questionId: '',
      status: 'failed',
      answer: t(lang, 'failed'),
      language: lang,
      citations: [],
      verdict: { action: 'allow', findings: [], text: '' },
      generator: 'none',
      extractive: false,
      retrievedChunkIds: [],
      latencyMs: 0,
    };
  }
}
