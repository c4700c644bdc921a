/**
 * What a question asks for, as its question words say it (when, where, who, how many, why, how), in
 * the 18 languages of PolyDesk. Two questions on the same subject that ask for different things
 * ("when is the form due?" / "where do I hand the form in?", 加班费怎么计算 / 加班费什么时候发) do not
 * mean the same, and their other words cannot tell: the analyzer drops question words as function
 * words. Written by hand from each language's grammar, not tuned on any data.
 */
export type Asks = 'when' | 'where' | 'who' | 'amount' | 'why' | 'how';

/** Words or phrases per kind; spaced-script entries match whole words, unspaced ones anywhere. */
const WORDS: Readonly<Record<Asks, readonly string[]>> = {
  when: [
    'when',
    'by when',
    'what time',
    'いつ',
    '何時に',
    '什么时候',
    '何时',
    '几时',
    '哪天',
    '언제',
    'cuándo',
    'cuando',
    'quand',
    'wann',
    'bis wann',
    'quando',
    'wanneer',
    'kiedy',
    'do kiedy',
    'ne zaman',
    'когда',
    'до какого',
    'متى',
    'מתי',
    'khi nào',
    'bao giờ',
    'lúc nào',
    'kapan',
    'เมื่อไร',
    'เมื่อไหร่',
    'ตอนไหน',
    'วันไหน',
  ],
  where: [
    'where',
    'どこ',
    'どちら',
    '哪里',
    '哪儿',
    '在哪',
    '어디',
    'dónde',
    'donde',
    'adónde',
    'où',
    'wo',
    'wohin',
    'woher',
    'onde',
    'dove',
    'waar',
    'gdzie',
    'dokąd',
    'nerede',
    'nereye',
    'где',
    'куда',
    'أين',
    'איפה',
    'היכן',
    'ở đâu',
    'đâu',
    'di mana',
    'dimana',
    'ke mana',
    'kemana',
    'ที่ไหน',
  ],
  who: [
    'who',
    'whom',
    '誰',
    'だれ',
    'どなた',
    '谁',
    '누구',
    'quién',
    'quien',
    'quiénes',
    'qui',
    'wer',
    'wen',
    'wem',
    'quem',
    'chi',
    'wie',
    'kto',
    'kogo',
    'komu',
    'kim',
    'kime',
    'kimi',
    'кто',
    'кому',
    'кого',
    'מי',
    'siapa',
    'ใคร',
  ],
  amount: [
    'how many',
    'how much',
    'how long',
    'how often',
    '何日',
    '何回',
    '何時間',
    '何人',
    'いくら',
    'どのくらい',
    'どれくらい',
    'どれだけ',
    '多少',
    '几天',
    '几次',
    '多久',
    '몇',
    '얼마',
    'cuántos',
    'cuántas',
    'cuánto',
    'cuanto',
    'cuantos',
    'combien',
    'wie viel',
    'wie viele',
    'wieviel',
    'wie lange',
    'wie lang',
    'wie oft',
    'quantos',
    'quantas',
    'quanto',
    'quanti',
    'quante',
    'hoeveel',
    'hoelang',
    'hoe lang',
    'ile',
    'kaç',
    'ne kadar',
    'сколько',
    'كم',
    'כמה',
    'bao nhiêu',
    'bao lâu',
    'mấy',
    'berapa',
    'กี่',
    'เท่าไร',
    'เท่าไหร่',
    'นานแค่ไหน',
  ],
  why: [
    'why',
    'なぜ',
    'どうして',
    '为什么',
    '為什麼',
    '왜',
    'por qué',
    'porqué',
    'pourquoi',
    'warum',
    'wieso',
    'weshalb',
    'por que',
    'perché',
    'perche',
    'waarom',
    'dlaczego',
    'czemu',
    'neden',
    'niye',
    'почему',
    'зачем',
    'لماذا',
    'למה',
    'מדוע',
    'tại sao',
    'vì sao',
    'kenapa',
    'mengapa',
    'ทำไม',
  ],
  how: [
    'how do',
    'how can',
    'how to',
    'how should',
    'how does',
    'どうやって',
    'どうすれば',
    'どうしたら',
    'どのように',
    '怎么',
    '怎样',
    '如何',
    '어떻게',
    'cómo',
    'comment',
    'como',
    'hoe',
    'jak',
    'nasıl',
    'как',
    'كيف',
    'איך',
    'như thế nào',
    'làm sao',
    'làm thế nào',
    'bagaimana',
    'อย่างไร',
    'ยังไง',
    'ยังไงดี',
  ],
};

/** German "wie" is "how", except in "wie viel(e)", "wie lange", "wie oft" (amount); Dutch "wie" is "who". */
const GERMAN_HOW =
  /(?<![\p{L}\p{N}])wie(?!\s+(?:viel|viele|lange|lang|oft)(?![\p{L}\p{N}]))(?![\p{L}\p{N}])/u;

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const PATTERNS: readonly (readonly [Asks, RegExp])[] = (
  Object.entries(WORDS) as [Asks, readonly string[]][]
).map(([asks, words]) => {
  const spaced = words.filter((w) => !UNSPACED.test(w)).map(escapeRegExp);
  const unspaced = words.filter((w) => UNSPACED.test(w)).map(escapeRegExp);
  const parts = [
    ...(spaced.length ? [`(?<![\\p{L}\\p{N}])(?:${spaced.join('|')})(?![\\p{L}\\p{N}])`] : []),
    ...(unspaced.length ? [`(?:${unspaced.join('|')})`] : []),
  ];
  return [asks, new RegExp(parts.join('|'), 'u')] as const;
});

/** What a question asks for, by its question words; `normalized` is lower-cased (normalizeText). */
export function questionAsks(normalized: string, language: string | undefined): Set<Asks> {
  const asks = new Set<Asks>();
  for (const [kind, pattern] of PATTERNS) {
    // "wie" is "who" in Dutch only; in German it is "how" (below).
    if (kind === 'who' && language === 'de') {
      if (/(?<![\p{L}\p{N}])(?:wer|wen|wem)(?![\p{L}\p{N}])/u.test(normalized)) asks.add('who');
      continue;
    }
    if (kind === 'who' && language !== 'nl' && /(?<![\p{L}\p{N}])wie(?![\p{L}\p{N}])/u.test(normalized)) {
      const without = normalized.replace(/(?<![\p{L}\p{N}])wie(?![\p{L}\p{N}])/gu, ' ');
      if (pattern.test(without)) asks.add(kind);
      continue;
    }
    if (pattern.test(normalized)) asks.add(kind);
  }
  if (language === 'de' && GERMAN_HOW.test(normalized)) asks.add('how');
  // Words that are something else in other languages: Italian "come" (how), Vietnamese "ai" (who).
  if (language === 'it' && /(?<![\p{L}\p{N}])come(?![\p{L}\p{N}])/u.test(normalized)) asks.add('how');
  if (language === 'vi' && /(?<![\p{L}\p{N}])ai(?![\p{L}\p{N}])/u.test(normalized)) asks.add('who');
  // "how many/much/long" is an amount, not a way of doing.
  if (
    asks.has('amount') &&
    asks.has('how') &&
    !/how (?:do|can|to|should|does)\b/.test(normalized) &&
    language === 'en'
  )
    asks.delete('how');
  return asks;
}
