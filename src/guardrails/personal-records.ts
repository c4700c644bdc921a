import { LEFT as L, RIGHT as R } from './credential-words.js';
import { GERMAN, NOT_A_NAME, namedPerson } from './salaries.js';
import type { RawFinding } from './scanner.js';
import { overlaps, sentenceAround } from './text-window.js';

/*
 * Personal data that has no check digit, found by its label: a date of birth, a passport number, a
 * home address; and HR records about one person (a performance rating, a disciplinary measure, the
 * reason for sick leave, a diagnosis). Labels are written in every answer language; an HR record
 * needs a named person in its sentence, so policy text ("a written warning is issued after…",
 * "sick leave needs a certificate") passes.
 */

/** A date as people write one: 12.03.1985, 1985-03-12, 3/12/85, 12 March 1985, 1985年3月12日, 1985년 3월 12일. */
const DATE = String.raw`(?:(?:民國|民国)\d{2,3}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日|\d{4}\s?년\s?\d{1,2}\s?월\s?\d{1,2}\s?일|\d{1,2}\.?\s+\p{L}{3,12}\.?\s+\d{4}|\p{L}{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:de\s+)?\p{L}{3,12}\s+(?:de\s+)?\d{4})`;

const BIRTH_LABELS = [
  String.raw`${L}(?:date\s+of\s+birth|DOB|D\.O\.B\.?|birth\s?date|birthday|born(?:\s+on)?|Geburtsdatum|geb\.|geboren(?:\s+am)?|date\s+de\s+naissance|né(?:e)?\s+le|fecha\s+de\s+nacimiento|nacid[oa]\s+el|F\.\s?Nac\.?|data\s+di\s+nascita|nat[oa]\s+il|data\s+de\s+nascimento|nascid[oa]\s+(?:em|a)|geboortedatum|geboren\s+op|data\s+urodzenia|ur\.|urodzon[ya]|doğum\s+tarihi|d\.\s?t\.|дата\s+рождения|д\.\s?р\.|родил(?:ся|ась)|ngày\s+sinh|sinh\s+ngày|tanggal\s+lahir|tgl\.?\s+lahir|lahir(?:\s+pada)?|تاريخ\s+الميلاد|مواليد|ولد(?:ت)?\s+في|תאריך\s+לידה|נולד(?:ה)?\s+ב)${R}`,
  String.raw`生年月日|誕生日|出生日期|出生年月日|生日|생년월일|생일|วันเกิด|วัน\s?เดือน\s?ปี\s?เกิด|เกิดวันที่`,
].join('|');
/** "Born on", not a label: in a biography it introduces a public date. */
const BIRTH_VERB =
  /(?<![\p{L}])(?:born|geboren|né|née|nacid[oa]|nat[oa]|nascid[oa]|urodzon[ya]|родил(?:ся|ась)|sinh\s+ngày|lahir|ولد|נולד)/iu;
const BIRTH = new RegExp(
  String.raw`(?:${BIRTH_LABELS})[\s:：=,(-]{0,4}(?:은|는|は|为|為|是|คือ|:)?\s{0,2}(${DATE})`,
  'giu',
);

const PASSPORT_LABELS = String.raw`${L}(?:passport|Reisepass(?:nummer)?|Pass(?:nummer|-?Nr\.?)|passeport|pasaporte|passaporto|passaporte|paspoort|paszport\p{L}{0,3}|pasaport|(?:загран)?паспорт\p{L}{0,2}|hộ\s+chiếu|paspor|جواز\s+(?:ال)?سفر|דרכון)${R}|旅券|パスポート|护照|護照|여권|หนังสือเดินทาง`;
const PASSPORT = new RegExp(
  String.raw`(?:${PASSPORT_LABELS})[^\n\d]{0,48}?(?:no\.?|nr\.?|n[°º]|№|number|nummer|numéro|número|numero|numer|numarası|номер|番号|号码|號碼|번호|เลขที่|số|nomor|رقم|מספר)?[\s:：#.]{0,4}((?=(?:[A-Z]*\d){5})[A-Z0-9]{6,10}|(?=(?:[A-Z]*\d){3})[A-Z0-9]{8,10}|\d{2}\s?\d{2}\s?№?\s?\d{6}|\d{2}\s\d{7})(?![\dA-Za-z])`,
  'giu',
);

