import { namedPerson } from './salaries.js';
import type { RawFinding } from './scanner.js';

/*
 * Personal data that has no check digit, found by its label: a date of birth, a passport number, a
 * home address; and HR records about one person (a performance rating, a disciplinary measure, the
 * reason for sick leave, a diagnosis). Labels are written in every answer language; an HR record
 * needs a named person in its sentence, so policy text ("a written warning is issued after…",
 * "sick leave needs a certificate") passes.
 */

const L = String.raw`(?<![\p{L}\p{N}])`;
const R = String.raw`(?![\p{L}\p{N}])`;

/** A date as people write one: 12.03.1985, 1985-03-12, 3/12/85, 12 March 1985, 1985年3月12日, 1985년 3월 12일. */
const DATE = String.raw`(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日|\d{4}\s?년\s?\d{1,2}\s?월\s?\d{1,2}\s?일|\d{1,2}\.?\s+\p{L}{3,12}\.?\s+\d{4}|\p{L}{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:de\s+)?\p{L}{3,12}\s+(?:de\s+)?\d{4})`;

const BIRTH_LABELS = [
  String.raw`${L}(?:date\s+of\s+birth|DOB|D\.O\.B\.?|birth\s?date|birthday|born(?:\s+on)?|Geburtsdatum|geb\.|geboren(?:\s+am)?|date\s+de\s+naissance|né(?:e)?\s+le|fecha\s+de\s+nacimiento|nacid[oa]\s+el|F\.\s?Nac\.?|data\s+di\s+nascita|nat[oa]\s+il|data\s+de\s+nascimento|nascid[oa]\s+(?:em|a)|geboortedatum|geboren\s+op|data\s+urodzenia|ur\.|urodzon[ya]|doğum\s+tarihi|d\.\s?t\.|дата\s+рождения|д\.\s?р\.|родил(?:ся|ась)|ngày\s+sinh|sinh\s+ngày|tanggal\s+lahir|tgl\.?\s+lahir|lahir(?:\s+pada)?|تاريخ\s+الميلاد|مواليد|ولد(?:ت)?\s+في|תאריך\s+לידה|נולד(?:ה)?\s+ב)${R}`,
  String.raw`生年月日|誕生日|出生日期|出生年月日|生日|생년월일|생일|วันเกิด|วัน\s?เดือน\s?ปี\s?เกิด|เกิดวันที่`,
].join('|');
const BIRTH = new RegExp(
  String.raw`(?:${BIRTH_LABELS})[\s:：=,(-]{0,4}(?:은|는|は|为|為|是|คือ|:)?\s{0,2}(${DATE})`,
  'giu',
);

const PASSPORT_LABELS = String.raw`${L}(?:passport|Reisepass|Pass(?:nummer|-?Nr\.?)|passeport|pasaporte|passaporto|passaporte|paspoort|paszport\p{L}{0,3}|pasaport|паспорт\p{L}{0,2}|hộ\s+chiếu|paspor|جواز\s+(?:ال)?سفر|דרכון)${R}|旅券|パスポート|护照|護照|여권|หนังสือเดินทาง`;
const PASSPORT = new RegExp(
  String.raw`(?:${PASSPORT_LABELS})[^\n\d]{0,24}?(?:no\.?|nr\.?|n[°º]|№|number|nummer|numéro|número|numero|numer|numarası|номер|番号|号码|號碼|번호|เลขที่|số|nomor|رقم|מספר)?[\s:：#.]{0,4}((?=(?:[A-Z]*\d){5})[A-Z0-9]{6,10}|\d{2}\s?\d{2}\s?№?\s?\d{6})(?![\dA-Za-z])`,
  'giu',
);

