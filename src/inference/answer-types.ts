import { wholeWords, wordPattern } from './word-boundary.js';

/**
 * What kind of expression a question asks for, read from its form in the asker's language, and
 * whether a sentence holds such an expression beyond the question's own words. The extractive reader
 * prefers sentences that do ("How many days…?" → a sentence with a number near the matched words) and
 * gives a how-to question the steps in order.
 */
export type AnswerType = 'quantity' | 'time' | 'person' | 'place' | 'procedure';

type Forms = Partial<Record<AnswerType, string>>;

/**
 * Question forms per language (BCP-47 primary subtag), matched on the lower-cased NFKC question. Only
 * the asker's language is read: "ai" is "who" in Vietnamese and a product name in English, "qui" a
 * relative pronoun in French statements, "ile" "with" in Turkish. `\b` here means a boundary between a
 * letter of any script and a non-letter (see {@link wordPattern}).
 */
const FORMS: Readonly<Record<string, Forms>> = {
  en: {
    time: String.raw`\bwhen\b|\bwhat (?:year|time|date|day|month|century|decade)\b|\bwhich (?:year|day|month|century)\b|\bby what date\b|\bhow soon\b`,
    quantity: String.raw`\bhow (?:many|much|long|often|far|old|large|big|high|tall|fast)\b|\bwhat (?:percentage|proportion|number|amount|share|size)\b|\bup to what\b`,
    person: String.raw`^(?:who|whom|whose)\b|\b(?:who|whom|whose) (?:is|was|are|were|do|does|did|can|should|will|approves?|handles?)\b`,
    place: String.raw`\bwhere\b`,
    procedure: String.raw`\bhow (?:do|can|should|would|must) (?:i|we|you|one)\b|\bhow to\b|\bwhat (?:should|do|must) (?:i|we) do\b|\bsteps?\b`,
  },
  de: {
    time: String.raw`\bwann\b|\bin welchem jahr\b|\bbis wann\b|\bab wann\b|\bseit wann\b`,
    quantity: String.raw`\bwie (?:viele?|lange|oft|weit|hoch|gro(?:ß|ss)|alt|schnell|teuer)\b|\bwieviele?\b`,
    person: String.raw`^(?:wer|wem|wen)\b`,
    place: String.raw`\bwo(?:hin|her)?\b`,
    procedure: String.raw`\bwie (?:kann|muss|soll|beantrage|bekomme|melde|richte) ich\b|\bwas muss ich tun\b`,
  },
  fr: {
    time: String.raw`\bquand\b|\ben quelle année\b|\bquelle (?:année|date)\b|\bà quelle (?:heure|date)\b|\bjusqu'à quand\b`,
    quantity: String.raw`\bcombien\b|\bquel(?:le)? (?:est le |est la )?(?:nombre|montant|pourcentage|durée)\b`,
    person: String.raw`^(?:qui|à qui|avec qui)\b`,
    place: String.raw`\boù\b`,
    procedure: String.raw`\bcomment (?:faire|puis-je|je peux|est-ce que|on)\b|\bque (?:dois|faut)-?(?:je|il)?\b`,
  },
  es: {
    time: String.raw`\bcu[aá]ndo\b|\ben qu[eé] (?:a[nñ]o|fecha|siglo)\b|\bqu[eé] (?:d[ií]a|fecha)\b|\bhasta cu[aá]ndo\b`,
    quantity: String.raw`\bcu[aá]nt[oa]s?\b|\bqu[eé] (?:cantidad|porcentaje)\b`,
    person: String.raw`\bqui[eé]n(?:es)?\b`,
    place: String.raw`\bd[oó]nde\b|\badonde\b`,
    procedure: String.raw`\bc[oó]mo (?:puedo|hago|se|debo|tengo)\b|\bqu[eé] (?:tengo que|debo) hacer\b`,
  },
  pt: {
    time: String.raw`\bquando\b|\bem que ano\b`,
    quantity: String.raw`\bquant[oa]s?\b`,
    person: String.raw`\bquem\b`,
    place: String.raw`\bonde\b`,
    procedure: String.raw`\bcomo (?:posso|faço|fa[cç]o|devo)\b`,
  },
  it: {
    time: String.raw`\bquando\b|\bin (?:che|quale) anno\b`,
    quantity: String.raw`\bquant[oaie]\b`,
    person: String.raw`^(?:chi|a chi|con chi)\b`,
    place: String.raw`\bdove\b`,
    procedure: String.raw`\bcome (?:posso|faccio|si|devo)\b`,
  },
  nl: {
    time: String.raw`\bwanneer\b|\bin welk jaar\b`,
    quantity: String.raw`\bhoeveel\b|\bhoe (?:lang|vaak|ver)\b`,
    person: String.raw`^wie\b`,
    place: String.raw`\bwaar\b`,
    procedure: String.raw`\bhoe (?:kan|moet) ik\b`,
  },
  ru: {
    time: String.raw`\bкогда\b|\bв каком году\b|\bдо какого\b`,
    quantity: String.raw`\bсколько\b|\bкак (?:долго|часто|далеко)\b`,
    person: String.raw`^(?:кто|кому|кого|кем)\b`,
    place: String.raw`\b(?:где|куда|откуда)\b`,
    procedure: String.raw`\bкак (?:мне|можно|сделать|получить|оформить)\b|\bчто делать\b`,
  },
  ar: {
    time: String.raw`متى|في أي (?:عام|سنة|يوم)`,
    quantity: String.raw`^كم\b|\bكم (?:عدد|مدة)`,
    person: String.raw`^من (?:هو|هي|هم|الذي|يستطيع)\b|^من\b`,
    place: String.raw`أين`,
    procedure: String.raw`^كيف\b`,
  },
  vi: {
    time: String.raw`khi nào|bao giờ|năm nào|lúc nào|ngày nào`,
    quantity: String.raw`bao nhiêu|\bmấy\b|bao lâu`,
    person: String.raw`\blà ai\b|^ai\b`,
    place: String.raw`ở đâu|\bchỗ nào\b`,
    procedure: String.raw`làm (?:sao|thế nào)|\bcách\b`,
  },
  id: {
    time: String.raw`\bkapan\b|\btahun berapa\b`,
    quantity: String.raw`\bberapa\b`,
    person: String.raw`\bsiapa\b`,
    place: String.raw`\bdi ?mana\b`,
    procedure: String.raw`\bbagaimana\b|\bcara\b`,
  },
  tr: {
    time: String.raw`\bne zaman\b|\bhangi y[ıi]l`,
    quantity: String.raw`\bkaç\b|\bne kadar\b`,
    person: String.raw`\bkim\b`,
    place: String.raw`\bnerede|\bnereye\b`,
    procedure: String.raw`\bnasıl\b`,
  },
  pl: {
    time: String.raw`\bkiedy\b|\bw którym roku\b`,
    quantity: String.raw`^ile\b|\bile (?:dni|razy|kosztuje)\b|\bjak długo\b`,
    person: String.raw`^kto\b`,
    place: String.raw`\bgdzie\b`,
    procedure: String.raw`\bjak (?:mogę|to|zrobić)\b|\bco zrobić\b`,
  },
  ja: {
    time: String.raw`いつ|何年|何月|何時|何日まで`,
    quantity: String.raw`何[日人回年時分件台枚個円週ヶか]|いくら|どのくらい|どれくらい|どれだけ`,
    person: String.raw`誰|だれ|どなた`,
    place: String.raw`どこ`,
    procedure: String.raw`どうすれば|どうやって|どうしたら|方法|手順|やり方`,
  },
  zh: {
    time: String.raw`什么时候|什麼時候|何时|哪年|哪一年|几时|几月|几号`,
    quantity: String.raw`几|幾|多少|多久|多长|多長|多大|多远`,
    person: String.raw`谁|誰`,
    place: String.raw`哪里|哪儿|哪裡|在哪|什么地方`,
    procedure: String.raw`怎么|怎麼|如何|怎样|步骤`,
  },
  ko: {
    time: String.raw`언제`,
    quantity: String.raw`몇|얼마`,
    person: String.raw`누구`,
    place: String.raw`어디`,
    procedure: String.raw`어떻게|방법`,
  },
  th: {
    time: String.raw`เมื่อไร|เมื่อไหร่|ตอนไหน|ปีไหน|กี่โมง`,
    quantity: String.raw`กี่|เท่าไร|เท่าไหร่|แค่ไหน`,
    person: String.raw`ใคร`,
    place: String.raw`ที่ไหน`,
    procedure: String.raw`อย่างไร|ยังไง|ทำไง|วิธี`,
  },
  he: {
    time: String.raw`מתי|באיזו שנה`,
    quantity: String.raw`כמה`,
    person: String.raw`^מי\b`,
    place: String.raw`איפה|היכן`,
    procedure: String.raw`^איך\b`,
  },
  hi: {
    time: String.raw`कब`,
    quantity: String.raw`कितन`,
    person: String.raw`कौन`,
    place: String.raw`कहाँ|कहां`,
    procedure: String.raw`कैसे`,
  },
};

