/**
 * Block Kit rendering of answers and notices, within Slack's limits: section text ≤ 3,000
 * characters, ≤ 50 blocks per message, message text ≤ 40,000 characters.
 */
import type { types } from '@slack/bolt';
import type { CheckedText } from '../../answer/ports.js';
import { type MessageKey, t } from '../../core/i18n.js';
import type { AnswerResult, Citation } from '../../core/types.js';
import type { HandOffMessage } from '../../helpdesk/escalations.js';
import { type AnswerView, answerViewOf, noticeOf } from '../answer-view.js';
import { escapeMrkdwn, mrkdwnLink, splitText, toMrkdwn } from './slack-text.js';

export type Block = types.KnownBlock;

declare const rendered: unique symbol;

/**
 * One message to post or to put in place of another. Only this module's render functions make
 * one, from guard-checked text (the brand cannot be written elsewhere): Slack sends take nothing else.
 */
export interface SlackMessage {
  /** Notification and fallback text. */
  readonly text: string;
  readonly blocks: readonly Block[];
  readonly [rendered]: true;
}

function sealed(text: string, blocks: readonly Block[]): SlackMessage {
  return { text, blocks } as SlackMessage;
}

export const SECTION_MAX = 3_000;
export const BLOCKS_MAX = 50;
export const TEXT_MAX = 40_000;
/** Preview text that goes with blocks (notifications), kept well under TEXT_MAX. */
const FALLBACK_MAX = 3_000;

export const FEEDBACK_ACTION = 'polydesk_feedback';
export const SHARE_ACTION = 'polydesk_share';
/** "Ask a person" under an answer or a not-found; its value is the question id. */
export const ESCALATE_ACTION = 'polydesk_escalate';
/** "Tell me when it's answered" under a not-found; its value is the question id. */
export const SUBSCRIBE_ACTION = 'polydesk_subscribe';
/** "Summarise [n]" under an answer's sources; its value is the cited document's source. */
export const SUMMARIZE_DOCUMENT_ACTION = 'polydesk_summarize_document';
/** Most "Summarise" buttons under one answer (Slack allows 25 elements in an actions block). */
const MAX_SUMMARY_BUTTONS = 5;
/** Slack's limit on a button's value. */
const BUTTON_VALUE_MAX = 2000;

/** "Resolved" under a hand-off message in an expert channel; its value is the hand-off id. */
export const RESOLVE_ACTION = 'polydesk_resolve';

/** What the trailer of an answer offers besides 👍/👎. */
export interface TrailerOptions {
  /** /ask: the value of the share button. */
  readonly share?: string | undefined;
  /** "Ask a person" (an expert route exists for this answer). */
  readonly escalate?: boolean | undefined;
  /** "Tell me when it's answered" (a not-found, with subscriptions running). */
  readonly subscribe?: boolean | undefined;
}

/** The sources of an answer as sections, within Slack's section limit. */
function sourceSections(language: string, citations: readonly Citation[]): Block[] {
  if (citations.length === 0) return [];
  const lines = citations.map((c) => `[${c.n}] ${mrkdwnLink(c.url, c.title)}`);
  return splitText(`*${escapeMrkdwn(t(language, 'sources'))}*\n${lines.join('\n')}`, SECTION_MAX).map(
    (piece): Block => ({ type: 'section', text: { type: 'mrkdwn', text: piece } }),
  );
}

/** Markdown as mrkdwn sections within Slack's section limit. */
function textSections(text: CheckedText): Block[] {
  return splitText(toMrkdwn(text), SECTION_MAX).map(
    (piece): Block => ({ type: 'section', text: { type: 'mrkdwn', text: piece } }),
  );
}

/** The blocks under an answer: sources, extractive note, feedback (and a share button for /ask). */
export function answerTrailer(view: AnswerView, options: TrailerOptions = {}): Block[] {
  const blocks: Block[] = [];
  if (view.standard) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: escapeMrkdwn(view.standard.byline) }],
    });
  }
  blocks.push(...sourceSections(view.language, view.citations));
  if (view.extractive && view.citations.length > 0) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: escapeMrkdwn(t(view.language, 'extractive.note')) }],
    });
  }
  blocks.push({
    type: 'context_actions',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: FEEDBACK_ACTION,
        positive_button: { text: plain(t(view.language, 'helpful')), value: `up:${view.questionId}` },
        negative_button: { text: plain(t(view.language, 'notHelpful')), value: `down:${view.questionId}` },
      },
    ],
  });
  const button = (actionId: string, label: MessageKey, value: string): types.Button => ({
    type: 'button',
    action_id: actionId,
    text: plain(t(view.language, label)),
    value,
  });
  const buttons: types.Button[] = [];
  if (options.share) buttons.push(button(SHARE_ACTION, 'shareInChannel', options.share));
  if (options.escalate) buttons.push(button(ESCALATE_ACTION, 'handoff.ask', view.questionId));
  if (options.subscribe) buttons.push(button(SUBSCRIBE_ACTION, 'handoff.subscribe', view.questionId));
  // "Summarise [n]" for each cited document (issue 18), in the order of the sources above.
  for (const c of view.citations.slice(0, MAX_SUMMARY_BUTTONS)) {
    if (!view.standard && c.source.length <= BUTTON_VALUE_MAX)
      buttons.push({
        type: 'button',
        action_id: `${SUMMARIZE_DOCUMENT_ACTION}:${c.n}`,
        text: plain(`${t(view.language, 'summary.action')} [${c.n}]`),
        value: c.source,
      });
  }
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  return blocks;
}

