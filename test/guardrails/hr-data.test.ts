import { describe, expect, it } from 'vitest';
import type { GuardContext } from '../../src/guardrails/guard.js';
import { normalizeForScan } from '../../src/guardrails/normalize.js';
import { createPiiScanner } from '../../src/guardrails/pii-scanner.js';
import type { RawFinding } from '../../src/guardrails/scanner.js';

const context: GuardContext = { readers: [], sources: [], language: 'en' };
const scanner = createPiiScanner();

function found(text: string): [string, string][] {
  const n = normalizeForScan(text);
  return (scanner.scan(n.text, context) as readonly RawFinding[]).map((f) => {
    const span = n.toOriginal(f.start, f.end);
    return [f.type, text.slice(span.start, span.end)];
  });
}

describe('personal HR data', () => {
  it('finds pay next to a named person', () => {
    expect(found("Kenji Tanaka's base salary is ¥8,400,000.")).toEqual([['salary', '¥8,400,000']]);
    expect(found('田中さんの年収は850万円です。')).toEqual([['salary', '850万円']]);
    expect(found('王伟的月薪为28000元。')).toEqual([['salary', '28000元']]);
    expect(found('김민수 씨의 연봉은 5,200만 원입니다.')).toEqual([['salary', '5,200만 원']]);
    expect(found('เงินเดือนของคุณสมชายคือ 45,000 บาท')).toEqual([['salary', '45,000 บาท']]);
    expect(found('Das Jahresgehalt von Herr Weber beträgt 72.000 €.')).toEqual([['salary', '72.000 €']]);
  });

  it('finds a salary whose person is named in the list item or line above it (HR records written as bullets)', () => {
    expect(found('- Maria Lopez\n- salary: 84,000 EUR')).toEqual([['salary', '84,000 EUR']]);
    expect(found('* Name: Maria Lopez\n* Salary: 84,000 EUR per year')).toHaveLength(1);
    expect(found('1. Employee: Maria Lopez\n2. Annual salary: EUR 84,000')).toHaveLength(1);
    expect(found('Maria Lopez\n- salary: 84,000 EUR')).toHaveLength(1);
  });

  it('finds bank account numbers next to bank or branch words', () => {
    expect(found('振込先 みずほ銀行 渋谷支店 普通 1234567')).toEqual([['bank_account', '1234567']]);
    expect(found('Bitte an Sparkasse Köln, Kontonummer 1234567890.')).toEqual([
      ['bank_account', '1234567890'],
    ]);
    expect(found('Sort code 12-34-56, account number 12345678 (Barclays).')).toEqual([
      ['bank_account', '12345678'],
    ]);
    expect(found('국민은행 123-45-678901 (예금주 김민수)')).toEqual([['bank_account', '123-45-678901']]);
  });

  it('finds pay and account numbers in tables of people and banks', () => {
    expect(found('| Name | Base salary |\n|---|---|\n| Kenji Tanaka | ¥8,400,000 |')).toEqual([
      ['salary', '¥8,400,000'],
    ]);
    expect(found('氏名\t年収\n田中太郎\t850万円')).toEqual([['salary', '850万円']]);
    expect(found('| 銀行 | 支店 | 口座番号 |\n|---|---|---|\n| みずほ銀行 | 渋谷支店 | 1234567 |')).toEqual([
      ['bank_account', '1234567'],
    ]);
    expect(found('| Grade | Salary range |\n|---|---|\n| L3 | ¥5,000,000–¥6,500,000 |')).toEqual([]);
    expect(found('| Item | Account |\n|---|---|\n| Office supplies | 6100 |')).toEqual([]);
  });

  it('stays quiet on pay scales, averages and account numbers that are not bank accounts', () => {
    for (const text of [
      'The average salary in Tokyo is ¥6,000,000.',
      'The starting salary for a Software Engineer is ¥5,000,000.',
      'Bonuses are paid in June and December.',
      '平均年収は600万円です。',
      '工程师的月薪为20000元。',
      '신입사원의 연봉은 3,000만 원입니다.',
      'Neue Mitarbeiter erhalten ein Gehalt von 4.000 Euro.',
      'Customer account number 12345678 is on your contract.',
      'Order 1234567 was shipped from the Osaka branch.',
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });

  it('finds pay in every answer language: earn verbs, gross/net, units after the amount, names without capitals', () => {
    for (const [text, amount] of [
      ['המשכורת של דני כהן היא 18,500 ₪ ברוטו.', '18,500 ₪'],
      ['יוסי לוי מרוויח 25,000 ש"ח בחודש.', '25,000 ש"ח'],
      ['Jean Martin gagne 48 000 € par an.', '48 000 €'],
      ['Pan Jan Kowalski zarabia 8 500 zł brutto miesięcznie.', '8 500 zł'],
      ['Wynagrodzenie Anny Nowak wynosi 12 000 PLN.', '12 000 PLN'],
      ['يتقاضى أحمد محمد راتباً شهرياً قدره 15,000 ريال.', '15,000 ريال'],
      ['الراتب الأساسي لمحمد علي هو 9,500 جنيه', '9,500 جنيه'],
      ['Anna Schmidt erhält ein Bruttogehalt von 65.000 € im Jahr.', '65.000 €'],
      ['Frau Müller verdient 4.200 Euro brutto im Monat.', '4.200 Euro'],
      ['Chị Trần Thị Hoa nhận mức lương 18 triệu đồng mỗi tháng.', '18 triệu đồng'],
      ['Lương của Lê Minh Tuấn là 30.000.000 VNĐ.', '30.000.000 VNĐ'],
      ['Maria López cobra 52.000 € brutos al año.', '52.000 €'],
      ['Иванов Иван получает оклад 120 тыс. руб.', '120 тыс. руб.'],
      ['박지성 님의 성과급은 500만 원입니다.', '500만 원'],
      ['John Smith is paid £45,000 a year.', '£45,000'],
    ]) {
      expect(found(text!), text).toEqual([['salary', amount]]);
    }
  });

  it('finds account numbers after a bare account word, with inflected bank words and bank names', () => {
    for (const [text, account] of [
      ['account 00123456 sort code 20-00-00', '00123456'],
      ['חשבון מספר 123456 בבנק הפועלים, סניף 612', '123456'],
      ['Compte n° 12345678901 à la Banque Populaire, agence de Lyon', '12345678901'],
      ['Przelew na rachunek 61109010140000071219812874 w mBanku', '61109010140000071219812874'],
      ['حساب رقم 001234567 في مصرف الراجحي', '001234567'],
      ['Bankverbindung: Deutsche Bank, Kto. 1234567', '1234567'],
      ['Rekeningnummer 123456789 bij de ING', '123456789'],
      ['Nomor rekening BCA 1234567890 atas nama Budi', '1234567890'],
      ['โอนเข้าบัญชีธนาคารกสิกรไทย เลขที่ 123-4-56789-0', '123-4-56789-0'],
    ]) {
      expect(found(text!), text).toEqual([['bank_account', account]]);
    }
  });

  it('stays quiet on pay ranges and bank names in every language', () => {
    for (const text of [
      'טווח השכר למשרה: 15,000–20,000 ₪',
      'La grille salariale prévoit 2 000 € pour le niveau A.',
      'Das Durchschnittsgehalt in Deutschland beträgt 4.100 €.',
      'Bank of America and Chase are large banks.',
      'Tracking number 1234567890123 from the bank courier.',
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });

  it('finds a bonus or raise granted to a person named after the amount, and leaves budgets alone', () => {
    expect(found('Approved: a $7,500 signing bonus for Daniel Kim.')).toEqual([['salary', '$7,500']]);
    expect(found('Für Herrn Schulz wurde eine Prämie von 2.500 € genehmigt.')).toEqual([
      ['salary', '2.500 €'],
    ]);
    expect(found('Para Javier Ruiz se aprobó un aumento a 3.900 € mensuales.')).toEqual([
      ['salary', '3.900 €'],
    ]);
    expect(found('Die Gehaltsbänder reichen von 50.000 € bis 70.000 €.')).toEqual([]);
    expect(found('תקציב השכר של המחלקה: 400,000 ₪.')).toEqual([]);
  });
});

describe('amounts and numbers that are not personal data', () => {
  it('passes invoices, orders and offers to companies in German', () => {
    for (const text of [
      'Bestellung von Schmidt Elektro: 12.400 € netto, Lieferung im Mai.',
      'Die Rechnung an Weber Logistik beträgt 8.950 Euro brutto.',
      'Angebot Siemens Healthineers: 25.000 € netto zzgl. MwSt.',
    ]) {
      expect(found(text), text).toEqual([]);
    }
    expect(found('Das Jahresgehalt von Herrn Weber beträgt 68.000 €.')).toEqual([['salary', '68.000 €']]);
  });

  it('passes Turkish order, invoice and parcel numbers written like phone numbers', () => {
    const turkish: GuardContext = { readers: [], sources: [], language: 'tr' };
    const phones = (text: string) =>
      (scanner.scan(text, turkish) as readonly RawFinding[])
        .filter((f) => f.type === 'phone')
        .map((f) => text.slice(f.start, f.end));
    for (const text of [
      'Sipariş numaranız 0532 123 45 67 olarak kaydedildi.',
      'Fatura no: 0312 456 78 90',
      'Kargo takip numarası 0850 222 33 44',
    ]) {
      expect(phones(text), text).toEqual([]);
    }
    expect(phones('Telefon: 0532 123 45 67')).toEqual(['0532 123 45 67']);
  });
});
