import type { RawFinding } from './scanner.js';
import { sentenceAround } from './text-window.js';

/*
 * A text that declares its own status in a sentence of any shape: "The information contained in
 * this document is confidential and intended for…", "Les informations contenues dans ce document
 * sont confidentielles", "Bu belgede yer alan bilgiler gizlidir", 本邮件及其附件含有公司保密信息,
 * 본 메일은 …의 비밀정보를 포함하고 있으며, ข้อความในอีเมลฉบับนี้และไฟล์แนบเป็นความลับของบริษัท. The
 * fixed declarations of marking-words.ts want the status right after "this document"; here the
 * sentence only has to name this text (a demonstrative with a document noun, or 本/본/นี้) and,
 * further on, state a confidentiality status: affirmative, not a rule, a condition, a question or
 * an explanation of what the levels mean.
 */

/** This text: a demonstrative and a document noun, in the languages that write words apart. */
const THIS_TEXT_SPACED = String.raw`(?<![\p{L}])(?:(?:this|these|the\s+present|işbu|ce|cette|ces|le\s+présent|la\s+présente|este|esta|estos|estas|el\s+presente|la\s+presente|deste|desta|neste|nesta|destes|nestes|o\s+presente|a\s+presente|questo|questa|questi|queste|quest['’]|il\s+presente|la\s+presente|dies(?:e[mnrs]?)?|de[mnr]\s+vorliegende[mnr]?|dit|deze|ten|ta|tym|tej|tego|tych|niniejsz\p{L}{1,3}|bu|этом|этой|этого|этих|данн\p{L}{2,3}|настоящ\p{L}{2,3}|هذه|هذا)\s+(?:e-?mails?|messages?|mails?|documents?|attachments?|files?|reports?|memos?|presentations?|decks?|courriels?|pièces?\s+jointes?|fichiers?|documentos?|correos?(?:\s+electrónicos?)?|mensa(?:je|gem|ggio)s?|archivos?|adjuntos?|anexos?|arquivos?|ficheiros?|allegat[oi]|messaggi|Dokument(?:e|s|en)?|E-?Mails?|Nachricht(?:en)?|Unterlagen?|Anh(?:ang|ängen?)|bericht(?:en)?|bijlagen?|dokument\p{L}{0,3}|wiadomoś\p{L}{1,3}|załącznik\p{L}{0,3}|belge\p{L}{0,4}|doküman\p{L}{0,4}|e-?posta\p{L}{0,4}|mesaj\p{L}{0,4}|документ\p{L}{0,3}|письм\p{L}{1,3}|сообщени\p{L}{1,3}|вложени\p{L}{1,3}|материал\p{L}{0,3}|الوثيقة|الرسالة|المستند|البريد(?:\s+الإلكتروني)?|المرفقات)|(?:המסמך|מסמך|ההודעה|הודעה|המייל|מייל|הדוא"ל|הקובץ)\s+(?:הזה|הזו|הזאת|זה|זו)|(?:tài\s+liệu|văn\s+bản|email|thư|tin\s+nhắn)\s+này|(?:dokumen|email|surel|pesan|lampiran)\s+ini)(?![\p{L}])`;
/** This text in the languages that write words together. */
const THIS_TEXT_UNSPACED = String.raw`(?<![\p{Script=Han}])(?:本|此|该|該)(?:封)?(?:邮件|郵件|文件|文档|文檔|资料|資料|报告|報告|メール|文書|書類)|(?:この|本)(?:資料|文書|書類|メール|ドキュメント|ファイル)|(?:본|이|당)\s?(?:문서|메일|이메일|자료|보고서)|(?:อีเมล|เอกสาร|ข้อความ(?:ใน(?:อีเมล|เอกสาร))?)(?:ฉบับ)?นี้`;
/** A bare document noun opening a sentence before its status: "Document strictement confidentiel, réservé…". */
const DOCUMENT_OPENING = String.raw`(?<=^|[.!?:;]\s{1,3}|\n[ \t*_#>]{0,8}|[\[(【]\s?)(?:Document|Documento|Dokument|Unterlage|Belge|Документ|Doküman|Materiał|Report|Relatório|Informe|Rapporto|Rapport|Raport|Отч[её]т|Bericht|Protokoll|Protocol|Minutes|Notulen|Protokół|Протокол|Acta|Verbale|Ata)(?=\s+(?:strictly|highly|strictement|estrictamente|strettamente|estritamente|streng|strikt|ściśle|строго|kesinlikle|çok)?\s*(?:confidential|confidentiel|confidencial|riservato|vertraulich|vertrouwelijk|poufny|zastrzeżony|gizli|конфиденциальн|classificado|restricted|restreint|restringido|ristretto|restrito|zastrzeż))`;
const THIS_TEXT = new RegExp(`${THIS_TEXT_SPACED}|${THIS_TEXT_UNSPACED}|${DOCUMENT_OPENING}`, 'giu');

