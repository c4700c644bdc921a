import { describe, expect, it } from 'vitest';
import { maskedExcerpt, scanDocumentAtRest, sensitiveRecords } from '../../src/guardrails/at-rest-scan.js';
import {
  canonicalize,
  fingerprintValue,
  keyedHash,
  seedFromKey,
  windowHashes,
} from '../../src/guardrails/fingerprint.js';
import { createGuardrail } from '../../src/guardrails/guardrail.js';
import { normalizeForScan } from '../../src/guardrails/normalize.js';
import { SensitiveRegistry } from '../../src/guardrails/sensitive-registry.js';

const seed = seedFromKey(Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 3));
const KEY = 'Zq7mK2vR9xW4pL8nT3bY6hJ1cF5dS0gA8eU2oI7r';
const PIN = '483920';

function registry(values: Record<string, string>) {
  return new SensitiveRegistry(
    seed,
    Object.entries(values).map(([docId, value]) => ({
      docId,
      type: 'secret' as const,
      fingerprint: fingerprintValue(seed, value)!,
    })),
  );
}

const found = (r: SensitiveRegistry, text: string) => {
  const normalized = normalizeForScan(text);
  return r.findReproduced(normalized.text).map((f) => ({ ...f, ...normalized.toOriginal(f.start, f.end) }));
};

describe('sensitive-value registry', () => {
  it('folds each character on its own, whatever surrounds it, and maps every unit back to its source', () => {
    // The definition: letters and digits, each lower-cased alone (Σ stays σ at a word's end, İ becomes i̇).
    const reference = (text: string) => {
      let out = '';
      const at: number[] = [];
      for (let i = 0; i < text.length; ) {
        const width = text.codePointAt(i)! > 0xffff ? 2 : 1;
        const ch = text.slice(i, i + width);
        if (/[\p{L}\p{N}]/u.test(ch)) {
          const folded = ch.toLowerCase();
          out += folded;
          for (let k = 0; k < folded.length; k += 1) at.push(i);
        }
        i += width;
      }
      return { text: out, at };
    };
    const samples = [
      'Pass-Word 9 ÄÖÜ ΟΔΟΣ Σ İstanbul 𝐀𝐁c 中文ﾊﾟ 😀x ا٣ שלום ñ́',
      'ΣΊΣΥΦΟΣ and ΣΑΣ: İİ, 𐐀𐐁 (Deseret capitals), Ǆ ǅ',
    ];
    for (const text of samples) {
      const { text: folded, at } = canonicalize(text);
      expect({ text: folded, at: [...at] }).toEqual(reference(text));
    }
  });

  it('hashes every run of a length into the buffer exactly as it hashes each run alone', () => {
    const text = 'pässwörd9kÄ2中文ﾊﾟ😀x';
    for (const length of [1, 6, 8, text.length, text.length + 1]) {
      const out = new Float64Array(text.length);
      const count = windowHashes(seed, text, length, out);
      expect(count).toBe(Math.max(0, text.length - length + 1));
      for (let i = 0; i < count; i += 1) expect(out[i]).toBe(keyedHash(seed, text, i, i + length));
    }
    expect(() => windowHashes(seed, text, 2, new Float64Array(3))).toThrow(RangeError);
  });

  const r = registry({ runbook: KEY, alarm: PIN });

  it('finds a registered value whatever the spacing, punctuation, width or case around it', () => {
    for (const text of [
      `The key is ${KEY}.`,
      `key: ${KEY.toLowerCase()}`,
      `鍵は「${KEY.replace(/(.{4})/g, '$1 ')}」です`,
      `Ｋｅｙ：${[...KEY].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('')}`,
      `${KEY.slice(0, 20)}-${KEY.slice(20)}`,
    ]) {
      expect(
        found(r, text).map((f) => f.docId),
        text,
      ).toEqual(['runbook']);
    }
  });

  it('finds a value in a text longer than the reused buffers, and still in an answer after it', () => {
    const long = `${'Ordinary words, nothing to see. '.repeat(2500)}Use ${KEY} now`;
    expect(long.length).toBeGreaterThan(0x10000);
    expect(found(r, long).map((f) => long.slice(f.start, f.end))).toEqual([KEY]);
    expect(found(r, `PIN ${PIN}.`).map((f) => f.docId)).toEqual(['alarm']);
  });

  it('points at the reproduced characters of the text as given', () => {
    const text = `Use ${KEY} now`;
    const [f] = found(r, text);
    expect(text.slice(f!.start, f!.end)).toBe(KEY);
  });

  it('finds a long enough part of a long value, but not a chance 8-character overlap', () => {
    expect(found(r, `starts with ${KEY.slice(5, 19)} and so on`)).toHaveLength(1);
    expect(found(r, `the code ${KEY.slice(10, 19)} is something else`)).toEqual([]);
  });

  it('matches a short value only whole', () => {
    expect(found(r, `The alarm code is ${PIN}.`).map((f) => f.docId)).toEqual(['alarm']);
    expect(found(r, 'Call extension 4839 or room 20.')).toEqual([]);
  });

  it('stores no value: fingerprints are numbers made with the key, and another key gives others', () => {
    const one = fingerprintValue(seed, KEY)!;
    const other = fingerprintValue(seedFromKey(new Uint8Array(32).fill(1)), KEY)!;
    expect(JSON.stringify(one)).not.toContain(KEY.slice(0, 8));
    expect(one.whole).not.toBe(other.whole);
    expect(fingerprintValue(seed, 'abc12')).toBeUndefined();
  });

  it('holds an answer through the guard whatever else it says, and names the document', async () => {
    const guard = createGuardrail({ registry: () => r });
    const verdict = await guard.check(
      `For the bucket, you will need ${KEY.replace(/(.{5})/g, '$1 ')} (ask ops).`,
      {
        readers: [{ email: 'a@corp.example', groups: ['all'] }],
        sources: [],
        language: 'en',
      },
    );
    expect(verdict.action).toBe('hold');
    expect(verdict.findings.some((f) => f.docId === 'runbook')).toBe(true);
  });
});