/** "When" before anything else, "how long" (a quantity) before "how" can be a procedure. */
const ORDER: readonly AnswerType[] = ['time', 'quantity', 'person', 'place', 'procedure'];
const compiled = new Map<string, ReadonlyArray<readonly [AnswerType, RegExp]>>();

/** The answer type a question in `language` asks for, or undefined (a yes/no question, "what is …"). */
export function answerTypeOf(question: string, language: string): AnswerType | undefined {
  let forms = compiled.get(language);
  if (!forms) {
    const own = FORMS[language] ?? {};
    forms = ORDER.flatMap((type) => (own[type] ? [[type, wordPattern(own[type])] as const] : []));
    compiled.set(language, forms);
  }
  const text = question.normalize('NFKC').toLowerCase().trim();
  return forms.find(([, pattern]) => pattern.test(text))?.[0];
}

/** Digits of any script, CJK numerals, and common number words. */
const NUMBER = wordPattern(
  [
    String.raw`[\p{Nd}一二三四五六七八九十百千万萬两兩億亿半][\p{Nd}.,:一二三四五六七八九十百千万萬两兩億亿]*`,
    wholeWords(
      String.raw`one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred|thousand|million|billion|dozen|half`,
    ),
    wholeWords(String.raw`zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|hundert|tausend|millionen?`),
    wholeWords(String.raw`deux|trois|quatre|cinq|sept|huit|neuf|dix|douze|cent|mille|millions?`),
    wholeWords(
      String.raw`dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|cien|mil|millones|due|quattro|sette|otto|nove|dieci|cento`,
    ),
    wholeWords(
      String.raw`два|три|четыре|пять|шесть|семь|восемь|девять|десять|сто|тысяч[аи]?|миллион(?:а|ов)?`,
    ),
  ].join('|'),
  'giu',
);

