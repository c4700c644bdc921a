import { describe, expect, it } from 'vitest';
import type { GuardContext } from '../../src/guardrails/guard.js';
import { normalizeForScan } from '../../src/guardrails/normalize.js';
import { createPiiScanner } from '../../src/guardrails/pii-scanner.js';
import type { RawFinding } from '../../src/guardrails/scanner.js';

const context: GuardContext = { readers: [], sources: [], language: 'en' };
const scanner = createPiiScanner();

/** Findings as [type, original text] pairs, scanned the way the guardrail does. */
function found(text: string): [string, string][] {
  const n = normalizeForScan(text);
  const findings = scanner.scan(n.text, context) as readonly RawFinding[];
  return findings.map((f) => {
    const span = n.toOriginal(f.start, f.end);
    return [f.type, text.slice(span.start, span.end)];
  });
}

describe('personal-data scanner', () => {
  it('finds e-mail addresses, not the user:password part of a URL', () => {
    expect(found('連絡先は taro.yamada@example.co.jp です')).toEqual([
      ['email', 'taro.yamada@example.co.jp'],
    ]);
    expect(found('mailto:Help.Desk+it@Example.com')).toEqual([['email', 'Help.Desk+it@Example.com']]);
    expect(found('postgres://app:Tokyo#058@mq.corp.local/hr')).toEqual([]);
    expect(found('ping @channel or see user@localhost')).toEqual([]);
  });

  it('finds Japanese, Korean, Chinese, Thai and international phone numbers', () => {
    for (const phone of [
      '03-1234-5678',
      '090-1234-5678',
      '080-8654-4095',
      '03(1234)5678',
      '０３－１２３４－５６７８',
      '+81 3-1234-5678',
      '+81 (0)3 1234 5678',
      '010-1234-5678',
      '02-123-4567',
      '138 1234 5678',
      '+86 10 1234 5678',
      '081-234-5678',
      '+66 2 123 4567',
      '+34 912 345 678',
      '+1 (415) 555-0132',
      '(212) 555-0187',
      '01 23 45 67 89',
      '+44 20 7946 0958',
    ]) {
      expect(found(`call ${phone} today`), phone).toEqual([['phone', phone]]);
    }
  });

  it("leaves companies' toll-free lines and meeting ids alone: published, not personal", () => {
    for (const text of [
      'Customer hotline 0120-123-456 (weekdays)',
      '客服热线 400-820-1234，工作日 9:00–18:00',
      '客服專線 0800-000-123',
      'Call 1-800-555-0199 for the insurer',
      'Zoom meeting ID 835 2210 4479',
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });

  it('does not take dates, times, amounts, versions, order numbers or postal codes for phone numbers', () => {
    for (const text of [
      'on 2026-03-31 at 14:30',
      'due 03-12-2026',
      'order ORD-0120-4567-8901',
      'total 1,234,567 yen',
      'version 0.12.3456',
      '〒100-0005 東京都',
      'room 12-304',
      'build 10.0.19045.3803',
      'ticket 2024-0815-3342',
      'Meeting ID 845 1234 5678',
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });

  it('finds payment cards that pass Luhn and belong to a network, in the usual groupings', () => {
    expect(found('card 4111 1111 1111 1111 exp 12/28')).toEqual([['credit_card', '4111 1111 1111 1111']]);
    expect(found('Amex 3782-822463-10005')).toEqual([['credit_card', '3782-822463-10005']]);
    expect(found('カード４１１１１１１１１１１１１１１１で')).toEqual([
      ['credit_card', '４１１１１１１１１１１１１１１１'],
    ]);
    expect(found('card 4111 1111 1111 1112')).toEqual([]); // Luhn fails
    expect(found('ref 9111 1111 1111 1111')).toEqual([]); // no network starts with 9
    expect(found('ref 41111 11111 111111')).toEqual([]); // not a card grouping
  });

  it('finds IBANs that pass mod 97', () => {
    expect(found('IBAN DE89 3704 0044 0532 0130 00.')).toEqual([['iban', 'DE89 3704 0044 0532 0130 00']]);
    expect(found('IBAN GB82WEST12345698765432')).toEqual([['iban', 'GB82WEST12345698765432']]);
    expect(found('IBAN GB82WEST12345698765431')).toEqual([]);
  });

  it('finds a My Number only with its check digit and a label nearby', () => {
    expect(found('マイナンバー：1234 5678 9018')).toEqual([['my_number', '1234 5678 9018']]);
    expect(found('個人番号は123456789018です')).toEqual([['my_number', '123456789018']]);
    expect(found('受付番号 123456789018')).toEqual([]); // valid check digit, no label
    expect(found('マイナンバー：123456789017')).toEqual([]); // label, wrong check digit
  });

  it('finds SSNs only with a label and in issued ranges', () => {
    expect(found('SSN: 123-45-6789')).toEqual([['ssn', '123-45-6789']]);
    expect(found('123-45-6789 (Social Security)')).toEqual([['ssn', '123-45-6789']]);
    expect(found('part 123-45-6789')).toEqual([]);
    expect(found('SSN: 666-45-6789')).toEqual([]);
  });

  it('finds Korean, Chinese and Thai national identifiers with their checks', () => {
    expect(found('주민등록번호: 900101-1234568')).toEqual([['kr_rrn', '900101-1234568']]);
    expect(found('number 900101-1234568')).toEqual([['kr_rrn', '900101-1234568']]); // check digit holds
    expect(found('주민등록번호 201015-3918274')).toEqual([['kr_rrn', '201015-3918274']]); // since 2020, labelled
    expect(found('number 201015-3918274')).toEqual([]);
    expect(found('身份证号码：11010519491231002X')).toEqual([['cn_resident_id', '11010519491231002X']]);
    expect(found('身份证：11010519491231002x')).toEqual([['cn_resident_id', '11010519491231002x']]);
    expect(found('号码 110105194912310021')).toEqual([]);
    expect(found('เลขประจำตัวประชาชน 1-1017-00230-70-8')).toEqual([['th_national_id', '1-1017-00230-70-8']]);
    expect(found('บัตรประชาชน 1101700230708')).toEqual([['th_national_id', '1101700230708']]);
    expect(found('ticket 1101700230708')).toEqual([]); // bare 13 digits, no label
  });

  it("finds national phone numbers of the answer language's countries, labelled or written to dial", () => {
    const inLanguage = (text: string, language: string) => {
      const n = normalizeForScan(text).text;
      return (scanner.scan(n, { ...context, language }) as readonly RawFinding[]).map((f) =>
        n.slice(f.start, f.end),
      );
    };
    expect(inLanguage('Call me at 0532 123 45 67.', 'tr')).toEqual(['0532 123 45 67']);
    expect(inLanguage('Тел.: 8 (495) 123-45-67', 'ru')).toEqual(['8 (495) 123-45-67']);
    expect(inLanguage('Zadzwoń: 601 234 567', 'pl')).toEqual(['601 234 567']);
    expect(inLanguage('手机：13812345678', 'zh')).toEqual(['13812345678']);
    expect(inLanguage('Faktura 601 234 567 została opłacona.', 'pl')).toEqual([]);
    expect(inLanguage('Il Castello Reale (1596-1619) e la Chiesa dei Gesuiti.', 'it')).toEqual([]);
  });

  it('finds the national identifiers of every answer language, with their check digit and label', () => {
    const ids = [
      ['Mijn BSN is 111222333.', '111222333'],
      ['Numer PESEL pracownika: 44051401359.', '44051401359'],
      ['O CPF do cliente é 529.982.247-25.', '529.982.247-25'],
      ['Mi DNI es 12345678Z.', '12345678Z'],
      ['NIE: X1234567L', 'X1234567L'],
      ['Il codice fiscale è RSSMRA85T10A562S.', 'RSSMRA85T10A562S'],
      ['Numéro de sécurité sociale : 1 85 05 78 006 084 91', '1 85 05 78 006 084 91'],
      ['T.C. Kimlik No: 10000000146', '10000000146'],
      ['מספר תעודת זהות: 123456782', '123456782'],
      ['身分證字號：A123456789', 'A123456789'],
      ['Steuer-ID: 86095742719', '86095742719'],
      ['СНИЛС 112-233-445 95', '112-233-445 95'],
      ['National Insurance number: QQ 12 34 56 C', 'QQ 12 34 56 C'],
      ['Số CCCD: 001099012345', '001099012345'],
      ['NIK: 3171234567890001', '3171234567890001'],
      ['رقم الهوية الوطنية: 1234567897', '1234567897'],
    ];
    for (const [text, id] of ids) expect(found(text!)).toEqual([['national_id', id]]);
  });

  it('leaves unlabelled digit strings and wrong check digits alone', () => {
    expect(found('Order 111222333 shipped; ticket 44051401359 closed.')).toEqual([]);
    expect(found('Mijn BSN is 111222334.')).toEqual([]);
    expect(found('Build 12345678Z passed.')).toEqual([]);
    expect(found('NIK: 1234')).toEqual([]);
  });

  it('finds phones after inflected labels, in Arabic-Indic digits, dotted and with an area-code slash', () => {
    const inLanguage = (text: string, language: string) => {
      const n = normalizeForScan(text).text;
      return (scanner.scan(n, { ...context, language }) as readonly RawFinding[]).map((f) =>
        n.slice(f.start, f.end),
      );
    };
    expect(inLanguage('Numer telefonu Jana Kowalskiego: 601 234 567', 'pl')).toEqual(['601 234 567']);
    expect(inLanguage("טל' 03-6123456", 'he')).toEqual(['03-6123456']);
    expect(inLanguage('للتواصل مع السيد خالد: ٠٥٠١٢٣٤٥٦٧', 'ar')).toEqual(['٠٥٠١٢٣٤٥٦٧']);
    expect(inLanguage('Sie erreichen Herrn Müller unter 089/12345678.', 'de')).toEqual(['089/12345678']);
    expect(inLanguage('Liên hệ chị Lan qua số 090.123.4567', 'vi')).toEqual(['090.123.4567']);
    expect(inLanguage('Nomor HP Budi: 0812-3456-7890', 'id')).toEqual(['0812-3456-7890']);
    expect(inLanguage('Il cellulare di Marco è 347 123 4567', 'it')).toEqual(['347 123 4567']);
    expect(inLanguage('Stand 01/02/2024, Version 1.2.3', 'de')).toEqual([]);
  });

  it('takes a name or an e-mail address straight before a valid national number as a contact line', () => {
    const inLanguage = (text: string, language: string) => {
      const n = normalizeForScan(text).text;
      return (scanner.scan(n, { ...context, language }) as readonly RawFinding[]).map((f) =>
        n.slice(f.start, f.end),
      );
    };
    expect(inLanguage('Maria López: 612 345 678', 'es')).toEqual(['612 345 678']);
    expect(inLanguage('Jan Kowalski, 601 234 567', 'pl')).toEqual(['601 234 567']);
    expect(inLanguage('Pedido Número: 123 456 789', 'es')).toEqual([]);
    expect(inLanguage('Joseph Schumpeter (1883–1950) and Thorstein Veblen (1857–1929)', 'en')).toEqual([]);
  });

  it('finds IBANs in lower case and before a BIC', () => {
    expect(found('ES91 2100 0418 4502 0005 1332 BIC CAIXESBBXXX')).toEqual([
      ['iban', 'ES91 2100 0418 4502 0005 1332'],
    ]);
    expect(found('iban: gb82west12345698765432')).toEqual([['iban', 'gb82west12345698765432']]);
  });
});