describe('at-rest document scan', () => {
  const values = async (text: string) => (await scanDocumentAtRest(text)).flatMap((f) => f.values);

  it('finds values in config blocks and key/value lines, never the key names', async () => {
    const doc = [
      '# Backup runbook',
      '```ini',
      '[offsite]',
      'region = ap-northeast-1',
      'bucket = lumenworks-backups-apne1',
      `aws_secret_access_key = ${KEY}`,
      'db_password: Hx7-vault!pass',
      '```',
    ].join('\n');
    const found = await values(doc);
    expect(found).toContain(KEY);
    expect(found).toContain('Hx7-vault!pass');
    expect(found.join(' ')).not.toMatch(/aws_secret_access_key|lumenworks-backups|ap-northeast/);
  });

  it('finds a value after a credential word in prose, with or without a separator, in several languages', async () => {
    for (const [text, value] of [
      ['To connect for maintenance use user billing_admin, password Wq4#tz8Lm.', 'Wq4#tz8Lm'],
      ['保守用のパスワード Tk92!mzq を使ってください。', 'Tk92!mzq'],
      ['维护账号的密码 Qa7#kP20x，请勿外传。', 'Qa7#kP20x'],
      ['รหัสผ่าน Pz8!wq72k สำหรับเครื่องสำรอง', 'Pz8!wq72k'],
    ] as const) {
      expect(await values(text), text).toContain(value);
    }
  });

  it('leaves sentences that only talk about passwords and names alone', async () => {
    const clean = [
      'Set up your laptop, password, multi-factor authentication (MFA) and VPN on day one.',
      'Do not give visitors your own credentials for **LumenWorks-Personal**.',
      'Reset your password in the portal; passwords need 12 characters.',
      'If the laptop asks for a password, connect to "LumenWorks-Setup" and start the VPN.',
      'Report anyone asking for your password to security@lumenworks.example.',
    ];
    for (const text of clean) expect(await values(text), text).toEqual([]);
  });

  it('registers the digits of an identifier whatever their grouping, and masks every value in an excerpt', async () => {
    const text = 'Corporate card: 4111 1111 1111 1111, password: Hx7-vault!pass for the portal.';
    const findings = await scanDocumentAtRest(text);
    expect(findings.some((f) => f.type === 'credit_card' && f.values[0] === '4111 1111 1111 1111')).toBe(
      true,
    );
    const excerpt = maskedExcerpt(text, findings[0]!, findings);
    expect(excerpt).not.toContain('4111');
    expect(excerpt).not.toContain('Hx7');
    const { records, counts } = await sensitiveRecords(seed, text);
    expect(counts).toMatchObject({ credit_card: 1, password: 1 });
    expect(JSON.stringify(records)).not.toMatch(/4111|Hx7/);
  });
});
