import { type MessageKey, t } from '../core/i18n.js';
import type { FindingType } from './scanner.js';

/** The product message that replaces each finding type in a redacted answer. */
const MASK_KEYS: Readonly<Record<FindingType, MessageKey>> = {
  secret: 'redacted.secret',
  private_key: 'redacted.secret',
  jwt: 'redacted.secret',
  connection_string: 'redacted.secret',
  password: 'redacted.secret',
  canary: 'redacted.secret',
  email: 'redacted.personal',
  phone: 'redacted.personal',
  credit_card: 'redacted.personal',
  iban: 'redacted.personal',
  my_number: 'redacted.personal',
  ssn: 'redacted.personal',
  kr_rrn: 'redacted.personal',
  cn_resident_id: 'redacted.personal',
  th_national_id: 'redacted.personal',
  national_id: 'redacted.personal',
  bank_account: 'redacted.personal',
  salary: 'redacted.personal',
  date_of_birth: 'redacted.personal',
  passport: 'redacted.personal',
  home_address: 'redacted.personal',
  hr_record: 'redacted.personal',
  marking: 'redacted.other',
  leakage: 'redacted.other',
};

/** The mask that replaces a finding of `type` in an answer written in `language` (BCP-47, e.g. `ja-JP`). */
export function maskFor(type: string, language: string): string {
  return t(language, MASK_KEYS[type as FindingType] ?? 'redacted.other');
}

/**
 * Replaces each span with its mask. Overlapping spans are merged and take the mask of the first.
 * Offsets are UTF-16 indices into `text`, `end` exclusive.
 */
export function redact(
  text: string,
  spans: readonly { readonly type: string; readonly start: number; readonly end: number }[],
  language: string,
): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = 0;
  for (const span of sorted) {
    if (span.end <= cursor) continue;
    if (span.start >= cursor) out += text.slice(cursor, span.start) + maskFor(span.type, language);
    cursor = span.end;
  }
  return out + text.slice(cursor);
}
