import { findBankAccounts } from './bank-accounts.js';
import { findNationalIds } from './national-ids.js';
import { findPersonalRecords } from './personal-records.js';
import { findPhoneNumbers } from './phone-numbers.js';
import { findSalaries } from './salaries.js';
import type { FindingType, RawFinding, Scanner } from './scanner.js';
import { digitsOf, overlaps } from './text-window.js';
import { cardNetworkValid, ibanValid, luhnValid } from './validators.js';

const EMAIL =
  /(?<![\w.%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])/g;
/** 12-19 digits with optional single spaces or dashes between them. */
const CARD = /(?<![\w-])\d(?:[ -]?\d){11,18}(?![\w]|-\d)/g;
const IBAN = /(?<![\w-])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![\w])/gi;

/** When two findings overlap, the better-validated one wins. */
const PRIORITY: readonly FindingType[] = [
  'cn_resident_id',
  'kr_rrn',
  'th_national_id',
  'my_number',
  'national_id',
  'ssn',
  'iban',
  'credit_card',
  'bank_account',
  'passport',
  'salary',
  'date_of_birth',
  'home_address',
  'hr_record',
  'email',
  'phone',
];

/**
 * Personal data: e-mail, phone, payment cards, IBAN, national identifiers, bank accounts, pay, and
 * labelled dates of birth, passport numbers, home addresses and HR records about a person.
 */
export function createPiiScanner(): Scanner {
  return {
    name: 'pii',
    scan(normalized, context) {
      const text = westernDigits(normalized);
      const found: RawFinding[] = [...findEmails(text), ...findCards(text), ...findIbans(text)];
      found.push(...findNationalIds(text), ...findPhoneNumbers(text, context.language));
      found.push(...findBankAccounts(text), ...findSalaries(text), ...findPersonalRecords(text));
      return resolveOverlaps(found);
    },
  };
}

/**
 * Arabic-Indic and Persian digits (٠١٢, ۰۱۲) as ASCII digits, which NFKC leaves alone. One UTF-16
 * unit for one, so offsets stay those of the normalised text.
 */
function westernDigits(text: string): string {
  if (!/[\u0660-\u0669\u06f0-\u06f9]/.test(text)) return text;
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

function findEmails(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  for (const m of text.matchAll(EMAIL)) {
    const local = m[0].slice(0, m[0].indexOf('@'));
    if (local.includes('..')) continue;
    // user:password@host is a credential in a URL, reported by the secrets scanner.
    if (/:\/\/\S*$/.test(text.slice(Math.max(0, m.index - 200), m.index))) continue;
    found.push({ type: 'email', start: m.index, end: m.index + m[0].length });
  }
  return found;
}

function findCards(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  for (const m of text.matchAll(CARD)) {
    const value = m[0];
    const digits = digitsOf(value);
    if (digits.length < 12 || !cardGrouping(value)) continue;
    if (luhnValid(digits) && cardNetworkValid(digits)) {
      found.push({ type: 'credit_card', start: m.index, end: m.index + value.length });
    }
  }
  return found;
}

/** Cards are written unbroken or in the issuers' groupings (4-4-4-4, Amex 4-6-5, Diners 4-6-4). */
function cardGrouping(value: string): boolean {
  const separators = new Set(value.replace(/\d/g, ''));
  if (separators.size === 0) return true;
  if (separators.size > 1) return false;
  const lengths = value.split(/[ -]/).map((g) => g.length);
  const shape = lengths.join('-');
  if (shape === '4-6-5' || shape === '4-6-4') return true;
  return (
    lengths.slice(0, -1).every((n) => n === 4) && lengths[lengths.length - 1]! <= 4 && lengths.length >= 3
  );
}

function findIbans(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  for (const m of text.matchAll(IBAN)) {
    // The last group may be the next word ("… 1332 BIC"): drop groups until the rest is valid.
    for (let value = m[0]; value.length >= 15; value = value.replace(/ ?[A-Za-z0-9]{1,4}$/, '')) {
      if (ibanValid(value.replace(/ /g, '').toUpperCase())) {
        found.push({ type: 'iban', start: m.index, end: m.index + value.length });
        break;
      }
    }
  }
  return found;
}

function resolveOverlaps(findings: RawFinding[]): RawFinding[] {
  const rank = (f: RawFinding) => PRIORITY.indexOf(f.type);
  const sorted = [...findings].sort((a, b) => rank(a) - rank(b) || a.start - b.start);
  const kept: RawFinding[] = [];
  for (const f of sorted) if (!kept.some((k) => overlaps(k, f))) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}