const HOME_LABELS = String.raw`${L}(?:home\s+address|mora\s+(?:na|em|no)|vive\s+en|vit\s+(?:au|à)|wohnt\s+in|woont\s+(?:op|aan|in)|mieszka\s+(?:przy|na|w)|adres\s+domowy|domowy\s+adres|домашн\p{L}+\s+адрес|проживает|живёт|indirizzo\s+di\s+casa|private\s+address|residential\s+address|lives\s+at|Privatadresse|Wohnadresse|Privatanschrift|Wohnort|wohnhaft\s+in|adresse\s+(?:personnelle|privée|du\s+domicile)|domicil(?:e|io)|domicilié(?:e)?\s+(?:au|à)|dirección\s+(?:particular|personal|de\s+domicilio)|indirizzo\s+(?:di\s+(?:casa|residenza)|privato)|residente\s+in|morada|endereço\s+(?:residencial|pessoal)|woonadres|huisadres|privéadres|adres\s+zamieszkania|zamieszkał[ya]?|ev\s+adresi|ikamet(?:gah)?\s+adresi|адрес\s+(?:проживания|регистрации|места\s+жительства)|прожива\p{L}+\s+по\s+адресу|địa\s+chỉ\s+(?:nhà|thường\s+trú|tạm\s+trú)|alamat\s+(?:rumah|tinggal|domisili)|عنوان\s+(?:السكن|المنزل)|يسكن\s+في|כתובת\s+(?:מגורים|פרטית)|מתגורר(?:ת)?\s+ב)${R}|自宅住所|現住所|家庭住址|居住地址|户籍地址|戶籍地址|住址|집\s?주소|자택\s?주소|거주지|ที่อยู่ตามทะเบียนบ้าน|ที่อยู่ปัจจุบัน|บ้านเลขที่`;
/** Address labels that say nothing of whose address it is: a personal one only next to a named person. */
const ADDRESS_LABELS = String.raw`${L}(?:address|Anschrift|Adresse|adresse|dirección|domicilio|indirizzo|endereço|adres|адрес|địa\s+chỉ|alamat|العنوان|כתובת|home)${R}|住所|地址|주소|ที่อยู่`;
const ADDRESS = new RegExp(
  String.raw`(?:${ADDRESS_LABELS})[\s:：=,-]{0,4}((?=[^\n;。]{0,12}\d)[^\n;。]{6,90}?\d[^\n;。]{0,60}?)(?=[\n;。]|\.\s|$|\)\s|,?\s+(?:erreichbar|reachable|joignable|tel|mobile|phone|e-?mail)(?![\p{L}]))`,
  'giu',
);

const OFFICE =
  /(?<![\p{L}])(?:IP|social|sociale|legal|registered|registrada|office|bureau|Büro|Firmen\p{L}*|sede|siège|zetel|siedziba|kantor|văn\s+phòng|company|empresa|azienda|Geschäfts\p{L}*|branch|filial\p{L}*|Niederlassung|agence)(?![\p{L}])|本社|支社|事務所|オフィス|公司|办公|辦公|사무실|본사|สำนักงาน|タワー|ビル/iu;

/** An address line after its label: up to the end of the line or sentence, with a number in it. */
const HOME = new RegExp(
  String.raw`(?:${HOME_LABELS})[\s:：=,-]{0,4}(?:(?:is|est|ist|es|è|é|jest)\s+)?([^\n;。]{6,90}?\d[^\n;。]{0,60}?)(?=[\n;。]|\.\s|$|\)\s)`,
  'giu',
);

/**
 * HR records: ratings, disciplinary measures, sick-leave reasons and diagnoses. One expression per
 * vocabulary: V8 narrows each search by its first characters, a union of all of them it cannot.
 */
