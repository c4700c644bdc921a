import {
  COPULA_WORDS,
  LOGIN_WORDS,
  PAIR_JOIN,
  PASSWORD_WORDS,
  USER_WORDS,
  VALUE_JOIN,
  VALUE_OPEN,
} from './credential-words.js';
import type { RawFinding } from './scanner.js';
import { handedOverToken, plausiblePassword, strongPassword } from './token-shape.js';

/*
 * Credentials written in a sentence rather than a config line, in every answer language:
 * "password for the guest Wi-Fi: X", "password X", 密码X, "user billing_admin, password X",
 * "admin / X" next to a sign-in, and a random-looking value handed over with no credential word
 * ("Use X to log in"). Every window is bounded, so no pattern backtracks over the whole answer.
 */

const VALUE = String.raw`([\x21-\x7E]{4,80})`;
const CJK_BEFORE = String.raw`(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}])`;

/** A few words may stand between the word and an explicit separator: "password for the guest Wi-Fi: ...". */
const LABELLED = new RegExp(
  String.raw`${PASSWORD_WORDS}[^\n:=.。@/\\]{0,25}?(?:\s{0,3}[:=]\s{0,3}|\s{1,3}${COPULA_WORDS}\s{1,3}|${CJK_BEFORE}${COPULA_WORDS}\s{0,3})${VALUE_OPEN}?\s{0,2}${VALUE}`,
  'giu',
);
/** The value straight after the word, whatever joins them: "password Xk7#pQ2m", パスワード「Xk7」. */
const DIRECT = new RegExp(`${PASSWORD_WORDS}(${VALUE_JOIN})${VALUE}`, 'giu');
/** "admin / X" or "user admin / X" near a sign-in word: the password half has no word of its own. */
const SLASH_PAIR = new RegExp(
  String.raw`(?<![\x21-\x7E])(?:${USER_WORDS}${VALUE_JOIN})?[\w.@-]{2,40}\s{0,2}/\s{0,2}${VALUE_OPEN}?${VALUE}`,
  'giu',
);
/** "user billing_admin, X" after a user word, where the second half carries no password word. */
const USER_PAIR = new RegExp(
  String.raw`${USER_WORDS}${VALUE_JOIN}[\w.@-]{2,40}${PAIR_JOIN}${VALUE_OPEN}?${VALUE}`,
  'giu',
);
const LOGIN = new RegExp(LOGIN_WORDS, 'iu');
const LOGIN_ALL = new RegExp(LOGIN_WORDS, 'giu');
const PASSWORD_NEAR = new RegExp(PASSWORD_WORDS, 'iu');
const USER = new RegExp(USER_WORDS, 'iu');
/** A token in a window around a sign-in word, quoted or not. */
const TOKEN = /(?<![\x21-\x7E])["'“‘«「『【\x60]?([\x21-\x7E]{8,64})/g;
/** How far around a sign-in word a handed-over value may stand. */
const LOGIN_WINDOW = 80;

/** Passwords and handed-over values in prose. */
export function findProseCredentials(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  const push = (start: number, raw: string, accept: (value: string, after: string) => boolean) => {
    const value = trimTrailing(raw);
    const end = start + value.length;
    if (found.some((f) => f.start < end && start < f.end)) return;
    if (accept(value, text.slice(end, end + 16))) found.push({ type: 'password', start, end });
  };
  const valueStart = (m: RegExpMatchArray, group: number) => m.index! + m[0].length - m[group]!.length;

  for (const m of text.matchAll(LABELLED)) push(valueStart(m, 1), m[1]!, plausiblePassword);
  for (const m of text.matchAll(DIRECT)) {
    // After a separator, a copula or a quote the value may be any chosen password; after a bare
    // space, a slash or nothing it must look like one.
    const join = m[1]!.trim();
    const explicit = join !== '' && join !== '/';
    push(valueStart(m, 2), m[2]!, explicit ? plausiblePassword : strongPassword);
  }
  for (const m of text.matchAll(USER_PAIR)) push(valueStart(m, 1), m[1]!, pairedPassword);
  if (LOGIN.test(text) || PASSWORD_NEAR.test(text)) {
    for (const m of text.matchAll(SLASH_PAIR)) {
      if (!nearSignIn(text, m.index!, m.index! + m[0].length)) continue;
      push(valueStart(m, 1), m[1]!, pairedPassword);
    }
  }
  for (const login of text.matchAll(LOGIN_ALL)) {
    const from = Math.max(0, login.index! - LOGIN_WINDOW);
    const window = text.slice(from, login.index! + login[0].length + LOGIN_WINDOW);
    for (const m of window.matchAll(TOKEN)) {
      push(from + valueStart(m, 1), m[1]!, (value) => handedOverToken(value));
    }
  }
  return found;
}

/** The second half of a pair: a chosen password, not a number ("user ID 4711 and 4712"). */
function pairedPassword(value: string, after: string): boolean {
  return !/^\d+$/.test(value) && strongPassword(value, after);
}

function nearSignIn(text: string, start: number, end: number): boolean {
  const window = text.slice(Math.max(0, start - LOGIN_WINDOW), Math.min(text.length, end + LOGIN_WINDOW));
  return LOGIN.test(window) || PASSWORD_NEAR.test(window) || USER.test(window);
}

/** Sentence punctuation and closing quotes after a value are not part of it. */
export function trimTrailing(value: string): string {
  return value.replace(/(?:[.,;:)\]}>"'`」』】〕”’»]|\.{3})+$/u, '');
}
