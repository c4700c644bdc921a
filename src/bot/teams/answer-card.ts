/**
 * What PolyDesk posts in Teams: an answer as an Adaptive Card (text, sources, 👍/👎, extractive
 * note) with a plain-text `summary` for clients and notifications that show no cards, and notices
 * (held, busy, failed, ...) as plain messages. Teams shows a message's `text` and its card as two
 * bubbles, so a card message carries its fallback in `summary`, not in `text`.
 */
import type { Attachment } from 'botbuilder';
import type { CheckedText } from '../../answer/ports.js';
import { normalizeHttpUrl } from '../../core/http-url.js';
import { type MessageKey, t } from '../../core/i18n.js';
import type { AnswerResult, Citation } from '../../core/types.js';
import type { HandOffMessage, SaveForm } from '../../helpdesk/escalations.js';
import { QUESTION_MAX, TITLE_MAX } from '../../helpdesk/hand-off-standard.js';
import { type AnswerView, answerViewOf, noticeOf } from '../answer-view.js';
import {
  ESCALATE_VERB,
  FEEDBACK_VERB,
  RESOLVE_VERB,
  SAVE_STANDARD_VERB,
  SUBSCRIBE_VERB,
  SUMMARIZE_VERB,
} from './teams-activity.js';
import { markdownLink, safeMarkdown } from './teams-markdown.js';

declare const rendered: unique symbol;

/**
 * One message to post. Only this module's render functions make one, from guard-checked text
 * (the brand cannot be written elsewhere): Teams sends take nothing else.
 */
export interface OutgoingMessage {
  readonly text?: string | undefined;
  readonly summary?: string | undefined;
  readonly attachments?: readonly Attachment[] | undefined;
  readonly [rendered]: true;
}

function sealed(message: {
  text?: string | undefined;
  summary?: string | undefined;
  attachments?: readonly Attachment[] | undefined;
}): OutgoingMessage {
  return message as OutgoingMessage;
}

/** A short notice (held, busy, greeting, ...) as a plain message. */
export function renderNotice(text: CheckedText): OutgoingMessage {
  return sealed({ text });
}

/** A reply rendered both ways: as plain messages, and for the end of a Teams stream. */
export interface RenderedReply {
  readonly messages: readonly OutgoingMessage[];
  /**
   * The same reply when it ends a stream: the first message must have `text` (the streamed text
   * becomes it), so the answer goes in `text` and its card holds only sources and buttons.
   */
  readonly streamed: readonly OutgoingMessage[];
}

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
/** Answer text per message: Teams refuses messages over about 28 KB, and CJK text takes 3 bytes a character. */
export const PIECE_MAX = 6_000;
const SUMMARY_MAX = 4_000;

/** What an answer card offers besides 👍/👎. */
export interface CardOptions {
  /** "Ask a person" (an expert route exists for this answer). */
  readonly escalate?: boolean | undefined;
  /** "Tell me when it's answered" (a not-found, with subscriptions running). */
  readonly subscribe?: boolean | undefined;
}

/** An answer with sources and feedback buttons; any other outcome as a notice in the asker's language. */
export function renderResult(result: AnswerResult, options: CardOptions = {}): RenderedReply {
  const view = answerViewOf(result);
  if (view) return renderAnswer(view, options);
  const message = renderNotice(noticeOf(result));
  return { messages: [message], streamed: [message] };
}

/** An answer split into messages of at most PIECE_MAX characters; the last one carries the card. */
export function renderAnswer(view: AnswerView, options: CardOptions = {}): RenderedReply {
  // Links quoted from documents stay links only to http(s) URLs (the stream showed the raw text).
  const pieces = splitText(safeMarkdown(view.text), PIECE_MAX);
  const last = pieces.length - 1;
  const messages = pieces.map((piece, i) =>
    sealed(
      i < last
        ? { text: piece }
        : { summary: summaryOf(piece, view), attachments: [answerCard(view, piece, options)] },
    ),
  );
  const streamed = pieces.map((piece, i) =>
    sealed(
      i === 0 && last === 0
        ? { text: piece, attachments: [answerCard(view, undefined, options)] }
        : i < last
          ? { text: piece }
          : { summary: summaryOf(piece, view), attachments: [answerCard(view, piece, options)] },
    ),
  );
  return { messages, streamed };
}