const HR_RECORD: readonly RegExp[] = [
  // disciplinary measures
  String.raw`${L}(?:sanç[aã]o\s+disciplinar|repreens[aã]o(?:\s+registada)?|licenziamento|suspendid[oa]\s+de\s+empleo|no\s+alcanza\s+lo\s+esperado|non\s+adeguat\p{L}|giudizio\s+complessivo|appréciation\s+globale|process[oa]?\s+disciplinar\p{L}*|procedimento\s+disciplinare|procedimiento\s+disciplinario|nagan\p{L}*|sospensione\s+di\s+\p{L}+\s+giorni|falta\s+(?:muy\s+)?grave|insubordina\p{L}+|faltas?\s+injustificad\p{L}+|unentschuldigt\p{L}*\s+Fehl\p{L}*|absences?\s+injustifiées?)${R}`,
  String.raw`${L}(?:written\s+warning|final\s+warning|formal\s+warning|disciplinary\s+(?:action|hearing|measure|warning)|dismissed|terminated\s+for\s+cause|suspended\s+without\s+pay|performance\s+improvement\s+plan|PIP|Abmahnung|abgemahnt|fristlos\s+gekündigt|Kündigung|avertissement|blâme|mise\s+à\s+pied|licencié(?:e)?|amonestaci[oó]n|sanci[oó]n\s+disciplinaria|despid[oa]|expediente\s+disciplinario|richiamo\s+(?:scritto|formale)|provvedimento\s+disciplinare|licenziat[oa]|advertência|suspens[aã]o\s+disciplinar|demitid[oa]|justa\s+causa|schriftelijke\s+waarschuwing|officiële\s+waarschuwing|ontslagen|upomnienie|nagana|kara\s+porządkowa|zwolnion[ya]\s+dyscyplinarnie|ihtar|kınama|disiplin\s+cezası|uyarı\s+cezası|выговор|дисциплинарн\p{L}+\s+взыскани\p{L}+|уволен[аы]?|kỷ\s+luật|khiển\s+trách|cảnh\s+cáo|surat\s+peringatan|SP\s?[123]|sanksi\s+disiplin|إنذار\s+(?:كتابي|نهائي)|جزاء\s+تأديبي|إجراء\s+تأديبي|فصل\s+تأديبي|מכתב\s+אזהרה|אזהרה\s+בכתב|שימוע\s+לפני\s+פיטורים|הליך\s+משמעתי)${R}`,
  String.raw`书面警告|書面警告|大過|小過|[甲乙丙丁]等|[A-E]\s?등급|[A-E]\s?評価|評価は[A-E]|懲戒|譴責|戒告|減給|出勤停止|諭旨解雇|警告处分|记过|記過|处分|處分|降级|降級|징계|견책|감봉|정직\s?처분|해고|ใบเตือน|ตักเตือน|โทษทางวินัย|พักงาน`,
  // performance ratings
  String.raw`${L}(?:rated\s+(?:as\s+)?["'“]?(?:below|does\s+not\s+meet|unsatisfactory|needs\s+improvement|poor)|performance\s+rating|(?:annual\s+)?review\s+(?:score|rating)|Leistungsbeurteilung|Beurteilung\s*:|évaluation\s+(?:annuelle|de\s+performance)|evaluaci[oó]n\s+(?:de\s+desempeño|anual)|valutazione\s+(?:annuale|delle\s+prestazioni)|avalia[cç][aã]o\s+de\s+desempenho|beoordeling|functioneringsgesprek|ocena\s+(?:roczna|okresowa|pracy)|performans\s+(?:değerlendirme|notu)\p{L}*|оценк\p{L}\s+(?:эффективности|работы)|đánh\s+giá\s+(?:hiệu\s+suất|xếp\s+loại)|xếp\s+loại|penilaian\s+kinerja|تقييم\s+الأداء|הערכת\s+ביצועים)${R}`,
  String.raw`人事評価|業績評価|評価[:：は]|考核结果|绩效(?:评级|考核|等级)|績效(?:評等|考核)|인사\s?평가|인사\s?고과|고과\s?등급|ผลการประเมิน`,
  // ratings against expectations, in every language
  String.raw`${L}(?:(?:below|partially\s+meets|does\s+not\s+meet|not\s+meeting)\s+expectations|needs\s+improvement|unsatisfactory|overall\s+rating|Erwartungen\s+(?:nicht|teilweise)|erfüllt\s+die\s+Erwartungen\s+(?:nicht|teilweise)|ungenügend|en\s+dessous\s+des\s+attentes|insuffisant(?:e)?|évaluation\s+globale|por\s+debajo\s+de\s+(?:las\s+)?expectativas|no\s+alcanza\s+(?:los\s+)?objetivos|insuficiente|sotto\s+le\s+aspettative|insufficiente|abaixo\s+das\s+expectativas|onder\s+verwachting|onvoldoende|poniżej\s+oczekiwań|niedostateczn\p{L}*|beklentileri?n(?:in)?\s+altında|не\s+соответствует\s+ожиданиям|yetersiz|ниже\s+ожиданий|неудовлетворительн\p{L}*|dưới\s+kỳ\s+vọng|không\s+đạt\s+yêu\s+cầu|di\s+bawah\s+ekspektasi|أقل\s+من\s+المتوقع|غير\s+مرض\p{L}*|מתחת\s+לציפיות)${R}`,
  String.raw`期待を下回|要改善|低于预期|待改进|不合格|기대\s?이하|미흡|ต่ำกว่าความคาดหวัง|ต้องปรับปรุง`,
  String.raw`${L}(?:suspensi[oó]n\s+de\s+empleo|suspended\s+from\s+(?:work|duty)|Suspendierung|sospensione\s+dal\s+(?:lavoro|servizio)|suspens[aã]o\s+(?:de\s+\d+\s+dias|do\s+trabalho)|schorsing|zawieszon\p{L}*\s+w\s+obowiązkach|işten\s+uzaklaştırma|отстранен\p{L}*\s+от\s+работы|đình\s+chỉ\s+công\s+tác|skorsing|إيقاف\s+عن\s+العمل|השעיה)${R}`,
  // sick leave with its reason, diagnoses
  String.raw`${L}(?:on\s+sick\s+leave\s+(?:for(?!\s+(?:\d+|a|an|one|two|three|four|five|six|several|a\s+few)\s+(?:day|week|month)s?)|due\s+to|because\s+of|after)|diagnosed\s+with|sick\s+note\s+for|krankgeschrieben\s+(?:wegen|mit)|Diagnose|en\s+arrêt\s+maladie\s+(?:pour|à\s+cause)|diagnostiqué(?:e)?|de\s+baja\s+por|diagnosticad[oa]|in\s+malattia\s+per|diagnosi|de\s+licença\s+médica\s+por|diagnóstico|ziek\s+thuis\s+met|gediagnosticeerd|na\s+zwolnieniu\s+lekarskim\s+z\s+powodu|zdiagnozowan\p{L}+|rapor(?:lu)?\s+\p{L}*\s*(?:nedeniyle|yüzünden)|teşhis|tanısı|на\s+больничном\s+(?:из-за|с)|диагноз|nghỉ\s+ốm\s+(?:vì|do)|chẩn\s+đoán|sakit\s+(?:karena|akibat)|didiagnosis|إجازة\s+مرضية\s+(?:بسبب|ل)|تشخيص|שוהה\s+בחופשת\s+מחלה|אובחן(?:ה)?)${R}`,
  String.raw`で休職|のため休職|と診断|病気休暇|病假(?:原因|是因为)|确诊|確診|诊断为|診斷為|병가\s?중|진단을?\s?받|ลาป่วย(?:เนื่องจาก|เพราะ|ด้วย)|ป่วยเป็น`,
].map((source) => new RegExp(source, 'giu'));

