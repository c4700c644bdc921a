/**
 * What kind of expression a question asks for, read from its form in the asker's language, and
 * whether a sentence holds such an expression beyond the question's own words. The extractive reader
 * prefers sentences that do ("How many days…?" → a sentence with a number near the matched words) and
 * gives a how-to question the steps in order.
 */
export type AnswerType = 'quantity' | 'time' | 'person' | 'place' | 'procedure';

/**
 * Question forms per language (lower-cased, NFKC text). Order matters: "how long" is a quantity
 * before "how" can be a procedure; "when" before anything else.
 */
const FORMS: Readonly<Record<AnswerType, RegExp>> = {
  time: words(
    [
      String.raw`\bwhen\b|\bwhat (?:year|time|date|day|month|century|decade)\b|\bwhich (?:year|day|month|century)\b|\bby what date\b`,
      String.raw`\bwann\b|\bin welchem jahr|\bbis wann\b|\bab wann\b|\bseit wann\b`,
      String.raw`\bquand\b|\ben quelle année|\bquelle (?:année|date)\b|\bà quelle (?:heure|date)\b|\bjusqu'à quand\b`,
      String.raw`\bcu[aá]ndo\b|\ben qu[eé] (?:a[nñ]o|fecha|siglo)\b|\bqu[eé] (?:d[ií]a|fecha)\b|\bhasta cu[aá]ndo\b`,
      String.raw`\bquando\b|\bem que ano\b|\bin che anno\b|\bin quale anno\b|\bwanneer\b|\bin welk jaar\b`,
      String.raw`когда|в каком году|в какой день|до какого`,
      String.raw`متى|في أي عام|في أي سنة|في أي يوم`,
      String.raw`khi nào|bao giờ|năm nào|lúc nào|ngày nào|\bkapan\b|tahun berapa|ne zaman|hangi y[ıi]l|\bkiedy\b|w którym roku`,
      String.raw`いつ|何年|何月|何時|何日まで|什么时候|何时|哪年|哪一年|几时|几月|几号|什麼時候|언제|เมื่อไร|เมื่อไหร่|ตอนไหน|ปีไหน|กี่โมง|מתי|באיזו שנה|कब`,
    ].join('|'),
    'u',
  ),
  quantity: words(
    [
      String.raw`\bhow (?:many|much|long|often|far|old|large|big|high|tall|fast)\b|\bwhat (?:percentage|proportion|number|amount|share|size)\b|\bup to what\b`,
      String.raw`\bwie (?:viele?|lange|oft|weit|hoch|gro(?:ß|ss)|alt|schnell|teuer)\b|\bwieviele?\b`,
      String.raw`\bcombien\b|\bquel(?:le)? (?:est le |est la )?(?:nombre|montant|pourcentage|durée)\b`,
      String.raw`\bcu[aá]nt[oa]s?\b|\bqu[eé] (?:cantidad|porcentaje|n[uú]mero)\b|\bquant[oaie]s?\b|\bhoeveel\b|\bhoe (?:lang|vaak|ver)\b`,
      String.raw`сколько|как (?:долго|часто|далеко)|какой (?:процент|размер)`,
      String.raw`\bكم\b|bao nhiêu|\bmấy\b|bao lâu|\bberapa\b|\bkaç\b|ne kadar|\bile\b|jak długo`,
      String.raw`何[日人回年時分件台枚個円週ヶか]|いくら|どのくらい|どれくらい|どれだけ|几|多少|多久|多长|多大|多远|多長|몇|얼마|กี่|เท่าไร|เท่าไหร่|แค่ไหน|כמה|कितन`,
    ].join('|'),
    'u',
  ),
  person: words(
    [
      String.raw`\bwho(?:m|se)?\b|\bwer\b|\bwem\b|\bwen\b|\bqui\b|\bqui[eé]n(?:es)?\b|\bquem\b|\bchi\b`,
      String.raw`\bкто\b|\bкем\b|\bкого\b|\bкому\b|^من\b|\bsiapa\b|\bkim\b|\bkto\b|là ai|\bai\b`,
      String.raw`誰|だれ|どなた|谁|誰|누구|ใคร|\bמי\b|कौन`,
    ].join('|'),
    'u',
  ),
  place: words(
    [
      String.raw`\bwhere\b|\bwo(?:hin|her)?\b|\boù\b|\bd[oó]nde\b|\badonde\b|\bonde\b|\bdove\b|\bwaar\b`,
      String.raw`\bгде\b|\bкуда\b|\bоткуда\b|أين|ở đâu|di ?mana|\bnerede|\bgdzie\b`,
      String.raw`どこ|哪里|哪儿|在哪|什么地方|哪裡|어디|ที่ไหน|איפה|היכן|कहाँ|कहां`,
    ].join('|'),
    'u',
  ),
  procedure: words(
    [
      String.raw`\bhow (?:do|can|should|would|must) (?:i|we|you|one)\b|\bhow to\b|\bwhat (?:should|do|must) (?:i|we) do\b|\bsteps?\b`,
      String.raw`\bwie (?:kann|muss|soll|beantrage|bekomme|melde) ich\b|\bwas muss ich tun\b`,
      String.raw`\bcomment (?:faire|puis-je|je peux|est-ce que|on)\b|\bque (?:dois|faut)-?(?:je|il)?\b`,
      String.raw`\bc[oó]mo (?:puedo|hago|se|debo|tengo)\b|\bqu[eé] (?:tengo que|debo) hacer\b|\bcomo (?:posso|faço|fa[cç]o)\b|\bcome (?:posso|faccio|si)\b|\bhoe (?:kan|moet) ik\b`,
      String.raw`как (?:мне|можно|сделать|получить|оформить)|что делать|كيف|làm (?:sao|thế nào)|\bcách\b|\bbagaimana\b|\bnasıl\b|\bjak (?:mogę|to|zrobić)\b|co zrobić`,
      String.raw`どうすれば|どうやって|どうしたら|どうすれ|方法|手順|やり方|怎么|如何|怎样|怎麼|步骤|어떻게|방법|อย่างไร|ยังไง|ทำไง|วิธี|איך|कैसे`,
    ].join('|'),
    'u',
  ),
};

