import type { Turn } from '../core/types.js';
import type { GenerationResult } from '../inference/generator.js';
import { wordPattern } from '../inference/word-boundary.js';

/** A question that starts with one of these words (an opening ¿ allowed). */
const startsWith = (...words: string[]) => wordPattern(String.raw`^¿?(?:${words.join('|')})\b`, 'i');
/** A question that holds one of these words anywhere. */
const anyOf = (...words: string[]) => wordPattern(String.raw`\b(?:${words.join('|')})\b`, 'i');

interface Signs {
  readonly continues: RegExp;
  readonly pointsBack: RegExp;
}

/**
 * How a follow-up shows that it does not stand alone, per language (BCP-47 primary subtag): it starts
 * by continuing ("And …", "What about …", "那…", "それと…") or points back at something named earlier
 * ("that one", "それ", "那个"). Only the asker's language is read: a word that points back in one
 * language is an ordinary word in another ("es", "das", "to"). Words that also start ordinary questions
 * are left out ("y a-t-il", Polish "to", Thai "ถ้า", Arabic "و" and Hebrew "ו" on their own, Hebrew
 * "מה זה" as in "what is"). English "it" counts at the end of a question or after "is/does/was/can"
 * ("How do I renew it?", "Is it paid?"), in lower case only ("IT" is a team). `\b` is a word edge in any script (see wordPattern).
 * Compiled for a language the first time one of its questions has an earlier turn: the patterns'
 * any-script word edges cost tens of milliseconds to compile, which a one-shot `ask` never needs.
 */
const SIGNS: Readonly<Record<string, () => Signs>> = {
  en: () => ({
    continues: startsWith('and', 'also', 'what about', 'how about', 'same for', 'or'),
    pointsBack: wordPattern(
      String.raw`\b(?:it(?=\s*\?|$)|that one|those|them|that(?=\s*\?|$))\b|\b(?:[Ii]s|[Dd]oes|[Ww]as|[Cc]an) (?:that|it)\b`,
    ),
  }),
  de: () => ({
    continues: startsWith('und', 'auch', 'was ist mit', 'wie ist es mit', 'oder'),
    pointsBack: anyOf('dafür', 'dazu', 'davon', 'darauf', 'dort'),
  }),
  fr: () => ({
    continues: startsWith('et', 'aussi', 'et pour', 'et si', 'ou'),
    pointsBack: anyOf('cela', 'ça', 'celui-ci', 'celle-ci'),
  }),
  es: () => ({
    continues: startsWith('y', 'también', 'y si', 'o'),
    pointsBack: anyOf('eso', 'esto', 'ese', 'esa', 'ahí'),
  }),
  pt: () => ({
    continues: startsWith('e', 'também', 'e se', 'ou'),
    pointsBack: anyOf('isso', 'isto', 'esse', 'essa', 'aí'),
  }),
  it: () => ({
    continues: startsWith('e', 'anche', 'e se', 'e per', 'o'),
    pointsBack: anyOf('questo', 'quello', 'ciò', 'lì'),
  }),
  nl: () => ({
    continues: startsWith('en', 'ook', 'en als', 'of'),
    pointsBack: wordPattern(String.raw`\b(?:daarvoor|daar)\b|\bdat\s*\?$`, 'i'),
  }),
  ru: () => ({
    continues: startsWith('а', 'и', 'ещё', 'или'),
    pointsBack: anyOf('это', 'этого', 'этим', 'там'),
  }),
  vi: () => ({
    continues: startsWith('còn', 'thế còn', 'và', 'hoặc'),
    pointsBack: anyOf('đó', 'nó', 'cái đó'),
  }),
  id: () => ({
    continues: startsWith('dan', 'lalu', 'bagaimana dengan', 'atau'),
    pointsBack: anyOf('itu', 'tersebut'),
  }),
  tr: () => ({
    continues: startsWith('peki', 've', 'ya'),
    pointsBack: anyOf('bunu', 'onu', 'orada'),
  }),
  pl: () => ({
    continues: startsWith('a', 'i', 'oraz', 'a co z'),
    pointsBack: anyOf('tego', 'tam'),
  }),
  ar: () => ({ continues: /^(?:وماذا عن|و ماذا عن|وماذا)/u, pointsBack: /(?:ذلك|هذا الأمر)/u }),
  he: () => ({
    // ו ("and") is written joined to the next word, and many words begin with the letter itself
    // (ויזה, ועד, ותק): only ו joined to a question word continues. "זה" ("this", "it") points back
    // as an object ("את זה", "על זה") or ending the question, not in "מה זה …?".
    continues: startsWith(
      'ומה',
      'וכמה',
      'ואם',
      'והאם',
      'ואיך',
      'ומתי',
      'ואיפה',
      'ומי',
      'ולמה',
      'וגם',
      'גם',
      'מה עם',
      'מה לגבי',
      'מה אם',
      'או',
    ),
    pointsBack: wordPattern(
      String.raw`\b(?:את זה|על זה|בזה|לזה|עם זה|בשביל זה|לגבי זה|האם זה|את זאת|ההוא|ההיא|ההם|ההן|אותו|אותה|אותם|אותן)\b|\bזה\s*\?$|\bזה$`,
    ),
  }),
  ja: () => ({
    continues: /^(?:それと|あと|じゃあ|では|それから|また)/u,
    pointsBack: /(?:それ(?!ぞれ)|そこ|その場合)/u,
  }),
  zh: () => ({
    continues: /^(?:那|那么|还有|那如果|如果是)(?!问|多少|几)/u,
    pointsBack: /(?:这个|那个|它|这样|那样)(?!月|年|星期|周)/u,
  }),
  ko: () => ({ continues: /^(?:그리고|그럼|그러면|또)/u, pointsBack: /(?:그것|이것|그거|거기)/u }),
  th: () => ({ continues: /^(?:แล้ว|และ)/u, pointsBack: /(?:อันนั้น|ตรงนั้น|เรื่องนั้น)/u }),
};