/** A confidentiality status stated of it. */
const STATUS =
  /(?<![\p{L}])(?:(?:intended|reserved|meant)\s+(?:only\s+|solely\s+|exclusively\s+)?for\s+(?:the\s+)?(?:board|management|executive|HR|directors?)|nur\s+für\s+(?:die|den)\s+\p{L}+\s+bestimmt|réservée?\s+(?:au|à\s+la|aux)|reservad[oa]\s+a|destinat[oa]\s+(?:unicamente|esclusivamente|solo)|circulação\s+restrita|circulación\s+restringida|yalnızca\s+[^.\n]{0,60}açıktır|tajemnic\p{L}+\s+przedsiębiorstwa|коммерческ\p{L}+\s+тайн\p{L}+|confidential|proprietary|privileged|internal\s+use\s+only|for\s+internal\s+use|confidentiel\p{L}{0,3}|usage\s+interne|confidencial(?:es)?|confidenciais|sigilos\p{L}{1,2}|uso\s+interno|riservat[oaie]|confidenzial[ei]|vertraulich\p{L}{0,2}|geheim\p{L}{0,2}|internen\s+Gebrauch|vertrouwelijk\p{L}{0,2}|intern\s+gebruik|poufn\p{L}{1,3}|tajn\p{L}{1,3}|gizli\p{L}{0,4}|kişiye\s+özel|hizmete\s+özel|конфиденциальн\p{L}{1,4}|секретн\p{L}{1,4}|служебного\s+пользования|سري\p{L}{0,2}|سرية|للاستخدام\s+الداخلي|סודי\p{L}{0,2}|חסוי\p{L}{0,2}|לשימוש\s+פנימי|bí\s+mật|tuyệt\s+mật|mật(?!\s+khẩu)|nội\s+bộ|rahasia|(?:intended|meant)\s+(?:solely|only|exclusively)\s+for\s+the\s+(?:named\s+)?(?:addressee|recipient)s?|uniquement\s+destinée?s?\s+(?:au|aux)\s+destinataires?|ausschließlich\s+für\s+den\s+(?:Adressaten|Empfänger)|(?:solo|únicamente|exclusivamente)\s+(?:para|al?)\s+(?:el\s+)?destinatario|esclusivamente\s+al\s+destinatario|exclusivamente\s+(?:ao|para\s+o)\s+destinatário|uitsluitend\s+bestemd\s+voor\s+de\s+geadresseerde|przeznaczon\p{L}\s+wyłącznie\s+dla\s+adresata|yalnızca\s+alıcıya\s+yöneliktir|предназначен\p{L}{0,2}\s+(?:только|исключительно)\s+для\s+адресата|chỉ\s+dành\s+cho\s+người\s+nhận|hanya\s+ditujukan\s+kepada\s+penerima|مخصصة\s+فقط\s+للمرسل\s+إليه|מיועד\p{L}{0,2}\s+לנמען\s+בלבד)(?![\p{L}])|仅供收件人|関係者限り|\p{Script=Han}{1,6}内限り|社内限り|限り(?:です|となります|の扱い)|内部文件|內部文件|仅限|僅限|내부용|내부\s?한정|ใช้ภายใน|ภายใน\S{0,24}เท่านั้น|僅供指定收件人|宛先の方のみ|수신자\s?(?:만|외)|机密|機密|保密|秘密|绝密|絕密|内部资料|內部資料|社外秘|極秘|대외비|비밀(?!번호)|기밀|극비|ความลับ|เอกสารลับ/iu;