const HOME_LABELS = String.raw`${L}(?:home\s+address|private\s+address|residential\s+address|lives\s+at|Privatadresse|Wohnadresse|Privatanschrift|Wohnort|wohnhaft\s+in|adresse\s+(?:personnelle|privée|du\s+domicile)|domicil(?:e|io)|domicilié(?:e)?\s+(?:au|à)|dirección\s+(?:particular|personal|de\s+domicilio)|indirizzo\s+(?:di\s+(?:casa|residenza)|privato)|residente\s+in|morada|endereço\s+(?:residencial|pessoal)|woonadres|huisadres|privéadres|adres\s+zamieszkania|zamieszkał[ya]?|ev\s+adresi|ikamet(?:gah)?\s+adresi|адрес\s+(?:проживания|регистрации|места\s+жительства)|прожива\p{L}+\s+по\s+адресу|địa\s+chỉ\s+(?:nhà|thường\s+trú|tạm\s+trú)|alamat\s+(?:rumah|tinggal|domisili)|عنوان\s+(?:السكن|المنزل)|يسكن\s+في|כתובת\s+(?:מגורים|פרטית)|מתגורר(?:ת)?\s+ב)${R}|自宅住所|現住所|家庭住址|居住地址|户籍地址|戶籍地址|住址|집\s?주소|자택\s?주소|거주지|ที่อยู่ตามทะเบียนบ้าน|ที่อยู่ปัจจุบัน|บ้านเลขที่`;
/** An address line after its label: up to the end of the line or sentence, with a number in it. */
const HOME = new RegExp(
  String.raw`(?:${HOME_LABELS})[\s:：=,-]{0,4}([^\n;。]{6,90}?\d[^\n;。]{0,60}?)(?=[\n;。]|\.\s|$|\)\s)`,
  'giu',
);

/** HR records: ratings, disciplinary measures, sick-leave reasons and diagnoses. */
const HR_RECORD = new RegExp(
  [
    // disciplinary measures
    String.raw`${L}(?:written\s+warning|final\s+warning|formal\s+warning|disciplinary\s+(?:action|hearing|measure|warning)|dismissed|terminated\s+for\s+cause|suspended\s+without\s+pay|performance\s+improvement\s+plan|PIP|Abmahnung|abgemahnt|fristlos\s+gekündigt|Kündigung|avertissement|blâme|mise\s+à\s+pied|licencié(?:e)?|amonestaci[oó]n|sanci[oó]n\s+disciplinaria|despid[oa]|expediente\s+disciplinario|richiamo\s+(?:scritto|formale)|provvedimento\s+disciplinare|licenziat[oa]|advertência|suspens[aã]o\s+disciplinar|demitid[oa]|justa\s+causa|schriftelijke\s+waarschuwing|officiële\s+waarschuwing|ontslagen|upomnienie|nagana|kara\s+porządkowa|zwolnion[ya]\s+dyscyplinarnie|ihtar|kınama|disiplin\s+cezası|uyarı\s+cezası|выговор|дисциплинарн\p{L}+\s+взыскани\p{L}+|уволен[аы]?|kỷ\s+luật|khiển\s+trách|cảnh\s+cáo|surat\s+peringatan|SP\s?[123]|sanksi\s+disiplin|إنذار\s+(?:كتابي|نهائي)|جزاء\s+تأديبي|إجراء\s+تأديبي|فصل\s+تأديبي|מכתב\s+אזהרה|אזהרה\s+בכתב|שימוע\s+לפני\s+פיטורים|הליך\s+משמעתי)${R}`,
    String.raw`懲戒|譴責|戒告|減給|出勤停止|諭旨解雇|警告处分|记过|記過|处分|處分|降级|降級|징계|견책|감봉|정직\s?처분|해고|ใบเตือน|ตักเตือน|โทษทางวินัย|พักงาน`,
    // performance ratings
    String.raw`${L}(?:rated\s+(?:as\s+)?["'“]?(?:below|does\s+not\s+meet|unsatisfactory|needs\s+improvement|poor)|performance\s+rating|(?:annual\s+)?review\s+(?:score|rating)|Leistungsbeurteilung|Beurteilung\s*:|évaluation\s+(?:annuelle|de\s+performance)|evaluaci[oó]n\s+(?:de\s+desempeño|anual)|valutazione\s+(?:annuale|delle\s+prestazioni)|avalia[cç][aã]o\s+de\s+desempenho|beoordeling|functioneringsgesprek|ocena\s+(?:roczna|okresowa|pracy)|performans\s+(?:değerlendirme|notu)\p{L}*|оценк\p{L}\s+(?:эффективности|работы)|đánh\s+giá\s+(?:hiệu\s+suất|xếp\s+loại)|xếp\s+loại|penilaian\s+kinerja|تقييم\s+الأداء|הערכת\s+ביצועים)${R}`,
    String.raw`人事評価|業績評価|評価[:：は]|考核结果|绩效(?:评级|考核|等级)|績效(?:評等|考核)|인사\s?평가|인사\s?고과|고과\s?등급|ผลการประเมิน`,
    // sick leave with its reason, diagnoses
    String.raw`${L}(?:on\s+sick\s+leave\s+(?:for|due\s+to|because\s+of|after)|diagnosed\s+with|sick\s+note\s+for|krankgeschrieben\s+(?:wegen|mit)|Diagnose|en\s+arrêt\s+maladie\s+(?:pour|à\s+cause)|diagnostiqué(?:e)?|de\s+baja\s+por|diagnosticad[oa]|in\s+malattia\s+per|diagnosi|de\s+licença\s+médica\s+por|diagnóstico|ziek\s+thuis\s+met|gediagnosticeerd|na\s+zwolnieniu\s+lekarskim\s+z\s+powodu|zdiagnozowan\p{L}+|rapor(?:lu)?\s+\p{L}*\s*(?:nedeniyle|yüzünden)|teşhis|tanısı|на\s+больничном\s+(?:из-за|с)|диагноз|nghỉ\s+ốm\s+(?:vì|do)|chẩn\s+đoán|sakit\s+(?:karena|akibat)|didiagnosis|إجازة\s+مرضية\s+(?:بسبب|ل)|تشخيص|שוהה\s+בחופשת\s+מחלה|אובחן(?:ה)?)${R}`,
    String.raw`で休職|のため休職|と診断|病気休暇|病假(?:原因|是因为)|确诊|確診|诊断为|診斷為|병가\s?중|진단을?\s?받|ลาป่วย(?:เนื่องจาก|เพราะ|ด้วย)|ป่วยเป็น`,
  ].join('|'),
  'giu',
);