const compiledSigns = new Map<string, Signs>();

function signsOf(language: string): Signs | undefined {
  let signs = compiledSigns.get(language);
  if (!signs) {
    signs = SIGNS[language]?.();
    if (signs) compiledSigns.set(language, signs);
  }
  return signs;
}

/**
 * The earlier question a follow-up continues, when the question shows in its own language that it
 * does not stand alone: it continues ("And for part-timers?") or points back ("How do I renew it?").
 * A self-contained question on another topic returns undefined, so its search is not mixed with the
 * previous one's. (A question that shows neither is read both ways: see {@link leansOnEarlier}.)
 */
export function followUpOf(history: readonly Turn[], text: string, language: string): string | undefined {
  const previous = previousQuestion(history);
  if (previous === undefined) return undefined;
  const signs = signsOf(language);
  if (!signs) return undefined;
  const question = text.trim();
  return signs.continues.test(question) || signs.pointsBack.test(question) ? previous : undefined;
}

/**
 * How much surer the reading with the previous question must be to be preferred to the reading alone
 * (chosen by hand; 0, 0.05, 0.15 and 0.3 were compared on the employee tune set and moved at most one
 * of its 32 follow-up turns).
 */
export const LEANING_MARGIN = 0.15;

/** A reading alone this sure cannot be beaten by the margin: the previous question is not read. */
export function isSure(alone: GenerationResult): boolean {
  return !alone.notFound && (alone.confidence ?? 0) >= 1 - LEANING_MARGIN;
}

/**
 * Whether a question that shows no sign of continuing is better read with the previous question: when
 * alone it finds nothing and with it it does, or with it the reader is clearly surer ({@link
 * LEANING_MARGIN}). A new topic reads as well or better alone, so it stays alone.
 */
export function leansOnEarlier(alone: GenerationResult, leaning: GenerationResult): boolean {
  if (leaning.notFound) return false;
  if (alone.notFound) return true;
  return (leaning.confidence ?? 0) >= (alone.confidence ?? 0) + LEANING_MARGIN;
}

/** The asker's last question in the conversation, if any. */
export function previousQuestion(history: readonly Turn[]): string | undefined {
  return [...history].reverse().find((turn) => turn.role === 'user')?.text;
}
