import type { RawFinding } from './scanner.js';
import { columnCells } from './table-cells.js';
import { labelNear } from './text-window.js';

/*
 * Bank account numbers: a number after an account label (account number, Kontonummer, 口座番号,
 * 계좌번호, เลขที่บัญชี, ...) or after a Japanese account kind (普通, 当座), with a bank or branch
 * word nearby (bank, sort code, BLZ, 銀行, 支店, 은행, ธนาคาร, ...). Account numbers carry no
 * common check digit, so the two labels are what makes a digit string an account; IBANs have
 * their own validated type.
 */

const ACCOUNT_LABEL = String.raw`(?:(?:bank\s+)?account\s*(?:number|no\.?|#|(?=:))|acct\.?\s*(?:no\.?|#|number)?|a\/c(?:\s+no\.?)?|Kontonummer|Konto-?Nr\.?|Konto|num[ée]ro\s+de\s+compte|n[°º]\s*de\s+compte|n[úu]mero\s+de\s+(?:la\s+)?(?:cuenta|conta)|n[°º]\s*de\s+cuenta|numero\s+(?:di\s+)?conto|conto\s+corrente|rekeningnummer|rekening|numer\s+(?:konta|rachunku)|nr\s+(?:konta|rachunku)|hesap\s+(?:numarası|no)|номер\s+(?:сч[её]та|расч[её]тного\s+сч[её]та)|расч[её]тный\s+сч[её]т|сч[её]т\s*№?|р\/сч?|رقم\s+الحساب|מספר\s+חשבון|s[ốo]\s+t[àa]i\s+kho[ảa]n|STK|nomor\s+rekening|no\.?\s*rek(?:ening)?\.?|口座番号|口座|普通(?:預金)?|当座(?:預金)?|貯蓄(?:預金)?|银行账号|银行账户|银行卡号|账号|帳號|賬號|帐号|账户|帳戶|계좌\s?번호|계좌|เลขที่บัญชี|เลขบัญชี|บัญชีเลขที่|บัญชี(?:ธนาคาร\S{0,12})?(?:\s*เลขที่)?|Kto\.?(?:-?Nr\.?)?|חשבון(?:\s+(?:מספר|מס['׳]))?|מס['׳]\s+חשבון|حساب(?:\s+رقم)?|(?<![\p{L}])(?:account|compte|cuenta|conta(?:\s+corrente)?|conto|konto|konta|rachun\p{L}{0,3}|rekening|hesab\p{L}{0,3}|сч[её]т\p{L}{0,2}|tài\s+khoản)(?![\p{L}]))`;
const BANK_WORDS =
  /(?<![\p{L}])(?:bank|banks|branch|sort\s*code|routing|ABA|BIC|SWIFT|BLZ|Filiale|Sparkasse|banque|agence|RIB|banco|agencia|agência|sucursal|banca|ABI|CAB|oddział|banka\p{L}*|şube|БИК|ngân\s+hàng|chi\s+nhánh|cabang)(?![\p{L}])|[\p{L}]*bank(?:en|u|i|a|ów|s)?(?![\p{L}])|(?<![\p{L}])(?:ING|ABN\s?AMRO|BNP|HSBC|Barclays|Chase|Citi|Lloyds|NatWest|Santander|BBVA|CaixaBank|UniCredit|Intesa|Bradesco|Itaú|BCA|BRI|BNI|Mandiri|Garanti|Akbank|Ziraat|PKO|Pekao|Сбер\p{L}*|Vietcombank|Techcombank|ICBC|SCB|KBank|Leumi|Hapoalim|الراجحي|الأهلي|לאומי|הפועלים|דיסקונט|מזרחי)(?![\p{L}])|банк|отделени|بنك|مصرف|فرع|בנק|סניף|银行|銀行|支行|分行|开户行|開戶行|支店|信用金庫|信金|ゆうちょ|振込先|振込|은행|지점|ธนาคาร|สาขา/iu;
const ACCOUNT_HEADER = new RegExp(`^(?:${ACCOUNT_LABEL}|account|番号)$`, 'iu');
/** A label, a short gap (and n°, Nr.), then 6 to 26 digits (Poland's NRB has 26) with single spaces or dashes between groups. */
const LABELLED_NUMBER = new RegExp(
  String.raw`${ACCOUNT_LABEL}[\s:#.№-]{0,4}(?:(?:n[°º.]|no\.|nr\.?|núm\.|Nr\.)\s{0,2})?(?:\([^)\n]{1,12}\)\s*)?(?:\p{Lu}[\p{L}&]{1,14}\s{1,2})?(\d(?:[ -]?\d){5,25})(?![\w]|-\d)`,
  'giu',
);
/** Korean and Chinese write the bank name straight before the number: 국민은행 123-45-678901, 招商银行 6225…. */
const BANK_THEN_NUMBER =
  /(?:은행|银行|銀行|ธนาคาร\S{0,12})\s?(\d{2,6}-\d{2,6}-\d{2,8}(?:-\d{1,4})?)(?![\w]|-\d)/gu;

/** Finds bank account numbers in normalised text. */
export function findBankAccounts(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  const push = (m: RegExpMatchArray) => {
    const start = m.index! + m[0].length - m[1]!.length;
    const end = start + m[1]!.length;
    if (found.some((f) => f.start < end && start < f.end)) return;
    if (labelNear(text, start, end, BANK_WORDS, 80, 60)) found.push({ type: 'bank_account', start, end });
  };
  for (const m of text.matchAll(LABELLED_NUMBER)) push(m);
  for (const m of text.matchAll(BANK_THEN_NUMBER)) push(m);
  // A table with an account column: | Bank | Branch | Account number |
  for (const cell of columnCells(text, ACCOUNT_HEADER)) {
    const end = cell.start + cell.value.length;
    if (!/^\d(?:[ -]?\d){5,19}$/.test(cell.value) || found.some((f) => f.start < end && cell.start < f.end))
      continue;
    if (BANK_WORDS.test(cell.row) || labelNear(text, cell.start, end, BANK_WORDS, 200, 0)) {
      found.push({ type: 'bank_account', start: cell.start, end });
    }
  }
  return found;
}