/** Labelled personal data and HR records about one person. */
export function findPersonalRecords(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  const push = (type: RawFinding['type'], start: number, end: number) => {
    if (!found.some((f) => f.start < end && start < f.end)) found.push({ type, start, end });
  };
  for (const m of text.matchAll(BIRTH)) {
    // An encyclopedia's "(born 7 September 1987)" after a public figure's name is not a record.
    if (/\([^()]{0,80}$/.test(text.slice(Math.max(0, m.index - 80), m.index))) continue;
    const start = m.index + m[0].length - m[1]!.length;
    push('date_of_birth', start, start + m[1]!.length);
  }
  for (const m of text.matchAll(PASSPORT)) {
    const start = m.index + m[0].length - m[1]!.length;
    push('passport', start, start + m[1]!.length);
  }
  for (const m of text.matchAll(HOME)) {
    const value = m[1]!.trimEnd();
    const start = m.index + m[0].length - m[1]!.length;
    push('home_address', start, start + value.length);
  }
  for (const m of text.matchAll(HR_RECORD)) {
    const [from, to] = sentenceAround(text, m.index, m.index + m[0].length);
    const sentence = text.slice(from, to);
    if (!namedPerson(sentence) || POLICY_SENTENCE.test(sentence)) continue;
    push('hr_record', m.index, m.index + m[0].length);
  }
  return found;
}

/** Rules and procedures rather than a record: "employees who receive a written warning…", "if", "must". */
const POLICY_SENTENCE =
  /(?<![\p{L}])(?:if|when|any|all|every|employees|staff|policy|procedure|must|should|may|can|wenn|falls|alle|Mitarbeitende|si|tous|todos|cada|se|tutti|ogni|als|alle|jeśli|wszyscy|eğer|tüm|если|все|nếu|tất\s+cả|jika|semua|إذا|جميع|אם|כל)(?![\p{L}])|如果|所有|場合|すべて|경우|모든|หาก|ทุก/iu;

function sentenceAround(text: string, start: number, end: number): [number, number] {
  const before = text.slice(Math.max(0, start - 200), start);
  let cut = 0;
  for (const m of before.matchAll(/[。！？\n]|[.!?](?=\s)/gu)) cut = m.index + m[0].length;
  const after = text.slice(end, end + 200);
  const stop = after.search(/[。！？\n]|[.!?](?=\s|$)/u);
  return [start - before.length + cut, stop === -1 ? end + after.length : end + stop];
}
