import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { RawFinding } from './scanner.js';
import { labelNear } from './text-window.js';

/*
 * Phone numbers: international (+E.164 with a known country code and a plausible length) and the
 * national formats a multinational meets (Japan, Korea, China, Thailand, France, North America).
 * A bare digit string is not a phone number unless a label says so: order numbers, amounts and
 * dates are digit strings too.
 */

const SEP = '[ \\-./\\u2010-\\u2015ー]';
/**
 * Digit groups joined by single separators or parentheses, optionally after a `+`. At most eight
 * groups: no phone number has more, and an unbounded run ("1 2 3 4 …") made the prefix search
 * below cubic in its length (measured: 380 ms for 2,000 characters of spaced digits).
 */
const CANDIDATE = new RegExp(
  `(?<![\\w+\\-./])(?:\\+\\d{1,3}${SEP}?)?(?:\\(\\d{1,5}\\)${SEP}?)?\\d{1,15}(?:(?:${SEP}|${SEP}?\\(|\\)${SEP}?)\\d{1,8}){0,7}`,
  'g',
);
/** Phone labels; Latin-script words stand alone ("Castello" and "Möbel" hold no label). */
const LABEL = new RegExp(
  [
    '電話|携帯|手机|手機|电话|電話番号|联系|聯絡|聯繫|連絡先|전화|휴대폰|핸드폰|휴대전화|연락처|โทร|มือถือ|เบอร์|ติดต่อ|ファ[ック]*クス|内線',
    "טל['׳]?|טלפון|נייד|פלאפון|סלולרי|هاتف|الهاتف|جوال|الجوال|موبايل|محمول|اتصل|للتواصل|تواصل|واتساب",
    // Latin and Cyrillic words stand alone; stems take their endings (telefonu, Telefonnummer, komórkowy)
    String.raw`(?<![\p{L}])(?:TEL|tel\.?|telp\.?|phone|numero\s+(?:privato|personale|di\s+cellulare)|n[uú]mero\s+(?:particular|personal|privado)|privat|perso|priv[ée]|cell(?:phone|ular)?|tel[eé]fono|m[oó]vil|celular|cellulare|ll[aá]m[ea](?:me)?|ligue|chiama|telem[oó]vel|contact[oa]?|contatto|kontakt\p{L}*|telefon\p{L}*|telefoon\p{L}*|telepon|Handy\p{L}*|mobil\p{L}*|Rufnummer|erreichbar|t[ée]l[ée]phon\p{L}*|portable|joindre|call|fax|WhatsApp|WA|HP|ponsel|hubungi|тел\.?|телефон\p{L}*|моб\.?|мобильн\p{L}*|звоните|zadzwo[ńn]\p{L}*|dzwo[ńn]\p{L}*|kom[óo]rk\p{L}*|kom\.|numara\p{L}*|arayın|cep|GSM|bel|bellen|điện\s+thoại|di\s+động|liên\s+hệ|gọi|Zalo|hotline|SĐT|ĐT)(?![\p{L}])`,
  ].join('|'),
  'iu',
);
/**
 * A contact line: a person's name or an e-mail address straight before the number ("Maria López:
 * 612 345 678", "marco.rossi@example.it / 347 123 4567"). It stands for a label only where the
 * number is valid in the answer language's countries.
 */