/**
 * Health conditions. Named with a person, they are a health record only in an HR or medical
 * setting (sick leave, a doctor, occupational health, an employee): an encyclopedia's list of
 * diseases names people too (Hashimoto's thyroiditis).
 */
const HEALTH: readonly RegExp[] = [
  String.raw`${L}(?:esaurimento\s+nervoso|psichiatr\p{L}*|psychiatr\p{L}*|psiquiatr\p{L}*|zapaleni\p{L}\s+płuc|pneumoni\p{L}*|hospitali[sz]\p{L}*|menisk\p{L}*|menisc\p{L}*|menisküs|перелом\p{L}*|fractur\p{L}*|złamani\p{L}*|kırığı|diabetes|depresja|cukrzyc\p{L}*|астм\p{L}*|аллерги\p{L}*|allerg(?:y|ie|ia)|alergi\p{L}*|hernia(?:-?operatie)?|operad[oa]\s+(?:ao|à|a|de)|kalp\s+(?:ritim|hastalığı|krizi)|asthma|asma|epilepsy|épilepsie|epilepsie|epilessia|epilepsia|padaczk\p{L}*|epilepsi|эпилепси\p{L}*|depression|dépression|depresi[oó]n|depressione|depressão|depressie|depresj\p{L}*|depresyon|депресси\p{L}*|depresi|anxiety|Angststörung|anxiété|ansiedad|ansia|ansiedade|angststoornis|anksiyete|тревожн\p{L}+|burn-?out|cancer|Krebs|cáncer|cancro|câncer|kanker|kanser|herniated\s+disc|Bandscheibenvorfall|hernie\s+discale|hernia\s+discal|ernia\s+del\s+disco|hérnia\s+de\s+disco|przepuklin\p{L}*|fıtık|грыж\p{L}*|pregnant|schwanger|enceinte|embarazada|incinta|grávida|zwanger|w\s+ciąży|hamile|беременн\p{L}+|heart\s+attack|Herzinfarkt|infarctus|hartaanval|zawał\p{L}*|kalp\s+krizi|инфаркт\p{L}*|HIV|surgery|operation\s+on|Operation\s+am|opération\s+(?:du|de\s+la)|operaci[oó]n\s+de|intervento\s+(?:al|alla|chirurgico)|cirurgia|operatie\s+aan|operacj\p{L}+|ameliyat\p{L}*|операци\p{L}+|burn-?out\p{L}*|chemotherapy|Chemotherapie|chimiothérapie|quimioterapia|chemioterapia|chemotherapie|kemoterapi|химиотерапи\p{L}*|tiểu\s+đường|trầm\s+cảm|ung\s+thư|động\s+kinh|السكري|الاكتئاب|السرطان|الربو|الصرع|סוכרת|דיכאון|סרטן|אסטמה|אפילפסיה|diab[ée]tic\p{L}*|diabetes\s+(?:type|tipo|typ)\s+[12]|diabetik\p{L}*|cardiopat\p{L}*|Herzerkrankung|cardiopathie|hartziekte|\p{L}{0,12}allergi(?:e|a|y|ë)|\p{L}{0,12}allergisch|alergi[ai]\p{L}{0,3}|epileps\p{L}+|epilepsi\p{L}+|диабет\p{L}*|сахарн\p{L}+\s+диабет\p{L}*|dialys\p{L}*|diálise|dializ\p{L}*|диализ\p{L}*|mang\s+thai|tiền\s+sản\s+giật|chạy\s+thận|hamil(?:e)?|سرطان\p{L}*|كيميائي|الكيماوي|غسيل\s+الكلى|[בלוה]?(?:דיאליזה|כימותרפיה|הריון))${R}`,
  String.raw`乙肝|肝炎|化疗|化療|透析|임신\s?\d{1,2}\s?주|투석|항암|手术|手術|開刀|开刀|糖尿病|うつ病|鬱病|適応障害|喘息|てんかん|妊娠中|抑郁症|抑鬱症|焦虑症|哮喘|癫痫|癲癇|怀孕|懷孕|당뇨|우울증|공황장애|천식|뇌전증|임신\s?중|เบาหวาน|ซึมเศร้า|มะเร็ง|หอบหืด|ลมชัก|ตั้งครรภ์`,
].map((source) => new RegExp(source, 'giu'));
const HEALTH_SETTING =
  /(?<![\p{L}])(?:malattia|L4|suffers?|sufre|soffre|sofre|leidet|souffre|cierpi|страдает|mắc|menderita|يعاني|סובל\p{L}*|prevención|prevenzione|prévention|employee|treatment|therapy|physio\p{L}*|fisioterapia|tratamento|Behandlung|traitement|tratamiento|trattamento|behandeling|leczeni\p{L}*|tedavi|лечени\p{L}*|điều\s+trị|pengobatan|علاج|טיפול|afwezig|abwesend|absent|ausente|assente|nieobecn\p{L}*|izinli|отсутств\p{L}*|vắng|غائب|נעדר\p{L}*|baixa|delegac\p{L}+|business\s+trip|Dienstreise|uçuş\p{L}*|flight|staff|colleague|sick|leave|off\s+(?:since|work)|absent|doctor|GP|occupational|referral|medical|return\s+to\s+work|fit\s+note|signed\s+off|Mitarbeiter\p{L}*|krank\p{L}*|Arzt|ärztlich\p{L}*|BEM|Reha|Wiedereingliederung|arrêt|médecin|médicale?|salarié\p{L}*|reprise|baja|médico|prevención|empleado|malattia|medico|dipendente|licença|atestado|funcionári\p{L}|ziek\p{L}*|arts|bedrijfsarts|medewerker|zwolnieni\p{L}*|lekar\p{L}*|pracowni\p{L}*|rapor\p{L}*|doktor|işyeri\s+hekimi|çalışan|больничн\p{L}*|врач\p{L}*|сотрудни\p{L}*|nghỉ\s+ốm|bác\s+sĩ|nhân\s+viên|cuti\s+sakit|dokter|karyawan|إجازة|طبيب|الموظف|מחלה|רופא|העובד\p{L}*|\p{L}{0,12}arzt|\p{L}{0,12}ärztin|salud\s+laboral|vigilancia\s+de\s+la\s+salud|medicina\s+del\s+lavoro|medico\s+competente|santé\s+au\s+travail|nurse|infirmi\p{L}+|enfermer\p{L}+|infermier\p{L}+|pausas?|Pausen?|pauzes?|przerw\p{L}*|перерыв\p{L}*|mola|shifts?|Schicht\p{L}*|turnos?|dienst\p{L}*|zmian\p{L}*|vardiya\p{L}*|смен\p{L}*|משמרות|משמרת|مناوب\p{L}*|מטופל\p{L}*|يخضع|لعلاج)(?![\p{L}])|体检|體檢|健康检查|健康檢查|健康診断|건강검진|보건|야간\s?근무|夜班|輪班|夜勤|พยาบาล|休職|産業医|診断書|社員|请假|請假|通院|治療|治疗|치료|รักษา|休み|不在|缺勤|결근|病假|医生|医師|员工|員工|병가|의사|직원|ลาป่วย|แพทย์|พนักงาน/iu;

