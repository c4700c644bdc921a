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
});
