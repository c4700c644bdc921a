import { findWorldIds } from './national-id-rules.js';
import type { RawFinding } from './scanner.js';
import { digitsOf, labelNear } from './text-window.js';
import { cnResidentIdValid, krRrnValid, myNumberValid, ssnValid, thaiIdValid } from './validators.js';

/*
 * National identifiers. A check digit alone is weak evidence (one random number in ten or eleven
 * passes), so each type adds what a real occurrence carries: a label nearby, a birth date, the
 * official grouping.
 */

const MY_NUMBER_LABEL = /マイナンバー|個人番号|my\s?number|個人番号カード/i;
const SSN_LABEL =
  /\bSSN\b|social\s+security|社会保障番号|社会安全号码|社会保险号|사회\s?보장\s?번호|seguro\s+social|número\s+de\s+seguridad\s+social|sécurité\s+sociale|Sozialversicherungsnummer/i;
const KR_LABEL = /주민\s?등록\s?번호|주민\s?번호|\bRRN\b|resident\s+registration|住民登録番号|居民登录号/i;
const TH_LABEL =
  /เลขประจำตัวประชาชน|บัตรประชาชน|เลขบัตร|ประจำตัว|Thai\s+(?:national\s+)?ID|national\s+ID|citizen\s+ID|ID\s+card|身分証|身份证/i;

const TWELVE = /(?<![\d\w-])\d{4}([ -]?)\d{4}\1\d{4}(?![\d\w]|-\d)/g;
const SSN = /(?<![\d\w-])\d{3}([ -]?)\d{2}\1\d{4}(?![\d\w]|-\d)/g;
const KR_RRN = /(?<![\d\w-])\d{6}(-?)[0-9]\d{6}(?![\d\w]|-\d)/g;
const CN_ID = /(?<![\d\w-])[1-9]\d{5}( ?)\d{8}\1\d{3}[\dXx](?![\d\w])/g;
const TH_ID = /(?<![\d\w-])[1-8](?:(?<sep>[ -]?)\d{4}\k<sep>\d{5}\k<sep>\d{2}\k<sep>\d)(?![\d\w]|-\d)/g;

/** Finds national identifiers in normalised text. */
export function findNationalIds(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  for (const m of text.matchAll(TWELVE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (myNumberValid(digitsOf(m[0])) && labelNear(text, start, end, MY_NUMBER_LABEL, 40, 20)) {
      found.push({ type: 'my_number', start, end });
    }
  }
  for (const m of text.matchAll(SSN)) {
    const start = m.index;
    const end = start + m[0].length;
    if (ssnValid(digitsOf(m[0])) && labelNear(text, start, end, SSN_LABEL, 40, 20)) {
      found.push({ type: 'ssn', start, end });
    }
  }
  for (const m of text.matchAll(CN_ID)) {
    if (cnResidentIdValid(m[0].replace(/ /g, '').toUpperCase())) {
      found.push({ type: 'cn_resident_id', start: m.index, end: m.index + m[0].length });
    }
  }
  for (const m of text.matchAll(KR_RRN)) {
    const start = m.index;
    const end = start + m[0].length;
    const digits = digitsOf(m[0]);
    const labelled = labelNear(text, start, end, KR_LABEL, 40, 20);
    const hyphenated = m[1] === '-';
    if (labelled ? krRrnValid(digits, false) : hyphenated && krRrnValid(digits, true)) {
      found.push({ type: 'kr_rrn', start, end });
    }
  }
  for (const m of text.matchAll(TH_ID)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!thaiIdValid(digitsOf(m[0]))) continue;
    // An unseparated 13-digit number that is a labelled Korean number is not Thai.
    if (m.groups?.['sep'] === '' && labelNear(text, start, end, KR_LABEL, 40, 20)) continue;
    const grouped = m.groups?.['sep'] !== '';
    if (grouped || labelNear(text, start, end, TH_LABEL, 40, 20)) {
      found.push({ type: 'th_national_id', start, end });
    }
  }
  for (const id of findWorldIds(text)) {
    if (!found.some((f) => f.start < id.end && id.start < f.end)) found.push(id);
  }
  return found;
}