/** Labelled personal data and HR records about one person. */
export function findPersonalRecords(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  const push = (type: RawFinding['type'], start: number, end: number) => {
    if (!found.some((f) => overlaps(f, { start, end }))) found.push({ type, start, end });
  };
  for (const [type, start, end] of [
    ...datesOfBirth(text),
    ...labelled(text, PASSPORT, 'passport'),
    ...labelled(text, HOME, 'home_address'),
    ...addressesOfPeople(text),
    ...aboutAPerson(text, HR_RECORD, false),
    ...aboutAPerson(text, HEALTH, true),
  ]) {
    push(type, start, end);
  }
  return found;
}

type Found = readonly [RawFinding['type'], number, number];

/** The value group of each match of a labelled pattern. */
function labelled(text: string, pattern: RegExp, type: RawFinding['type']): Found[] {
  return [...text.matchAll(pattern)].map((m) => {
    const start = m.index + m[0].length - m[1]!.length;
    return [type, start, start + m[1]!.trimEnd().length] as const;
  });
}

function datesOfBirth(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(BIRTH)) {
    // An encyclopedia's "(born 7 September 1987)" and a biography's "Born on 12 March 1985 in
    // Lisbon" write the month out; a form's "(DOB 03/07/1986)" or "nascida a 14/03/1987" writes digits.
    const inParentheses = /\([^()]{0,80}$/.test(text.slice(Math.max(0, m.index - 80), m.index));
    if ((inParentheses || BIRTH_VERB.test(m[0])) && /\p{L}{3}/u.test(m[1]!)) continue;
    const start = m.index + m[0].length - m[1]!.length;
    found.push(['date_of_birth', start, start + m[1]!.length]);
  }
  return found;
}

