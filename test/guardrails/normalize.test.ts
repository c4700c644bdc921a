import { describe, expect, it } from 'vitest';
import { normalizeForScan } from '../../src/guardrails/normalize.js';

/** The original text a normalised span points back to. */
function originalOf(text: string, needle: string): string {
  const n = normalizeForScan(text);
  const at = n.text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const span = n.toOriginal(at, at + needle.length);
  return text.slice(span.start, span.end);
}

describe('normalizeForScan', () => {
  it('turns full-width digits and letters into ASCII and maps back to the full-width text', () => {
    const text = 'カード番号は４１１１－１１１１です';
    const n = normalizeForScan(text);
    expect(n.text).toBe('カード番号は4111-1111です');
    expect(originalOf(text, '4111-1111')).toBe('４１１１－１１１１');
  });

  it('removes zero-width and bidi characters inside a key, and the span covers them', () => {
    const text = 'key AKIA\u200bIOSF\u2060ODNN\u202e7EXAMPLE end';
    const n = normalizeForScan(text);
    expect(n.text).toBe('key AKIAIOSFODNN7EXAMPLE end');
    expect(originalOf(text, 'AKIAIOSFODNN7EXAMPLE')).toBe('AKIA\u200bIOSF\u2060ODNN\u202e7EXAMPLE');
  });

  it('composes combining characters and half-width kana without losing the offsets of what follows', () => {
    const text = 'Cafe\u0301 ｶﾞｲﾄﾞ: hunter2';
    const n = normalizeForScan(text);
    expect(n.text).toBe('Café ガイド: hunter2');
    expect(originalOf(text, 'hunter2')).toBe('hunter2');
    expect(originalOf(text, 'é')).toBe('e\u0301');
    expect(originalOf(text, 'ガ')).toBe('ｶﾞ');
  });

  it('keeps surrogate pairs whole and maps spans after emoji correctly', () => {
    const text = '👍🏽 mail taro@example.com 😀';
    expect(originalOf(text, 'taro@example.com')).toBe('taro@example.com');
    const n = normalizeForScan(text);
    const span = n.toOriginal(0, 2);
    expect(text.slice(span.start, span.end)).toBe('👍');
  });

  it('expands a compatibility character and maps every part of it to the whole', () => {
    const text = '㍿ 機密';
    const n = normalizeForScan(text);
    expect(n.text).toBe('株式会社 機密');
    expect(originalOf(text, '会社')).toBe('㍿');
  });

  it('keeps the way back when expansions make the text much longer than the original', () => {
    // ﷺ becomes 18 characters, ㍿ four: the output outgrows any map sized to the input.
    const text = `${'ﷺ㍿'.repeat(40)} pass: Ｑｗ９`;
    const n = normalizeForScan(text);
    expect(n.text.length).toBeGreaterThan(text.length * 5);
    const at = n.text.indexOf('Qw9');
    expect(n.toOriginal(at, at + 3)).toEqual({ start: text.length - 3, end: text.length });
    expect(n.toOriginal(0, 18)).toEqual({ start: 0, end: 1 });
  });

  it('returns a text that is already NFKC and holds nothing invisible unchanged, in any script', () => {
    const text = 'Пароль для сети — в письме. 密码在邮件里。 רשת האורחים';
    const n = normalizeForScan(text);
    expect(n.text).toBe(text);
    expect(n.toOriginal(7, 10)).toEqual({ start: 7, end: 10 });
  });

  it('widens a span to the whole cluster even when the text needs no normalising', () => {
    const thai = 'รหัสผ่าน';
    expect(normalizeForScan(thai).toOriginal(4, 5)).toEqual({ start: 4, end: 6 });
    const emoji = 'x😀y';
    expect(normalizeForScan(emoji).toOriginal(1, 2)).toEqual({ start: 1, end: 3 });
  });

  it('returns plain ASCII unchanged with an identity map', () => {
    const text = 'password: hunter2\n';
    const n = normalizeForScan(text);
    expect(n.text).toBe(text);
    expect(n.toOriginal(10, 17)).toEqual({ start: 10, end: 17 });
  });
});

describe('normalizeForScan and Thai', () => {
  it('keeps SARA AM whole so that Thai words still match as typed', () => {
    expect(normalizeForScan('เลขประจำตัวประชาชน คำสั่ง').text).toBe('เลขประจำตัวประชาชน คำสั่ง');
  });
});
