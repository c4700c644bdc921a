/**
 * What PolyDesk posts in Teams: an answer as an Adaptive Card (text, sources, 👍/👎, extractive
 * note) with a plain-text `summary` for clients and notifications that show no cards, and notices
 * (held, busy, failed, ...) as plain messages. Teams shows a message's `text` and its card as two
 * bubbles, so a card message carries its fallback in `summary`, not in `text`.
 */
import type { Attachment } from 'botbuilder';
import type { CheckedText } from '../../answer/ports.js';
import { normalizeHttpUrl } from '../../core/http-url.js';
import { t } from '../../core/i18n.js';
import type { AnswerResult, Citation } from '../../core/types.js';
import { type AnswerView, answerViewOf, noticeOf } from '../answer-view.js';
import { FEEDBACK_VERB } from './teams-activity.js';
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

/** An answer with sources and feedback buttons; any other outcome as a notice in the asker's language. */
export function renderResult(result: AnswerResult): RenderedReply {
  const view = answerViewOf(result);
  if (view) return renderAnswer(view);
  const message = renderNotice(noticeOf(result));
  return { messages: [message], streamed: [message] };
}

/** An answer split into messages of at most PIECE_MAX characters; the last one carries the card. */
export function renderAnswer(view: AnswerView): RenderedReply {
  // Links quoted from documents stay links only to http(s) URLs (the stream showed the raw text).
  const pieces = splitText(safeMarkdown(view.text), PIECE_MAX);
  const last = pieces.length - 1;
  const messages = pieces.map((piece, i) =>
    sealed(
      i < last
        ? { text: piece }
        : { summary: summaryOf(piece, view), attachments: [answerCard(view, piece)] },
    ),
  );
  const streamed = pieces.map((piece, i) =>
    sealed(
      i === 0 && last === 0
        ? { text: piece, attachments: [answerCard(view, undefined)] }
        : i < last
          ? { text: piece }
          : { summary: summaryOf(piece, view), attachments: [answerCard(view, piece)] },
    ),
  );
  return { messages, streamed };
}

/** The Adaptive Card of an answer; without `text` it is the trailer under a streamed answer. */
export function answerCard(view: AnswerView, text: string | undefined): Attachment {
  const body: Record<string, unknown>[] = [];
  if (view.heading)
    body.push({ type: 'TextBlock', text: view.heading, wrap: true, isSubtle: true, size: 'Small' });
  if (view.standard && text)
    body.push({ type: 'TextBlock', text: view.standard.title, wrap: true, weight: 'Bolder' });
  if (text) body.push({ type: 'TextBlock', text, wrap: true });
  if (view.standard)
    body.push({ type: 'TextBlock', text: view.standard.byline, wrap: true, isSubtle: true, size: 'Small' });
  if (view.citations.length > 0) {
    body.push({
      type: 'TextBlock',
      text: t(view.language, 'sources'),
      weight: 'Bolder',
      size: 'Small',
      spacing: 'Medium',
      wrap: true,
    });
    for (const c of view.citations) {
      body.push({
        type: 'TextBlock',
        text: `[${c.n}] ${sourceLink(c)}`,
        wrap: true,
        size: 'Small',
        spacing: 'None',
      });
    }
  }
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
  return {
    contentType: ADAPTIVE_CARD,
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      msteams: { width: 'Full' },
      body,
      actions: [feedbackAction(view, 'up'), feedbackAction(view, 'down')],
    },
  };
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
