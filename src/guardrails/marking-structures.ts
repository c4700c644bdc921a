import { ANY_MARKING, DISTRIBUTION_BANS, DOCUMENT_PART, RULE_WORDS, tolerant } from './marking-words.js';
import type { RawFinding } from './scanner.js';

/*
 * Markings as documents lay them out rather than as words: bracketed compound labels, a line that
 * calls the text an internal document, a distribution list that restricts its readers; and the
 * test that tells a quoted marking in an instruction ("write \"RAHASIA\" in the header") from one
 * a document carries. Used by marking-scanner.ts.
 */

const ANY = ANY_MARKING;
const PARTS = DOCUMENT_PART;
const PART_BEFORE = new RegExp(`(?:${PARTS})`, 'iu');

/**
 * A bracketed label of marking words joined by dashes or slashes: [INTERNAL – TERBATAS],
 * [سري – للتداول الداخلي], [חסוי – פנימי], [NỘI BỘ – MẬT], and the CJK compounds 【内部机密】, 【社内限り・秘】.
 */
const BRACKETED = /[[【〔(]([^\]】〕)\n]{2,48})[\]】〕)]/gu;
const EXACT_MARKING = new RegExp(`^(?:${ANY})$`, 'iu');
const QUALIFIER =
  /^(?:[CLS][1-5]|level\s+[1-5]|hạn\s+chế|restrito|restringido|ristretto|eingeschränkt|beperkt|ograniczony|kısıtlı|ограниченн\p{L}*|\p{L}[\p{L}\s]{0,30}\s(?:only|uniquement|solo|solamente|apenas|nur|alleen|wyłącznie|sadece|только|فقط|בלבד)|(?:only|nur|solo|apenas|seulement|فقط)\s[\p{L}\s]{1,30}|internal|internal\s+only|interne?|interno|intern[ae]?|only|company|terbatas|restricted|limited|ograniczon\p{L}*|eingeschränkt|limitado|limitée?|riservato|للتداول\s+الداخلي|داخلي|للاستخدام\s+الداخلي|פנימי|לשימוש\s+פנימי|nội\s+bộ|dahili|şirket\s+içi|внутренн\p{L}*|для\s+внутреннего\s+пользования|内部|內部|社内|公司|社外|限定|대내|사내|ภายใน)$/iu;
const CJK_COMPOUND = new RegExp(
  `^(?:内部|內部|公司|社内|社外|公司内部|公司內部)(?:${ANY})$|^(?:${ANY})(?:资料|資料|文件|文書|情報|信息|資訊)$`,
  'iu',
);

/**
 * Abbreviated markings in a title's brackets or between a footer's separators: (pers. vertr.),
 * (confi RRHH), (riserv. HR), (HR eyes only), "Grupo Atlântico · Confid. – Não divulgar · v2", "· Pouf. ·".
 */
const ABBREVIATED =
  /(?<=[([【]\s?|[·|]\s)((?:pers\.\s*)?(?:confid\.?|confi|conf\.|vertr\.|pouf\.|giz\.|конф\.|riserv\.|reserv\.|restr\.|eyes\s+only)(?:\s+(?:HR|RH|RRHH|HR\s+eyes\s+only|Personal|pers\.))?|(?:HR|RH|RRHH)\s+(?:eyes\s+only|only|riserv\.|confi)|(?:confidential|confidentiel|confidencial|vertraulich|riservato)\s+(?:HR|RH|RRHH))(?=\s?[)\]】]|\s[·|–—-]|\s*$)/giu;

export function abbreviatedMarkings(text: string): RawFinding[] {
  return [...text.matchAll(ABBREVIATED)].map((m) => ({
    type: 'marking' as const,
    start: m.index,
    end: m.index + m[0].length,
  }));
}

export function bracketedCompounds(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  for (const m of text.matchAll(BRACKETED)) {
    const content = m[1]!.trim();
    const pieces = content.split(/\s*[–—\-/|·・,、]\s*/u).filter((p) => p !== '');
    const compound =
      pieces.length >= 2
        ? pieces.some((p) => EXACT_MARKING.test(p)) &&
          pieces.every((p) => EXACT_MARKING.test(p) || QUALIFIER.test(p))
        : CJK_COMPOUND.test(content);
    if (!compound) continue;
    const start = m.index + 1 + m[1]!.indexOf(content);
    found.push({ type: 'marking', start, end: start + content.length });
  }
  return found;
}