/** The sentence around a match and the one before it: a person is often named just before. */
function withSentenceBefore(text: string, start: number, end: number): string {
  const [from, to] = sentenceAround(text, start, end);
  const [previous] = sentenceAround(text, Math.max(0, from - 2), Math.max(0, from - 1));
  return text.slice(Math.min(previous, from), to);
}

const NAME_FIELD =
  /(?:^|\n)\s*(?:氏名|名前|姓名|이름|성명|ชื่อ(?:-สกุล)?|(?:Full\s+)?Name|Nom|Nombre|Nome|Naam|Imię\s+i\s+nazwisko|Ad\s+Soyad|Имя|ФИО|الاسم|שם|Họ\s+(?:và\s+)?tên|Nama)\s*[:：]\s*\S/iu;

/** Addresses after a generic label, with a named person in the same sentence; not an IP address, an office or a company's seat. */
function addressesOfPeople(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(ADDRESS)) {
    if (/^\s*(?:IP|\d{1,3}(?:\.\d{1,3}){3})/iu.test(m[1]!)) continue;
    if (OFFICE.test(text.slice(Math.max(0, m.index - 30), m.index + m[0].length))) continue;
    // The person is named outside the address: its street names are capitalised pairs too (Harbour Road).
    const valueStart = m.index + m[0].length - m[1]!.length;
    const [from, to] = sentenceAround(text, m.index, m.index + m[0].length);
    const outside = `${text.slice(from, valueStart)} ${text.slice(m.index + m[0].length, to)}`;
    // In a form the name is a field of its own a few lines above (氏名：中村 陽子 … 住所：…).
    const formName = NAME_FIELD.test(text.slice(Math.max(0, m.index - 200), m.index));
    if (!formName && !namedPerson(outside)) continue;
    const value = m[1]!.trimEnd().replace(/[,.]$/, '');
    const start = m.index + m[0].length - m[1]!.length;
    found.push(['home_address', start, start + value.length]);
  }
  return found;
}

