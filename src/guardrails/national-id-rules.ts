import {
  bsnValid,
  codiceFiscaleValid,
  cpfValid,
  dniValid,
  dowodValid,
  emiratesIdValid,
  nifPtValid,
  nirValid,
  peselValid,
  saudiIdValid,
  snilsValid,
  steuerIdValid,
  taiwanIdValid,
  tcKimlikValid,
  teudatZehutValid,
} from './id-checksums.js';
import type { RawFinding } from './scanner.js';
import { labelNear } from './text-window.js';

/*
 * National identifiers of the answer languages' countries beyond Japan, the US, Korea, China and
 * Thailand (national-ids.ts), reported as `national_id`. Where a check digit exists it must hold;
 * a label in the local language must be near unless the identifier has a shape nothing else
 * has (codice fiscale, CPF with its dots, a grouped NIR, SNILS, Emirates ID, a spaced UK NINO).
 * Vietnam's CCCD and Indonesia's NIK have no check digit and always need their label.
 */

/** Words that name an identity number in any answer language; any rule accepts them. */
const GENERIC_LABEL = String.raw`national\s+(?:ID|identity)|ID\s*(?:number|no\.?|card)|identity\s+(?:card\s+)?number|Personalausweis\p{L}*|Ausweisnummer|Identifikationsnummer|num[ée]ro\s+d['’]identit[ée]|carte\s+d['’]identit[ée]|n[úu]mero\s+de\s+(?:identidad|identificaci[óo]n|identidade|documento)|documento\s+de\s+identidad|carta\s+d['’]identit[àa]|numero\s+(?:di\s+)?(?:identificazione|documento)|identiteitsnummer|identiteitskaart|numer\s+(?:dowodu|identyfikacyjny|ewidencyjny)|dow[óo]d\s+osobisty|kimlik|удостоверени\p{L}*|личн\p{L}*\s+номер|رقم\s+(?:الهوية|الهويه|البطاقة)|الهوية\s+الوطنية|بطاقة\s+الهوية|מספר\s+זהות|תעודת\s+זהות|ת\.?ז\.?|ת["״]ז|số\s+(?:định\s+danh|CMND|CCCD)|căn\s+cước|nomor\s+(?:identitas|induk)|身份证|身份證|身分證|身分证|신분증|บัตรประชาชน`;

interface IdRule {
  readonly pattern: RegExp;
  readonly valid: (id: string) => boolean;
  readonly label: RegExp;
  /** The identifier is reported without a label when its written form is this distinctive. */
  readonly unlabelled?: (written: string) => boolean;
}

const label = (words: string) => new RegExp(`${words}|${GENERIC_LABEL}`, 'iu');
const compact = (s: string) => s.replace(/[\s.\-/]/g, '');
const B = String.raw`(?<![\w\-./])`;
const E = String.raw`(?![\w]|[\-./]\d)`;

