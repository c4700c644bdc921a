import { MESSAGE_KEYS, type MessageKey, SUPPORTED_LANGUAGES, resolveLanguage, t } from '../../core/i18n.js';

/** The product messages the chat page shows itself (the answers' notices come from the server). */
const PAGE_KEYS: readonly MessageKey[] = [
  'sources',
  'helpful',
  'notHelpful',
  'feedbackThanks',
  'failed',
  'rejected',
  'extractive.note',
  'summary.action',
  'summary.working',
  'page.signInAgain',
  'held',
  'handoff.ask',
  'handoff.sent',
  'handoff.already',
  'handoff.unavailable',
];

/**
 * Languages written right to left, among those PolyDesk may give the page: a page in one of them is
 * laid out mirrored (`<html dir="rtl">`). Persian and Urdu are listed so that adding their messages
 * is enough to get them right.
 */
const RIGHT_TO_LEFT: ReadonlySet<string> = new Set(['ar', 'he', 'fa', 'ur']);

/** The page's direction in `language` (a tag or a resolved code). */
export function pageDirection(language: string): 'rtl' | 'ltr' {
  return RIGHT_TO_LEFT.has(resolveLanguage(language)) ? 'rtl' : 'ltr';
}

/** What the page reads from `<body data-…>`: its messages in one language and the question limit. */
export interface ChatPageSettings {
  readonly language: string;
  /** MAX_QUESTION_CHARS: a longer question gets a notice on the page instead of being cut. */
  readonly maxQuestionChars: number;
  /** "Ask a person" is configured: the page reads its asker's hand-offs when it opens. */
  readonly handOff?: boolean | undefined;
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

/** A product message that index.html shows itself, written `{{page.intro}}`. */
const PAGE_TEXT = /\{\{(page\.\w+)\}\}/g;

function pageText(language: string, key: string): string {
  if (!(MESSAGE_KEYS as readonly string[]).includes(key))
    throw new Error(`index.html names {{${key}}}, which src/core/i18n.ts does not have`);
  return escapeAttribute(t(language, key as MessageKey));
}

/**
 * index.html in the page's language and direction (`<html lang dir>`), its own words in that
 * language (escaped, since they stand in text and attributes alike), with its settings in
 * `<body>`'s data attributes (the page's CSP allows no inline script): the messages as JSON,
 * localised like every notice (src/core/i18n.ts), and the limit.
 */
export function renderChatPage(template: string, settings: ChatPageSettings): string {
  const language = resolveLanguage(settings.language);
  const messages: Record<string, string> = {};
  for (const key of PAGE_KEYS) messages[key] = t(language, key);
  messages['questionTooLong'] = t(language, 'questionTooLong', { max: settings.maxQuestionChars });
  const attributes =
    `data-language="${escapeAttribute(language)}" ` +
    `data-max-question-chars="${settings.maxQuestionChars}" ` +
    (settings.handOff ? 'data-hand-off="1" ' : '') +
    `data-messages="${escapeAttribute(JSON.stringify(messages))}"`;
  // Functions, so that no `$&` in a message is read as a replacement pattern.
  return template
    .replace(PAGE_TEXT, (_, key: string) => pageText(language, key))
    .replace(
      '<html lang="en">',
      () => `<html lang="${escapeAttribute(language)}" dir="${pageDirection(language)}">`,
    )
    .replace('<body>', () => `<body ${attributes}>`);
}