/**
 * A line that calls the text an internal document, alone or with a ban: *Document à usage interne
 * uniquement*, _Documento ad uso interno – non divulgare_, Şirket içi belgedir – dağıtılamaz.
 */
const INTERNAL_DOCUMENT_LINE = new RegExp(
  String.raw`^[ \t#>*_|•·※-]{0,8}((?:(?:Internal|Interne[sn]?|Intern)\s+(?:document|Dokument|Unterlage|memo)|Document\s+interne|Documento\s+(?:interno|reservado|riservato)|Dokument\s+wewnętrzny|Внутренний\s+документ|İç\s+belge|Şirket\s+içi\s+belge\p{L}*|(?:Document|Documento|Dokument|Belge|Документ)\s+(?:à\s+usage|de\s+uso|ad\s+uso|para\s+uso|per\s+uso|voor\s+intern|do\s+użytku|für\s+den\s+internen|для\s+внутреннего)\s*(?:interne?|interno|wewnętrznego|gebruik|Gebrauch|использования)?(?:\s+(?:uniquement|exclusivo|esclusivo|only|wyłącznie))?)(?:[\s.,;:–—-]+(?:${DISTRIBUTION_BANS.join('|')}))?)[ \t.!*_]{0,8}$`,
  'gimu',
);

export function internalDocumentLines(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  for (const m of text.matchAll(INTERNAL_DOCUMENT_LINE)) {
    const start = m.index + m[0].indexOf(m[1]!);
    found.push({ type: 'marking', start, end: start + m[1]!.length });
  }
  return found;
}

/**
 * A stamp: a marking after a stamp or seal label ("[Stempel] VERTRAULICH", ［スタンプ］㊙,
 * [도장] 秘, חותמת: סודי, ختم: محظور التداول, [ตราประทับ] ลับมาก), or a stamp line without one —
 * a marking in capitals or a CJK character, a department and a date (密 人事處 2026.12.02 發).
 */
const STAMP_LABEL = String.raw`(?:(?<![\p{L}])(?:stamp|rubber\s+stamp|seal|Stempel|tampon|cachet|sello|timbro|carimbo|stempel|pieczęć|pieczątka|kaşe|mühür|damga|штамп|печать|ختم|الختم|חותמת|con\s+dấu|dấu|cap)(?![\p{L}])|スタンプ|印影|押印|印章|盖章|蓋章|도장|직인|스탬프|ตราประทับ|ตรายาง)`;
const STAMPED = new RegExp(
  String.raw`^[ \t>*_#-]{0,8}[\[［【(（]?[ \t]{0,2}${STAMP_LABEL}[ \t]{0,2}[\]］】)）]?[ \t]{0,2}[:：]?[ \t]{0,3}[\[【「"“«]?(㊙|${ANY}|${DISTRIBUTION_BANS.map(tolerant).join('|')})(?![\p{L}\p{N}])`,
  'gimu',
);
const STAMP_LINE = new RegExp(
  String.raw`^[ \t>*_#-]{0,8}[\[【(（■]?(㊙|${ANY})[\]】)）■]?[ \t]+[^\n\d]{1,30}[ \t]\d{2,4}[./-]\d{1,2}[./-]\d{1,2}[^\n\d]{0,4}$`,
  'gmu',
);
const UPPER_OR_UNSPACED = /^(?:[\p{Script=Han}\p{Script=Hangul}\p{Script=Thai}㊙]+|[^\p{Ll}]+)$/u;

export function stamps(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  for (const m of text.matchAll(STAMPED)) {
    const start = m.index + m[0].length - m[1]!.length;
    // "Stempel: Intern geprüft", "Seal: internal audit passed": a word of a sentence, not the stamp.
    if (/^\p{Script=Latin}/u.test(m[1]!) && /^[ \t]+\p{Ll}/u.test(text.slice(start + m[1]!.length))) continue;
    found.push({ type: 'marking', start, end: start + m[1]!.length });
  }
  for (const m of text.matchAll(STAMP_LINE)) {
    if (!UPPER_OR_UNSPACED.test(m[1]!)) continue;
    const start = m.index + m[0].indexOf(m[1]!);
    found.push({ type: 'marking', start, end: start + m[1]!.length });
  }
  return found;
}

