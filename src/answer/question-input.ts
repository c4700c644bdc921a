/** Result of checking a raw question from any channel before it enters the pipeline. */
export type QuestionCheck =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'empty' | 'too_long'; readonly text: string };

// C0/C1 control characters except tab and newline, plus lone surrogates.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Cleans a question: drops control characters and broken surrogates, collapses runs of blank lines,
 * trims. An empty or too long question is an expected outcome, not an error.
 */
export function checkQuestion(raw: string, maxChars: number): QuestionCheck {
  const text = raw
    .replace(CONTROL, ' ')
    .replace(LONE_SURROGATE, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (text.length === 0) return { ok: false, reason: 'empty', text };
  if (text.length > maxChars) return { ok: false, reason: 'too_long', text: text.slice(0, 2000) };
  return { ok: true, text };
}