/** HR records and health facts: a named person in the sentence (health: or the one before, in an HR or medical setting). */
function aboutAPerson(text: string, patterns: readonly RegExp[], health: boolean): Found[] {
  const found: Found[] = [];
  const matches = patterns
    .flatMap((pattern) => [...text.matchAll(pattern)])
    .sort((a, b) => a.index - b.index);
  for (const [i, m] of matches.entries()) {
    const end = m.index + m[0].length;
    const [from, to] = sentenceAround(text, m.index, end);
    const sentence = health ? withSentenceBefore(text, m.index, end) : text.slice(from, to);
    const person = namedPerson(sentence) || (!health && firstNameBefore(text.slice(from, m.index), m[0]));
    if (!person || POLICY_SENTENCE.test(sentence)) continue;
    if (health ? !HEALTH_SETTING.test(sentence) : MODAL.test(sentence)) continue;
    // The record runs to the end of its clause, or to the next measure or rating named there.
    let next = text.length;
    for (let j = i + 1; j < matches.length; j++) {
      if (matches[j]!.index >= end) {
        next = matches[j]!.index;
        break;
      }
    }
    const stop = health ? end : Math.min(recordEnd(text, end, to), next);
    found.push([
      'hr_record',
      m.index,
      m.index + text.slice(m.index, stop).replace(/[\s,;:、，]+$/u, '').length,
    ]);
  }
  return found;
}

/**
 * A first name alone, as colleagues write about each other ("Just so you know, Dan got a final
 * written warning", "Pour info, Kevin a reçu un avertissement", "a Iván le han dado una
 * amonestación", "Bram krijgt een schriftelijke waarschuwing"): a capitalised word inside the
 * sentence (after a lower-case word, a comma or a colon, never opening it) that receives the
 * measure (got, a reçu, le han dado, krijgt, dostał) at most 60 characters later. Not in German or Vietnamese, and not before a short or ambiguous word (PIP,
 * dismissed).
 */
