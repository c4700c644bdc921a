import { type MessageKey, SUPPORTED_LANGUAGES, resolveLanguage, t } from '../../core/i18n.js';

/** The product messages the chat page shows itself (the answers' notices come from the server). */
const PAGE_KEYS: readonly MessageKey[] = [
  'sources',
  'helpful',
  'notHelpful',
  'feedbackThanks',
  'failed',
  'rejected',
  'extractive.note',
];

/** What the page reads from `<body data-…>`: its messages in one language and the question limit. */
export interface ChatPageSettings {
  readonly language: string;
  /** MAX_QUESTION_CHARS: a longer question gets a notice on the page instead of being cut. */
  readonly maxQuestionChars: number;
}

/** The page's language: the browser's preferred one among those with product messages, else English. */
export function pageLanguage(acceptsLanguages: (languages: string[]) => string | false): string {
  return resolveLanguage(acceptsLanguages([...SUPPORTED_LANGUAGES]) || undefined);
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&#39;',
  '<': '&lt;',
  '>': '&gt;',
};
const escapeAttribute = (value: string) => value.replace(/[&"'<>]/g, (c) => ATTRIBUTE_ESCAPES[c]!);

/**
 * index.html with its settings in `<body>`'s data attributes (the page's CSP allows no inline
 * script): the messages as JSON, localised like every notice (src/core/i18n.ts), and the limit.
 */
export function renderChatPage(template: string, settings: ChatPageSettings): string {
  const messages: Record<string, string> = {};
  for (const key of PAGE_KEYS) messages[key] = t(settings.language, key);
  messages['questionTooLong'] = t(settings.language, 'questionTooLong', { max: settings.maxQuestionChars });
  const attributes =
    `data-language="${escapeAttribute(resolveLanguage(settings.language))}" ` +
    `data-max-question-chars="${settings.maxQuestionChars}" ` +
    `data-messages="${escapeAttribute(JSON.stringify(messages))}"`;
  // A function, so that no `$&` in a message is read as a replacement pattern.
  return template.replace('<body>', () => `<body ${attributes}>`);
}
