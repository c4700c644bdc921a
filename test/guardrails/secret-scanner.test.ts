import { describe, expect, it } from 'vitest';
import type { GuardContext } from '../../src/guardrails/guard.js';
import { normalizeForScan } from '../../src/guardrails/normalize.js';
import type { RawFinding } from '../../src/guardrails/scanner.js';
import { createSecretScanner } from '../../src/guardrails/secret-scanner.js';

const context: GuardContext = { readers: [], sources: [], language: 'en' };
const scanner = createSecretScanner();

/** Scans as the guardrail does (normalised text) and returns each finding's type and normalised text. */
async function found(text: string): Promise<[string, string][]> {
  const normalized = normalizeForScan(text).text;
  const findings: readonly RawFinding[] = await scanner.scan(normalized, context);
  return findings.map((f) => [f.type, normalized.slice(f.start, f.end)]);
}

const jwt =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IlRhcm8ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

describe('secret scanner', () => {
  it("finds API keys with secretlint's maintained rules", async () => {
    const github = 'ghp_' + 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A';
    expect(await found(`The CI token is ${github}.`)).toContainEqual(['secret', github]);
    const slack = 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx';
    expect(await found(`slack: ${slack}`)).toContainEqual(['secret', slack]);
  });

  it('finds AWS access key ids, which the preset leaves off by default', async () => {
    expect(await found('use AKIA2E3RZ7QPLM4XWVBN for the bucket')).toContainEqual([
      'secret',
      'AKIA2E3RZ7QPLM4XWVBN',
    ]);
  });

  it('cannot be switched off from inside the text', async () => {
    const github = 'ghp_' + 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A';
    const text = `<!-- secretlint-disable -->\n${github}\n<!-- secretlint-enable -->`;
    expect((await found(text)).map(([, v]) => v)).toContain(github);
  });

  it('finds private-key blocks, also when a stream cut them off', async () => {
    const block =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----';
    expect((await found(`key:\n${block}\nthanks`)).map(([t]) => t)).toContain('private_key');
    expect((await found('-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAx4')).map(([t]) => t)).toContain(
      'private_key',
    );
    expect(
      await found('-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\n-----END PUBLIC KEY-----'),
    ).toEqual([]);
  });

  it('finds JWTs only when the header is base64url JSON', async () => {
    expect(await found(`token ${jwt}`)).toContainEqual(['jwt', jwt]);
    expect((await found('eyJub3RKc29uIjp.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc')).map(([t]) => t)).not.toContain(
      'jwt',
    );
  });

  it('finds connection strings with passwords, not placeholders', async () => {
    const types = async (t: string) => (await found(t)).map(([type]) => type);
    expect(await types('postgres://app:S3cr3t!x@db.internal:5432/hr')).toContain('connection_string');
    expect(await types('mongodb+srv://etl:Tokyo#2024@cluster0.ab1cd.mongodb.net/crm')).toContain(
      'connection_string',
    );
    expect(await types('Server=sql01;Database=Payroll;User Id=sa;Password=Madrid2025!;')).toContain(
      'connection_string',
    );
    expect(await found('use postgres://localhost:5432/mydb locally')).toEqual([]);
    expect(await found('format: postgres://user:<password>@host/db')).toEqual([]);
  });

  it('finds password assignments in many languages, only with a plausible value', async () => {
    const cases: [string, string][] = [
      ['Wi-Fi password: Sakura#2024', 'Sakura#2024'],
      ['パスワード：Ｔｏｋｙｏ２０２４！', 'Tokyo2024!'],
      ['初期パスワードは「Blue$7788」です。', 'Blue$7788'],
      ['访客网络的密码：Abc@12345', 'Abc@12345'],
      ['비밀번호는 Seoul!234입니다', 'Seoul!234'],
      ['la contraseña es Sol#1234.', 'Sol#1234'],
      ['รหัสผ่านคือ Bkk@2024', 'Bkk@2024'],
      ['Das Passwort lautet Berlin#99.', 'Berlin#99'],
      ['mot de passe : Paris2024!', 'Paris2024!'],
    ];
    for (const [text, value] of cases) {
      const hits = await found(text);
      expect(
        hits.map(([t]) => t),
        text,
      ).toContain('password');
      expect(hits.find(([t]) => t === 'password')![1], text).toBe(value);
    }
    for (const text of [
      'Reset your password in the portal.',
      'The password is reset every 90 days.',
      'Password: must be at least 12 characters.',
      'Passwords are case-sensitive.',
      'The password is 8-16 characters long.',
      'パスワードはポータルで再設定してください。',
      'password: ********',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell placeholder, not a template
      'password=${DB_PASSWORD}',
    ]) {
      expect(await found(text), text).toEqual([]);
    }
  });

  it('finds random-looking tokens next to a key word, not hashes, fingerprints or public keys', async () => {
    expect(await found('APIキー：Zr8Qp2LmX4vN7tK1wS9yB3cD6fH0jG5e')).toContainEqual([
      'secret',
      'Zr8Qp2LmX4vN7tK1wS9yB3cD6fH0jG5e',
    ]);
    expect(await found('Authorization: Bearer 9fQ2xL7mR4tV8wZ1kP6nB3cY5hJ0dS2a')).toHaveLength(1);
    for (const text of [
      'The key change is in commit 9fceb02d0ae598e95dc970b74767f19372d61af8.',
      'host key fingerprint SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s',
      'public key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq3Lkz0Bj8XyC3P9Yv7wR2mT5nD1sF4hK6',
      'request token 123e4567-e89b-12d3-a456-426614174000',
      'see the key rotation guide at https://wiki.example.com/security/rotation-guide-2024',
    ]) {
      expect(await found(text), text).toEqual([]);
    }
  });
});