/** The Adaptive Card of an answer; without `text` it is the trailer under a streamed answer. */
export function answerCard(
  view: AnswerView,
  text: string | undefined,
  options: CardOptions = {},
): Attachment {
  const body: Record<string, unknown>[] = [];
  if (view.heading)
    body.push({ type: 'TextBlock', text: view.heading, wrap: true, isSubtle: true, size: 'Small' });
  // The title and the team in the byline are typed by people, as the answer is: links as in the body.
  if (view.standard && text)
    body.push({ type: 'TextBlock', text: safeMarkdown(view.standard.title), wrap: true, weight: 'Bolder' });
  if (text) body.push({ type: 'TextBlock', text, wrap: true });
  if (view.standard)
    body.push({
      type: 'TextBlock',
      text: safeMarkdown(view.standard.byline),
      wrap: true,
      isSubtle: true,
      size: 'Small',
    });
  body.push(...sourceBlocks(view.language, view.citations));
  if (view.extractive) {
    body.push({
      type: 'TextBlock',
      text: t(view.language, 'extractive.note'),
      wrap: true,
      isSubtle: true,
      size: 'Small',
      spacing: 'Medium',
    });
  }
  return card(body, [
    feedbackAction(view, 'up'),
    feedbackAction(view, 'down'),
    ...(options.escalate
      ? [submit(t(view.language, 'handoff.ask'), { action: ESCALATE_VERB, questionId: view.questionId })]
      : []),
    ...(options.subscribe
      ? [
          submit(t(view.language, 'handoff.subscribe'), {
            action: SUBSCRIBE_VERB,
            questionId: view.questionId,
          }),
        ]
      : []),
    // "Summarise [n]" for the first cited documents (issue 18); a standard answer cites none.
    ...view.citations.slice(0, MAX_SUMMARY_ACTIONS).map((c) =>
      submit(`${t(view.language, 'summary.action')} [${c.n}]`, {
        action: SUMMARIZE_VERB,
        source: c.source,
      }),
    ),
  ]);
}

/** Most "Summarise" actions on one card: Teams shows a handful of card actions before it folds them. */
const MAX_SUMMARY_ACTIONS = 3;

/** A card button that posts its data back as a message activity (`value`). */
function submit(title: string, data: Readonly<Record<string, string>>): Record<string, unknown> {
  return { type: 'Action.Submit', title, data };
}

/** The sources of an answer as small TextBlocks under a heading. */
export function sourceBlocks(language: string, citations: readonly Citation[]): Record<string, unknown>[] {
  if (citations.length === 0) return [];
  return [
    {
      type: 'TextBlock',
      text: t(language, 'sources'),
      weight: 'Bolder',
      size: 'Small',
      spacing: 'Medium',
      wrap: true,
    },
    ...citations.map((c) => ({
      type: 'TextBlock',
      text: `[${c.n}] ${sourceLink(c)}`,
      wrap: true,
      size: 'Small',
      spacing: 'None',
    })),
  ];
}

function card(
  body: readonly Record<string, unknown>[],
  actions: readonly Record<string, unknown>[] = [],
): Attachment {
  return {
    contentType: ADAPTIVE_CARD,
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      msteams: { width: 'Full' },
      body,
      ...(actions.length > 0 ? { actions } : {}),
    },
  };
}

/**
 * The hand-off message in an expert channel: the question and PolyDesk's answer (each as the guard
 * released them for the channel), the sources when all may see them, how to reply, and "Resolved"
 * (once resolved, a line saying so).
 */
export function renderHandOff(message: HandOffMessage): OutgoingMessage {
  const question = safeMarkdown(message.question).slice(0, PIECE_MAX);
  const answer = safeMarkdown(message.answer).slice(0, PIECE_MAX);
  const body = [
    { type: 'TextBlock', text: message.title, weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: question, wrap: true },
    { type: 'TextBlock', text: answer, wrap: true, spacing: 'Medium' },
    ...sourceBlocks(message.language, message.citations),
    {
      type: 'TextBlock',
      text: message.instructions,
      wrap: true,
      isSubtle: true,
      size: 'Small',
      spacing: 'Medium',
    },
    ...(message.resolved
      ? [{ type: 'TextBlock', text: `✅ ${message.resolved}`, wrap: true, weight: 'Bolder' }]
      : []),
  ];
  const actions = message.resolved
    ? []
    : [
        submit(t(message.language, 'handoff.resolve'), {
          action: RESOLVE_VERB,
          escalationId: message.escalationId,
        }),
      ];
  const summary = [message.title, question].join('\n\n');
  return sealed({
    summary: summary.length > SUMMARY_MAX ? `${summary.slice(0, SUMMARY_MAX - 1)}…` : summary,
    attachments: [card(body, actions)],
  });
}

