/**
 * "Summarise <document>" in each language PolyDesk answers in: a chat message that asks for the
 * summary of a document, named by its title, file or link. Strict on purpose: the message must be
 * the request itself, a summarising verb and a target ("how do I summarise a PDF?" stays a question),
 * in the order the language puts them: the verb first in English or Spanish, last in Japanese,
 * Korean or Turkish ("年次有給休暇を要約して", "연차 휴가 요약해 줘", "yıllık izni özetle").
 */

export interface SummaryIntent {
  /** The document's title, file or link, as written. */
  readonly target: string;
  /** The language the request was written in: the summary's heading is written in it. */
  readonly language: string;
}

interface Phrase {
  readonly language: string;
  /** Matched against the whole message; the `target` group is the document. */
  readonly pattern: RegExp;
}

const PLEASE_EN = '(?:(?:please|pls|can you|could you|would you)\\s+)?';
const T = '(?<target>\\S.*?)';

/** Scripts written without spaces between words: the target may follow the verb at once. */
const UNSPACED = new Set(['ja', 'zh', 'th']);

/** Verb first: `^please? VERB[:] TARGET please?$`. */
const lead = (language: string, verbs: string, polite = '', after = ''): Phrase => ({
  language,
  pattern: new RegExp(
    `^${polite}(?:${verbs})\\s*[:：]?\\s${UNSPACED.has(language) ? '*' : '+'}${T}${after}\\s*[.!。！]?$`,
    'iu',
  ),
});

/** Verb last: `^TARGET particle? VERB ending?$`. */
const trail = (language: string, verbs: string, particles = ''): Phrase => ({
  language,
  pattern: new RegExp(`^${T}\\s*${particles ? `(?:${particles})?` : ''}\\s*(?:${verbs})\\s*[.!。！]?$`, 'iu'),
});