/** Not a declaration: a negation, a condition, a rule, a question, or text about the levels themselves. */
const NOT_DECLARED =
  /(?<![\p{L}])(?:not|never|no|if|unless|isn['’]t|aren['’]t|whether|should|must|means?|explains?|describes?|defines?|how|what|level|levels|classif\p{L}*|mark(?:ed|ing)?|label\p{L}*|pas|si|doit|doivent|explique|décrit|définit|signifie|niveau\p{L}?|no|si|debe\p{L}*|explica|describe|define|significa|nivel\p{L}*|non|deve\p{L}*|spiega|descrive|definisce|livell\p{L}|não|nem|nicht|kein\p{L}*|wenn|falls|muss|müssen|sollte?n?|erklärt|beschreibt|definiert|bedeutet|Stufe\p{L}?|niet|geen|als|moet\p{L}*|legt|beschrijft|betekent|nie|jeśli|jeżeli|musi|należy|wyjaśnia|opisuje|oznacza|poziom\p{L}*|değil\p{L}*|m[iıuü]|eğer|ise|açıkla\p{L}*|tanımla\p{L}*|seviye\p{L}*|не|если|должн\p{L}*|объясня\p{L}*|описыва\p{L}*|означа\p{L}*|уров\p{L}*|لا|ليس\p{L}?|إذا|يجب|يشرح|يوضح|مستوى\p{L}*|לא|אינ\p{L}{1,2}|אם|צריך|מסביר|מתאר|רמ\p{L}{1,2}|không|nếu|phải|không\s+phải|giải\s+thích|mô\s+tả|cấp\s+độ|tidak|bukan|jika|harus|menjelaskan|tingkat)(?![\p{L}])|[?？]|吗|嗎|不是|并非|並非|如果|若|必须|必須|应|應|说明|說明|解释|解釋|级别|級別|等级|等級|ではない|ではありません|場合|べき|説明|レベル|아닙|아니|니까|경우|해야|설명|등급|ไม่ใช่|ไม่ได้|หรือไม่|ไหม|หาก|ถ้า|ต้อง|อธิบาย|ระดับ/iu;

/** Question particles at the end of a sentence: 吗, 嗎, 입니까, หรือไม่, mi/mı, ли. */
const QUESTION_TAIL =
  /(?:吗|嗎|니까|หรือไม่|ไหม|(?<![\p{L}])m[iıuü](?![\p{L}])|(?<![\p{L}])ли(?![\p{L}]))\s*$/u;

/** A condition right after the status: "confidential only if it carries a label". */
export const ONLY_IF =
  /^\s*(?:only\s+(?:if|when)|nur\s+(?:wenn|falls)|seulement\s+si|uniquement\s+si|solo\s+(?:si|se|quando)|sólo\s+si|apenas\s+se|alleen\s+als|tylko\s+(?:jeśli|gdy)|только\s+если|yalnızca\s+eğer)(?![\p{L}])/iu;

const SENTENCE_END = /[。！？\n]|[.!?](?=\s|$)/u;
/** How far the status may stand from "this document" in its sentence. */
const REACH = 120;

/** Sentences in which this text declares itself confidential; the span runs from "this …" to the status. */
export function findSelfDeclarations(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  for (const m of text.matchAll(THIS_TEXT)) {
    const [sentenceStart] = sentenceAround(text, m.index, m.index, 160);
    const rest = text.slice(m.index, m.index + REACH);
    const cut = rest.slice(m[0].length).search(SENTENCE_END);
    const clause = cut === -1 ? rest : rest.slice(0, m[0].length + cut);
    const status = STATUS.exec(clause.slice(m[0].length));
    if (!status) continue;
    const statusEnd = m.index + m[0].length + status.index + status[0].length;
    const sentenceEnd = text.slice(statusEnd).search(SENTENCE_END);
    const terminal = sentenceEnd === -1 ? '' : text[statusEnd + sentenceEnd]!;
    // Negations, conditions and rules stand before the status or just after it ("is not
    // confidential", "confidentiel ou non"); a disclaimer's later clause ("if you are not the
    // addressee") is part of a real declaration.
    const stated = text.slice(sentenceStart, Math.min(text.length, statusEnd + 12));
    const tail = text.slice(statusEnd, sentenceEnd === -1 ? statusEnd + 40 : statusEnd + sentenceEnd);
    if (/["“„«「『]\s*$/u.test(text.slice(sentenceStart, m.index))) continue; // quoted: a footer to add, a phrase to use
    if (
      NOT_DECLARED.test(stated) ||
      ONLY_IF.test(text.slice(statusEnd, statusEnd + 40)) ||
      /[?？]/.test(terminal) ||
      QUESTION_TAIL.test(tail) ||
      /["'“”‘’«»「」『』„]\s*$/u.test(
        text.slice(statusEnd - status[0].length - 1, statusEnd - status[0].length),
      )
    )
      continue;
    const start = sentenceStart + (/^\s*/.exec(text.slice(sentenceStart))?.[0].length ?? 0);
    if (!found.some((f) => f.start < statusEnd && start < f.end))
      found.push({ type: 'marking', start, end: statusEnd });
  }
  return found;
}
