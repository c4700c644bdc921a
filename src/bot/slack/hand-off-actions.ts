import type { RespondFn } from '@slack/bolt';
import { type CheckedText, notice } from '../../answer/ports.js';
import { describeError, InputError } from '../../core/errors.js';
import type { MessageKey } from '../../core/i18n.js';
import type { AnswerResult } from '../../core/types.js';
import type { SaveOutcome } from '../../helpdesk/escalations.js';
import { answerViewOf } from '../answer-view.js';
import { renderHandOff, type TrailerOptions } from './slack-blocks.js';
import type { SlackContext } from './slack-context.js';
import { describeSlackError } from './slack-errors.js';
import type { SlackMessageEvent } from './slack-events.js';
import { localeLanguage } from './slack-people.js';
import { fromSlackText } from './slack-text.js';

/** A click on one of the hand-off buttons, as the adapter reads it from the interaction. */
export interface HandOffClick {
  readonly value: string | undefined;
  readonly user: string;
  readonly channel: string | undefined;
  readonly threadTs: string | undefined;
  /** The message carrying the button (the hand-off message, for "Resolved"). */
  readonly messageTs: string | undefined;
}

/** What an answer's trailer offers: "Ask a person" where a route takes it, "Tell me" under a not-found. */
export async function handOffButtons(
  context: SlackContext,
  result: AnswerResult,
  asker: string,
): Promise<TrailerOptions> {
  if (!answerViewOf(result)) return {};
  let escalate = false;
  try {
    escalate = (await context.handOff?.offered(asker, result.citations)) ?? false;
  } catch (error) {
    context.logger('warn', 'slack.handoff_offer_failed', { error: describeError(error) });
  }
  return { escalate, subscribe: result.status === 'not_found' && context.subscriptions !== undefined };
}

/** The person behind a Slack user id, as recorded: their e-mail, else `slack:<id>`. */
async function who(context: SlackContext, user: string): Promise<{ id: string; language: string }> {
  const profile = await context.people.profile(user);
  return { id: profile.email ?? `slack:${user}`, language: localeLanguage(profile.locale) ?? 'en' };
}

/** Tells the clicker privately (the response_url, else an ephemeral message). */
async function tell(
  context: SlackContext,
  click: Pick<HandOffClick, 'user' | 'channel' | 'threadTs'>,
  respond: RespondFn | undefined,
  text: CheckedText,
): Promise<void> {
  try {
    if (respond) await respond({ response_type: 'ephemeral', replace_original: false, text });
    else if (click.channel)
      await context.api.chat.postEphemeral({
        channel: click.channel,
        user: click.user,
        thread_ts: click.threadTs,
        text,
      });
  } catch (error) {
    context.logger('debug', 'slack.handoff_notice_failed', { error: describeSlackError(error) });
  }
}

/** "Ask a person": hands the question off and tells the asker what will happen. */
export async function escalateClick(
  context: SlackContext,
  click: HandOffClick,
  respond: RespondFn | undefined,
): Promise<void> {
  const { handOff } = context;
  if (!handOff || !click.value) return;
  const person = await who(context, click.user);
  const outcome = await handOff.escalate({ questionId: click.value, by: person.id, platform: 'slack' });
  const key: MessageKey =
    outcome.status === 'posted'
      ? 'handoff.sent'
      : outcome.status === 'already'
        ? 'handoff.already'
        : 'handoff.unavailable';
  context.logger('info', 'slack.handoff', { questionId: click.value, outcome: outcome.status });
  await tell(context, click, respond, notice(person.language, key));
}

/** "Tell me when it's answered" under a not-found. */
export async function subscribeClick(
  context: SlackContext,
  click: HandOffClick,
  respond: RespondFn | undefined,
): Promise<void> {
  if (!context.subscriptions || !click.value) return;
  const person = await who(context, click.user);
  let key: MessageKey = 'handoff.subscribed';
  try {
    await context.subscriptions.subscribe(click.value, person.id);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    key = 'failed';
  }
  await tell(context, click, respond, notice(person.language, key));
}

/** "Resolved" under a hand-off message: records the time to resolution and shows it resolved. */
export async function resolveClick(context: SlackContext, click: HandOffClick): Promise<void> {
  const { handOff } = context;
  if (!handOff || !click.value || !click.channel || !click.messageTs) return;
  const person = await who(context, click.user);
  const outcome = await handOff.resolve(click.value, person.id);
  if (outcome.status === 'not_found') return;
  const message = await handOff.message(click.value);
  if (!message) return;
  const rendered = renderHandOff(message);
  await context.api.chat.update({
    channel: click.channel,
    ts: click.messageTs,
    text: rendered.text,
    blocks: [...rendered.blocks],
  });
}

/** The message shortcut's payload, as far as "Save as standard answer" reads it. */
export interface SaveShortcut {
  readonly user: string;
  readonly channel: string;
  readonly message: {
    readonly ts: string;
    readonly thread_ts?: string | undefined;
    readonly text?: string | undefined;
    readonly user?: string | undefined;
    readonly bot_id?: string | undefined;
  };
}

const SAVE_NOTICES: Readonly<Record<SaveOutcome['status'], MessageKey>> = {
  saved: 'handoff.saved',
  not_hand_off: 'handoff.notReply',
  empty: 'handoff.notReply',
  unavailable: 'failed',
  invalid: 'failed',
};

/** The message shortcut "Save as standard answer" on an expert's reply in a hand-off thread. */
export async function saveStandardShortcut(
  context: SlackContext,
  shortcut: SaveShortcut,
  respond: RespondFn,
): Promise<void> {
  const person = await who(context, shortcut.user);
  const { message } = shortcut;
  const bot = context.bot();
  const fromPerson = message.bot_id === undefined && message.user !== bot.userId;
  const outcome: SaveOutcome =
    context.handOff && fromPerson && message.thread_ts && message.thread_ts !== message.ts
      ? await context.handOff.saveStandard({
          platform: 'slack',
          by: person.id,
          thread: { channel: shortcut.channel, thread: message.thread_ts },
          replyId: message.ts,
          text: fromSlackText(message.text ?? '', bot.userId),
        })
      : { status: 'not_hand_off' };
  context.logger('info', 'slack.standard_from_reply', { outcome: outcome.status });
  await tell(
    context,
    { user: shortcut.user, channel: shortcut.channel, threadTs: message.thread_ts },
    respond,
    notice(person.language, SAVE_NOTICES[outcome.status]),
  );
}

/**
 * An expert's reply in a hand-off thread: relayed to the asker instead of answered as a question.
 * False when the message is not in a hand-off thread (it is then handled as usual).
 */
export async function relayIfExpertReply(context: SlackContext, event: SlackMessageEvent): Promise<boolean> {
  const { handOff } = context;
  const bot = context.bot();
  if (
    !handOff ||
    event.channel_type === 'im' ||
    !event.channel ||
    !event.ts ||
    !event.thread_ts ||
    event.thread_ts === event.ts ||
    !event.user ||
    event.user === bot.userId ||
    event.bot_id !== undefined ||
    (event.subtype !== undefined && event.subtype !== 'thread_broadcast' && event.subtype !== 'file_share')
  )
    return false;
  if (!(await handOff.isHandOffThread('slack', event.channel, event.thread_ts))) return false;
  const person = await who(context, event.user);
  const outcome = await handOff.expertReply({
    platform: 'slack',
    channel: event.channel,
    thread: event.thread_ts,
    replyId: event.ts,
    author: person.id,
    text: fromSlackText(event.text ?? '', bot.userId),
  });
  context.logger('info', 'slack.expert_reply', { outcome: outcome.status });
  return true;
}
