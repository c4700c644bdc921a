import type { Turn } from '../core/types.js';

/**
 * How a follow-up shows that it does not stand alone, per language (BCP-47 primary subtag): it starts
 * by continuing ("And …", "What about …", "那…", "それと…") or points back at something named earlier
 * ("it", "that one", "それ", "那个"). Only the asker's language is read: a word that points back in one
 * language is an ordinary word in another ("es", "das", "to"). Latin-script words are matched whole; English "it" only in lower case ("IT" is a team).
 */
const SIGNS: Readonly<Record<string, { readonly continues: RegExp; readonly pointsBack: RegExp }>> = {
  en: {
    continues: /^(?:and|also|what about|how about|same for|or)\b/iu,
    pointsBack:
      /\b(?:it(?=\s*\?|$)|that one|those|them|that(?=\s*\?|$))\b|\b(?:[Ii]s|[Dd]oes|[Ww]as|[Cc]an) (?:that|it)\b/u,
  },
  de: {
    continues: /^(?:und|auch|was ist mit|wie ist es mit|oder)\b/iu,
    pointsBack: /\b(?:dafür|dazu|davon|darauf|dort)\b/iu,
  },
  fr: {
    continues: /^(?:et|aussi|et pour|et si|ou)\b/iu,
    pointsBack: /\b(?:cela|ça|celui-ci|celle-ci|y a-t-il)\b/iu,
  },
  es: { continues: /^¿?(?:y|también|y si|o)\b/iu, pointsBack: /\b(?:eso|esto|ese|esa|ahí)\b/iu },
  pt: { continues: /^(?:e|também|e se|ou)\b/iu, pointsBack: /\b(?:isso|isto|esse|essa|aí)\b/iu },
  it: { continues: /^(?:e|anche|e se|e per|o)\b/iu, pointsBack: /\b(?:questo|quello|ciò|lì)\b/iu },
  nl: { continues: /^(?:en|ook|en als|of)\b/iu, pointsBack: /\b(?:dat|daarvoor|daar)\b/iu },
  ru: {
    continues: /^(?:а|и|ещё|или)(?=[\s,?]|$)/iu,
    pointsBack: /(?:^|\s)(?:это|этого|этим|там)(?=[\s,?]|$)/iu,
  },
  vi: {
    continues: /^(?:còn|thế còn|và|hoặc)(?=[\s,?]|$)/iu,
    pointsBack: /(?:^|\s)(?:đó|nó|cái đó)(?=[\s,?]|$)/iu,
  },
  id: { continues: /^(?:dan|lalu|bagaimana dengan|atau)\b/iu, pointsBack: /\b(?:itu|tersebut)\b/iu },
  tr: {
    continues: /^(?:peki|ve|ya)(?=[\s,?]|$)/iu,
    pointsBack: /(?:^|\s)(?:bu|bunu|onu|orada)(?=[\s,?]|$)/iu,
  },
  pl: {
    continues: /^(?:a|i|oraz|a co z)(?=[\s,?]|$)/iu,
    pointsBack: /(?:^|\s)(?:to|tego|tam)(?=[\s,?]|$)/iu,
  },
  ar: { continues: /^(?:و|وماذا عن|أو)/u, pointsBack: /(?:ذلك|هذا|هناك)/u },
  ja: {
    continues: /^(?:それと|あと|じゃあ|では|それから|また)/u,
    pointsBack: /(?:それ|あれ|そこ|その場合)/u,
  },
  zh: { continues: /^(?:那|那么|还有|那如果|如果是)(?!问)/u, pointsBack: /(?:这个|那个|它|这样|那样)/u },
  ko: { continues: /^(?:그리고|그럼|그러면|또)/u, pointsBack: /(?:그것|이것|그거|거기)/u },
  th: { continues: /^(?:แล้ว|และ|ถ้า)/u, pointsBack: /(?:นั้น|อันนั้น|ตรงนั้น)/u },
};

/** A question this short, in characters, may not name its topic ("食事代は？", "For part-timers?"). */
const SHORT_LATIN = 32;
const SHORT_DENSE = 12;

/**
 * The earlier question a follow-up continues, when the question shows in its own language that it
 * does not stand alone: it continues ("And for part-timers?") or points back ("How do I renew it?").
 * A self-contained question on another topic returns undefined, so its search is not mixed with the
 * previous one's. (A short question that shows neither is read alone first: see {@link isShort}.)
 */
export function followUpOf(history: readonly Turn[], text: string, language: string): string | undefined {
  const previous = previousQuestion(history);
  const signs = SIGNS[language];
  if (previous === undefined || !signs) return undefined;
  const question = text.trim();
  return signs.continues.test(question) || signs.pointsBack.test(question) ? previous : undefined;
}

/** Short enough that it may lean on the previous question for its topic. */
export function isShort(text: string): boolean {
  const question = text.trim();
  const dense =
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u.test(question);
  return [...question].length <= (dense ? SHORT_DENSE : SHORT_LATIN);
}

/** The asker's last question in the conversation, if any. */
export function previousQuestion(history: readonly Turn[]): string | undefined {
  return [...history].reverse().find((turn) => turn.role === 'user')?.text;
}
