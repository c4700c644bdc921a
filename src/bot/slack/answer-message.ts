import { type AnswerProgress, type AskOptions, notice } from '../../answer/ports.js';
import { askSafely } from '../answer-view.js';
import { describeError } from '../../core/errors.js';
import type { AnswerResult, IncomingQuestion, Principal } from '../../core/types.js';
import { handOffButtons } from './hand-off-actions.js';
import { renderNotice, renderResult } from './slack-blocks.js';
import { claimKeys, claimOnce, type SlackContext } from './slack-context.js';
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
  /**
   * Called once the question is recorded — or turned out to be a duplicate or no question: the
   * event's HTTP acknowledgement waits for it, so that Slack delivers an event again when the
   * process died before it was safe.
   */
  readonly arrived?: (() => void) | undefined;
}

/** Delivery data stored with a question's place, to post an approved answer later. */
export interface SlackDelivery {
  readonly channel: string;
  readonly thread_ts?: string | undefined;
  readonly team?: string | undefined;
  /** Set for answers only the asker saw (/ask): deliver to this user only. */
  readonly ephemeral_user?: string | undefined;
  /** The question's own message: a recovered answer looks for replies after it. */
  readonly ts?: string | undefined;
}

/** The flow of one question asked in a thread or DM: claim, record, status, readers, pipeline, streamed reply. */
export async function answerMessage(context: SlackContext, message: ChatMessage): Promise<void> {
  const bot = context.bot();
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
  const arrived = message.arrived ?? (() => {});
  // A follow-up is only ours if PolyDesk is in the thread: look before claiming anything. Otherwise
  // claim first — before any users.info or queue, which a duplicate must not pay for and which must
  // not delay the record that Slack's acknowledgement waits for.
  let thread: ThreadHistory | undefined;
  if (message.onlyIfBotInThread) {
    thread = await readThread();
    if (!thread.botInThread) return;
  }
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
  const text = fromSlackText(message.text, bot.userId);
  const ids = { eventId: message.eventId, channel: message.channel, ts: message.ts };
  const languageOf = async () => localeLanguage((await context.people.profile(message.user)).locale) ?? 'en';
  let questionId: string | undefined;
  try {
    if (!text) {
      const first = await claimOnce(context, ids);
      arrived();
      if (first) await reply.finish({ messages: [renderNotice(notice(await languageOf(), 'greeting'))] });
      return;
    }
    // Recorded under the Slack user id; the pipeline records the resolved person once known.
    const platformAsker = { email: `slack:${message.user}`, groups: [] };
    const arriving: IncomingQuestion = {
      text,
      asker: platformAsker,
      place: { ...slackPlace(message), readers: [platformAsker] },
      history: [],
      eventId: message.eventId,
    };
    // Claimed and recorded — in one transaction where the pipeline offers it — so that if this
    // process dies from here on another replica answers.
    if (context.answers.recordClaimed) {
      questionId = await context.answers.recordClaimed(arriving, claimKeys(ids));
      if (!questionId) return duplicate(context, message);
    } else {
      if (!(await claimOnce(context, ids))) return duplicate(context, message);
      questionId = await context.answers.record?.(arriving);
    }
  } catch (error) {
    // Most likely the database is unreachable: say so rather than stay silent.
    context.logger('error', 'slack.arrival_failed', { error: describeError(error) });
    arrived();
    const language = await languageOf().catch(() => 'en');
    await reply.finish({ messages: [renderNotice(notice(language, 'failed'))] }).catch(() => undefined);
    return;
  } finally {
    arrived();
  }
  const asker = await context.people.principal(message.user);
  let language = localeLanguage(asker.locale) ?? 'en';
  thread ??= await readThread();
  // Not while this process may have been taken for dead: the replica answering instead would find
  // a placeholder posted after its own answer, a second message in the thread.
  if (context.answers.holdsLease?.() ?? true) {
    await reply.showStatus(notice(language, 'searching'), [
      notice(language, 'searching'),
      notice(language, 'thinking'),
    ]);
  }
  if (message.onFirstQuestion && !thread.turns.some((turn) => turn.role === 'user')) {
    message.onFirstQuestion(text).catch(() => undefined);
  }

  const readers = message.kind === 'dm' ? [asker] : await channelAudience(context, message.channel, asker);
  const question: IncomingQuestion = {
    text,
    asker,
    place: { ...slackPlace(message), readers },
    history: thread.turns,
    eventId: message.eventId,
  };
  const onProgress = (progress: AnswerProgress) => {
    if (progress.type === 'started') language = progress.language;
    else if (progress.type === 'retrieved') reply.progress(notice(language, 'thinking'));
    else reply.update(progress.text);
  };
  let delivered = false;
  const result = await askSlackSafely(context, question, onProgress, () => language, {
    questionId,
    // Posted before the outcome is recorded (see AskOptions.deliver).
    deliver: async (outcome) => {
      delivered = true;
      await reply.finish(renderResult(outcome, await handOffButtons(context, outcome, asker.email)));
    },
  });
  // Superseded: another replica was judged to hold the question (this one looked dead) and posts.
  if (result.superseded) reply.abandon();
  else if (!delivered)
    await reply.finish(renderResult(result, await handOffButtons(context, result, asker.email)));
}

function duplicate(context: SlackContext, message: ChatMessage): void {
  context.logger('debug', 'slack.duplicate_event', { eventId: message.eventId });
}

/** Where a Slack message was asked, as stored with its question (for delivery after a crash). */
function slackPlace(message: ChatMessage): Omit<IncomingQuestion['place'], 'readers'> {
  const delivery: SlackDelivery = {
    channel: message.channel,
    thread_ts: message.replyThreadTs,
    team: message.teamId,
    ts: message.ts,
  };
  return {
    platform: 'slack',
    kind: message.kind,
    channelId: message.channel,
    threadId: message.replyThreadTs,
    delivery,
  };
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

/**
 * Runs the pipeline (its turn, or "busy", decided by the admission that `serve` puts in front of
 * every platform); an unexpected throw becomes a `failed` result so the asker still gets a reply.
 */
export function askSlackSafely(
  context: SlackContext,
  question: IncomingQuestion,
  onProgress: ((progress: AnswerProgress) => void) | undefined,
  language: () => string,
  options: Pick<AskOptions, 'questionId' | 'deliver'> = {},
): Promise<AnswerResult> {
  return askSafely(context.answers, question, { ...options, signal: context.signal, onProgress }, language, {
    logger: context.logger,
    event: 'slack.answer_failed',
    describe: describeError,
  });
}
