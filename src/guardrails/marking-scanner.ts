import {
  ANY_MARKING,
  DOCUMENT_PART,
  alternation,
  tolerant,
  CLASSIFICATION_LABELS,
  DISTRIBUTION_BANS,
  INFORMATION_MARKINGS,
  INLINE_MARKINGS,
  MARKED_AFTER,
  MARKED_AS,
  POSITIONAL_MARKINGS,
  RULE_WORDS,
  SPECIFIC_SUBJECT,
  GENERIC_SUBJECT,
  SELF_DECLARATIONS,
  UPPER_MARKINGS,
  WEAK_MARKINGS,
} from './marking-words.js';
import { ONLY_IF, findSelfDeclarations } from './marking-declarations.js';
import {
  abbreviatedMarkings,
  bracketedCompounds,
  distributionLists,
  internalDocumentLines,
  quotedInInstruction,
  stamps,
} from './marking-structures.js';
import type { RawFinding, Scanner } from './scanner.js';
import { overlaps } from './text-window.js';

/*
 * Confidentiality markings: the labels documents carry ("CONFIDENTIAL", 【社外秘】, 密级：机密,
 * "本資料は社外秘につき取扱注意", "เอกสารลับ ห้ามเผยแพร่"), not the ordinary word in a sentence
 * ("keep passwords confidential", 機密情報の取り扱い) nor a sentence about a marking
 * ("社外秘の資料はメールで送らないでください", "documents marked CONFIDENTIAL go in the cabinet").
 * A word counts as a marking when it is written in capitals, stands in brackets, stands alone on
 * its line, opens a line followed by a separator, follows a classification label, carries the
 * Chinese ★, or — for the distinctive Asian markings — is followed by what makes it a statement
 * about this text (につき, です, 입니다, 严禁外传, ห้าม..., the end of the line). A sentence in which
 * the text declares its own status ("This document is confidential", 본 문서는 대외비입니다) is a
 * marking, and so is a marking that opens a sentence followed by a ban on passing the text on
 * ("Confidential – do not share", "Interne Unterlage – nicht zur Weitergabe").
 */

const ANY = ANY_MARKING;
/**
 * Every pattern but the self-declarations and the bans needs one of these words; a text without
 * any (most answers) skips them. In any case, so that it holds for the case-sensitive ones too.
 */
const ANY_MARKING_WORD = new RegExp(
  alternation([...POSITIONAL_MARKINGS, ...WEAK_MARKINGS, ...UPPER_MARKINGS, ...INLINE_MARKINGS]),
  'iu',
);
const STRONG_ANY = alternation(POSITIONAL_MARKINGS);
/** Scripts written without spaces between words, where a marking followed by a space is still a label. */
const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

