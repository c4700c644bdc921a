/**
 * Small numbers written as digits or as words: "3 days a week" in a question and "three days a week"
 * in a policy are the same fact. Two to twelve, per language; words that are as often something else
 * are left out (one, Italian "sei" "you are", French "neuf" "new"). Languages written without spaces are left out: a numeral character (三) is
 * found inside too many other words.
 */
const WORDS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  en: [
    ['two'],
    ['three'],
    ['four'],
    ['five'],
    ['six'],
    ['seven'],
    ['eight'],
    ['nine'],
    ['ten'],
    ['eleven'],
    ['twelve'],
  ],
  es: [
    ['dos'],
    ['tres'],
    ['cuatro'],
    ['cinco'],
    ['seis'],
    ['siete'],
    ['ocho'],
    ['nueve'],
    ['diez'],
    ['once'],
    ['doce'],
  ],
  pt: [
    ['dois', 'duas'],
    ['três'],
    ['quatro'],
    ['cinco'],
    ['seis'],
    ['sete'],
    ['oito'],
    ['nove'],
    ['dez'],
    ['onze'],
    ['doze'],
  ],
  fr: [
    ['deux'],
    ['trois'],
    ['quatre'],
    ['cinq'],
    ['six'],
    ['sept'],
    ['huit'],
    [], // neuf: also "new"
    ['dix'],
    ['onze'],
    ['douze'],
  ],
  it: [
    ['due'],
    ['tre'],
    ['quattro'],
    ['cinque'],
    [], // sei: also "you are"
    ['sette'],
    ['otto'],
    ['nove'],
    ['dieci'],
    ['undici'],
    ['dodici'],
  ],
  de: [
    ['zwei'],
    ['drei'],
    ['vier'],
    ['fünf'],
    ['sechs'],
    ['sieben'],
    ['acht'],
    ['neun'],
    ['zehn'],
    ['elf'],
    ['zwölf'],
  ],
  nl: [
    ['twee'],
    ['drie'],
    ['vier'],
    ['vijf'],
    ['zes'],
    ['zeven'],
    ['acht'],
    ['negen'],
    ['tien'],
    ['elf'],
    ['twaalf'],
  ],
  pl: [
    ['dwa', 'dwie', 'dwóch', 'dwoma'],
    ['trzy', 'trzech', 'trzema'],
    ['cztery', 'czterech', 'czterema'],
    ['pięć', 'pięciu'],
    ['sześć', 'sześciu'],
    ['siedem', 'siedmiu'],
    ['osiem', 'ośmiu'],
    ['dziewięć', 'dziewięciu'],
    ['dziesięć', 'dziesięciu'],
    ['jedenaście', 'jedenastu'],
    ['dwanaście', 'dwunastu'],
  ],
  tr: [
    ['iki'],
    ['üç'],
    ['dört'],
    ['beş'],
    ['altı'],
    [], // yedi: also "ate"
    ['sekiz'],
    ['dokuz'],
    ['on'],
    [], // on bir: two words
    [], // on iki
  ],
  // Hebrew counts in two genders (שלושה ימים, שלוש שנים); eleven and twelve are two words.
  he: [
    ['שניים', 'שתיים', 'שתי'], // שני: also "second" and "Monday"
    ['שלושה', 'שלוש'],
    ['ארבעה', 'ארבע'],
    ['חמישה', 'חמש'],
    ['שישה', 'שש'],
    ['שבעה', 'שבע'],
    ['שמונה'],
    ['תשעה', 'תשע'],
    ['עשרה', 'עשר'],
    [],
    [],
  ],
};

/**
 * The other ways of writing a question word that is a small number: "3" → "three", "drei" → "3".
 * Empty for any other word.
 */
export function numberAlternatives(word: string, language: string): string[] {
  const words = WORDS[language];
  if (!words) return [];
  const digit = /^\d{1,2}$/u.test(word) ? Number(word) : undefined;
  const value = digit ?? (words.findIndex((forms) => forms.includes(word)) + 2 || undefined);
  if (value === undefined || value < 2 || value > 12) return [];
  const spelled = words[value - 2]!.filter((form) => form !== word);
  return digit === undefined ? [String(value), ...spelled] : spelled;
}
