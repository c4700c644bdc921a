import { t } from '../core/i18n.js';
import type { Citation } from '../core/types.js';
import type { SummarySection, SummarySentence } from '../inference/extractive-summary.js';
import type { ThreadMessage } from './summary-ports.js';
import {
  type ComposedSummary,
  citedParts,
  numberParts,
  quotedList,
  renumberParts,
  summaryText,
} from './summary-text.js';

/** Most characters of one message that are read (a pasted log is not a message to summarise whole). */
const MAX_MESSAGE_CHARS = 4000;

/** Each message a section of its own, under its author's name, in the thread's order. */
export function threadSections(messages: readonly ThreadMessage[]): SummarySection[] {
  return messages
    .filter((m) => m.text.trim() !== '')
    .map((m) => ({ headingPath: [m.author], text: m.text.slice(0, MAX_MESSAGE_CHARS) }));
}

/** Messages that are blank are not sections: the n-th section's message. */
function nonEmpty(messages: readonly ThreadMessage[]): ThreadMessage[] {
  return messages.filter((m) => m.text.trim() !== '');
}

function citationsFor(messages: readonly ThreadMessage[], order: readonly number[], title: string) {
  const { cited, number } = numberParts(
    messages,
    order,
    (message, n): Citation => ({
      n,
      title: message.at ? `${message.author} · ${message.at}` : message.author,
      source: message.link ?? title,
      url: message.link,
      docId: '',
    }),
  );
  return { citations: cited, number };
}

/** The chosen sentences as a list, each after its author's name, with its message's `[n]`. */
export function composeThreadExtractive(
  request: { readonly title: string; readonly messages: readonly ThreadMessage[] },
  sentences: readonly SummarySentence[],
  language: string,
  lead?: string | undefined,
): ComposedSummary {
  const messages = nonEmpty(request.messages);
  const { citations, number } = citationsFor(
    messages,
    sentences.map((s) => s.section),
    request.title,
  );
  const text = summaryText(
    lead,
    t(language, 'summary.threadHeading', { title: request.title }),
    quotedList(sentences, number, (s) => `**${messages[s.section]!.author}**: `),
    t(language, 'summary.threadExtractiveNote'),
  );
  return { text, citations, sources: [] };
}

/** A model's summary of a thread, its `[n]` (message numbers) renumbered in the order it cites them. */
export function composeThreadAbstractive(
  request: { readonly title: string; readonly messages: readonly ThreadMessage[] },
  text: string,
  language: string,
): ComposedSummary {
  const messages = nonEmpty(request.messages);
  const { citations, number } = citationsFor(messages, citedParts(text), request.title);
  const composed = summaryText(
    undefined,
    t(language, 'summary.threadHeading', { title: request.title }),
    renumberParts(text, number),
    t(language, 'summary.modelNote'),
  );
  return { text: composed, citations, sources: [] };
}
