/**
 * Check-digit and structure validators for the identifiers the personal-data scanner reports.
 * Each takes the digits (or characters) alone, separators already removed.
 */

/** Luhn (mod 10) check used by payment cards. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Issuer ranges (IIN prefixes) and lengths of the card networks a company meets. */
export function cardNetworkValid(digits: string): boolean {
  const n = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const p6 = Number(digits.slice(0, 6));
  if (digits[0] === '4') return n === 13 || n === 16 || n === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return n === 15; // American Express
  if (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65 || (p6 >= 622126 && p6 <= 622925)) {
    return n >= 16 && n <= 19; // Discover
  }
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19; // JCB
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39) return n >= 14 && n <= 19; // Diners
  if (p2 === 62 || p2 === 81) return n >= 16 && n <= 19; // UnionPay
  if (p4 >= 2200 && p4 <= 2204) return n >= 16 && n <= 19; // Mir (Russia)
  if (p4 === 9792) return n === 16; // Troy (Turkey)
  if (p2 === 60) return n === 16; // RuPay (India); its 508 range is within Maestro's 50 below
  if (p2 === 50 || (p2 >= 56 && p2 <= 58) || p2 === 63 || p2 === 67) return n >= 12 && n <= 19; // Maestro
  return false;
}

/** IBAN lengths by country (SWIFT registry). */
// biome-ignore format: a lookup table reads best compact
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21,
  CR: 22, CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27,
  GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26,
  IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24,
  ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29,
  RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24,
  TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

/** IBAN: known country, its exact length, and the ISO 7064 mod-97 check. */
export function ibanValid(iban: string): boolean {
  const country = iban.slice(0, 2);
  if (IBAN_LENGTHS[country] !== iban.length) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

/** Japan's My Number (個人番号): 12 digits, the last a check digit over the first 11. */
export function myNumberValid(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = digits.charCodeAt(11 - n) - 48;
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const remainder = sum % 11;
  const check = remainder <= 1 ? 0 : 11 - remainder;
  return check === digits.charCodeAt(11) - 48;
}

/** US Social Security number: excludes the never-issued areas, groups, serials and famous samples. */
export function ssnValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = Number(digits.slice(0, 3));
  const group = Number(digits.slice(3, 5));
  const serial = Number(digits.slice(5));
  if (area === 0 || area === 666 || area >= 900 || group === 0 || serial === 0) return false;
  return digits !== '078051120' && digits !== '219099999';
}

/**
 * Korean resident registration number: YYMMDD + a sex/century digit + 6 digits. The check digit
 * is verified when `requireChecksum` is set; numbers issued since October 2020 have none, so a
 * labelled number only needs a valid date.
 */
export function krRrnValid(digits: string, requireChecksum: boolean): boolean {
  if (!/^\d{13}$/.test(digits)) return false;
  const centuryDigit = digits[6]!;
  const century = '1256'.includes(centuryDigit) ? 1900 : '3478'.includes(centuryDigit) ? 2000 : 1800;
  if (
    !dateValid(century + Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), Number(digits.slice(4, 6)))
  ) {
    return false;
  }
  if (!requireChecksum) return true;
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (digits.charCodeAt(i) - 48) * weights[i]!;
  return (11 - (sum % 11)) % 10 === digits.charCodeAt(12) - 48;
}

/** Chinese resident identity number: region, birth date, sequence, ISO 7064 MOD 11-2 check character. */
export function cnResidentIdValid(id: string): boolean {
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return false;
  const province = Number(id.slice(0, 2));
  if (province < 11 || province > 91) return false;
  if (!dateValid(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)), 1900)) {
    return false;
  }
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * weights[i]!;
  return '10X98765432'[sum % 11] === id[17];
}

/** Thai national identification number: 13 digits, first digit 1-8, mod-11 check digit. */
export function thaiIdValid(digits: string): boolean {
  if (!/^[1-8]\d{12}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (digits.charCodeAt(i) - 48) * (13 - i);
  return (11 - (sum % 11)) % 10 === digits.charCodeAt(12) - 48;
}

/** A real calendar date, not in the future, not before `minYear`. */
export function dateValid(year: number, month: number, day: number, minYear = 1800): boolean {
  if (year < minYear || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return date.getTime() <= Date.now();
}