/**
 * `\b` in JavaScript knows only ASCII letters ("kaç" would have no end): the patterns here use it,
 * and this turns it into a boundary between a letter of any script and a non-letter.
 */
function words(source: string, flags: string): RegExp {
  return new RegExp(
    source.replaceAll(
      String.raw`\b`,
      String.raw`(?:(?<=[\p{L}\p{M}])(?![\p{L}\p{M}])|(?<![\p{L}\p{M}])(?=[\p{L}\p{M}]))`,
    ),
    flags,
  );
}

const ORDER: readonly AnswerType[] = ['time', 'quantity', 'person', 'place', 'procedure'];

/** The answer type a question asks for, or undefined (a yes/no question, "what is …"). */
export function answerTypeOf(question: string): AnswerType | undefined {
  const text = question.normalize('NFKC').toLowerCase();
  return ORDER.find((type) => FORMS[type].test(text));
}

const NUMBER_WORDS = words(
  [
    String.raw`\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred|thousand|million|billion|dozen|half)\b`,
    String.raw`\b(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|hundert|tausend|millionen?)\b`,
    String.raw`\b(?:deux|trois|quatre|cinq|sept|huit|neuf|dix|douze|cent|mille|millions?)\b`,
    String.raw`\b(?:dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|cien|mil|millones|due|quattro|sette|otto|nove|dieci|cento)\b`,
    String.raw`(?:два|три|четыре|пять|шесть|семь|восемь|девять|десять|сто|тысяч|миллион)`,
  ].join('|'),
  'u',
);

const MONTHS = words(
  [
    String.raw`\b(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|century|decade)\b`,
    String.raw`\b(?:januar|februar|märz|mai|juni|juli|oktober|dezember|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|jahrhundert)\b`,
    String.raw`\b(?:janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|lundi|mardi|mercredi|jeudi|vendredi|siècle)\b`,
    String.raw`\b(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|lunes|martes|miércoles|jueves|viernes|siglo|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|secolo)\b`,
    String.raw`(?:январ|феврал|март|апрел|мая|май|июн|июл|август|сентябр|октябр|ноябр|декабр|век)`,
    String.raw`[年月日時曜週]|세기|년|월|일|시|วันที่|เดือน|ปี|พ\.ศ\.|ค\.ศ\.`,
  ].join('|'),
  'iu',
);

/**
 * Whether `sentence` holds an expression of `type` that the question does not already hold. Person
 * and place look for a capitalised name (in scripts with case) that is not in the question; in
 * scripts without case they cannot tell and say so (undefined).
 */
export function holdsAnswerType(
  type: AnswerType,
  sentence: string,
  question: string,
  item: boolean,
): boolean | undefined {
  const lowerQuestion = question.normalize('NFKC').toLowerCase();
  const novel = (pattern: RegExp) => {
    const all = new RegExp(pattern.source, `${pattern.flags}g`);
    for (const match of sentence.normalize('NFKC').toLowerCase().matchAll(all))
      if (!lowerQuestion.includes(match[0])) return true;
    return false;
  };
  switch (type) {
    case 'quantity':
      return novelNumber(sentence, lowerQuestion) || novel(NUMBER_WORDS);
    case 'time':
      return novelNumber(sentence, lowerQuestion) || novel(MONTHS);
    case 'person':
    case 'place': {
      if (!/\p{Lu}/u.test(sentence)) return /[\p{Lu}\p{Ll}]/u.test(sentence) ? false : undefined;
      const names = sentence.match(/(?<=\S\s+)\p{Lu}[\p{L}\p{M}'’-]+/gu) ?? [];
      return names.some((name) => !lowerQuestion.includes(name.toLowerCase()));
    }
    case 'procedure':
      return item;
  }
}

/** A number in the sentence that the question does not hold. */
function novelNumber(sentence: string, lowerQuestion: string): boolean {
  for (const match of sentence
    .normalize('NFKC')
    .matchAll(
      /[\p{Nd}一二三四五六七八九十百千万萬两兩億亿半][\p{Nd}.,:一二三四五六七八九十百千万萬两兩億亿]*/gu,
    ))
    if (!lowerQuestion.includes(match[0])) return true;
  return false;
}