/** The answer as one or more messages; the last one carries the trailer. */
export function renderAnswer(view: AnswerView, options: TrailerOptions = {}): SlackMessage[] {
  const sections = textSections(view.text);
  // A standard answer's title, above it.
  const title: Block[] = view.standard
    ? [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: `*${escapeMrkdwn(view.standard.title).slice(0, SECTION_MAX - 2)}*` },
        },
      ]
    : [];
  return inMessages([...title, ...sections, ...answerTrailer(view, options)], view.text);
}

/** Blocks as messages of at most 50 blocks and 40,000 characters of text each. */
function inMessages(all: readonly Block[], text: CheckedText): SlackMessage[] {
  const groups: Block[][] = [[]];
  let chars = 0;
  for (const block of all) {
    const size = block.type === 'section' ? (block.text?.text.length ?? 0) : 0;
    const current = groups[groups.length - 1]!;
    if (current.length > 0 && (current.length >= BLOCKS_MAX || chars + size > TEXT_MAX)) {
      groups.push([block]);
      chars = size;
    } else {
      current.push(block);
      chars += size;
    }
  }
  return groups.map((blocks) =>
    sealed(fallbackText(blocks) || escapeMrkdwn(text.slice(0, FALLBACK_MAX)), blocks),
  );
}

/**
 * A later message to an asker (an expert's relayed reply, the standard answer a waiting question
 * got): its text and sources, without 👍/👎 (it is no answer of PolyDesk's to rate).
 */
export function renderFollowUp(
  text: CheckedText,
  language: string,
  citations: readonly Citation[] = [],
): SlackMessage[] {
  return inMessages([...textSections(text), ...sourceSections(language, citations)], text);
}

/**
 * The hand-off message in an expert channel: the on-call mention, the question and PolyDesk's
 * answer (each as the guard released them for the channel), the sources when all may see them,
 * how to reply, and "Resolved" (or, once resolved, a line saying so).
 */
export function renderHandOff(message: HandOffMessage): SlackMessage {
  const mention = message.mention ? `${message.mention} ` : '';
  const title = `${mention}*${escapeMrkdwn(message.title)}*`;
  const body = [...textSections(message.question), ...textSections(message.answer)];
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text: title } },
    // Room for the title, sources and the last two blocks; a longer answer is cut (it is the bot's own).
    ...body.slice(0, BLOCKS_MAX - 10),
    ...sourceSections(message.language, message.citations).slice(0, 4),
    { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(message.instructions) }] },
    message.resolved
      ? {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: `:white_check_mark: ${escapeMrkdwn(message.resolved)}` }],
        }
      : {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: RESOLVE_ACTION,
              style: 'primary',
              text: plain(t(message.language, 'handoff.resolve')),
              value: message.escalationId,
            },
          ],
        },
  ];
  return sealed(`${mention}${escapeMrkdwn(message.title)}`, blocks);
}

/** A reply's final content: the full rendering, and for answers what ends a native stream. */
export interface RenderedReply {
  readonly messages: readonly SlackMessage[];
  /** For an answer: its full Markdown text and the blocks that go under it at the end of a native stream. */
  readonly stream?: { readonly markdown: CheckedText; readonly blocks: readonly Block[] } | undefined;
}

/** An answer with sources and feedback; any other outcome as a short notice in the asker's language. */
export function renderResult(result: AnswerResult, options: TrailerOptions = {}): RenderedReply {
  const view = answerViewOf(result);
  if (view) {
    return {
      messages: renderAnswer(view, options),
      // A standard answer is never streamed; its title is not part of a stream's text.
      stream: view.standard ? undefined : { markdown: view.text, blocks: answerTrailer(view, options) },
    };
  }
  return { messages: [renderNotice(noticeOf(result))] };
}

/** A short localised notice (held, busy, failed, ...), as a plain message. */
export function renderNotice(text: CheckedText): SlackMessage {
  return sealed(escapeMrkdwn(text), [
    { type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(text).slice(0, SECTION_MAX) } },
  ]);
}

/** The same message with other blocks of this module's making (a heading above an approved answer). */
export function withBlocks(
  message: SlackMessage,
  blocks: (blocks: readonly Block[]) => Block[],
): SlackMessage {
  return sealed(message.text, blocks(message.blocks));
}

/** The same blocks with Slack's feedback_buttons replaced by two plain buttons (for clients that reject them). */
export function withPlainFeedbackButtons(blocks: readonly Block[]): Block[] {
  return blocks.map((block) => {
    if (block.type !== 'context_actions') return block;
    const feedback = block.elements.find((e) => e.type === 'feedback_buttons');
    if (feedback?.type !== 'feedback_buttons') return block;
    return {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: `${FEEDBACK_ACTION}_up`,
          text: feedback.positive_button.text,
          value: feedback.positive_button.value,
        },
        {
          type: 'button',
          action_id: `${FEEDBACK_ACTION}_down`,
          text: feedback.negative_button.text,
          value: feedback.negative_button.value,
        },
      ],
    };
  });
}

/** Parses a feedback button value (`up:<questionId>` or `down:<questionId>`). */
export function parseFeedbackValue(
  value: string | undefined,
): { rating: 'up' | 'down'; questionId: string } | undefined {
  const match = /^(up|down):(.+)$/.exec(value ?? '');
  return match ? { rating: match[1] as 'up' | 'down', questionId: match[2]! } : undefined;
}

function plain(text: string): { type: 'plain_text'; text: string; emoji: true } {
  return { type: 'plain_text', text: text.slice(0, 75), emoji: true };
}

function fallbackText(blocks: readonly Block[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    if (block.type === 'section' && block.text) parts.push(block.text.text);
  }
  const text = parts.join('\n\n');
  return text.length > FALLBACK_MAX ? `${text.slice(0, FALLBACK_MAX - 1)}…` : text;
}