const PHRASES: readonly Phrase[] = [
  lead('en', 'summari[sz]e|sum up|give me a summary of|tl;?dr(?: of)?', PLEASE_EN, '(?:,?\\s*please)?'),
  trail(
    'ja',
    '要約(?:して(?:ください|下さい|ほしい|くれますか)?|をお願い(?:します)?|を(?:ください|下さい))?|まとめて(?:ください|下さい)?',
    'を|の',
  ),
  { language: 'ja', pattern: /^要約\s*[:：]\s*(?<target>\S.*?)\s*[.。]?$/u },
  lead('zh', '总结(?:一下)?|總結(?:一下)?|概括(?:一下)?|摘要', '(?:请|請)?(?:帮我|幫我)?'),
  trail('ko', '요약(?:해|해줘|해 줘|해주세요|해 주세요|해줄래|해 줄래|하기)?', '을|를|의|좀'),
  lead('th', 'สรุป', '(?:ช่วย)?', '(?:\\s*(?:ให้หน่อย|หน่อย|ให้ด้วย))?(?:\\s*(?:ครับ|ค่ะ|คะ))?'),
  lead(
    'es',
    'resume|resumir|resúmeme|resumeme|haz un resumen de|hazme un resumen de',
    '(?:(?:por favor,?|puedes)\\s+)?',
    '(?:,?\\s*por favor)?',
  ),
  lead(
    'fr',
    'résume|resume|résumez|resumez|résumer|fais un résumé de|faites un résumé de',
    '(?:(?:peux-tu|pouvez-vous|merci de)\\s+)?',
    "(?:,?\\s*(?:s['’]il te plaît|s['’]il vous plaît|stp|svp))?",
  ),
  {
    language: 'de',
    pattern:
      /^(?:bitte\s+)?(?:(?:fass|fasse|fassen sie)\s+(?<target>\S.*?)\s+zusammen|(?<target2>\S.*?)\s+zusammenfassen|zusammenfassung\s+(?:von|zu|für)\s+(?<target3>\S.*?))(?:,?\s*bitte)?\s*[.!]?$/iu,
  },
  lead(
    'pt',
    'resuma|resume|resumir|faça um resumo de|faz um resumo de',
    '(?:(?:por favor,?|pode)\\s+)?',
    '(?:,?\\s*por favor)?',
  ),
  lead(
    'id',
    'ringkas|ringkaskan|rangkum|rangkumkan|buat ringkasan|buatkan ringkasan',
    '(?:(?:tolong|coba)\\s+)?',
    '(?:\\s+(?:dong|ya))?',
  ),
  lead(
    'vi',
    'tóm tắt(?: giúp tôi| giùm tôi)?(?: tài liệu)?',
    '(?:(?:hãy|vui lòng|giúp tôi)\\s+)?',
    '(?:\\s+(?:giúp tôi|nhé|với))?',
  ),
  lead('ar', 'لخص|لخّص|لخصي|ملخص|تلخيص', '(?:من فضلك\\s+|رجاء\\s+)?'),
  lead(
    'ru',
    'резюмируй|резюмируйте|кратко изложи|кратко изложите|перескажи кратко|сделай краткое изложение|суммируй',
    '(?:пожалуйста,?\\s+)?',
    '(?:,?\\s*пожалуйста)?',
  ),
  lead(
    'it',
    'riassumi|riassumete|fai un riassunto di|fammi un riassunto di',
    '(?:(?:per favore,?|puoi)\\s+)?',
    '(?:,?\\s*per favore)?',
  ),
  {
    language: 'nl',
    pattern:
      /^(?:(?:kun je|wil je)\s+)?(?:vat\s+(?<target>\S.*?)\s+samen|(?<target2>\S.*?)\s+samenvatten|samenvatting\s+van\s+(?<target3>\S.*?))(?:,?\s*(?:alsjeblieft|aub|a\.u\.b\.))?\s*[.!]?$/iu,
  },
  lead('pl', 'podsumuj|streść|zrób podsumowanie', '(?:proszę,?\\s+)?', '(?:,?\\s*proszę)?'),
  trail('tr', 'özetle|özetler misin|özetleyin|özetini çıkar|özetini çıkarır mısın'),
  lead('tr', 'özetle'),
  lead('he', 'סכם|סכמי|תסכם|תסכמי|סכם לי|תן סיכום של', '(?:בבקשה\\s+)?', '(?:\\s*בבקשה)?'),
  trail('hi', 'का सारांश (?:दो|दें|बताओ|बताएं)|का संक्षेप (?:दो|दें)|संक्षेप में बताओ|संक्षेप में बताएं'),
  lead('hi', 'सारांश|संक्षेप'),
];

/** Words that make the target a question about summarising, not a document ("a PDF", "this thread"). */
const NOT_A_DOCUMENT =
  /^(?:a|an|my|this|the)\s+(?:pdf|file|document|thread|conversation|chat|text)$|^(?:this|the)\s+(?:thread|conversation)\b|^(?:スレッド|この会話|このスレッド)$/iu;

/** Most characters of a target: a title or a link, not a pasted text. */
const MAX_TARGET = 300;

/** The summary request a message makes, or undefined when it is anything else (a question, a thread request). */
export function summaryIntent(message: string): SummaryIntent | undefined {
  const text = message.trim().replace(/\s+/gu, ' ');
  if (text === '' || /[?？؟]$/u.test(text)) return undefined;
  for (const phrase of PHRASES) {
    const match = phrase.pattern.exec(text);
    const groups = match?.groups;
    const target = (groups?.['target'] ?? groups?.['target2'] ?? groups?.['target3'])
      ?.trim()
      // A Slack link, <https://…> or <https://…|label>: the address.
      .replace(/^<([^|>]+)(?:\|[^>]*)?>$/u, '$1')
      .replace(/^[「『“"'《]|[」』”"'》]$/gu, '')
      // Hebrew marks a definite object with את: not part of the title.
      .replace(/^את\s+/u, '')
      .trim();
    if (!target || target.length > MAX_TARGET || NOT_A_DOCUMENT.test(target)) continue;
    return { target, language: phrase.language };
  }
  return undefined;
}