/**
 * A later message to an asker (an expert's relayed reply, the standard answer a waiting question
 * got): its text, and its sources in a card under the last piece; no 👍/👎 (it is no answer of
 * PolyDesk's to rate).
 */
export function renderFollowUp(
  text: CheckedText,
  language: string,
  citations: readonly Citation[] = [],
): OutgoingMessage[] {
  const pieces = splitText(safeMarkdown(text), PIECE_MAX);
  if (citations.length === 0) return pieces.map((piece) => sealed({ text: piece }));
  const last = pieces.length - 1;
  return pieces.map((piece, i) =>
    sealed(
      i < last
        ? { text: piece }
        : {
            summary: piece.slice(0, SUMMARY_MAX),
            attachments: [
              card([{ type: 'TextBlock', text: piece, wrap: true }, ...sourceBlocks(language, citations)]),
            ],
          },
    ),
  );
}

/** The ids of the save form's inputs: Teams merges their values into the action's data. */
export const SAVE_TITLE_INPUT = 'title';
export const SAVE_QUESTION_INPUT = 'question';

/**
 * Under an expert's reply in a hand-off thread: what became of it (passed on, or waiting for a
 * reviewer) and, for a reply passed on, the form that saves it as a standard answer: its title and
 * question, prefilled with the asker's question where the channel may read it, for its saver to
 * confirm or rewrite before everyone who gets it reads them.
 */
export function renderReplyConfirmation(said: CheckedText, save?: SaveForm | undefined): OutgoingMessage {
  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', text: said, wrap: true, isSubtle: true, size: 'Small' },
  ];
  if (!save) return sealed({ summary: said, attachments: [card(body)] });
  const { language } = save;
  const input = (id: string, label: MessageKey, prefill: CheckedText | undefined, max: number) => ({
    type: 'Input.Text',
    id,
    label: t(language, label),
    isRequired: true,
    maxLength: max,
    isMultiline: id === SAVE_QUESTION_INPUT,
    ...(prefill ? { value: prefill.slice(0, max) } : {}),
  });
  body.push(
    {
      type: 'TextBlock',
      text: t(language, 'handoff.saveHint'),
      wrap: true,
      size: 'Small',
      spacing: 'Medium',
    },
    input(SAVE_TITLE_INPUT, 'handoff.saveTitle', save.title, TITLE_MAX),
    input(SAVE_QUESTION_INPUT, 'handoff.saveQuestion', save.question, QUESTION_MAX),
  );
  return sealed({
    summary: said,
    attachments: [
      card(body, [
        submit(t(language, 'handoff.saveStandard'), {
          action: SAVE_STANDARD_VERB,
          escalationId: save.escalationId,
          replyId: save.replyId,
        }),
      ]),
    ],
  });
}

/** 👍/👎 as Universal Actions (a private "thanks" in the invoke response), Action.Submit where unsupported. */
function feedbackAction(view: AnswerView, rating: 'up' | 'down'): Record<string, unknown> {
  const title =
    rating === 'up' ? `👍 ${t(view.language, 'helpful')}` : `👎 ${t(view.language, 'notHelpful')}`;
  const data = { action: FEEDBACK_VERB, questionId: view.questionId, rating };
  return {
    type: 'Action.Execute',
    title,
    verb: FEEDBACK_VERB,
    data,
    fallback: { type: 'Action.Submit', title, data },
  };
}

function sourceLink(c: Citation): string {
  return markdownLink(c.url, c.title.trim() || c.source);
}

function summaryOf(piece: string, view: AnswerView): string {
  const sources = view.citations.map((c) => {
    const url = c.url ? normalizeHttpUrl(c.url) : undefined;
    return `[${c.n}] ${c.title}${url ? ` (${url})` : ''}`;
  });
  const text = [
    view.heading,
    view.standard?.title,
    piece,
    view.standard?.byline,
    sources.length ? `${t(view.language, 'sources')}:\n${sources.join('\n')}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return text.length > SUMMARY_MAX ? `${text.slice(0, SUMMARY_MAX - 1)}…` : text;
}

/** Splits text into pieces of at most `max` characters, at paragraph, line or word boundaries when possible. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = window.lastIndexOf('\n\n');
    if (cut < max / 2) cut = window.lastIndexOf('\n');
    if (cut < max / 2) cut = window.lastIndexOf(' ');
    if (cut < max / 2) cut = /[\uD800-\uDBFF]/.test(rest.charAt(max - 1)) ? max - 1 : max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest || pieces.length === 0) pieces.push(rest);
  return pieces;
}
