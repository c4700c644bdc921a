import type { RawFinding } from './scanner.js';
import { columnCells } from './table-cells.js';
import { overlaps, sentenceAround } from './text-window.js';

/*
 * A person's pay: an amount of money next to a pay word (salary, bonus, 年収, 月薪, 연봉,
 * เงินเดือน, Gehalt, ...) and a named person ("Kenji Tanaka's", 田中さん, 王伟的, 김민수 씨,
 * คุณสมชาย, Herr Weber). Pay scales, averages and policy ("the average salary is…", "bonuses are
 * paid in June") name nobody and pass.
 */

const PAY_WORDS =
  /salary|salaries|base\s+pay|base(?=\s*[£$€¥])|monatlich|mensil\p{L}*|mensuel\p{L}*|mensual\p{L}*|mensal|maandelijks|miesięczn\p{L}*|aylık|ежемесячн\p{L}*|月額|lordi|Eingruppierung|Inquadramento|pay(?:check|slip)?|severance|settlement|ex\s+gratia|Abfindung|indemnit\p{L}*|indemnizaci\p{L}*|inde[mn]niza[cç]\p{L}*|incentivo\s+all['’]esodo|transitievergoeding|ontslagvergoeding|odpraw\p{L}*|tazminat\p{L}*|выходн\p{L}+\s+пособи\p{L}+|退職金|遣散费|遣散費|資遣費|资遣费|补偿金|補償金|年終獎金|年终奖|prim\p{L}*|퇴직금|위로금|ค่าชดเชย|trợ\s+cấp\s+thôi\s+việc|pesangon|نهاية\s+الخدمة|פיצויי\p{L}*|b[óô]nus|bonus|compensation|wages?|earns?|年収|月給|月収|給与|給料|基本給|賞与|ボーナス|年俸|手取り|年薪|月薪|工资|工資|薪资|薪資|薪水|奖金|獎金|年终奖|연봉|월급|급여|상여금|보너스|เงินเดือน|โบนัส|ค่าจ้าง|salario|sueldo|bonificaci[oó]n|salaire|r[ée]mun[ée]ration|prime|sal[áa]rio|b[ôo]nus|Gehalt|Jahresgehalt|Prämie|Zulage|Sonderzahlung|Weihnachtsgeld|aumento|salari\p{L}*|Grundgehalt|Monatsgehalt|Lohn|Vergütung|verdien\p{L}*|brutto|netto|gross|raise|pay\s+rise|paid|earning\p{L}*|gagne\p{L}*|touche\p{L}*|per[çc]oi\p{L}*|brut\p{L}*|nets?(?![\p{L}])|augmentation|cobr\p{L}*|gana(?:r|n)?(?![\p{L}])|percibe|n[óo]mina|netos?|guadagn\p{L}*|percepisce|ganha\p{L}*|recebe\p{L}*|zarabi\p{L}*|zarob\p{L}*|podwyżk\p{L}*|pobor\p{L}*|loon|kazan\p{L}*|brüt|prim(?![\p{L}])|получа\p{L}*|доход\p{L}*|يتقاضى|تتقاضى|أجر|مرتب|מרוויח\p{L}*|ברוטו|נטו|thu\s+nhập|tunjangan|menerima|penghasilan|성과급|인센티브|상여|보수|임금|底薪|薪酬|收入|ได้รับ|stipendio|retribuzione|\bRAL\b|зарплат\p{L}*|заработн\p{L}*|оклад\p{L}*|преми\p{L}*|الراتب|راتب|مكافأة|lương|thưởng|gaji|salaris|wynagrodzeni\p{L}*|pensj\p{L}*|premi\p{L}|maaş\p{L}*|ikramiye|משכורת|שכר|בונוס|מענק|העלאה|תוספת/iu;
/** Statistics and rules rather than one person's pay. */
const NOT_PERSONAL =
  /average|median|mean|range|band|bänder|Bandbreite|pay\s+scale|밴드|범위|구간|레인지|バンド|レンジ|範囲|区间|區間|幅度|级距|級距|薪酬带|薪資帶|minimum|maximum|typical|平均|中央値|最低|相場|平均值|中位数|范围|평균|최저|เฉลี่ย|ขั้นต่ำ|promedio|m[ée]dia|moyen|Durchschnitt|Mindest|medi[ao]|средн|минимальн|متوسط|trung\s+bình|rata-rata|gemiddeld|średni|ortalama|ממוצע|grille|fourchette|Spanne|rango|fascia|faixa|przedział|widełki|aralığı|диапазон|вилк\p{L}*|نطاق|טווח|khung|kisaran|bandbreedte/iu;
/**
 * Invoices, orders, offers and prices: an amount there is a trade, and the capitalised words
 * around it a company or product ("Rechnung an Weber Logistik: 8.950 Euro brutto"). The weak
 * pay words (brutto, netto, bonus, paid) say nothing then; only a pay noun makes it pay.
 */
const COMMERCE =
  /(?<![\p{L}])(?:Rechnung\p{L}*|Bestellung\p{L}*|Angebot\p{L}*|Auftrag\p{L}*|Gutschein\p{L}*|Rabatt\p{L}*|Preis\p{L}*|Kaufpreis|MwSt|USt|zzgl|inkl|Lieferung\p{L}*|Lieferant\p{L}*|GmbH|AG|KG|UG|Ltd|Inc|LLC|invoices?|orders?|purchase|quotes?|quotation|discount|VAT|price[sd]?|vouchers?|coupon|supplier|vendor|factur\p{L}*|commande|devis|fournisseur|remise|TVA|pedido|presupuesto|proveedor|IVA|fattura|ordine|preventivo|fornitore|or[çc]amento|fornecedor|zam[óo]wieni\p{L}*|faktur\p{L}*|sipari[şs]\p{L}*|fatura\p{L}*|teklif\p{L}*|KDV|счёт|счет|заказ\p{L}*|поставщик\p{L}*|factuur|bestelling|offerte|leverancier|BTW|hóa\s+đơn|đơn\s+hàng|faktur|pesanan|pemasok)(?![\p{L}])|請求書|注文|見積|発注|订单|訂單|发票|發票|报价|報價|청구서|주문|견적|ใบแจ้งหนี้|ใบเสนอราคา|คำสั่งซื้อ|فاتورة|طلب\sشراء|חשבונית|הזמנה|הצעת\sמחיר/iu;
/** Pay nouns that keep their meaning in a commercial text: salary, Gehalt, Lohn, 給与, … */
const PAY_NOUNS =
  /salar\p{L}*|wages?|payroll|Gehalt|Gehälter|Jahresgehalt|Monatsgehalt|Grundgehalt|Lohn|Vergütung|salaire|sueldo|stipendio|retribuzione|zarplat|зарплат\p{L}*|оклад\p{L}*|wynagrodzeni\p{L}*|pensj\p{L}*|maaş\p{L}*|maas|salaris|lương|gaji|משכורת|שכר|راتب|الراتب|年収|月給|給与|給料|年薪|月薪|工资|工資|薪资|薪資|薪水|연봉|월급|급여|เงินเดือน/iu;

const AMOUNT = new RegExp(
  [
    // A currency sign or code before the number: ¥8,400,000, USD 120k, R$ 9.500, € 62.000
    String.raw`(?:[¥$€£₩₹₽₺₪฿₫]|\b(?:USD|EUR|JPY|GBP|CNY|RMB|KRW|THB|VND|IDR|PLN|TRY|ILS|RUB|CHF|SGD|HKD|TWD|AUD|CAD|INR|BRL|MXN|SAR|AED)\b|NT\$|R\$|Rp\.?)\s?\d(?:[\d,.' ]{0,14}\d)?(?:\s?(?:k|K|M|万|千|百万|억|만|million|Mio\.?|mln|juta|triệu|ล้าน))?`,
    // A number before its unit: 850万円, 28000元, 5,200만 원, 45,000 บาท, 62.000 Euro
    String.raw`\d[\d,.' ]{0,14}(?:\s?(?:万|千|百万|億|억|만|천|million|Mio\.?|mln|juta|triệu|ล้าน|тыс\.?|tys\.?|bin|ألف|אלף|k))?\s?(?:円|元|人民币|人民幣|块|원|บาท|[€₽₪₫₺₩₹£$¥]|đ(?![\p{L}])|ש["״]ח|(?:euros?|Euro|EUR|USD|JPY|GBP|CNY|PLN|TRY|ILS|RUB|CHF|SAR|AED|EGP|VND|VNĐ|IDR|THB|BRL|MXN|dollars?|yen|pounds?|руб(?:лей|\.)?|đồng|zł|złotych|TL|lira|שקל\S*|ريال|درهم|دولار|جنيه|دينار|rupiah|reais)(?![\p{L}]))`,
  ].join('|'),
  'gu',
);
/** A named person, as each language writes one before or around a pay word. */
const PERSON = new RegExp(
  [
    // Latin and Cyrillic: two or three capitalised words (with a particle: Jan de Vries), with a
    // possessive or not: Kenji Tanaka's; or one name with a possessive: John's
    String.raw`(?<![\p{L}])\p{Lu}\p{Ll}+(?:[ -](?:(?:de|van|von|der|den|da|di|del|la|le|bin|al)\s)?\p{Lu}\p{Ll}+){1,2}(?:'s|’s)?(?![\p{L}])`,
    String.raw`(?<![\p{L}])\p{Lu}\p{Ll}+(?:'s|’s)(?![\p{L}])`,
    // A name after a name label: 氏名：山田太郎, Name: Tanaka, 이름: 홍길동
    String.raw`(?:氏名|名前|姓名|이름|성명|ชื่อ|Name|Nom|Nombre|Nome|Имя|ФИО|الاسم|שם|Họ\s+tên|Nama|Naam|Imię|Ad\s+Soyad|Mitarbeiter(?:in)?|Employee)\s*:\s*[^\s:,;]{2,30}`,
    // Titles: Mr Smith, Frau Weber, Mme Martin, Sr. García, Pan Nowak, господин Иванов
    String.raw`(?<![\p{L}])(?:Mr|Mrs|Ms|Dr|Herr|Frau|M|Mme|Sr|Sra|Sig|Sig\.ra|Dhr|Mevr|[Mm]evrouw|[Mm]eneer|de\s+heer|Pan|Pani|[Pp]rof|Ing|Dott|Dott\.ssa|Avv|Sra?\.?\s+D\.?|Hr|Fr|Sayın|[Ss]eñora?|[Ss]ignora?|[Ss]enhora?|[Mm]onsieur|[Mm]adame|Bay|Bayan|Bapak|Ibu|Pak|Bu|anh|chị|ông|bà)\.?\s+\p{Lu}\p{Ll}+`,
    // Japanese and Korean names with an honorific or a job title: 田中さん, 김민수 씨, 박 과장
    String.raw`[\p{Script=Han}\p{Script=Katakana}]{1,5}(?:\s?[\p{Script=Han}]{1,3})?\s?(?:さん|様|氏|殿|君|くん|部長|課長|係長|主任)`,
    // A family name and initials: Lebedeva T., Козлов А., Егорову В. С., Priya N.; or initials first: P. Okafor, S. Moreau
    String.raw`(?<![\p{L}])\p{Lu}\p{Ll}{2,}\s\p{Lu}\.(?:\s?\p{Lu}\.)?(?![\p{L}])`,
    String.raw`(?<![\p{L}])\p{Lu}\.\s?(?:\p{Lu}\.\s?)?\p{Lu}\p{Ll}{2,}(?![\p{L}])`,
    // Lower-case titles in running text: dott. Greco, sig. Rossi
    String.raw`(?<![\p{L}])(?:dott|dott\.ssa|sig|sig\.ra|ing|avv)\.\s?\p{Lu}\p{Ll}+`,
    // Japanese full names without an honorific, from the common surnames: 田中太郎の, 佐藤花子は
    String.raw`(?:佐藤|鈴木|高橋|田中|伊藤|渡辺|渡邊|山本|中村|小林|加藤|吉田|山田|佐々木|山口|松本|井上|木村|斎藤|清水|山崎|森|池田|橋本|阿部|石川|山下|中島|石井|小川|前田|岡田|長谷川|藤田|後藤|近藤|村上|遠藤|青木|坂本|斉藤|福田|太田|西村|藤井|岡本|松田|中川|原田|小野|竹内|金子|和田|中野|原|藤原|村田|上田|横山|宮崎|谷口|大野|高木|宮本|久保|松井|内田|工藤|野口|杉山|吉川|菊地|千葉|桜井|大塚|平野|市川|須藤|今井|高野|丸山|増田|小島|藤本|村井|武田|上野|杉本|新井)[\p{Script=Han}\p{Script=Hiragana}]{1,3}?(?:の|は|が|：|:)`,
    // Korean: a common surname and a two-syllable given name before a particle: 홍길동의, 김민수는
    String.raw`(?<![\p{Script=Hangul}])(?!이번|이전|이후|정기|조정|신입|안내|한국|전체|최대|최소|장기|임시|기본|전년|전월|오늘|지난)[김이박최정강조윤장임한오서신권황안송류홍전고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용][\p{Script=Hangul}]{2}(?:(?:의|는|은|가|이)(?![\p{Script=Hangul}])|(?=\s?[,，:：(（]|\s+\p{N}|\s+(?:사원|대리|과장|차장|부장|팀장|주임|위로금|연봉|성과급)|$))`,
    String.raw`(?<![\p{Script=Hangul}])(?:[\p{Script=Hangul}]{2,4}\s?(?:씨|님)|[\p{Script=Hangul}]{1,4}\s?(?:과장|대리|부장|차장|팀장|주임|이사))(?:의|는|은|가|이|께서)?(?![\p{Script=Hangul}])`,
    // Chinese: a common surname and a given name, before 的 or a title: 王伟的, 李娜女士
    String.raw`(?:(?<![\p{Script=Han}])|(?<=员工|員工|同事|经理|經理|主管|职员|職員|与|與|对|對|给|給|向))[王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾萧蕭田董袁潘蒋蔣蔡余杜叶葉苏蘇魏吕呂丁沈姚卢盧姜崔钟鍾谭譚陆陸汪范金廖贾賈夏韦韋方白邹鄒孟熊秦邱江尹薛闫段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵钱錢严嚴覃武戴莫孔汤湯][\p{Script=Han}]{1,2}(?:的|先生|女士|经理|經理|总监|總監|[:：,，（(]|\s|\d|[解终終因的]|(?:今年|明年|去年|本月|上月|下月|本年度|下年度|本季)(?:的)?)`,
    // Thai, Arabic, Hebrew titles: คุณสมชาย, السيد أحمد, מר כהן
    String.raw`(?:คุณ|นาย|นางสาว|นาง|น\.ส\.|ดร\.)\s?[\p{Script=Thai}]{2,20}`,
    String.raw`(?:السيد|السيدة|الأستاذ)\s+[\p{Script=Arabic}]{2,20}`,
    String.raw`(?:מר|גב'|גברת|ד"ר|העובד|העובדת)\s+[\p{Script=Hebrew}]{2,20}`,
  ].join('|'),
  'gu',
);
/**
 * Arabic and Hebrew write no capitals: a common given name (with a prefix ل/و, ל/ו/ש), as HR text
 * names people: أحمد محمد, لمحمد علي, דני כהן, של רחל לוי. Run only on windows in those scripts.
 */
const SEMITIC_NAME = new RegExp(
  [
    String.raw`(?<![\p{Script=Arabic}])[لو]?(?:محمد|أحمد|احمد|علي|خالد|عبد\s?الله|عبد\s?الرحمن|عمر|يوسف|إبراهيم|ابراهيم|حسن|حسين|سعد|سعود|فهد|ناصر|سلمان|ماجد|طارق|وليد|ياسر|كريم|سامي|هشام|مصطفى|محمود|فاطمة|عائشة|مريم|سارة|نورة|نورا|هند|ليلى|زينب|خديجة|رانيا|منى|سلمى|نور|ريم|أمل|لينا|دينا|جميلة)(?![\p{Script=Arabic}])`,
    String.raw`(?<![\p{Script=Hebrew}])[ולש]?(?:דני|דנה|דניאל|יוסי|יוסף|משה|דוד|אברהם|יצחק|יעקב|שרה|רחל|רבקה|לאה|מיכל|נועה|תמר|אורי|אבי|רוני|רון|עומר|איתי|יונתן|שירה|מאיה|יעל|אסף|גיל|עמית|אלון|ליאור|רותם|חיים|שלמה|מרים|אסתר|נועם|איתן|אורית|ענת|הדס|גלית|שמואל|בנימין|אליהו|אהרון|עידו|טל|שני|ליאת|אביטל|מוחמד|אחמד)\s+[\p{Script=Hebrew}]{2,12}(?![\p{Script=Hebrew}])`,
  ].join('|'),
  'u',
);
const SEMITIC_SCRIPT = /[\u0590-\u06ff]/u;

/** Capitalised words of sentence openings, headings, job titles and places rather than names. */
export const NOT_A_NAME = new Set(
  `The This That These Our Your Their His Her Its Base Annual Monthly Total New Gross Net Salary Bonus
  Pay Employee Employees Staff All Each Every Senior Junior Lead Chief Head Principal Associate Software
  Engineer Engineers Manager Managers Director Directors Analyst Developer Officer Specialist Consultant
  Designer Administrator Assistant Executive President Vice Team Department Office Group Division Sales
  Marketing Finance Human Resources Legal Support Operations Tokyo Osaka London Paris Berlin Bangkok Seoul
  Singapore Shanghai Beijing Madrid Company Corporate Level Grade Band Step Job Role Position Starting
  Der Die Das Den Dem Ein Eine Im Neue Neuer Le La Les Un Une El Los Las Il Lo Gli De Het Een Bu Bir
  Для Все Los Este Esta Ce Cette Questo Questa`.split(/\s+/),
);

const WINDOW = 80;

/** A table column of people: Name, 氏名, 姓名, 이름, ชื่อ, Mitarbeiter, … */
const NAME_HEADER =
  /^(?:(?:full\s+)?name|employee|氏名|名前|社員名|姓名|员工|員工|이름|성명|직원|ชื่อ|พนักงาน|nombre|empleado|nom|employé|nome|dipendente|funcionário|Mitarbeiter(?:in)?|naam|medewerker|imię(?:\s+i\s+nazwisko)?|pracownik|ad(?:ı)?\s+soyad(?:ı)?|çalışan|имя|фио|сотрудник|الاسم|الموظف|שם|עובד|họ\s+tên|nhân\s+viên|nama|karyawan)$/iu;
/** A pay column: a pay word, or an amount in a table that also has a column of people's names. */
const PAY_HEADER = new RegExp(PAY_WORDS.source, 'iu');
const AMOUNT_HEADER =
  /^(?:amount|sum|total|Betrag|Summe|montant|importe|importo|valor|bedrag|kwota|tutar|сумма|金額|金额|금액|จำนวนเงิน|số\s+tiền|jumlah|المبلغ|סכום|pr[ée]mio|premie|prämie|bonus)$/iu;
const NUMBER = /\d(?:[\d,.' ]{0,14}\d)?/u;

/** Finds amounts of pay next to a pay word and a named person, in sentences and in tables. */
export function findSalaries(text: string): RawFinding[] {
  const found: RawFinding[] = [...findInTables(text)];
  // One scan for amounts, read by the named-person pass and the first-name pass.
  const amounts = [...text.matchAll(AMOUNT)];
  for (const m of amounts) {
    const value = m[0].trimEnd();
    if (
      !/\d{3}|\d[,.' ]\d{3}|\d\s?(?:万|억|만|k|K|M|million|Mio|mln|triệu|juta|ล้าน|тыс|tys|bin|ألف|אלף)/.test(
        value,
      )
    )
      continue; // not a small count
    const start = m.index;
    const end = start + value.length;
    const before = text.slice(Math.max(0, start - WINDOW), start);
    const after = text.slice(end, end + 24);
    const around = `${before.slice(-60)} ${after}`;
    // One end of a range is a band, not a person's pay: 82.000–91.000 €, 5,800만~7,200만 원.
    if (/\d\s?[–~-]\s?$/.test(before) || /^\s?[–~-]\s?\d/.test(after)) continue;
    if (!PAY_WORDS.test(around) || NOT_PERSONAL.test(around)) continue;
    if (COMMERCE.test(around) && !PAY_NOUNS.test(around)) continue;
    if (found.some((f) => f.start < end && start < f.end)) continue;
    if (namedPerson(before) || namedPerson(text.slice(end, end + 48)))
      found.push({ type: 'salary', start, end });
  }
  for (const m of text.matchAll(PERCENT_RAISE)) {
    const start = m.index + m[0].length - m[1]!.length;
    const end = start + m[1]!.length;
    const [from, to] = sentenceAround(text, start, end);
    const sentence = text.slice(from, to);
    if (found.some((f) => f.start < end && start < f.end) || NOT_PERSONAL.test(sentence)) continue;
    if (namedPerson(sentence) || firstNameNearPay(sentence)) found.push({ type: 'salary', start, end });
  }
  for (const m of amounts) {
    // A pay amount next to a first name only: "indemnité de Fabrice : 27 000 €", "Tariq – £6,250".
    const value = m[0].trimEnd();
    const start = m.index;
    const end = start + value.length;
    if (found.some((f) => f.start < end && start < f.end) || !/\d[,.' ]?\d{3}|\d{4}/.test(value)) continue;
    const [from, to] = sentenceAround(text, start, end);
    const sentence = text.slice(from, to);
    if (!PAY_NOUNS.test(sentence) && !STRONG_PAY.test(sentence)) continue;
    if (NOT_PERSONAL.test(sentence) || (COMMERCE.test(sentence) && !PAY_NOUNS.test(sentence))) continue;
    if (firstNameNearPay(text.slice(Math.max(from, start - 60), start)))
      found.push({ type: 'salary', start, end });
  }
  return [...found, ...siblingAmounts(text, found)];
}

/**
 * The other amounts of a sentence that states one person's pay: "38万元，比去年涨了 4.5万元",
 * "72,500 บาท … ปรับขึ้นจากเดิม 6,500 บาท", a new salary and its raise.
 */
function siblingAmounts(text: string, found: readonly RawFinding[]): RawFinding[] {
  const siblings: RawFinding[] = [];
  for (const pay of found) {
    const [from, to] = sentenceAround(text, pay.start, pay.end);
    for (const m of text.slice(from, to).matchAll(AMOUNT)) {
      const value = m[0].trimEnd();
      const start = from + m.index;
      const end = start + value.length;
      const span = { start, end };
      if (
        !/\d/.test(value) ||
        found.some((f) => overlaps(f, span)) ||
        siblings.some((f) => overlaps(f, span))
      )
        continue;
      siblings.push({ type: 'salary', start, end });
    }
  }
  return siblings;
}

/** A raise in per cent: "Erhöhung um 6,5 %", "augmentation individuelle de 4 %", 涨薪 8%. */
const PERCENT_RAISE =
  /(?:raise|increase|pay\s+rise|Erhöhung|Gehaltserhöhung|augmentation|aumento|reajuste|verhoging|loonsverhoging|podwyżk\p{L}*|zam\p{L}*|повышени\p{L}*|zam|昇給|涨薪|调薪|調薪|加薪|인상|ขึ้นเงินเดือน|tăng\s+lương|kenaikan\s+gaji|زيادة|העלאה)[^\n.。]{0,30}?(\d{1,2}(?:[.,]\d{1,2})?\s?%)/giu;
/** Severance and bonus words that name one person's money by themselves. */
const STRONG_PAY =
  /severance|settlement|ex\s+gratia|bonus|Abfindung|Prämie|indemnit\p{L}*|prime|indemnizaci\p{L}*|inde[mn]niza[cç]\p{L}*|esodo|incentivo|b[óô]nus|transitievergoeding|odpraw\p{L}*|premi\p{L}|tazminat\p{L}*|ikramiye|пособи\p{L}+|преми\p{L}+|退職金|賞与|奖金|獎金|보너스|성과급|퇴직금|โบนัส|ค่าชดเชย|thưởng|pesangon|مكافأة|בונוס|פיצויי\p{L}*/iu;
/** A first name before pay: after a preposition ("de Rocío", "for Priya N.") or opening a list item ("Tariq – £6,250"). */
const FIRST_NAME_PAY =
  /(?:(?<![\p{L}])(?:for|für|pour|para|per|de|di|do|da|com|con|avec|mit|met|voor|dla|z|için|с|для)\s+(?:(?:la|le|el|il|der|die|den)\s+)?\p{Lu}\p{Ll}{2,}(?:\s+\p{Lu}\.)?|(?:^|[;\n•:]\s*)\p{Lu}\p{Ll}{2,}(?:\s+\p{Lu}\p{Ll}+)?\s*[–—:-])(?![\p{L}])/u;
const NOT_FIRST_NAME =
  /^(?:The|This|Der|Die|Das|Le|La|Les|El|Los|Las|Il|Lo|Gli|O|A|Os|As|De|Het|Een|Bonus|Team|Q[1-4]|Total|Summe|Gesamt|Janvier|January|Januar|Enero|Gennaio)$/;

function firstNameNearPay(window: string): boolean {
  const m = FIRST_NAME_PAY.exec(window);
  if (!m) return false;
  const name = /\p{Lu}\p{Ll}{2,}/u.exec(m[0])?.[0] ?? '';
  return !NOT_FIRST_NAME.test(name) && !NOT_A_NAME.has(name) && !COMMERCE.test(m[0]);
}

/** Cells of a pay column in a table that lists people (a name column, or a name in the row). */
function findInTables(text: string): RawFinding[] {
  const people = columnCells(text, NAME_HEADER).length > 0;
  const cells = [...columnCells(text, PAY_HEADER), ...(people ? columnCells(text, AMOUNT_HEADER) : [])];
  if (cells.length === 0) return [];
  const found: RawFinding[] = [];
  for (const cell of cells) {
    const amount = NUMBER.exec(cell.value);
    if (!amount || !/\d{3}|\d[,.' ]\d{3}|\d\s?(?:万|억|만|k|K|M)/u.test(cell.value)) continue;
    if (!people && !namedPerson(cell.row.replace(cell.value, ''))) continue;
    found.push({ type: 'salary', start: cell.start, end: cell.start + cell.value.length });
  }
  return found;
}

/** German capitalises every noun, so two capitalised words there ("Bereich Vertrieb") are a name only after von/für/an. */
export const GERMAN =
  /(?<![\p{L}])(?:der|die|das|und|ist|beträgt|erhält|für|mit|im|ein|eine|nicht)(?![\p{L}])/iu;
const NAME_BEFORE = /(?:von|für|an|bei|Herrn?|Frau)\s+$/u;
/** Words of German noun pairs ("Bereich Vertrieb", "Tarifgruppe Stufe"): organisational nouns and noun endings. */
const GERMAN_NOUN =
  /^(?:Bereich|Abteilung|Team|Gruppe|Stufe|Standort|Region|Filiale|Niederlassung|Projekt|Vertrieb|Einkauf|Verwaltung|Personal|Leitung|Jahr|Monat|Euro|Stelle|Position|Ebene|Klasse|Vertrag|Arbeit|Zeit|Bonus|Basis)$|(?:ung|heit|keit|schaft|tion|tät|ment|ismus|tum|nis|gehalt|lohn|stufe|gruppe|zulage|prämie|zahlung|summe|betrag)$/u;
const PARTICLE = /^(?:De|Di|Da|Del|Della|Van|Von|Der|Den|Du|Dos|Das|La|Le)$/;
const CAPITALISED_PAIR = /^(?!(?:Herrn?|Frau|Dr)\.?\s)\p{Lu}\p{Ll}+[ -]/u;

/** A named person in a window of text: a capitalised full name, a name after a name label, a title, an honorific. */
export function namedPerson(window: string): boolean {
  if (SEMITIC_SCRIPT.test(window) && SEMITIC_NAME.test(window)) return true;
  const german = GERMAN.test(window);
  PERSON.lastIndex = 0;
  for (let m = PERSON.exec(window); m; m = PERSON.exec(window)) {
    const words = m[0].replace(/['’]s$/, '').split(/[ -]/);
    const nounPair =
      german &&
      CAPITALISED_PAIR.test(m[0]) &&
      !NAME_BEFORE.test(window.slice(0, m.index)) &&
      words.some((w) => GERMAN_NOUN.test(w));
    // A capitalised particle inside a name is no heading word: Laura De Luca, Anna Da Silva.
    const heading = words.some(
      (w, i) => NOT_A_NAME.has(w.replace(/\.$/, '')) && !(i > 0 && PARTICLE.test(w)),
    );
    if (!nounPair && !heading) return true;
    // "Das Jahresgehalt von Herr Weber": a rejected match may hide a name inside it.
    PERSON.lastIndex = m.index + 1;
  }
  return false;
}
