/**
 * Check digits of the national identifiers of the answer languages' countries beyond the ones in
 * `validators.ts`. Each takes the identifier with its separators removed. Sources: each issuing
 * authority's published algorithm (BSN 11-proof, PESEL, CPF, DNI/NIE letter, codice fiscale,
 * NIR key, T.C. Kimlik No, Teudat Zehut, Taiwan ID, Saudi/UAE Luhn, SNILS, Steuer-ID).
 */
import { dateValid, luhnValid } from './validators.js';

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/** Netherlands BSN: nine digits, the "11-proof" (the last digit weighs -1). */
export function bsnValid(d: string): boolean {
  if (!/^\d{9}$/.test(d) || /^0+$/.test(d)) return false;
  let sum = -digit(d, 8);
  for (let i = 0; i < 8; i++) sum += digit(d, i) * (9 - i);
  return sum % 11 === 0;
}

/** Poland PESEL: birth date (century in the month) and the weighted check digit. */
export function peselValid(d: string): boolean {
  if (!/^\d{11}$/.test(d)) return false;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += digit(d, i) * weights[i]!;
  if ((10 - (sum % 10)) % 10 !== digit(d, 10)) return false;
  const month = Number(d.slice(2, 4));
  const century = [1900, 2000, 2100, 2200, 1800][Math.floor(month / 20)]!;
  return dateValid(century + Number(d.slice(0, 2)), month % 20, Number(d.slice(4, 6)));
}

/** Brazil CPF: two mod-11 check digits; eleven equal digits are invalid. */
export function cpfValid(d: string): boolean {
  if (!/^\d{11}$/.test(d) || /^(\d)\1{10}$/.test(d)) return false;
  for (const n of [9, 10]) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += digit(d, i) * (n + 1 - i);
    if (((sum * 10) % 11) % 10 !== digit(d, n)) return false;
  }
  return true;
}

/** Spain DNI (8 digits + letter) and NIE (X/Y/Z + 7 digits + letter): the mod-23 letter. */
export function dniValid(id: string): boolean {
  const m = /^([XYZ]?)(\d{7,8})([A-Z])$/.exec(id.toUpperCase());
  if (!m || m[1]!.length + m[2]!.length !== 8) return false;
  const n = Number(`${m[1] ? 'XYZ'.indexOf(m[1]) : ''}${m[2]}`);
  return 'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23] === m[3];
}

// biome-ignore format: the official odd-position table reads best in one row
const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

/** Italy codice fiscale: 6 letters, 2 digits, month letter, 2 digits, place, check letter. */
export function codiceFiscaleValid(id: string): boolean {
  const cf = id.toUpperCase();
  if (!/^[A-Z]{6}[\dLMNPQRSTUV]{2}[ABCDEHLMPRST][\dLMNPQRSTUV]{2}[A-Z][\dLMNPQRSTUV]{3}[A-Z]$/.test(cf)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = cf.charCodeAt(i);
    const v = c <= 57 ? c - 48 : c - 65;
    sum += i % 2 === 0 ? CF_ODD[v]! : v;
  }
  return String.fromCharCode(65 + (sum % 26)) === cf[15];
}

/** France NIR (numéro de sécurité sociale): sex, year, month, place, order, then 97 - (number mod 97). */
export function nirValid(id: string): boolean {
  const m = /^([1-478])(\d{2})(0[1-9]|1[0-2]|[2-9]\d)(\d{2}|2[AB])(\d{6})(\d{2})$/.exec(id.toUpperCase());
  if (!m) return false;
  const body = `${m[1]}${m[2]}${m[3]}${m[4]!.replace('2A', '19').replace('2B', '18')}${m[5]}`;
  return 97 - Number(BigInt(body) % 97n) === Number(m[6]);
}

/** Turkey T.C. Kimlik No: 11 digits, the first not 0, two check digits. */
export function tcKimlikValid(d: string): boolean {
  if (!/^[1-9]\d{10}$/.test(d)) return false;
  const odd = digit(d, 0) + digit(d, 2) + digit(d, 4) + digit(d, 6) + digit(d, 8);
  const even = digit(d, 1) + digit(d, 3) + digit(d, 5) + digit(d, 7);
  if ((((odd * 7 - even) % 10) + 10) % 10 !== digit(d, 9)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += digit(d, i);
  return sum % 10 === digit(d, 10);
}

/** Israel Teudat Zehut: up to nine digits, Luhn over the zero-padded nine. */
export function teudatZehutValid(d: string): boolean {
  return /^\d{5,9}$/.test(d) && !/^0+$/.test(d) && luhnValid(d.padStart(9, '0'));
}

const TW_LETTERS = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';

/** Taiwan national ID (身分證字號): a region letter, 1 or 2 (8 or 9 for residents), 8 digits, weighted check. */
export function taiwanIdValid(id: string): boolean {
  const up = id.toUpperCase();
  if (!/^[A-Z][1289]\d{8}$/.test(up)) return false;
  const code = TW_LETTERS.indexOf(up[0]!) + 10;
  let sum = Math.floor(code / 10) + (code % 10) * 9;
  for (let i = 1; i < 9; i++) sum += digit(up, i) * (9 - i);
  return (sum + digit(up, 9)) % 10 === 0;
}

/** Saudi national ID / Iqama: 10 digits starting 1 (citizen) or 2 (resident), Luhn. */
export function saudiIdValid(d: string): boolean {
  return /^[12]\d{9}$/.test(d) && luhnValid(d);
}

/** UAE Emirates ID: 784, birth year, 7 digits, Luhn check. */
export function emiratesIdValid(d: string): boolean {
  return /^784(?:19|20)\d{11}$/.test(d) && luhnValid(d);
}

/** Russia SNILS: 9 digits weighted 9..1, check = sum mod 101 (100 → 00). */
export function snilsValid(d: string): boolean {
  if (!/^\d{11}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += digit(d, i) * (9 - i);
  return (sum % 101) % 100 === Number(d.slice(9));
}

/** Germany Steuer-ID: 11 digits, the first not 0, ISO 7064 MOD 11,10 check digit. */
export function steuerIdValid(d: string): boolean {
  if (!/^[1-9]\d{10}$/.test(d)) return false;
  let product = 10;
  for (let i = 0; i < 10; i++) {
    let sum = (digit(d, i) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  return (11 - product) % 10 === digit(d, 10);
}

/** Portugal NIF (número de contribuinte): nine digits, mod-11 check digit. */
export function nifPtValid(d: string): boolean {
  if (!/^[1-35689]\d{8}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += digit(d, i) * (9 - i);
  const check = 11 - (sum % 11);
  return (check >= 10 ? 0 : check) === digit(d, 8);
}

/** Poland's identity card number (numer dowodu osobistego): ABC123456, the first digit a check digit. */
export function dowodValid(id: string): boolean {
  const up = id.toUpperCase();
  if (!/^[A-Z]{3}\d{6}$/.test(up)) return false;
  const value = (i: number) => (i < 3 ? up.charCodeAt(i) - 55 : digit(up, i));
  const weights = [7, 3, 1, 0, 7, 3, 1, 7, 3];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += value(i) * weights[i]!;
  return sum % 10 === digit(up, 3);
}
