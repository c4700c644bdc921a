import { PASSWORD_WORDS, USER_WORDS } from './credential-words.js';
import type { RawFinding } from './scanner.js';
import { isProductName, notASecret, plausiblePassword } from './token-shape.js';

/*
 * A value written first and annotated after it, as people jot credentials down in chats and notes:
 * "hanabi_ochazuke ←これが共用iPadのロック解除のやつ", "bom yeoreum gaeul gyeoul ← 공용 메일 계정 암호",
 * "shanghai tiantian kaixin——这四个词连起来就是共享邮箱的口令", "Q!w2e3r4t5 是那台 POS 機的開機密碼".
 * The value opens its line; an arrow pointing back at it needs a credential, account or unlock word
 * in the note, a dash or a copula a password word.
 */

/** A value opening a line: one token, or two to six lower-case words (a passphrase with spaces). */
const ANNOTATED =
  /^[ \t>*•-]{0,4}["'“「『]?((?:[\p{Ll}\d]{2,16}(?: [\p{Ll}\d]{1,16}){1,5})|[\x21-\x7E]{6,64}?)["'”」』]?[ \t]{0,3}(?:(←|⬅|<-{1,2}|<=)|(——|—|–|=>|是|は|이야|이에요))[ \t]{0,3}([^\n]{0,80})/gmu;
const PASSWORD = new RegExp(PASSWORD_WORDS, 'iu');
const USER = new RegExp(USER_WORDS, 'iu');
/** What an arrow's note names: an account or a mailbox, or the device a value unlocks. */
const ACCOUNT_OR_UNLOCK =
  /(?<![\p{L}])(?:unlock\p{L}*|e-?mail|mailbox|account|login|entsperr\p{L}*|déverrouill\p{L}*|desbloque\p{L}*|sblocc\p{L}*|ontgrendel\p{L}*|odblok\p{L}*|kilid\p{L}*|разблок\p{L}*|mở\s+khóa|buka\s+kunci|Konto|compte|cuenta|conta|tài\s+khoản|akun|hesap|hesab\p{L}*|аккаунт\p{L}*|почт\p{L}*|حساب|بريد|חשבון|מייל)(?![\p{L}])|ロック解除|アカウント|メール|계정|메일|잠금\s?해제|อีเมล|บัญชี|ปลดล็อก|邮箱|郵箱|账号|帳號|解锁|解鎖/iu;

const SPACES =
  /(?<![\p{L}])(?:spaces?|words|Leerzeichen|espaces?|espacios?|spazi|espaços|spaties|spacj\p{L}*|boşluk\p{L}*|пробел\p{L}*|dấu\s+cách|spasi|مسافات|רווחים)(?![\p{L}])|띄어쓰기|공백|เว้นวรรค|空格|スペース|単語|词|詞/iu;

export function findAnnotatedValues(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  for (const m of text.matchAll(ANNOTATED)) {
    const value = m[1]!;
    const note = m[4]!;
    const password = PASSWORD.test(note);
    const cue = m[2] !== undefined ? password || USER.test(note) || ACCOUNT_OR_UNLOCK.test(note) : password;
    if (!cue || !valueShape(value)) continue;
    // Words with spaces are a passphrase only where the note says so: a password word, or that the
    // spaces belong to it (띄어쓰기 포함, มีเว้นวรรค, 中间带空格); "pip install foo ← the login module" is a command.
    if (value.includes(' ') && !password && !SPACES.test(note)) continue;
    const start = m.index + m[0].indexOf(value);
    found.push({ type: 'password', start, end: start + value.length });
  }
  return found;
}

/** A passphrase of words, or a chosen token: not a URL, path, file, version, lone word or number. */
function valueShape(value: string): boolean {
  if (value.includes(' ')) return value.split(' ').length >= 3 || /\d/.test(value);
  if (/^\p{L}+$/u.test(value) || /^\d+$/.test(value) || notASecret(value) || isProductName(value))
    return false;
  return plausiblePassword(value);
}
