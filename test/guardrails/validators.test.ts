import { describe, expect, it } from 'vitest';
import {
  cardNetworkValid,
  cnResidentIdValid,
  dateValid,
  ibanValid,
  krRrnValid,
  luhnValid,
  myNumberValid,
  ssnValid,
  thaiIdValid,
} from '../../src/guardrails/validators.js';

describe('validators', () => {
  it('checks payment cards with Luhn and the issuer ranges', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(cardNetworkValid('4111111111111111')).toBe(true); // Visa 16
    expect(cardNetworkValid('378282246310005')).toBe(true); // Amex 15
    expect(cardNetworkValid('3530111333300000')).toBe(true); // JCB
    expect(cardNetworkValid('9111111111111111')).toBe(false); // no such network
    expect(cardNetworkValid('37828224631000')).toBe(false); // Amex with 14 digits
  });

  it('checks IBANs with the country length and mod 97', () => {
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('GB82WEST12345698765431')).toBe(false);
    expect(ibanValid('DE8937040044053201300')).toBe(false); // one digit short for Germany
    expect(ibanValid('XX89370400440532013000')).toBe(false);
  });

  it('checks the My Number check digit', () => {
    expect(myNumberValid('123456789018')).toBe(true);
    expect(myNumberValid('123456789017')).toBe(false);
    expect(myNumberValid('12345678901')).toBe(false);
  });

  it('excludes SSNs that were never issued', () => {
    expect(ssnValid('123456789')).toBe(true);
    for (const bad of ['000123456', '666123456', '912345678', '123004567', '123450000', '078051120']) {
      expect(ssnValid(bad)).toBe(false);
    }
  });

  it('checks Korean RRNs for a real birth date and, when asked, the check digit', () => {
    expect(krRrnValid('9001011234568', true)).toBe(true);
    expect(krRrnValid('9001011234567', true)).toBe(false);
    expect(krRrnValid('9001011234567', false)).toBe(true); // issued since 2020: no check digit
    expect(krRrnValid('9013011234568', false)).toBe(false); // month 13
    expect(krRrnValid('9002301234568', false)).toBe(false); // 30 February
  });

  it('checks Chinese resident IDs: region, birth date, MOD 11-2', () => {
    expect(cnResidentIdValid('11010519491231002X')).toBe(true);
    expect(cnResidentIdValid('110105194912310021')).toBe(false);
    expect(cnResidentIdValid('11010519491331002X')).toBe(false);
  });

  it('checks Thai national IDs', () => {
    expect(thaiIdValid('1101700230708')).toBe(true);
    expect(thaiIdValid('1101700230709')).toBe(false);
    expect(thaiIdValid('9101700230708')).toBe(false);
  });

  it('rejects impossible and future dates', () => {
    expect(dateValid(2024, 2, 29)).toBe(true);
    expect(dateValid(2023, 2, 29)).toBe(false);
    expect(dateValid(new Date().getUTCFullYear() + 1, 1, 1)).toBe(false);
  });

  it('checks the national identifiers of the other answer languages', async () => {
    const c = await import('../../src/guardrails/id-checksums.js');
    expect([c.bsnValid('111222333'), c.bsnValid('111222334')]).toEqual([true, false]);
    expect([c.peselValid('44051401359'), c.peselValid('44051401358')]).toEqual([true, false]);
    expect([c.cpfValid('52998224725'), c.cpfValid('11111111111')]).toEqual([true, false]);
    expect([c.dniValid('12345678Z'), c.dniValid('X1234567L'), c.dniValid('12345678A')]).toEqual([
      true,
      true,
      false,
    ]);
    expect([c.codiceFiscaleValid('RSSMRA85T10A562S'), c.codiceFiscaleValid('RSSMRA85T10A562T')]).toEqual([
      true,
      false,
    ]);
    expect([c.nirValid('185057800608491'), c.nirValid('185057800608436')]).toEqual([true, false]);
    expect([c.tcKimlikValid('10000000146'), c.tcKimlikValid('10000000147')]).toEqual([true, false]);
    expect([c.teudatZehutValid('123456782'), c.teudatZehutValid('123456789')]).toEqual([true, false]);
    expect([c.taiwanIdValid('A123456789'), c.taiwanIdValid('A123456788')]).toEqual([true, false]);
    expect([c.steuerIdValid('86095742719'), c.steuerIdValid('86095742718')]).toEqual([true, false]);
    expect([c.snilsValid('11223344595'), c.snilsValid('11223344596')]).toEqual([true, false]);
    expect([c.nifPtValid('123456789'), c.nifPtValid('123456788')]).toEqual([true, false]);
    expect([c.dowodValid('ABA300000'), c.dowodValid('ABA300001')]).toEqual([true, false]);
  });
});
