import type { RawFinding, Scanner } from './scanner.js';
import { overlaps } from './text-window.js';

/*
 * Confidentiality markings: the labels documents carry ("CONFIDENTIAL", 【社外秘】, 密级：机密,
 * "Classification: Vertraulich"), not the ordinary word in a sentence ("keep passwords
 * confidential", 機密情報の取り扱い). A word counts as a marking when it is written in capitals,
 * stands in brackets, stands alone on its line, opens a line followed by a separator, follows a
 * classification label, or carries the Chinese ★ of an official marking.
 */

/** Capitalised markings: a marking wherever they stand. */
const UPPER = [
  'STRICTLY CONFIDENTIAL',
  'HIGHLY CONFIDENTIAL',
  'COMPANY CONFIDENTIAL',
  'CONFIDENTIAL',
  'FOR INTERNAL USE ONLY',
  'INTERNAL USE ONLY',
  'INTERNAL ONLY',
  'TOP SECRET',
  'DO NOT DISTRIBUTE',
  'NOT FOR DISTRIBUTION',
  'STRENG VERTRAULICH',
  'VERTRAULICH',
  'NUR FÜR DEN DIENSTGEBRAUCH',
  'ESTRICTAMENTE CONFIDENCIAL',
  'CONFIDENCIAL',
  'SOLO PARA USO INTERNO',
  'STRICTEMENT CONFIDENTIEL',
  'CONFIDENTIEL',
  'DIFFUSION RESTREINTE',
];

/** Words that are a marking only in brackets or after a classification label ("Internal: ext. 1234" is not). */
const WEAK = ['RESTRICTED', 'SECRET', 'INTERNAL', 'INTERN', 'USO INTERNO', 'USAGE INTERNE', 'RESTRINGIDO'];

/** Marking words in any case and script, recognised in any marking position. */
const STRONG = [
  ...UPPER,
  '関係者外秘',
  '社外秘',
  '部外秘',
  '極秘',
  '機密',
  '秘密',
  '取扱注意',
  '社内限り',
  '社内限定',
  '대외비',
  '기밀',
  '극비',
  '비밀',
  '사내한정',
  '绝密',
  '机密',
  '内部资料',
  '内部使用',
  '仅限内部',
  '絕密',
  'ลับที่สุด',
  'ลับมาก',
  'ลับ',
  'ปกปิด',
  'เฉพาะภายใน',
];

const alternation = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/ /g, '\\s+'))
    .join('|');

const ANY = alternation([...STRONG, ...WEAK]);
const STRONG_ANY = alternation(STRONG);
/** Scripts written without spaces between words, where a marking followed by a space is still a label. */
const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const LABEL = String.raw`(?:classification|sensitivity|security\s+level|data\s+class|機密区分|機密性|秘密区分|取扱区分|情報区分|分类|密级|密級|보안\s?등급|등급|clasificaci[oó]n|Einstufung|Klassifizierung|niveau|ชั้นความลับ)`;

const PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`(?<![\p{L}\p{N}])(${alternation(UPPER)})(?![\p{L}\p{N}])`, 'gu'),
  new RegExp(String.raw`[\[【〔<《〈(]\s*(${ANY})\s*[\]】〕>》〉)]`, 'giu'),
  new RegExp(String.raw`^[\s#>*_|=~-]*(${STRONG_ANY})[\s*_|=~:：.!—–-]*$`, 'gimu'),
  new RegExp(String.raw`^[\s#>*_|-]*(${STRONG_ANY})[*_]*\s*(?:[:：|/—–-]|\s)`, 'gimu'),
  new RegExp(String.raw`${LABEL}\s*[:：]\s*[\[【(]?\s*(${ANY})(?![\p{L}])`, 'giu'),
  new RegExp(String.raw`(${ANY})\s*[★☆]`, 'gu'),
];

/** Confidentiality markings in English, Japanese, Chinese, Korean, Spanish, German, French and Thai. */
export function createMarkingScanner(): Scanner {
  return {
    name: 'markings',
    scan(text) {
      const found: RawFinding[] = [];
      PATTERNS.forEach((pattern, index) => {
        for (const m of text.matchAll(pattern)) {
          const word = m[1]!;
          // A line opened by a word and a space is a sentence ("Confidential information must...",
          // 기밀 정보 취급...), unless the script puts no spaces between words (社外秘　給与テーブル).
          if (index === 3 && !UNSPACED.test(word) && /\s$/.test(m[0])) {
            continue;
          }
          const start = m.index + m[0].indexOf(word);
          const finding: RawFinding = { type: 'marking', start, end: start + word.length };
          if (!found.some((f) => overlaps(f, finding))) found.push(finding);
        }
      });
      return found.sort((a, b) => a.start - b.start);
    },
  };
}
