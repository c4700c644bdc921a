import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { InputError } from '../core/errors.js';

/** scrypt cost: N = 2^15, r = 8 (32 MiB per hash, tens of milliseconds), p = 1. */
const LOG_N = 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
const MAX_MEM = 64 * 1024 * 1024;
export const MIN_PASSWORD_CHARS = 8;
const MAX_PASSWORD_CHARS = 1024;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_BYTES,
      { N: 2 ** logN, r, p, maxmem: MAX_MEM },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** Refuses passwords too short to resist guessing (or absurdly long). */
export function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_CHARS)
    throw new InputError(`the password must have at least ${MIN_PASSWORD_CHARS} characters`);
  if (password.length > MAX_PASSWORD_CHARS)
    throw new InputError(`the password must have at most ${MAX_PASSWORD_CHARS} characters`);
}

/** A memory-hard password hash: `scrypt$<log2 N>$<r>$<p>$<salt>$<key>` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  checkPasswordStrength(password);
  const salt = randomBytes(16);
  const key = await derive(password, salt, LOG_N, R, P);
  return ['scrypt', LOG_N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** A hash of a random password, so that unknown users cost as much time as known ones. */
const DUMMY = hashPassword(randomBytes(18).toString('base64url'));

/** True when the password matches the stored hash; compares in constant time. A missing hash never matches. */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const encoded = stored ?? (await DUMMY);
  const [scheme, logN, r, p, salt, key] = encoded.split('$');
  if (scheme !== 'scrypt' || !logN || !r || !p || !salt || !key || password.length > MAX_PASSWORD_CHARS)
    return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(logN), Number(r), Number(p));
  return stored !== undefined && actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A new random secret for a session id, a CSRF token or an API token. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** How session ids and API tokens are stored: they are random, so a plain SHA-256 suffices. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time comparison of two strings (for CSRF tokens). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
