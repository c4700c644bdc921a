import type { CheckedText } from '../core/checked-text.js';
import { type MessageKey, t } from '../core/i18n.js';

/**
 * Brands a text as released. Called only inside src/guardrails, on text a guard has just checked
 * (or masked); `test/guardrails/one-gate.test.ts` fails when any other module imports it.
 */
export function released(text: string): CheckedText {
  return text as CheckedText;
}

/**
 * A fixed product message (held for review, not found, busy, searching…) in the reader's
 * language. Its text is written in src/core/i18n.ts, never derived from documents or a model,
 * so it needs no scan; its parameters are numbers only, so no text can be slipped in.
 */
export function notice(
  language: string | undefined,
  key: MessageKey,
  params?: Readonly<Record<string, number>>,
): CheckedText {
  return released(t(language, key, params));
}
