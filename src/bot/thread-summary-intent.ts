/**
 * "Summarise this thread" in each of the languages PolyDesk answers in: a message (a mention's words
 * with the mention removed) that asks for a summary of the thread it was written in, and whether it
 * asks for the summary to go into the thread ("… here") rather than to the requester alone.
 *
 * Strict on purpose: the whole message must be the request (a verb, optionally "this thread", "here"
 * and a please), so that "how do I summarise a PDF?" stays a question and "summarise the leave
 * policy" a document summary for the document intent. A bare verb ("summarise", "要約して") counts:
 * it is only asked about inside a thread.
 */

export interface ThreadSummaryIntent {
  /** The language the request was written in: the summary is written in it. */
  readonly language: string;
  /** True when the summary was asked for in the thread ("summarise this thread here"). */
  readonly here: boolean;
}

interface Phrase {
  readonly language: string;
  /** Matched against the whole message; groups whose names start with `here` mean "post it here". */
  readonly pattern: RegExp;
  /** Scripts written without spaces (or with optional ones): matched with all white space removed. */
  readonly compact?: boolean;
}

const PHRASES: readonly Phrase[] = [
  {
    language: 'en',
    pattern:
      /^(?:(?:please|pls|can you|could you|would you)\s+)?(?:summari[sz]e|sum up|recap|tl;?dr|give (?:me|us) a summary(?: of)?)(?:\s+(?:this|the)\s+(?:thread|conversation|discussion|chat))?(?:\s+(?<here>here|in (?:the|this) thread|for everyone))?(?:,?\s*please)?$/,
  },
  {
    language: 'ja',
    compact: true,
    pattern:
      /^(?<here1>ここに|ここで)?(?:(?:この)?(?:スレッド|スレ|会話|やりとり|やり取り|議論)(?:の内容)?を?)?(?<here2>ここに|ここで)?(?:要約|まとめ)(?:して(?:ください|下さい|ほしい|くれ|もらえますか)?|てください|て|る|を(?:お願い(?:します)?|ください))?$/,
  },
  {
    language: 'zh',
    compact: true,
    pattern:
      /^(?:请|請)?(?:帮我|幫我|帮忙|幫忙)?(?<here1>在这里|在這裡)?(?:总结|總結|概括|汇总|彙總)(?:一下)?(?:这个|這個|这|這|此)?(?:帖子|讨论串|討論串|对话|對話|讨论|討論|线程|線程|串)?(?<here2>在这里|在這裡|到这里|到這裡|发到这里|發到這裡)?(?:吧)?$/,
  },
  {
    language: 'ko',
    compact: true,
    pattern:
      /^(?<here1>여기에|여기서)?(?:이)?(?:스레드|쓰레드|대화|토론)?(?:를|을|내용을)?(?<here2>여기에|여기서)?요약(?:해|해줘|해줄래|해주세요|해주실래요|좀해줘|하기|해라)?$/,
  },
  {
    language: 'th',
    compact: true,
    pattern:
      /^(?:ช่วย)?(?<here1>ที่นี่)?สรุป(?:ให้)?(?:เธรด|กระทู้|บทสนทนา|การสนทนา|แชท)?(?:นี้)?(?:ให้)?(?<here2>ที่นี่|ตรงนี้)?(?:หน่อย|ด้วย)?(?:ครับ|ค่ะ|คะ)?$/,
  },
  {
    language: 'es',
    pattern:
      /^(?:por favor,?\s+)?(?:puedes\s+)?(?:resume|resumir|resúmeme|resumeme|haz un resumen de)(?:\s+(?:este|el|esta|la)\s+(?:hilo|conversación|conversacion|discusión|discusion))?(?:\s+(?<here>aquí|aqui|en el hilo))?(?:,?\s*por favor)?$/,
  },
  {
    language: 'fr',
    pattern:
      /^(?:(?:peux-tu|pouvez-vous)\s+)?(?:résume|resume|résumez|resumez|résumer|resumer|fais un résumé de)(?:\s+(?:ce|le|cette|la)\s+(?:fil|thread|conversation|discussion))?(?:\s+(?<here>ici|dans le fil))?(?:,?\s*(?:s'il te plaît|s'il vous plaît|stp|svp))?$/,
  },
  {
    language: 'de',
    pattern:
      /^(?:bitte\s+)?(?:(?:fass|fasse|fasst|fassen sie)(?:\s+(?:diesen|den|dieses|das|diese|die)\s+(?:thread|gespräch|unterhaltung|diskussion|verlauf))?(?:\s+(?<here1>hier))?\s+zusammen|(?:(?:(?:diesen|den)\s+)?(?:thread|verlauf)\s+)?(?<here2>hier\s+)?zusammenfassen)(?:\s+(?<here3>hier))?(?:,?\s*bitte)?$/,
  },
  {
    language: 'pt',
    pattern:
      /^(?:por favor,?\s+)?(?:resuma|resumir|faça um resumo de|faz um resumo de)(?:\s+(?:este|esta|o|a|esse|essa)\s+(?:thread|conversa|tópico|topico|discussão|discussao|fio))?(?:\s+(?<here>aqui))?(?:,?\s*por favor)?$/,
  },
  {
    language: 'id',
    pattern:
      /^(?:(?:tolong|coba)\s+)?(?:ringkas|ringkaskan|rangkum|rangkumkan|buat ringkasan)(?:\s+(?:utas|thread|percakapan|diskusi|obrolan)(?:\s+ini)?)?(?:\s+(?<here>di sini))?(?:\s+(?:dong|ya))?$/,
  },
  {
    language: 'vi',
    pattern:
      /^(?:(?:hãy|làm ơn)\s+)?tóm tắt(?:\s+(?:chuỗi tin nhắn|chuỗi|luồng|cuộc trò chuyện|cuộc thảo luận|thread)(?:\s+này)?)?(?:\s+(?<here>ở đây|tại đây))?(?:\s+(?:giúp|cho)\s+(?:tôi|mình))?$/,
  },
  {
    language: 'ar',
    pattern:
      /^(?:من فضلك\s+)?(?:لخص|تلخيص|ملخص)(?:\s+(?:هذه|هذا)?\s*(?:المحادثة|النقاش|الموضوع|السلسلة))?(?:\s+(?:هذه|هذا))?(?:\s+(?<here>هنا))?(?:\s+من فضلك)?$/,
  },
  {
    language: 'ru',
    pattern:
      /^(?:пожалуйста,?\s+)?(?:резюмируй|подытожь|перескажи кратко|кратко перескажи|сделай резюме|суммируй)(?:\s+(?:эту\s+|этот\s+|это\s+)?(?:ветку|тред|обсуждение|переписку|беседу|разговор))?(?:\s+(?<here>здесь|сюда|тут))?(?:,?\s*пожалуйста)?$/,
  },
  {
    language: 'it',
    pattern:
      /^(?:per favore,?\s+)?(?:riassumi|riassumere|fai un riassunto di)(?:\s+(?:questo|questa|il|la)\s+(?:thread|conversazione|discussione))?(?:\s+(?<here>qui|qua))?(?:,?\s*per favore)?$/,
  },
  {
    language: 'nl',
    pattern:
      /^(?:(?:vat)(?:\s+(?:deze|de|dit|het)\s+(?:thread|draad|gesprek|discussie))?(?:\s+(?<here1>hier))?\s+samen|(?:(?:deze|de)\s+(?:thread|draad)\s+)?samenvatten)(?:\s+(?<here2>hier))?(?:,?\s*(?:alsjeblieft|aub|graag))?$/,
  },
  {
    language: 'pl',
    pattern:
      /^(?:proszę,?\s+)?(?:podsumuj|streść|zrób podsumowanie)(?:\s+(?:ten\s+|tę\s+|to\s+)?(?:wątek|rozmowę|dyskusję))?(?:\s+(?<here>tutaj|tu))?(?:,?\s*proszę)?$/,
  },
  {
    language: 'tr',
    pattern:
      /^(?:lütfen\s+)?(?:(?<here1>buraya)\s+)?(?:(?:bu\s+)?(?:konuyu|başlığı|yazışmayı|sohbeti|konuşmayı|akışı|thread'i)\s+)?(?:(?<here2>buraya)\s+)?(?:özetle|özetler misin|özetleyin|özetleyebilir misin)(?:\s+(?<here3>buraya))?(?:\s+lütfen)?$/,
  },
  {
    language: 'he',
    pattern:
      /^(?:בבקשה\s+)?(?:סכם|תסכם|תסכמי|סכמי|סיכום של)(?:\s+(?:את\s+)?(?:השרשור|הדיון|השיחה)(?:\s+(?:הזה|הזו|הזאת))?)?(?:\s+(?<here>כאן|פה))?(?:\s+בבקשה)?$/,
  },
];

/** Longer than any request above: a long message is never read as one. */
const MAX_REQUEST_CHARS = 120;

/**
 * The request for a summary of the thread that `text` carries, or undefined when it is anything
 * else. `text` is the message's plain words, the mention of PolyDesk already removed.
 */
export function threadSummaryIntent(text: string): ThreadSummaryIntent | undefined {
  if (text.length > MAX_REQUEST_CHARS) return undefined;
  const spaced = normalize(text);
  if (!spaced) return undefined;
  const compact = spaced.replace(/\s+/g, '');
  for (const phrase of PHRASES) {
    const match = phrase.pattern.exec(phrase.compact ? compact : spaced);
    if (!match) continue;
    const here = Object.entries(match.groups ?? {}).some(
      ([name, value]) => name.startsWith('here') && value !== undefined,
    );
    return { language: phrase.language, here };
  }
  return undefined;
}

/** Lower case, NFKC, Arabic diacritics and the punctuation around a request removed, spaces collapsed. */
function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u064b-\u065f\u0670]/g, '')
    .replace(/[’`]/g, "'")
    .replace(/^[\s"'«»“”「」『』@]+|[\s.!?。！？…、,:;"'«»“”「」『』🙏]+$/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
