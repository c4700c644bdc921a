import type { RespondFn } from '@slack/bolt';
import { type CheckedText, notice } from '../../answer/ports.js';
import { InputError } from '../../core/errors.js';
import { type MessageKey, t } from '../../core/i18n.js';
import type { SaveForm, SaveOutcome } from '../../helpdesk/escalations.js';
import { QUESTION_MAX, TITLE_MAX } from '../../helpdesk/hand-off-standard.js';
import { ESCALATE_NOTICES, SAVE_NOTICES } from '../hand-off-buttons.js';
import { renderHandOff } from './slack-blocks.js';
import type { SlackContext } from './slack-context.js';
import { describeSlackError } from './slack-errors.js';
import type { SlackMessageEvent } from './slack-events.js';
import { localeLanguage } from './slack-people.js';
import { fromSlackText } from './slack-text.js';

export { handOffButtons } from '../hand-off-buttons.js';

/** A click on one of the hand-off buttons, as the adapter reads it from the interaction. */
export interface HandOffClick {
  readonly value: string | undefined;
  readonly user: string;
  readonly channel: string | undefined;
  readonly threadTs: string | undefined;
  /** The message carrying the button (the hand-off message, for "Resolved"). */
  readonly messageTs: string | undefined;
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

/** "Ask a person": hands the question off (only its asker may) and tells them what will happen. */
export async function escalateClick(
  context: SlackContext,
  click: HandOffClick,
  respond: RespondFn | undefined,
): Promise<void> {
  const { handOff } = context;
  if (!handOff || !click.value) return;
  const person = await who(context, click.user);
  const outcome = await handOff.escalate({ questionId: click.value, by: person.id, platform: 'slack' });
  context.logger('info', 'slack.handoff', { questionId: click.value, outcome: outcome.status });
  await tell(context, click, respond, notice(person.language, ESCALATE_NOTICES[outcome.status]));
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
  // The button is the hand-off message's own: a click from anywhere else resolves nothing.
  const outcome = await handOff.resolve(click.value, person.id, {
    channel: click.channel,
    thread: click.messageTs,
  });
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
  /** Opens the form (valid for 3 seconds after the click). */
  readonly triggerId: string;
  readonly message: {
    readonly ts: string;
    readonly thread_ts?: string | undefined;
    readonly user?: string | undefined;
    readonly bot_id?: string | undefined;
  };
}

/** The form of "Save as standard answer" (a modal), and what its submission carries back. */
export const SAVE_STANDARD_FORM = 'polydesk_save_standard_form';
const TITLE_BLOCK = 'title';
const QUESTION_BLOCK = 'question';
const INPUT = 'value';

/** What the form remembers between opening and submission (Slack signs the submission). */
interface SaveFormState {
  readonly escalationId: string;
  readonly replyId: string;
  readonly channel: string;
  readonly threadTs: string;
}

/**
 * The message shortcut "Save as standard answer" on an expert's reply in a hand-off thread: the
 * reply is found by its ts among those PolyDesk recorded (the shortcut's own copy of the text is
 * not used), and a form asks its saver to confirm the title and question everyone who gets it will
 * read, prefilled with the asker's question.
 */
export async function saveStandardShortcut(
  context: SlackContext,
  shortcut: SaveShortcut,
  respond: RespondFn,
): Promise<void> {
  const person = await who(context, shortcut.user);
  const { message } = shortcut;
  const bot = context.bot();
  const fromPerson = message.bot_id === undefined && message.user !== bot.userId;
  const thread = message.thread_ts;
  const prepared =
    context.handOff && fromPerson && thread && thread !== message.ts
      ? await context.handOff.prepareSave({
          platform: 'slack',
          thread: { channel: shortcut.channel, thread },
          replyId: message.ts,
        })
      : ({ status: 'not_hand_off' } as const);
  const place = { user: shortcut.user, channel: shortcut.channel, threadTs: thread };
  if (prepared.status !== 'ready') {
    context.logger('info', 'slack.standard_from_reply', { outcome: prepared.status });
    await tell(context, place, respond, notice(person.language, SAVE_NOTICES[prepared.status]));
    return;
  }
  const state: SaveFormState = {
    escalationId: prepared.form.escalationId,
    replyId: prepared.form.replyId,
    channel: shortcut.channel,
    threadTs: thread!,
  };
  try {
    await context.api.views.open({
      trigger_id: shortcut.triggerId,
      view: saveFormView(prepared.form, person.language, state),
    });
  } catch (error) {
    context.logger('warn', 'slack.save_form_failed', { error: describeSlackError(error) });
    await tell(context, place, respond, notice(person.language, 'failed'));
  }
}

/** The modal: a hint, then the title and the question, both required, prefilled when the channel may read them. */
function saveFormView(form: SaveForm, language: string, state: SaveFormState) {
  const input = (block: string, label: MessageKey, prefill: CheckedText | undefined, max: number) => ({
    type: 'input' as const,
    block_id: block,
    label: { type: 'plain_text' as const, text: t(language, label) },
    element: {
      type: 'plain_text_input' as const,
      action_id: INPUT,
      multiline: block === QUESTION_BLOCK,
      max_length: max,
      ...(prefill ? { initial_value: prefill.slice(0, max) } : {}),
    },
  });
  return {
    type: 'modal' as const,
    callback_id: SAVE_STANDARD_FORM,
    private_metadata: JSON.stringify(state),
    title: { type: 'plain_text' as const, text: t(language, 'handoff.standardAnswer').slice(0, 24) },
    submit: { type: 'plain_text' as const, text: t(language, 'handoff.publish').slice(0, 24) },
    blocks: [
      { type: 'context', elements: [{ type: 'plain_text', text: t(language, 'handoff.saveHint') }] },
      input(TITLE_BLOCK, 'handoff.saveTitle', form.title, TITLE_MAX),
      input(QUESTION_BLOCK, 'handoff.saveQuestion', form.question, QUESTION_MAX),
    ],
  };
}

/** The form's submission, as far as the adapter reads it. */
export interface SaveSubmission {
  readonly user: string;
  readonly privateMetadata: string;
  readonly values: Readonly<Record<string, Readonly<Record<string, { readonly value?: string | null }>>>>;
}

/** The confirmed form: publishes the reply with the title and question its saver confirmed. */
export async function saveStandardSubmission(
  context: SlackContext,
  submission: SaveSubmission,
): Promise<void> {
  const { handOff } = context;
  let state: SaveFormState;
  try {
    state = JSON.parse(submission.privateMetadata) as SaveFormState;
  } catch {
    return;
  }
  const person = await who(context, submission.user);
  const field = (block: string) => submission.values[block]?.[INPUT]?.value ?? '';
  const outcome: SaveOutcome = handOff
    ? await handOff.saveStandard({
        platform: 'slack',
        by: person.id,
        escalationId: state.escalationId,
        replyId: state.replyId,
        from: { channel: state.channel, thread: state.threadTs },
        title: field(TITLE_BLOCK),
        question: field(QUESTION_BLOCK),
      })
    : { status: 'not_hand_off' };
  context.logger('info', 'slack.standard_from_reply', { outcome: outcome.status });
  await tell(
    context,
    { user: submission.user, channel: state.channel, threadTs: state.threadTs },
    undefined,
    notice(person.language, SAVE_NOTICES[outcome.status]),
  );
}

/**
 * An expert's reply in a hand-off thread: recorded and relayed to the asker instead of answered as
 * a question. False when the message is not in a hand-off thread (it is then handled as usual).
 * `recorded` is called once the reply is recorded (the event may be acknowledged then): the relay
 * goes on after this returns, and one that fails is retried later (HandOffs.retryRelays). A file
 * is not passed on: the expert is told so.
 */
export async function relayIfExpertReply(
  context: SlackContext,
  event: SlackMessageEvent & { readonly files?: readonly unknown[] | undefined },
  recorded: () => void,
): Promise<boolean> {
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
  const claim = await handOff.expertReply({
    platform: 'slack',
    channel: event.channel,
    thread: event.thread_ts,
    replyId: event.ts,
    author: person.id,
    text: fromSlackText(event.text ?? '', bot.userId),
  });
  recorded();
  context.logger('info', 'slack.expert_reply', { outcome: claim.status });
  const withFile = event.subtype === 'file_share' || (event.files?.length ?? 0) > 0;
  // Told once, for the event that recorded it (a retried event is a duplicate), or for a file alone.
  if (withFile && claim.status !== 'duplicate')
    await tell(
      context,
      { user: event.user, channel: event.channel, threadTs: event.thread_ts },
      undefined,
      notice(person.language, 'handoff.fileNotRelayed'),
    );
  if (claim.status === 'recorded')
    void claim.relayed.then((outcome) =>
      context.logger('info', 'slack.expert_reply_relayed', { outcome: outcome.status }),
    );
  return true;
}