const LINE_ALONE = 2;
const LINE_START = 3;
const LABELLED = 4;
const INLINE = 6;
const LINE_END = 7;
const STAR = 5;
const DECLARATION = 8;
const BAN = 9;
const MARKED = 10;
const MARKED_BEFORE_VERB = 11;
const QUOTED = 12;
/** What frames a marking that stands alone on its line: "— RESTRICTED —", ■極秘■, **CONFIDENCIAL**, (公司機密). */
const FRAME = String.raw`\s#>*_|=~\-—–■□▪▫●○◆◇▶►※•·"“”'‘’«»„「」『』()\[\]【】〔〕`;
const PARTS = DOCUMENT_PART;
const PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`(?<![\p{L}\p{N}])(${alternation(UPPER_MARKINGS)})(?![\p{L}\p{N}])`, 'gu'),
  new RegExp(String.raw`[\[【〔<《〈(■□◆◇●]\s*(${ANY})\s*[\]】〕>》〉)■□◆◇●]`, 'giu'),
  // Alone on its line, framed or not; a weak word only where it cannot be a heading (see weakAlone).
  new RegExp(`^[${FRAME}]*(${ANY})[${FRAME}:.!]*$`, 'gimu'),
  new RegExp(String.raw`^[\s#>*_|-]*(${STRONG_ANY})[*_]*\s*(?:[:|/—–-]|\.(?:\s|$)|\s)`, 'gimu'),
  new RegExp(
    String.raw`(?:${CLASSIFICATION_LABELS}|(?<part>${PARTS}))(?:\s+(?:label|level|class))?\s*:\s*[\[【(]?\s*(?<word>${ANY})(?![\p{L}])`,
    'giu',
  ),
  new RegExp(String.raw`(${ANY})\s*[★☆]`, 'gu'),
  new RegExp(`(${alternation(INLINE_MARKINGS)})`, 'gu'),
  // A footer or title ending in a marking, or with one between separators: "Q3 board pack – Confidential",
  // "Acme | Internal use only | Page 2".
  new RegExp(String.raw`[|–—·•-]\s*(${STRONG_ANY})(?:[\s.!)]*$|\s+[|–—·•-]\s)`, 'gimu'),
  new RegExp(String.raw`(?<![\p{L}\p{N}])(${SELF_DECLARATIONS.join('|')})`, 'giu'),
  // A ban on passing the text on; the marking before it is looked up from there (see markingBefore).
  new RegExp(`(${DISTRIBUTION_BANS.map(tolerant).join('|')})`, 'giu'),
  // A marking after the words saying a text carries it, in any case: "the attached deck is marked Strictly Confidential".
  new RegExp(
    String.raw`(?<![\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}])(?:${MARKED_AS.join('|')})\s{0,3}[:"'“‘«„「『]?\s{0,3}(${ANY})(?![\p{L}])`,
    'giu',
  ),
  // A marking before the words saying a text carries it: "als „Vertraulich“ gekennzeichnet", 「社外秘」と記載されています.
  new RegExp(String.raw`(${ANY})["'”’“»」』]?\s{0,3}(?:${MARKED_AFTER})`, 'giu'),
  // A quoted marking after the part of the document that carries it: "The cover page says «CONFIDENTIAL»".
  new RegExp(String.raw`["'“‘«„「『]\s*(${ANY})\s*["'”’»“」』]`, 'giu'),
];
/**
 * A marking that ends right where a ban starts, with at most a separator between them; used sticky
 * at the ban, so the lookbehind runs backwards from one position only.
 */