/**
 * A distribution list that restricts who reads the text: "Verteiler: nur GL", "Rozdzielnik:
 * wyłącznie członkowie komisji", "Distribution: board members only", 配布先：役員のみ.
 */
const DISTRIBUTION_LIST =
  /(?:^|\n|[.;][ \t])[ \t*_>#-]{0,8}((?:Verteiler|Rozdzielnik|Distribution(?:\s+list)?|Diffusion|Distribución|Distribuzione|Distribuição|Verzendlijst|Dağıtım(?:\s+listesi)?|Рассылка|Список\s+рассылки|配布先|分发范围|分發範圍|배포\s?대상|รายชื่อผู้รับ|Phân\s+phối|Distribusi)[ \t]{0,8}[:：][ \t]{0,8}(?![ \t]{0,8}(?:all|every\p{L}*|alle|todos|tous|tutti|wszyscy|tüm|все)(?![\p{L}]))(?:(?:nur|wyłącznie|only|uniquement|seulement|solo|solamente|esclusivamente|apenas|exclusivamente|alleen|uitsluitend|sadece|yalnızca|только|исключительно|chỉ|hanya)\s[^\n.;]{2,60}|[^\n.;]{2,60}\s(?:only|uniquement|seulement|solo|apenas|alleen|sadece|только)(?![\p{L}])|[^\n。]{1,30}(?:のみ|限り|仅限|僅限|만|เท่านั้น)))/giu;

export function distributionLists(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  for (const m of text.matchAll(DISTRIBUTION_LIST)) {
    const start = m.index + m[0].length - m[1]!.length;
    found.push({ type: 'marking', start, end: start + m[1]!.length });
  }
  return found;
}

/**
 * A marking in quotes or brackets inside an instruction or a list of levels is talked about, not
 * applied: 'write "RAHASIA" in the header', 「社外秘」と付けるかどうか, 删掉页脚里的"内部资料"字样,
 * 'the options are "Public", "Internal use" and "Confidential"'.
 */
const EVERY_OR_RULE = new RegExp(
  String.raw`${RULE_WORDS}|(?<![\p{L}])(?:every|each|all|todas?|todos|cada|tous|toutes|chaque|jede[nrs]?|alle|ogni|tutte|elke|każd\p{L}*|her|tüm|кажд\p{L}*|все|setiap|semua|mỗi|mọi|כל|كل)(?![\p{L}])|每|毎|모든|ทุก`,
  'iu',
);
const WRAP_BEFORE = /["'“‘«„「『【[]\s*$/u;
const WRAP_AFTER = /^\s*["'”’»」』】\]“]/u;
const INSTRUCTION =
  /(?<![\p{L}])(?:write|add|put|insert|use|choose|pick|select|type|label|mark|remove|delete|options?|schreib\p{L}*|hinzufüg\p{L}*|füg\p{L}*|wähl\p{L}*|entfern\p{L}*|ajout\p{L}*|écri\p{L}*|choisi\p{L}*|supprim\p{L}*|añad\p{L}*|escrib\p{L}*|eleg\p{L}*|quit\p{L}*|aggiung\p{L}*|scriv\p{L}*|scegli\p{L}*|rimuov\p{L}*|adicion\p{L}*|escrev\p{L}*|escolh\p{L}*|remov\p{L}*|insira|voeg\p{L}*|schrijf|kies|verwijder\p{L}*|dodaj\p{L}*|napisz|wybierz|usuń|ekle\p{L}*|yaz\p{L}*|seç\p{L}*|kaldır\p{L}*|добав\p{L}*|напиш\p{L}*|выбер\p{L}*|удал\p{L}*|ghi|thêm|chọn|xóa|tulis|tambahkan|pilih|hapus|أضف|اكتب|اختر|احذف|מוסיפים|הוסיפו|כתבו|בחרו|מחקו|סווג\p{L}*)(?![\p{L}])|付け|付ける|入れ|書い|書く|選べ|削除|写上|加上|标注|標註|删掉|刪掉|删除|刪除|去掉|选择|選擇|붙이|쓰|추가|선택|삭제|ใส่|เขียน|เลือก|ลบ/iu;

/** Verbs that put a marking on a part of a document or take it off, in the answer languages. */
const PUT_OR_REMOVE =
  /(?<![\p{L}])(?:add|insert|put|remove|delete|apply|ajout\p{L}*|insér\p{L}*|supprim\p{L}*|añad\p{L}*|insert\p{L}*|quit\p{L}*|elimin\p{L}*|aggiung\p{L}*|inserisc\p{L}*|rimuov\p{L}*|adicion\p{L}*|insira|inserir|remov\p{L}*|hinzufüg\p{L}*|einfüg\p{L}*|entfern\p{L}*|lösch\p{L}*|voeg\p{L}*|verwijder\p{L}*|dodaj\p{L}*|wstaw\p{L}*|usuń|ekle\p{L}*|kaldır\p{L}*|sil(?![\p{L}])|добав\p{L}*|встав\p{L}*|удал\p{L}*|thêm|xóa|gỡ|tambahkan|sisipkan|hapus|أضف|ضع|احذف|أزل|הוסיפו|הוסף|מחקו|הסירו)(?![\p{L}])|删掉|刪掉|删除|刪除|去掉|加上|添加|付け|外し|削除|붙이|추가|삭제|제거|ใส่|เพิ่ม|ลบ|เอาออก/iu;
/** A choice between markings or whether to use one: "«Interno» o basta…", 还是, 要不要, 是否. */
const CHOICE =
  /(?<![\p{L}])(?:or|whether|ou|oder|lub|veya|или|أو|או|hoặc|atau)(?![\p{L}])|还是|還是|要不要|是否|かどうか|か否か|할지|ไหม|หรือ/iu;

/** A marking offered as one of a choice: "【内部】还是【机密】", "要不要加【機密】", "«Interno» o basta…". */
const CHOICE_BEFORE =
  /(?:还是|還是|要不要加?|是否加?|(?<![\p{L}])(?:or|ou|oder|o|lub|или|أو|או|hoặc|atau))\s*["'“«„「『【[]\s*$/iu;
const CHOICE_AFTER =
  /^\s*["'”’»」』】\]“]\s*(?:还是|還是|(?:or|ou|oder|o|lub|или|أو|או|hoặc|atau)(?![\p{L}]))/iu;

export function quotedInInstruction(text: string, f: RawFinding): boolean {
  if (
    !WRAP_BEFORE.test(text.slice(Math.max(0, f.start - 2), f.start)) ||
    !WRAP_AFTER.test(text.slice(f.end, f.end + 2))
  )
    return false;
  if (
    CHOICE_BEFORE.test(text.slice(Math.max(0, f.start - 8), f.start)) ||
    CHOICE_AFTER.test(text.slice(f.end, f.end + 8))
  )
    return true;
  const from = Math.max(0, text.lastIndexOf('\n', f.start - 1) + 1, f.start - 160);
  const to =
    text.indexOf('\n', f.end) === -1
      ? Math.min(text.length, f.end + 160)
      : Math.min(text.indexOf('\n', f.end), f.end + 160);
  // The marking's own words are not the instruction ("Internal use only" holds "use").
  const line = text.slice(from, f.start) + text.slice(f.end, to);
  const quotedMarkings = line.match(/["'“«„「『【[][^"'”»」』】\]\n]{2,40}["'”»」』】\]“]/gu)?.length ?? 0;
  // "The cover page says «MẬT»" is one document's marking: after a part of the document a rule or
  // a condition ("every page", "when …"), a verb that puts the marking there or takes it off
  // (insira o rodapé "Uso Interno", 删掉页脚里的"内部资料"), or a choice between markings
  // (标题加【内部】还是【机密】, 要不要加【機密】) makes it talk about the marking.
  if (PART_BEFORE.test(text.slice(Math.max(0, f.start - 48), f.start)))
    return EVERY_OR_RULE.test(line) || PUT_OR_REMOVE.test(line) || CHOICE.test(line) || quotedMarkings >= 2;
  return INSTRUCTION.test(line) || quotedMarkings >= 2;
}
