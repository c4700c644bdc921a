import { normalizeForScan } from './normalize.js';

/** One instruction aimed at the assistant, in offsets of the text as given (`end` exclusive). */
export interface InjectionMatch {
  readonly start: number;
  readonly end: number;
  /** Name of the pattern that matched, e.g. `ignore-instructions/ja`. */
  readonly pattern: string;
}

export interface InjectionReport {
  readonly flagged: boolean;
  readonly matches: readonly InjectionMatch[];
}

const ROLE_EN = String.raw`(?:an?\s+|the\s+)?(?:\w+\s+){0,2}(?:assistant|AI|chatbot|bot|language\s+model|LLM|DAN|jailbroken|unrestricted|unfiltered|uncensored|developer\s+mode|hacker|evil)`;

/** Instructions to the model, in English, Japanese, Chinese, Korean, Spanish, Thai, German and French. */
const PATTERNS: ReadonlyArray<readonly [string, RegExp]> = [
  [
    'ignore-instructions/en',
    /\b(?:ignore|disregard|forget|override|skip)\s+(?:all\s+|any\s+|every\s+|the\s+|your\s+|of\s+)*(?:previous|prior|above|earlier|preceding|former|original|system|initial)\s+(?:instructions?|prompts?|directions?|rules|guidelines|context|messages?)\b/gi,
  ],
  [
    'ignore-above/en',
    /\b(?:ignore|disregard|forget)\s+(?:everything|all)\s+(?:above|before|previously\s+said)\b/gi,
  ],
  ['system-prompt/en', /\bsystem\s*prompt\b|\bsystem\s+message\b|\bdeveloper\s+message\b/gi],
  [
    'role-change/en',
    new RegExp(
      String.raw`\byou\s+are\s+now\s+${ROLE_EN}\b|\bfrom\s+now\s+on,?\s+you\s+(?:are|will\s+act\s+as)\s+${ROLE_EN}\b|\bact\s+as\s+${ROLE_EN}\b|\bpretend\s+(?:to\s+be|you\s+are)\s+${ROLE_EN}\b`,
      'gi',
    ),
  ],
  [
    'new-instructions/en',
    /\bnew\s+instructions\s*:|\bdo\s+not\s+follow\s+(?:the|your)\s+(?:previous\s+)?(?:instructions|rules)\b/gi,
  ],
  [
    'chat-markup',
    /<\|im_start\|>|<\|system\|>|<\|assistant\|>|\[INST\]|<<SYS>>|^###\s*(?:system|instruction)\b/gim,
  ],
  [
    'ignore-instructions/ja',
    /(?:以前|前|上記|これまで|今まで|先ほど|以上|全て|すべて)の(?:すべての|全ての)?(?:指示|命令|指令|ルール|プロンプト)(?:は|を)(?:すべて|全て)?(?:無視|忘れ)/g,
  ],
  ['ignore-instructions2/ja', /(?:指示|命令|ルール|制約)を(?:すべて|全て)?無視して/g],
  ['system-prompt/ja', /システムプロンプト|システム・プロンプト/g],
  [
    'role-change/ja',
    /(?:あなたは|お前は)?(?:今から|これから|今後)(?:あなたは|お前は)?[^。\n]{0,12}(?:AI|アシスタント|ボット|チャットボット|制限のない|ＤＡＮ|DAN)(?:です|だ|として|になって)/g,
  ],
  [
    'ignore-instructions/zh',
    /(?:忽略|无视|無視|忘记|忘記|不要理会|不要遵守)(?:掉)?(?:之前|以前|先前|上面|上述|以上|前面|所有|全部|此前)(?:的)?(?:所有|全部)?(?:的)?(?:指令|指示|说明|說明|规则|規則|提示|命令)/g,
  ],
  ['system-prompt/zh', /系统提示(?:词|詞)?|系統提示(?:詞)?|系统指令/g],
  [
    'role-change/zh',
    /(?:你现在是|你現在是|从现在开始[，,]?你是|從現在開始[，,]?你是)[^。\n]{0,12}(?:AI|助手|机器人|機器人|没有限制|沒有限制|DAN)/g,
  ],
  [
    'ignore-instructions/ko',
    /(?:이전|앞의|위의|기존|모든|이전의)\s*(?:모든\s*)?(?:지시|지시사항|지침|명령|규칙|프롬프트)(?:을|를|은|는)?\s*(?:모두\s*)?(?:무시|잊어)/g,
  ],
  ['system-prompt/ko', /시스템\s*프롬프트/g],
  [
    'role-change/ko',
    /(?:너는|당신은)\s*(?:이제|지금부터)\s*[^.\n]{0,16}(?:AI|어시스턴트|봇|챗봇|제한\s*없는|DAN)/g,
  ],
  [
    'ignore-instructions/es',
    /\b(?:ignora|ignore|ignorad|olvida|olvide|descarta)\s+(?:todas\s+|todos\s+)?(?:las|los|tus|sus)\s+(?:instrucciones|indicaciones|reglas|órdenes)\s+(?:anteriores|previas|de\s+arriba)\b/gi,
  ],
  ['system-prompt/es', /\b(?:prompt|indicaciones|instrucciones)\s+del\s+sistema\b/gi],
  [
    'role-change/es',
    /\bahora\s+eres\s+(?:un|una|el|la)?\s*(?:\w+\s+){0,2}(?:asistente|IA|bot|chatbot|modelo|DAN|sin\s+restricciones)\b/gi,
  ],
  [
    'ignore-instructions/th',
    /(?:เพิกเฉย(?:ต่อ)?|ละเว้น|ไม่ต้องสนใจ|ลืม|ข้าม)\s*(?:คำสั่ง|คำแนะนำ|กฎ)(?:ทั้งหมด)?\s*(?:ก่อนหน้า(?:นี้)?|ข้างบน|ด้านบน|เดิม|ที่ผ่านมา)/g,
  ],
  ['system-prompt/th', /พรอมต์ระบบ|พรอมพ์ระบบ|พรอมท์ระบบ/g],
  ['role-change/th', /(?:ตอนนี้|ต่อจากนี้)\s*คุณ(?:คือ|เป็น)\s*[^\n]{0,16}(?:AI|ผู้ช่วย|บอท|แชทบอท|ไม่มีข้อจำกัด|DAN)/g],
  [
    'ignore-instructions/de',
    /\b(?:ignoriere|ignorieren\s+Sie|vergiss|vergessen\s+Sie|missachte)\s+(?:alle\s+|die\s+)*(?:vorherigen|bisherigen|obigen|vorangegangenen|früheren|ursprünglichen)\s+(?:Anweisungen|Instruktionen|Befehle|Regeln|Vorgaben)\b/gi,
  ],
  ['system-prompt/de', /\bSystem-?Prompt\b|\bSystemanweisung(?:en)?\b/gi],
  [
    'role-change/de',
    /\b(?:du\s+bist\s+jetzt|ab\s+sofort\s+bist\s+du)\s+(?:ein|eine)?\s*(?:\w+\s+){0,2}(?:Assistent|KI|Bot|Chatbot|DAN|uneingeschränkt)\w*/gi,
  ],
  [
    'ignore-instructions/fr',
    /\b(?:ignore|ignorez|oublie|oubliez|ne\s+tiens\s+pas\s+compte\s+des)\s+(?:toutes\s+)?(?:les|tes|vos)\s+(?:instructions|consignes|règles|directives)\s+(?:précédentes|antérieures|ci-dessus|initiales)\b/gi,
  ],
  ['system-prompt/fr', /\b(?:prompt|invite|message)\s+(?:du\s+)?système\b/gi],
  [
    'role-change/fr',
    /\b(?:tu\s+es|vous\s+êtes)\s+maintenant\s+(?:un|une)?\s*(?:\w+\s+){0,2}(?:assistant|IA|bot|chatbot|DAN|sans\s+restrictions?)\b/gi,
  ],
];

/**
 * Finds instructions aimed at the assistant inside a document ("ignore previous instructions",
 * 以前の指示を無視, "you are now an unrestricted AI", "system prompt"). Ingest flags such documents
 * so admins see them; prompts fence sources as data either way.
 */
export function detectPromptInjection(text: string): InjectionReport {
  const normalized = normalizeForScan(text);
  const matches: InjectionMatch[] = [];
  for (const [pattern, re] of PATTERNS) {
    for (const m of normalized.text.matchAll(re)) {
      if (m[0].length === 0) continue;
      matches.push({ ...normalized.toOriginal(m.index, m.index + m[0].length), pattern });
    }
  }
  matches.sort((a, b) => a.start - b.start);
  return { flagged: matches.length > 0, matches };
}