/**
 * Names of months and weekdays, and centuries (English and German ones capitalised, so that "may" and
 * "march" as verbs do not count); a number counts as a date too.
 */
const DATE_WORDS = wordPattern(
  [
    wholeWords(
      String.raw`Jan(?:uary)?|Feb(?:ruary)?|March|April|May|June|July|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday`,
    ),
    wholeWords(String.raw`century|decade`),
    wholeWords(
      String.raw`Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Jahrhundert`,
    ),
    wholeWords(
      String.raw`janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|lundi|mardi|mercredi|jeudi|vendredi|siècle`,
    ),
    wholeWords(
      String.raw`enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|lunes|martes|miércoles|jueves|viernes|siglo|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|secolo`,
    ),
    wholeWords(
      String.raw`январ[яье]|феврал[яье]|марта?|апрел[яье]|мая|июн[яье]|июл[яье]|августа?|сентябр[яье]|октябр[яье]|ноябр[яье]|декабр[яье]|век[аеу]?`,
    ),
  ].join('|'),
  'gu',
);

/** Numbers and dates a question holds, for the question last asked about (the reader asks per unit). */
let lastAsked: { readonly question: string; readonly expressions: ReadonlySet<string> } | undefined;

/**
 * The numbers and date words of a question: a sentence's expression counts only when the question does
 * not hold the same one ("20" is new to a question that mentions 2024).
 */
function expressionsOf(question: string): ReadonlySet<string> {
  if (lastAsked?.question !== question) {
    const text = question.normalize('NFKC');
    const expressions = [...text.matchAll(NUMBER), ...text.matchAll(DATE_WORDS)].map((m) =>
      m[0].toLowerCase(),
    );
    lastAsked = { question, expressions: new Set(expressions) };
  }
  return lastAsked.expressions;
}

/**
 * Whether `sentence` holds an expression of `type` that the question does not already hold. Person
 * and place look for a capitalised name (in scripts with case) that is not in the question; a how-to
 * question's answer is a list of steps. Undefined when it cannot tell (no case in the script; prose
 * that may still describe the steps).
 */
export function holdsAnswerType(
  type: AnswerType,
  sentence: string,
  question: string,
  item: boolean,
): boolean | undefined {
  const lowerQuestion = question.normalize('NFKC').toLowerCase();
  const text = sentence.normalize('NFKC');
  const asked = expressionsOf(question);
  const novel = (pattern: RegExp) => {
    for (const match of text.matchAll(pattern)) if (!asked.has(match[0].toLowerCase())) return true;
    return false;
  };
  switch (type) {
    case 'quantity':
      return novel(NUMBER);
    case 'time':
      return novel(NUMBER) || novel(DATE_WORDS);
    case 'person':
    case 'place': {
      if (!/\p{Lu}/u.test(text)) return /[\p{Lu}\p{Ll}]/u.test(text) ? false : undefined;
      const names = text.match(/(?<=\S\s+)\p{Lu}[\p{L}\p{M}'’-]+/gu) ?? [];
      return names.some((name) => !lowerQuestion.includes(name.toLowerCase()));
    }
    case 'procedure':
      return item ? true : undefined;
  }
}