const CONTACT_LINE =
  /(?:(?<![\p{L}])\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,2}|@[\w-]+(?:\.[\w-]+)+)\s{0,2}[:–—,(/|-]?\s{0,2}\(?$/u;
/** Capitalised words of headings and references rather than names. */
const NOT_A_NAME =
  /(?<![\p{L}])(?:Number|Numbers|Numer|Nummer|N[úu]mero|Numero|Num[ée]ro|Nr|No|Service|Support|Order|Orders|Invoice|Ticket|Reference|Ref|Case|Account|Customer|Faktura|Rechnung|Bestellung|Kunde|Pedido|Factura|Commande|Facture|Ordine|Fattura|Sipariş|Fatura|Zamówienie|Bestelnummer|Factuur|Total|Code|Tracking|Item|Product|Version|Model|Serial|Table|Page|Room|Line)(?![\p{L}])/u;

/**
 * Words that name a non-phone reference number: an order, invoice, tracking, product or ticket
 * number is often written in a phone's digit groups (Turkish "Sipariş numaranız 0532 123 45 67").
 * Bare number words (no, Nr, numara, number) are left out: they follow phone words too (Tel No).
 */
const REFERENCE =
  /(?<![\p{L}])(?:order|invoice|tracking|shipment|parcel|ticket|case|booking|reservation|reference|ref|SKU|product|item|part|serial|PO|Bestell\p{L}*|Rechnung\p{L}*|Auftrag\p{L}*|Sendung\p{L}*|Artikel\p{L}*|commande|facture|suivi|colis|r[ée]servation|pedido|factura|seguimiento|env[íi]o|ordine|fattura|spedizion\p{L}*|encomenda|fatura\p{L}*|rastreio|заказ\p{L}*|сч[её]т\p{L}*|накладн\p{L}*|отслеживани\p{L}*|zam[óo]wieni\p{L}*|faktur\p{L}*|przesy[łl]k\p{L}*|sipari[şs]\p{L}*|takip|kargo\p{L}*|[üu]r[üu]n\p{L}*|fi[şs]|makbuz\p{L}*|poli[çc]e\p{L}*|ba[şs]vuru\p{L}*|bestelling\p{L}*|factuur\p{L}*|zending\p{L}*|pesanan|resi|đơn\s+hàng|hóa\s+đơn|vận\s+đơn)(?![\p{L}])|الطلب|طلب|فاتورة|الفاتورة|الشحنة|تتبع|הזמנה|ההזמנה|חשבונית|משלוח|注文|伝票|订单|訂單|发票|發票|运单|運單|주문|송장|운송장|คำสั่งซื้อ|ออเดอร์|พัสดุ|ใบแจ้งหนี้|สินค้า/iu;
/** Phone labels that outweigh a reference word: everything but the bare number words. */
const NUMBER_WORD = /^(?:numara\p{L}*|WA|HP|bel)$/iu;
const REFERENCES = new RegExp(REFERENCE.source, 'giu');
const LABELS = new RegExp(LABEL.source, 'giu');

/** A reference word (order, invoice, tracking, …) before the number, with no phone word after it. */
function referenceNumber(before: string): boolean {
  let last = -1;
  for (const m of before.matchAll(REFERENCES)) last = m.index + m[0].length;
  if (last === -1) return false;
  for (const m of before.slice(last).matchAll(LABELS)) {
    if (!NUMBER_WORD.test(m[0])) return false;
  }
  return true;
}

function contactLine(before: string): boolean {
  const m = CONTACT_LINE.exec(before);
  return m !== null && !NOT_A_NAME.test(m[0]);
}

/** Countries whose national formats an answer in each language most likely uses. */
const COUNTRIES: Readonly<Record<string, readonly CountryCode[]>> = {
  ja: ['JP'],
  ko: ['KR'],
  zh: ['CN', 'HK', 'SG'],
  'zh-TW': ['TW', 'HK'],
  th: ['TH'],
  vi: ['VN'],
  id: ['ID'],
  tr: ['TR'],
  pl: ['PL'],
  ru: ['RU'],
  de: ['DE', 'AT', 'CH'],
  fr: ['FR', 'BE', 'CH'],
  es: ['ES', 'MX'],
  it: ['IT'],
  pt: ['BR', 'PT'],
  nl: ['NL', 'BE'],
  ar: ['SA', 'AE', 'EG'],
  he: ['IL'],
  en: ['US', 'GB', 'AU', 'IN', 'SG'],
};

/**
 * Finds phone numbers in normalised text. `language` (BCP-47) names the countries whose national
 * formats are checked against libphonenumber-js beyond the formats known here.
 */
export function findPhoneNumbers(text: string, language = ''): RawFinding[] {
  const found: RawFinding[] = [];
  const countries = COUNTRIES[language] ?? COUNTRIES[language.split('-')[0]!] ?? [];
  for (const m of text.matchAll(CANDIDATE)) {
    const span = longestValidPrefix(text, m.index, m[0], countries);
    if (
      !span ||
      companyLine(text.slice(span.start, span.end), text.slice(Math.max(0, span.start - 40), span.start))
    )
      continue;
    found.push({ type: 'phone', start: span.start, end: span.end });
  }
  return found;
}

/**
 * A company's line rather than a person's: toll-free and shared-cost numbers (0120, 0800, 400,
 * 1-800, 8-800, 1588, 1800, …), or a number labelled as a meeting, conference or build id.
 * Those are published, not personal data.
 */
const TOLL_FREE = [
  /^0120\d{6}$|^0570\d{6}$/, // Japan (0120 free dial, 0570 navi dial)
  /^0800\d{6,7}$/, // 0800 (Japan, UK, Germany, France, Taiwan); not 080-xxxx (Japanese mobiles)
  /^0805\d{6}$|^0180\d{6,8}$/, // France, German shared-cost lines (not 0809/0900: Taiwanese and Vietnamese mobiles)
  /^1?8(?:00|88|77|66|55|44|33)\d{7}$/, // North America
  /^[48]00\d{7}$/, // China
  /^(?:900|901|902)\d{6}$/, // Spain
  /^(?:800|801|803)\d{5,7}$/, // Italy, Poland, Saudi Arabia
  /^444\d{4}$/, // Turkey
  /^8800\d{7}$/, // Russia
  /^1[5-8]\d{6}$/, // Korea's eight-digit company numbers (1588-xxxx)
  /^1[789]00\d{4,6}$/, // Vietnam, Israel, Australia (no trunk 0)
  /^9200\d{5}$/, // Saudi Arabia
];
const ID_LABEL_BEFORE =
  /(?:(?:meeting|conference|webinar|zoom|teams|webex|call)\s*(?:id|number|no\.?|#)|(?:build|version|versi|ticket|order|invoice|case)\s*(?:no\.?|nr\.?|#|id)?)[\s:：]*$/iu;
/** Company lines by their label: a fax, a switchboard, customer service, a hotline. */
const COMPANY_LABEL_BEFORE =
  /(?:fax\p{L}*|telefax|传真|傳真|ファックス|팩스|แฟกซ์|فاكس|פקס|switchboard|main\s+line|reception|customer\s+(?:service|care)|service\s+(?:client|clients|desk)|helpline|hotline|Zentrale|Kundenservice|Kundendienst|standard|accueil|centralino|servizio\s+clienti|servicio\s+al\s+cliente|atención\s+al\s+cliente|atendimento|apoio\s+ao\s+cliente|klantenservice|schadelijn|centrala|obsługa\s+klienta|infolinia|müşteri\s+hizmetleri|çağrı\s+merkezi|santral|колл-центр|горячая\s+линия|служба\s+поддержки|приёмная|代表|お客様相談室|コールセンター|客服|总机|總機|热线|熱線|고객센터|대표\s?번호|콜센터|ศูนย์บริการ|คอลเซ็นเตอร์|tổng\s+đài|chăm\s+sóc\s+khách\s+hàng|layanan\s+pelanggan|call\s+center|خدمة\s+العملاء|السنترال|מוקד|שירות\s+לקוחות|מרכזייה)[^\n\d]{0,40}$/iu;

function companyLine(value: string, before: string): boolean {
  if (ID_LABEL_BEFORE.test(before) || COMPANY_LABEL_BEFORE.test(before)) return true;
  if (value.startsWith('+')) return false;
  const digits = value.replace(/\D/g, '');
  return TOLL_FREE.some((re) => re.test(digits));
}

/** The candidate may run into neighbouring numbers; drop trailing groups until what is left is a phone number. */
function longestValidPrefix(
  text: string,
  start: number,
  candidate: string,
  countries: readonly CountryCode[],
): { start: number; end: number } | undefined {
  let value = candidate.replace(/[\s\-./(\u2010-\u2015ー]+$/, '');
  // "Sipariş numaranız 0532 123 45 67": a number named an order, invoice or parcel is not a
  // phone in a national format; an international +90 number still is.
  if (!value.startsWith('+') && referenceNumber(text.slice(Math.max(0, start - 32), start))) return undefined;
  // The label is looked for before the number only, so once per candidate.
  const labelled = labelNear(text, start, start, LABEL, 48, 0);
  const contact = labelled || contactLine(text.slice(Math.max(0, start - 48), start));
  for (;;) {
    const end = start + value.length;
    if (!/[\w]/.test(text[end] ?? '')) {
      if (isPhone(value, labelled) || nationalValid(value, contact, countries)) return { start, end };
    }
    const cut = value.search(/[ \-./\u2010-\u2015ー()]+\d+\)?$/);
    if (cut <= 0) return undefined;
    value = value.slice(0, cut);
  }
}

function isPhone(value: string, labelled: boolean): boolean {
  // Germany writes the area code before a slash: 089/12345678, 0171/1234567.
  if (value.includes('/')) return /^0\d{2,4}\/\d{4,8}(?:-\d{1,5})?$/.test(value);
  const groups = value.split(/[ \-.\u2010-\u2015ー()]+/).filter((g) => g.length > 0);
  const digits = groups.join('').replace(/^\+/, '');
  if (digits.length < 8 || digits.length > 15) return false;
  if (value.startsWith('+')) return internationalValid(value);
  const dots = value.includes('.');
  if (digits.startsWith('0') && !digits.startsWith('00')) {
    if (/^0[1-9](?:[ .]\d\d){4}$/.test(value)) return true; // France: 01 23 45 67 89
    if (dots && !labelled) return false; // versions and dates use dots; Vietnam writes 090.123.4567
    if (groups.length < 2) return labelled && digits.length >= 9 && digits.length <= 12;
    const last = groups[groups.length - 1]!;
    if (last.length < 3 || groups[0]!.length > 5 || groups.length > 4) return false;
    // Nine digits: Seoul and Bangkok 02-123-4567, Thai provinces 053-123-456.
    if (digits.length === 9) return ['2,3,4', '3,3,3'].includes(groups.map((g) => g.length).join(','));
    if (digits.length === 10 || digits.length === 11) return true;
    return digits.length === 12 && groups.length === 2 && groups[0]!.length === 4 && last.length === 8;
  }
  // China mobile: 138 1234 5678 (labelled when unseparated).
  if (/^1[3-9]\d{9}$/.test(digits) && (groups.length === 3 || labelled)) {
    return groups.length === 1 || groups.map((g) => g.length).join(',') === '3,4,4';
  }
  // North America: (415) 555-0132, 415-555-0132.
  if (/^[2-9]\d\d[2-9]\d{6}$/.test(digits) && /^(?:\(\d{3}\) ?|\d{3}[-.])\d{3}[-.]\d{4}$/.test(value)) {
    return !/^\d{3}\.\d{3}\.\d{4}$/.test(value) || labelled;
  }
  // Anything else with a phone label nearby: Spain's 912 345 678 and the like.
  return labelled && groups.length >= 2 && digits.length >= 9 && digits.length <= 12;
}

/**
 * A national number the formats above do not know (Turkey 0532 123 45 67, Russia 8 (495) 123-45-67,
 * Poland 601 234 567): valid in one of the answer language's countries by libphonenumber-js's
 * number plan, and either labelled or written in groups after a trunk prefix.
 */
function nationalValid(value: string, labelled: boolean, countries: readonly CountryCode[]): boolean {
  if (
    (value.includes('.') && !labelled) ||
    value.includes('/') ||
    value.startsWith('+') ||
    /^\d{4}-\d{4}$/.test(value)
  )
    return false;
  const groups = value.split(/[\s\-()]+/).filter((g) => g.length > 0);
  const digits = value.replace(/\D/g, '');
  if (digits.length < 9) return false;
  // Unlabelled, only the way people write a national number to dial: a trunk prefix (not the
  // international 00), three or more groups, ten or eleven digits.
  const dialled = /^\(?(?:0[1-9]|8)/.test(value) && groups.length >= 3 && digits.length <= 11;
  if (!labelled && !(dialled && digits.length >= 10)) return false;
  return countries.some((country) => parsePhoneNumberFromString(value, country)?.isValid() ?? false);
}

/**
 * An international number is possible for its country (libphonenumber-js's maintained metadata:
 * the country code exists and the national number has one of its lengths). A trunk zero written
 * in parentheses, +81 (0)3-1234-5678, is not dialled.
 */
function internationalValid(value: string): boolean {
  const dialled = `+${value.replace(/\(0\)/, '').replace(/\D/g, '')}`;
  return parsePhoneNumberFromString(dialled)?.isPossible() ?? false;
}
