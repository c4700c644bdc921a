import { describe, expect, it } from 'vitest';
import { normalizeForScan } from '../../src/guardrails/normalize.js';
import { findStandaloneTokens } from '../../src/guardrails/standalone-tokens.js';

/** The values reported as handed-over tokens, in normalised text. */
function tokens(text: string): string[] {
  const normalized = normalizeForScan(text).text;
  return findStandaloneTokens(normalized).map((f) => normalized.slice(f.start, f.end));
}

describe('secrets handed over with no word at all', () => {
  it('finds a random token whatever language surrounds it', () => {
    const cases: [string, string][] = [
      ['The shared value for the VPN is hT4kWq9ZpL2xR7mN3vB8.', 'hT4kWq9ZpL2xR7mN3vB8'],
      ['Utilisez Xq7Lm2Pz9Rt4Kw8Nb3Vc pour vous connecter.', 'Xq7Lm2Pz9Rt4Kw8Nb3Vc'],
      ['Użyj wartości Kp4Zx9Qm2Lt7Rw3Nb8V, aby się połączyć.', 'Kp4Zx9Qm2Lt7Rw3Nb8V'],
      ['استخدم القيمة Rt5Km9Qx2Lp7Zw4Nb8V للدخول.', 'Rt5Km9Qx2Lp7Zw4Nb8V'],
      ['השתמשו בערך Wq3Lp8Zx2Km7Rt4Nb9V כדי להתחבר.', 'Wq3Lp8Zx2Km7Rt4Nb9V'],
      ['连接时请输入Zk4Qm8Lp2Xt7Rw3Nb9V。', 'Zk4Qm8Lp2Xt7Rw3Nb9V'],
      ['ค่าที่ใช้ร่วมกันคือ Qx2Lm7Kp9Zt4Rw8Nb3V', 'Qx2Lm7Kp9Zt4Rw8Nb3V'],
      ['Enter **P3kX9z!Lm2Qw7#Rt** at the prompt.', 'P3kX9z!Lm2Qw7#Rt'],
      ['Bağlanırken a8f3k29dj4m2p9x7q1z5w6 değerini girin.', 'a8f3k29dj4m2p9x7q1z5w6'],
    ];
    for (const [text, value] of cases) expect(tokens(text), text).toEqual([value]);
  });

  it('stays quiet on ids, hashes, paths, product names and encoded files', () => {
    for (const text of [
      'Your order number is ORD-2026-8781-3224 and ticket INC0012345 is closed.',
      'The commit 3f9a2b7c1d4e5f60718293a4b5c6d7e8f9012345 fixed it.',
      'Checksum (SHA-256): 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d08a4f7c0f2a3',
      'Request id 550e8400-e29b-41d4-a716-446655440000, tracking 1Z999AA10123456784, ISBN 978-3-16-148410-0.',
      'Model ThinkPadX1CarbonGen11 with Win11Pro22H2x64, iPhone15ProMax256GB and E5-2690v4@2.60GHz.',
      'Run C:\\Tools\\Setup\\x64\\PolyDeskInstaller2024.msi from \\\\fileserver01\\Shared\\HR2024\\Q3Report.xlsx',
      'See https://drive.google.com/file/d/1A2bC3dE4fG5hI6jK7lM8nO9pQ/view?usp=sharing',
      'integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC"',
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq3Lkz0Bj8XyC3P9Yv7wR2mT5nD1sF4hK6 ops@host',
      '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\nRTESMBAGA1UEChMJQmFsdGltb3JlMRMwEQYDVQQLEwpDeWJlclRydXN0\n-----END CERTIFICATE-----',
      '![logo](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk)',
    ]) {
      expect(tokens(text), text).toEqual([]);
    }
  });
});