const MARKING_BEFORE_BAN = new RegExp(
  String.raw`(?<=(?<![\p{L}\p{N}])(${alternation([...INFORMATION_MARKINGS, ...POSITIONAL_MARKINGS, ...WEAK_MARKINGS])})([*_)\]】]*\s{0,3}[,，、.:;|/–—-]?\s{0,3}))`,
  'iuy',
);
/** What ends a sentence or opens a line's label: a declaration or a marking starts after it. */
const SENTENCE_BREAK = /(?:^[\s*_>#•·※-]*|[.!?:;。！？：；([【「『"“'‘«*_|•·※–—-][\s*_]*)$/u;
/** A question about the status ("Is this document confidential?", เอกสารนี้เป็นความลับหรือไม่): not a declaration. */
const QUESTION_AFTER =
  /^(?:[^.!?。！？\n]{0,80}[?？]|\s?(?:หรือไม่|ไหม|หรือเปล่า|吗|嗎|m[ıiuü](?![\p{L}])|mi\b))/u;

/** What follows an inline marking that makes it a statement about this text. */
const INLINE_TAIL = new RegExp(
  [
    String.raw`^[ \t]*(?:\n|$)`,
    String.raw`^[ \t]*[。.!:|/\-–—★☆)\]】〕・]`,
    '^(?:につき|のため|です|である|とする|とします|扱い(?:とする|です|。|$)|として(?:取り?扱|扱))',
    String.raw`^[,，、]?[ \t]*(?:取扱注意|取り扱い注意|転送禁止|複製禁止|社外持ち?出し?禁止|严禁|嚴禁|请勿|請勿|不得|禁止|注意保密|ห้าม|do\s+not|DO\s+NOT)`,
    String.raw`^\s?(?:자료|문서|정보)?(?:입니다|임(?![\p{L}])|이며|이므로|이니)`,
    // A title: the marking and a document noun closing the line (社外秘資料, 대외비 문서, 绝密文件).
    String.raw`^\s?(?:資料|文書|書類|资料|文件|文檔|文档|자료|문서|เอกสาร)[ \t。.]*(?:\n|$)`,
  ].join('|'),
  'u',
);
const CJK_WORD = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Words before a marking that make the sentence about the marking: "documents marked CONFIDENTIAL". */
const MENTION_CUES = [
  // A verb of marking, a few words, then "as": "Mark documents as CONFIDENTIAL", "etiquete el documento como".
  String.raw`(?<![\p{L}])(?:mark(?:ed|s)?|label(?:l?ed|s)?|stamp(?:ed|s)?|tag(?:ged|s)?|watermark(?:ed)?|etiquet\p{L}*|marqu[ée]\p{L}*|marcad\p{L}*|kennzeichn\p{L}*|markiert|gestempelt|contrassegn\p{L}*|etichett\p{L}*|oznacz\p{L}*|işaretle\p{L}*|etiketle\p{L}*|помеч\p{L}*|помет\p{L}*|маркир\p{L}*|отмеч\p{L}*|gắn\s+nhãn|(?:di)?tandai|markeer\p{L}*|gemarkeerd)(?:\s+[\p{L}'’]+){0,3}?(?:\s+(?:as|como|comme|als|come|jako|olarak|как|là|sebagai))?`,
  String.raw`such\s+as|e\.g\.|called|the\s+(?:word|label|marking|stamp)|mit\s+(?:dem\s+)?(?:Vermerk|Kennzeichnung)|с\s+грифом|грифом|пометкой|بعلامة|מסומנ?\S*|đánh\s+dấu|bertanda|berlabel|标有|标注|標示|標註|注明|带有|ป้าย|คำว่า|ระบุว่า`,
];
const MENTION_BEFORE = new RegExp(
  String.raw`(?:${MENTION_CUES.join('|')}|例如|例えば|比如|예를\s?들어|เช่น|注明|标注|標註|表記)\s*[:"'“‘«„「『【\[]?\s*$`,
  'iu',
);
/** Words after a marking that make the sentence about it: 「社外秘」と表示された, 대외비라고 표시된. */
const MENTION_AFTER =
  /^\s*[」』"”’»\]】〕]?\s*(?:を(?:付け|つけ|記載|明記|入れ)|に該当|に当たる|(?:级|級)以上|를|을|(?:이|가)\s?(?:붙|필요)|ห้ามทิ้ง|ต้องทำลาย|をシュレッダー|は施錠|は廃棄|的(?:文件|资料|資料)?(?:须|須|应|應|要)?(?:销毁|粉碎|銷毀)|파쇄|폐기|と(?:表示|記載|書|明記|いう|いった|押印)|という|の(?:表示|ラベル|区分|スタンプ|印|指定)|(?:이)?라(?:고|는)|(?:으)?로\s*(?:표시|분류)|字样|字樣|标识|標識|标记|標記|等|ที่|labels?|markings?|stamps?|watermarks?|tags?|Vermerk|Stempel|étiquette|mention|etiqueta|sello|dicitura|stempel|pieczątk|damga|гриф|штамп)/iu;
/** A marking quoted as a word: “CONFIDENTIAL”, 「社外秘」, «Для служебного пользования». */
const QUOTE_BEFORE = /["'“‘«„「『]\s*$/u;
const QUOTE_AFTER = /^\s*(?:\.{3}|…)?["'”’»」』“]/u;

/** Confidentiality markings in the answer languages, as documents carry them. */
export function createMarkingScanner(): Scanner {
  return {
    name: 'markings',
    scan(text) {
      const found: RawFinding[] = [];
      const markingWord = ANY_MARKING_WORD.test(text);
      const star = /[★☆]/.test(text);
      const markedAfter = MARKED_AFTER_TEST.test(text);
      PATTERNS.forEach((pattern, index) => {
        if (!markingWord && index !== DECLARATION && index !== BAN) return;
        if (index === STAR && !star) return; // the pattern starts with a long alternation: costly to run for nothing
        if (index === MARKED_BEFORE_VERB && !markedAfter) return; // likewise
        for (const m of text.matchAll(pattern)) {
          let word = m.groups?.word ?? m[1]!;
          let index0 = m.index;
          if (index === BAN) {
            MARKING_BEFORE_BAN.lastIndex = m.index;
            const marking = MARKING_BEFORE_BAN.exec(text);
            if (marking) {
              index0 = m.index - marking[2]!.length - marking[1]!.length;
              word = text.slice(index0, m.index + word.length);
            } else {
              const end = banAloneEnd(text, m.index, m.index + word.length);
              if (end < 0) continue;
              const finding: RawFinding = { type: 'marking', start: m.index, end };
              if (!found.some((f) => overlaps(f, finding))) found.push(finding);
              continue;
            }
          }
          // A line opened by a word and a space is a sentence ("Confidential information must...",
          // 기밀 정보 취급...), unless the script puts no spaces between words (社外秘　給与テーブル).
          const start = index === BAN ? index0 : m.index + m[0].indexOf(word);
          const end = start + word.length;
          const separator = m[0].slice(end - m.index);
          if ((index === DECLARATION || index === BAN) && !opensSentence(text, start, word)) continue;
          if (index === DECLARATION && QUESTION_AFTER.test(text.slice(end, end + 96))) continue;
          if (index === DECLARATION && ONLY_IF.test(text.slice(end, end + 40))) continue;
          // A declaration in quotes is quoted, not made: 'The text "This e-mail is confidential..." has no legal force'.
          if (index === DECLARATION && QUOTE_BEFORE.test(text.slice(Math.max(0, start - 3), start))) continue;
          if (index === LINE_START && !UNSPACED.test(word) && /^[*_]*\s+$/.test(separator)) continue;
          if (
            index === LINE_ALONE &&
            !STRONG_WORD.test(word) &&
            !weakAlone(text, m.index, m.index + m[0].length, word)
          )
            continue;
          const after = text.slice(end, end + 16);
          if (index === LABELLED && m.groups?.part !== undefined && !FIELD_END.test(text.slice(end, end + 4)))
            continue;
          if (index === QUOTED) {
            if (!quotedOnPart(text, m.index)) continue;
            if (THAI.test(word) && !thaiMarking(text, start, end, index)) continue;
            const finding: RawFinding = { type: 'marking', start, end };
            if (!found.some((f) => overlaps(f, finding))) found.push(finding);
            continue;
          }
          if (index === INLINE && !inlineTail(word, after)) continue;
          // The separator must follow text on the same line: "- Confidential" alone is a bullet.
          if (index === LINE_END && !/\S[ \t]*$/.test(text.slice(lineStartOf(text, m.index), m.index)))
            continue;
          if (index === MARKED || index === MARKED_BEFORE_VERB) {
            if (
              index === MARKED_BEFORE_VERB &&
              LATIN_WORD.test(word) &&
              /[\p{L}\p{N}]$/u.test(text.slice(0, start))
            )
              continue;
            if (!aboutOneDocument(text, index === MARKED ? m.index : start)) continue;
            // German puts the participle last: only "ist als … gekennzeichnet" states it, "die als … gekennzeichnet sind" qualifies.
            if (
              GERMAN_PARTICIPLE.test(after) &&
              !/(?:ist|wurde|war)\s+als\s*["„“»]?\s*$/iu.test(text.slice(Math.max(0, start - 24), start))
            )
              continue;
          } else if (index !== LABELLED && mentioned(text.slice(Math.max(0, start - 48), start), after))
            continue;
          if (THAI.test(word) && !thaiMarking(text, start, end, index)) continue;
          if (listOfLevels(text, start, end) || DEFINED_AFTER.test(text.slice(end, end + 16))) continue;
          const finding: RawFinding = { type: 'marking', start, end };
          if (!found.some((f) => overlaps(f, finding))) found.push(finding);
        }
      });
      const extra = [
        ...(markingWord ? [...bracketedCompounds(text), ...internalDocumentLines(text)] : []),
        ...distributionLists(text),
        ...abbreviatedMarkings(text),
        ...stamps(text),
      ];
      for (const declaration of [...findSelfDeclarations(text), ...extra]) {
        if (!found.some((f) => overlaps(f, declaration))) found.push(declaration);
      }
      return joinAdjacent(
        text,
        found.filter((f) => !quotedInInstruction(text, f)).sort((a, b) => a.start - b.start),
      );
    },
  };
}

const MARKED_AFTER_TEST = new RegExp(MARKED_AFTER, 'iu');
const STRONG_WORD = new RegExp(`^(?:${STRONG_ANY})$`, 'iu');
/** What closes a field after a marking labelled by a document part: "(header: Internal)", "Footer: Confidential." */
const FIELD_END = /^\s*(?:$|[\n)\]】,;|]|[.。](?:\s|$))/u;
const PART_BEFORE = new RegExp(`(?:${PARTS})`, 'iu');
const GENERIC_OR_RULE = new RegExp(`${GENERIC_SUBJECT}|${RULE_WORDS}`, 'iu');
const NOT_FRAME = new RegExp(`[^${FRAME}]`, 'u');

/**
 * A weak marking (Restricted, INTERN, Geheim, 密) alone on its line is a marking where it cannot be
 * a heading: framed ("— Restricted —", ■INTERN■), in capitals, in a script without spaces, or on
 * the first or last line of the text (a stamp above or below it).
 */
function weakAlone(text: string, lineStart: number, lineEnd: number, word: string): boolean {
  const line = text.slice(lineStart, lineEnd);
  const at = line.indexOf(word);
  const framed = (part: string) => /\S/.test(part) && !NOT_FRAME.test(part);
  if (framed(line.slice(0, at)) && framed(line.slice(at + word.length))) return true;
  if (word === word.toUpperCase() && /\p{Lu}/u.test(word)) return true;
  if (UNSPACED.test(word)) return true;
  return !/\S/.test(text.slice(0, lineStart)) || !/\S/.test(text.slice(lineEnd));
}

/** A marking defined rather than applied: "Коммерческая тайна — это цены…", "Confidential means …". */
const DEFINED_AFTER =
  /^\s+(?:—\s+)?(?:это|означает|means|refers\s+to|désigne|significa|bedeutet|betekent|oznacza|demek|تعني|פירושו|nghĩa\s+là|adalah|berarti|とは|是指|指的是|란|이란|คือ)(?![\p{L}])/iu;

/** After a ban of its own: nothing, a separator, or where the text may not go (after a second verb: "copy or distribute outside"). */
const BAN_TAIL =
  /^(?:\s*$|\s*[.,;:!—–。！、，]|(?:\s+(?:or|oder|ou|o|of|lub|veya|или|أو|או|hoặc|atau)\s+\p{L}+)?\s+(?:מחוץ|خارج|برا|tanpa\s+izin|without\s+(?:permission|approval)|sans\s+autorisation|ohne\s+(?:Genehmigung|Zustimmung)|sin\s+autorización|senza\s+autorizzazione|bez\s+zgody|izinsiz|без\s+разрешения|بدون\s+إذن|ללא\s+אישור|(?:ra\s+)?ngoài|(?:ke|di)\s+luar|dışına|outside|beyond|buiten|poza|fuera|al\s+di\s+fuori|fora|за\s+пределами|an\s+Dritte|à\s+des\s+tiers|a\s+terceros|a\s+terzi|aan\s+derden|osobom\s+trzecim|üçüncü|третьим|dalej|verder|further|(?:it|this|them|ce\s+document|este\s+documento|questo\s+documento|dieses\s+Dokument)(?![\p{L}])))/iu;

/**
 * A distribution ban standing alone on its line or in brackets ("KHÔNG PHỔ BIẾN RA NGOÀI",
 * [사외 유출 금지], **محظور النشر**) is the marking itself; one with an object is a sentence
 * ("Do not share your password").
 */
function banAloneEnd(text: string, start: number, end: number): number {
  const lineStart = lineStartOf(text, start);
  const lineEnd = text.indexOf('\n', end);
  const tail = OUTSIDE_TAIL.exec(text.slice(end, lineEnd === -1 ? text.length : lineEnd));
  if (!NOT_FRAME.test(text.slice(lineStart, start)) && tail) return end + tail[1]!.length;
  // A ban opening a sentence of its own ("Niet verspreiden buiten het MT.", "Do not forward — …")
  // is this text's instruction, unless the sentence states a rule or a condition.
  const rest = text.slice(end, end + 160);
  const stop = rest.search(/[。！？\n]|[.!?](?=\s|$)/u);
  const sentence = text.slice(start, end + (stop === -1 ? rest.length : stop));
  const before = text.slice(Math.max(lineStart, start - 200), start);
  const sentenceStart = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), -1);
  const opening = before.slice(sentenceStart + 1);
  // A ban that already says "outside" ("niet verspreiden buiten …", "jgn diforward ke luar divisi")
  // names where the text may not go; it may follow a request of its own after a comma or a "but"
  // ("tolong dicek ya, tapi jgn diforward ke luar divisi").
  const outside = OUTSIDE_END.test(text.slice(start, end));
  const afterRequest = outside && AFTER_REQUEST.test(opening);
  if (
    GENERIC_OR_RULE.test(sentence) ||
    GENERIC_OR_RULE.test(opening) ||
    (!afterRequest && /\p{L}{3,}\s+\p{L}/u.test(opening.trim()))
  )
    return -1;
  // What follows names where it may not go, or nothing: not an object of its own ("Do not share your password").
  if (outside) return end;
  return BAN_TAIL.test(text.slice(end, end + 40)) ? end : -1;
}
const OUTSIDE_END =
  /(?:outside|buiten|poza|fuera|fora|al\s+di\s+fuori|за\s+пределами|מחוץ|خارج|برا|برة|luar|ngoài)$/iu;
/** A request before a ban: a comma, or "but" in the answer languages. */
const AFTER_REQUEST =
  /(?:[,，、]\s*|\s)(?:but|aber|mais|pero|ma|mas|maar|ale|ama|но|لكن|بس|אבל|tapi|tetapi|nhưng)\s+$|[,，、]\s*$/iu;
/** What may follow a ban alone on its line: a frame, or a word saying "outside" (ra ngoài, poza firmę, 外部). */
const OUTSIDE_TAIL = new RegExp(
  String.raw`^(\s*(?:(?:ra\s+(?:bên\s+)?ngoài|outside(?:\s+the\s+(?:company|organi[sz]ation|team))?|externally|à\s+l['’]extérieur|extern\p{L}*|poza\s+\p{L}+|dışarı(?:ya)?|наружу|ke\s+luar|外部|社外|밖으로|ภายนอก)(?![\p{L}]))?)[${FRAME}.!:]*$`,
  'iu',
);

/**
 * Is a quoted marking what a named part of one document carries ("The cover page says «CONFIDENTIAL»",
 * 資料の冒頭には「厳秘」と記載, หัวกระดาษของไฟล์แนบเขียนว่า "ลับมาก")? Not in a rule or a condition
 * ("If the header says 'Confidential'…", "The cover page must say 'Internal'").
 */
function quotedOnPart(text: string, quoteAt: number): boolean {
  const before = text.slice(Math.max(0, quoteAt - MAX_SUBJECT), quoteAt);
  const sentence = before.slice(before.search(/[^.!?。！？\n]*$/u));
  const after = text.slice(quoteAt, quoteAt + MAX_SUBJECT);
  const rest = after.slice(0, after.search(/[.!?。！？\n]|$/u));
  return PART_BEFORE.test(sentence) && !GENERIC_OR_RULE.test(sentence) && !GENERIC_OR_RULE.test(rest);
}
const LATIN_WORD = /^[\p{Script=Latin}\p{Script=Cyrillic}]/u;
const SPECIFIC = new RegExp(SPECIFIC_SUBJECT, 'iu');
const GENERIC = new RegExp(GENERIC_SUBJECT, 'iu');
const MAX_SUBJECT = 100;
const GERMAN_PARTICIPLE = /^["'”’“»]?\s*(?:gekennzeichnet|eingestuft|klassifiziert|gestempelt)/u;

/**
 * Is the sentence before a "marked" phrase about one document ("The attached deck is marked…",
 * この資料には「社外秘」と記載…) rather than a class of them or a condition ("Any document that is
 * marked…", "If the file is labelled…", 标有机密字样的文件…)?
 */
function aboutOneDocument(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - MAX_SUBJECT), at);
  const sentence = before.slice(before.search(/[^.!?。！？\n]*$/u));
  return SPECIFIC.test(sentence) && !GENERIC.test(sentence);
}

const THAI = /\p{Script=Thai}/u;
const THAI_WORDS = new Intl.Segmenter('th', { granularity: 'word' });
/** What may stand between the start of a line and a Thai marking that opens it: markup, brackets, quotes. */
const THAI_LINE_OPENING = /^[\s#>*_|•·※\-[【(「"“'‘]*$/u;

/**
 * A Thai marking is its own word (ลับ, never the end of กลับ or the start of ลับหลัง), and an inline
 * ลับ (เอกสารลับ, ลับมาก) opens its line (เอกสารลับ ห้ามเผยแพร่), since Thai writes the same words as
 * the subject of a rule in a sentence (…ห้ามส่งเอกสารลับทางอีเมล).
 */
function thaiMarking(text: string, start: number, end: number, pattern: number): boolean {
  const from = Math.max(0, start - 24);
  const boundaries = new Set<number>();
  for (const s of THAI_WORDS.segment(text.slice(from, Math.min(text.length, end + 24))))
    boundaries.add(from + s.index).add(from + s.index + s.segment.length);
  if (!boundaries.has(start) || !boundaries.has(end)) return false;
  if (pattern !== INLINE || !text.slice(start, end).includes('ลับ')) return true;
  return THAI_LINE_OPENING.test(text.slice(lineStartOf(text, start), start));
}

/** Markings written together are one marking: "内部资料 严禁外传", "Company Confidential – do not distribute". */
function joinAdjacent(text: string, sorted: readonly RawFinding[]): RawFinding[] {
  const joined: RawFinding[] = [];
  for (const f of sorted) {
    const last = joined[joined.length - 1];
    if (last && /^[\s,，、・:|/–—-]{0,3}$/u.test(text.slice(last.end, f.start))) {
      joined[joined.length - 1] = { type: 'marking', start: last.start, end: f.end };
    } else joined.push(f);
  }
  return joined;
}

/** Is the inline marking a statement about this text? A space after a Japanese or Chinese word separates a label. */
function inlineTail(word: string, after: string): boolean {
  return INLINE_TAIL.test(after) || (CJK_WORD.test(word) && /^[ \t]+\S/.test(after));
}

const MAX_LIST_LINE = 200;
const PUBLIC_LEVEL = String.raw`public|öffentlich|publique?|p[úu]blico|pubblico|openbaar|publiczne|genel|открыт\p{L}*|عام|ציבורי|công\s+khai|publik|公開|公开|공개|สาธารณะ`;
/** A line that defines a level: "Internal: employees only", "- Confidential – need to know". */
const DEFINITION = new RegExp(String.raw`^[\s#>*_|-]*(?:${ANY}|${PUBLIC_LEVEL})[*_]*\s*[:：–—-]`, 'iu');
const LEVEL = new RegExp(String.raw`(?:${ANY}|${PUBLIC_LEVEL})`, 'giu');
const PUBLIC_DEFINITION = new RegExp(String.raw`^[\s#>*_|-]*(?:${PUBLIC_LEVEL})[*_]*\s*[:：–—-]`, 'iu');
const BULLET = /^\s*(?:[-*•]\s|・|\d+[.)]\s)/u;

/**
 * A list of classification levels ("Public | Internal | Confidential", or one level per bullet)
 * describes a scheme; it marks nothing.
 */
function listOfLevels(text: string, start: number, end: number): boolean {
  const lineStart = lineStartOf(text, start);
  const lineEnd = text.indexOf('\n', end);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  // Such a list is a short line; a long one is prose (and scanning it for every match would be quadratic).
  if (line.length > MAX_LIST_LINE) return false;
  if ((line.match(LEVEL)?.length ?? 0) >= 3 && /^[\s|/,、・:;–—-]*$/u.test(line.replace(LEVEL, '')))
    return true;
  if (DEFINITION.test(line) && definitionNeighbours(text, lineStart, lineEnd)) return true;
  if (!BULLET.test(line)) return false;
  const previous = text
    .slice(text.lastIndexOf('\n', lineStart - 2) + 1, Math.max(0, lineStart - 1))
    .slice(0, MAX_LIST_LINE);
  const next =
    lineEnd === -1
      ? ''
      : text
          .slice(lineEnd + 1, (text.indexOf('\n', lineEnd + 1) + 1 || text.length + 1) - 1)
          .slice(0, MAX_LIST_LINE);
  return [previous, next].some((l) => BULLET.test(l) && (l.match(LEVEL)?.length ?? 0) >= 1);
}

/** Does the phrase open a sentence, a line or a label? ("If this document is confidential…" does not.) */
function opensSentence(text: string, start: number, phrase: string): boolean {
  const lineStart = lineStartOf(text, start);
  const before = text.slice(Math.max(lineStart, start - 24), start);
  if (SENTENCE_BREAK.test(before) && (lineStart >= start - 24 || /\S/.test(before))) return true;
  // Thai, Chinese and Japanese sentences follow one another with a space or nothing at all.
  return UNSPACED.test(phrase) && (before === '' || /\s$/.test(before) || !/[\p{L}\p{N}]$/u.test(before));
}

/**
 * Is the definition line one of a scheme's definitions ("Internal: employees only." next to
 * "Confidential: need to know.")? Three definitions in a row, or two when one is the public level.
 */
function definitionNeighbours(text: string, lineStart: number, lineEnd: number): boolean {
  const around: string[] = [];
  for (let from = lineStart, n = 0; from > 0 && n < 2; n++) {
    const start = text.lastIndexOf('\n', from - 2) + 1;
    const line = text.slice(start, from - 1).slice(0, MAX_LIST_LINE);
    if (!DEFINITION.test(line)) break;
    around.push(line);
    from = start;
  }
  for (let to = lineEnd, n = 0; to !== -1 && n < 2; n++) {
    const end = text.indexOf('\n', to + 1);
    const line = text.slice(to + 1, end === -1 ? text.length : end).slice(0, MAX_LIST_LINE);
    if (!DEFINITION.test(line)) break;
    around.push(line);
    to = end;
  }
  return around.length >= 2 || around.some((l) => PUBLIC_DEFINITION.test(l));
}

function lineStartOf(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

/** Is the marking the subject of the sentence rather than its label? */
function mentioned(before: string, after: string): boolean {
  if (QUOTE_BEFORE.test(before) && QUOTE_AFTER.test(after)) return true;
  return MENTION_BEFORE.test(before) || MENTION_AFTER.test(after);
}