const RULES: readonly IdRule[] = [
  {
    // Netherlands BSN: 123456782, 1234.56.782
    pattern: new RegExp(`${B}\\d{4}([ .]?)\\d{2}\\1\\d{3}${E}|${B}\\d{3}([ .-]?)\\d{3}\\2\\d{3}${E}`, 'g'),
    valid: (w) => bsnValid(compact(w)),
    label: label(String.raw`\bBSN\b|burgerservice\s?nummer|sofi-?nummer`),
  },
  {
    // Israel Teudat Zehut: nine digits, sometimes 12345678-2
    pattern: new RegExp(`${B}\\d{8}-?\\d${E}`, 'g'),
    valid: (w) => teudatZehutValid(compact(w)),
    label: label(String.raw`teudat\s+zehut|Israeli\s+ID|זהות|ת\.ז`),
  },
  {
    // Eleven digits: PESEL, T.C. Kimlik No, Steuer-ID (also 12 345 678 901), CPF, SNILS
    pattern: new RegExp(`${B}\\d{2}( ?)\\d{3}\\1\\d{3}\\1\\d{3}${E}`, 'g'),
    valid: (w) => peselValid(compact(w)),
    label: label('PESEL'),
  },
  {
    pattern: new RegExp(`${B}\\d{11}${E}`, 'g'),
    valid: tcKimlikValid,
    label: label(String.raw`T\.?\s?C\.?\s*(?:kimlik|no|numaras)|TCKN|kimlik|vatanda[şs]l[ıi]k`),
  },
  {
    pattern: new RegExp(`${B}\\d{2}( ?)\\d{3}\\1\\d{3}\\1\\d{3}${E}`, 'g'),
    valid: (w) => steuerIdValid(compact(w)),
    label: label(String.raw`Steuer-?\s?ID|Steuer-?identifikations\p{L}*|IdNr|\bTIN\b|tax\s+ID`),
  },
  {
    pattern: new RegExp(`${B}\\d{3}\\.?\\d{3}\\.?\\d{3}[-/]?\\d{2}${E}`, 'g'),
    valid: (w) => cpfValid(compact(w)),
    label: label(String.raw`\bCPF\b|cadastro\s+de\s+pessoas`),
    unlabelled: (w) => /^\d{3}\.\d{3}\.\d{3}-\d{2}$/.test(w),
  },
  {
    pattern: new RegExp(`${B}\\d{3}-?\\d{3}-?\\d{3}[ -]?\\d{2}${E}`, 'g'),
    valid: (w) => snilsValid(compact(w)),
    label: label(String.raw`СНИЛС|страхов\p{L}*\s+номер|SNILS`),
    unlabelled: (w) => /^\d{3}-\d{3}-\d{3}[ -]\d{2}$/.test(w),
  },
  {
    // Portugal NIF: nine digits after NIF or contribuinte
    pattern: new RegExp(`${B}\\d{3} ?\\d{3} ?\\d{3}${E}`, 'g'),
    valid: (w) => nifPtValid(compact(w)),
    label: label(String.raw`\bNIF\b|contribuinte`),
  },
  {
    // Poland's identity card: ABC 123456
    pattern: /(?<![\w])[A-Z]{3} ?\d{6}(?![\w])/g,
    valid: (w) => dowodValid(compact(w)),
    label: label(String.raw`dow[óo]d\p{L}*|dowodu`),
  },
  {
    // Spain DNI 12345678Z and NIE X1234567L
    pattern: new RegExp(`${B}(?:[XYZ][ -]?\\d{7}|\\d{8})[ -]?[A-Z](?![\\w])`, 'g'),
    valid: (w) => dniValid(compact(w)),
    label: label(String.raw`\bDNI\b|\bNIE\b|\bNIF\b|documento\s+nacional`),
  },
  {
    pattern:
      /(?<![\w])[A-Z]{6}[\dLMNPQRSTUV]{2}[ABCDEHLMPRST][\dLMNPQRSTUV]{2}[A-Z][\dLMNPQRSTUV]{3}[A-Z](?![\w])/g,
    valid: codiceFiscaleValid,
    label: label(String.raw`codice\s+fiscale|\bC\.?F\.?`),
    unlabelled: (w) => /\d/.test(w),
  },
  {
    // France NIR: 1 85 05 78 006 084 36 (Corsica 2A/2B)
    pattern: new RegExp(
      `${B}[1-478]( ?)\\d{2}\\1\\d{2}\\1(?:\\d{2}|2[AB])\\1\\d{3}\\1\\d{3}(?:\\1|\\1?[-/])\\d{2}${E}`,
      'gi',
    ),
    valid: (w) => nirValid(compact(w)),
    label: label(String.raw`s[ée]curit[ée]\s+sociale|\bNIR\b|\bINSEE\b|carte\s+vitale|\bs[ée]cu\b`),
    unlabelled: (w) => / /.test(w),
  },
  {
    // Taiwan 身分證字號: A123456789
    pattern: /(?<![\w])[A-Z][1289]\d{8}(?![\w])/g,
    valid: taiwanIdValid,
    label: label(String.raw`統一證號|居留證|國民身分|Taiwan(?:ese)?\s+ID`),
  },
  {
    // UAE Emirates ID: 784-1985-1234567-1
    pattern: new RegExp(`${B}784-?\\d{4}-?\\d{7}-?\\d${E}`, 'g'),
    valid: (w) => emiratesIdValid(compact(w)),
    label: label(String.raw`Emirates\s+ID|الهوية\s+الإماراتية`),
    unlabelled: (w) => w.includes('-'),
  },
  {
    // Saudi national ID / Iqama
    pattern: new RegExp(`${B}[12]\\d{9}${E}`, 'g'),
    valid: saudiIdValid,
    label: label(String.raw`الهوية|هوية|الإقامة|إقامة|السجل\s+المدني|Iqama|Saudi\s+ID`),
  },
  {
    // Egypt national ID: century digit, birth date, governorate, sequence, check
    pattern: new RegExp(`${B}[23]\\d{13}${E}`, 'g'),
    valid: (d) => egyptDate(d),
    label: label(String.raw`الرقم\s+القومي|الرقم\s+الوطني|الهوية`),
  },
  {
    // Vietnam CCCD (12 digits, a province code first) and the older CMND (9 digits)
    pattern: new RegExp(`${B}0[0-9]\\d( ?)\\d{3}\\1\\d{6}${E}|${B}\\d{9}${E}`, 'g'),
    valid: (w) => /^0[0-9]\d{9}\d?$/.test(compact(w)) || /^\d{9}$/.test(w),
    label: /CCCD|CMND|căn\s+cước|chứng\s+minh|định\s+danh/iu,
  },
  {
    // Indonesia NIK: 16 digits, province code first
    pattern: new RegExp(`${B}[1-9]\\d{15}${E}`, 'g'),
    valid: (d) => Number(d.slice(0, 2)) >= 11 && Number(d.slice(0, 2)) <= 96,
    label: /\bNIK\b|\bKTP\b|nomor\s+induk\s+kependudukan/iu,
  },
  {
    // UK National Insurance number: QQ 12 34 56 C
    pattern:
      /(?<![\w])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-TW-Z][A-CEGHJ-TW-Z]( ?)\d{2}\1\d{2}\1\d{2}\1[A-D](?![\w])/g,
    valid: () => true,
    label: label(String.raw`National\s+Insurance|\bNI\s*(?:No\.?|number)|\bNINO\b`),
    unlabelled: (w) => / /.test(w),
  },
  {
    // Russian passport: серия 45 09 номер 123456
    pattern: new RegExp(`${B}\\d{2} ?\\d{2}(?: ?№| номер)? ?\\d{6}${E}`, 'g'),
    valid: () => true,
    label: /паспорт\p{L}*/iu,
  },
];

function egyptDate(d: string): boolean {
  const year = (d[0] === '2' ? 1900 : 2000) + Number(d.slice(1, 3));
  const month = Number(d.slice(3, 5));
  const day = Number(d.slice(5, 7));
  const date = new Date(Date.UTC(year, month - 1, day));
  return month >= 1 && month <= 12 && date.getUTCDate() === day && date.getTime() <= Date.now();
}

/** Finds the national identifiers of the rules above in normalised text. */
export function findWorldIds(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  if (!/\d\d/.test(text)) return found;
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (const m of text.matchAll(rule.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => f.start < end && start < f.end)) continue;
      if (!rule.valid(m[0])) continue;
      if (rule.unlabelled?.(m[0]) || labelNear(text, start, end, rule.label, 80, 20)) {
        found.push({ type: 'national_id', start, end });
      }
    }
  }
  return found;
}