const FIRST_NAME =
  /(?<=(?:\p{Ll}|[,:;])\s{1,2})\p{Lu}\p{Ll}{2,}(?![\p{L}\p{N}]|\s+(?:\p{Lu}|\d)|[-'’.]\p{L})/gu;
const NOT_FIRST_NAME =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Slack|Teams|Excel|Word|Outlook|Jira|Google|Microsoft|Windows|Linux|Docker|Python|Chrome|Android|Apple)$/;

/** The name receives the measure: got, received, a reçu, le han dado, hanno dato, krijgt, dostał, aldı, получил. */
const RECEIVES =
  /^(?:[^.!?]{0,30}?(?<![\p{L}])(?:got|gets|getting|received|receives|was\s+(?:given|issued|handed)|has\s+been\s+(?:given|issued)|a\s+reçu|reçoit|s['’]est\s+vu\p{L}*|recibi[óo]|recibe|le\s+(?:han|ha)\s+(?:dado|puesto|abierto|impuesto)|se\s+le\s+(?:ha\s+)?(?:dado|puesto|abierto|impuesto|abrió|impuso)|ha\s+ricevuto|riceve|(?:hanno|ha)\s+(?:dato|fatto)|recebeu|recebe|levou|krijgt|kreeg|heeft|ontvangt|ontving|dostał\p{L}*|otrzymał\p{L}*|dostaje|aldı|получил\p{L}*|dostal\p{L}*)(?![\p{L}])[^.!?]{0,30})$/u;
const VIETNAMESE = /[\u1EA0-\u1EF9đĐơưƠƯ]/u;

function firstNameBefore(before: string, measure: string): boolean {
  if (measure.length < 5 || /^dismissed$/i.test(measure)) return false;
  const window = before.slice(-60);
  // German capitalises nouns; Vietnamese capitalises each syllable of a proper noun and names
  // people with anh/chị/ông/bà, which namedPerson reads.
  if (GERMAN.test(window) || VIETNAMESE.test(window)) return false;
  for (const m of window.matchAll(FIRST_NAME)) {
    const between = window.slice(m.index + m[0].length);
    if (!NOT_A_NAME.has(m[0]) && !NOT_FIRST_NAME.test(m[0]) && RECEIVES.test(between)) return true;
  }
  return false;
}

/**
 * Where an HR record ends: a rating label or a measure is followed by what it says about the
 * person — the rating ("Leistungsbeurteilung – K. Braun: „nicht erfüllt“ (2/5)") or the reason
 * ("إنذار كتابي … بسبب التأخر المتكرر") — up to the end of its clause (a semicolon, the sentence
 * end), at most 160 characters. Masking the label alone would show the fact.
 */
function recordEnd(text: string, end: number, sentenceEnd: number): number {
  const rest = text.slice(end, Math.min(sentenceEnd, end + 160));
  const clause = rest.split(/[;；]/, 1)[0]!;
  return end + clause.trimEnd().length;
}

/**
 * Rules and procedures rather than a record: "employees who receive a written warning…", "if", "must".
 * Not Italian all' (all'esodo) nor the Spanish pronoun se ("se le ha impuesto", "se le abrió expediente").
 */
const POLICY_SENTENCE =
  /(?<![\p{L}])(?:if|when|any|all(?!['’])|every|employees|staff|policy|procedure|must|should|wenn|falls|alle|Mitarbeitende|si|tous|todos|cada|se(?!\s+(?:le|les|lo|los|ha|han|he|me|te|nos)(?![\p{L}]))|tutti|ogni|als|alle|jeśli|wszyscy|eğer|tüm|если|все|nếu|tất\s+cả|jika|semua|إذا|جميع|אם|כל)(?![\p{L}])|如果|所有|場合|すべて|경우|모든|หาก|ทุก/iu;
/** Modal sentences state what may happen ("may lead to disciplinary action"): policy for HR records, not for health facts ("cannot lift more than 10 kg"). */
const MODAL =
  /(?<![\p{L}])(?:may|can|có\s+thể|kann|können|peut|peuvent|puede|pueden|può|possono|pode|podem|kan|kunnen|może|mogą|olabilir|может|могут|dapat|bisa|قد|עלול\p{L}*)(?![\p{L}])|可能|できる|수\s?있|อาจ/iu;
