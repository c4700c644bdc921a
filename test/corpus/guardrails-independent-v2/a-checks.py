"""Check-digit validators used by a-build.py to verify the synthetic identifiers in the a-* corpus.

Each validator takes the value exactly as written in the record (with its spaces, dots or hyphens)
and returns True when the check digits are correct for that scheme.
"""

import re


def digits(s):
    return re.sub(r"\D", "", s)


def luhn(s):
    d = digits(s)
    if not 12 <= len(d) <= 19:
        return False
    total = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


IBAN_LENGTHS = {
    "DE": 22, "GB": 22, "FR": 27, "ES": 24, "IT": 27, "PT": 25, "NL": 18, "PL": 28, "TR": 26,
    "AT": 20, "CH": 21, "BE": 16, "IE": 22, "LU": 20,
}


def _mod97(numeric):
    return int(numeric) % 97


def _alnum_to_num(s):
    return "".join(str(int(c, 36)) for c in s)


def _fr_rib_ok(bban):
    conv = {}
    for i, c in enumerate("ABCDEFGHI"):
        conv[c] = str(i + 1)
    for i, c in enumerate("JKLMNOPQR"):
        conv[c] = str(i + 1)
    for i, c in enumerate("STUVWXYZ"):
        conv[c] = str(i + 2)
    b = "".join(conv.get(c, c) for c in bban)
    bank, branch, acct, key = int(b[0:5]), int(b[5:10]), int(b[10:21]), int(b[21:23])
    return key == 97 - ((89 * bank + 15 * branch + 3 * acct) % 97)


def _es_dc(ten):
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    r = 11 - sum(int(a) * b for a, b in zip(ten, w)) % 11
    return 0 if r == 11 else 1 if r == 10 else r


def _es_ok(bban):
    return str(_es_dc("00" + bban[0:8])) + str(_es_dc(bban[10:20])) == bban[8:10]


_IT_ODD = {}
for _i, _v in enumerate([1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]):
    _IT_ODD[chr(ord("A") + _i)] = _v
for _i, _v in enumerate([1, 0, 5, 7, 9, 13, 15, 17, 19, 21]):
    _IT_ODD[str(_i)] = _v


def _it_even(c):
    return int(c) if c.isdigit() else ord(c) - ord("A")


def it_check_char(body):
    """Check character used both by the Italian CIN (over ABI+CAB+account) and the codice fiscale."""
    total = 0
    for i, c in enumerate(body):
        total += _IT_ODD[c] if i % 2 == 0 else _it_even(c)
    return chr(ord("A") + total % 26)


def _it_ok(bban):
    return it_check_char(bban[1:]) == bban[0]


def _pt_ok(bban):
    return 98 - (int(bban[0:19]) * 100) % 97 == int(bban[19:21])


def _pl_ok(bban):
    w = [3, 9, 7, 1, 3, 9, 7]
    return (10 - sum(int(a) * b for a, b in zip(bban[0:7], w)) % 10) % 10 == int(bban[7])


def _be_ok(bban):
    r = int(bban[0:10]) % 97
    return (r if r else 97) == int(bban[10:12])


NATIONAL_BBAN_CHECKS = {"FR": _fr_rib_ok, "ES": _es_ok, "IT": _it_ok, "PT": _pt_ok, "PL": _pl_ok, "BE": _be_ok}


def iban(s):
    v = re.sub(r"[\s-]", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", v):
        return False
    if IBAN_LENGTHS.get(v[:2]) != len(v):
        return False
    if _mod97(_alnum_to_num(v[4:] + v[:4])) != 1:
        return False
    national = NATIONAL_BBAN_CHECKS.get(v[:2])
    return national(v[4:]) if national else True


def de_steuerid(s):
    d = digits(s)
    if len(d) != 11 or d[0] == "0":
        return False
    counts = sorted((d[:10].count(c) for c in set(d[:10])), reverse=True)
    if counts[0] not in (2, 3) or counts[1] != 1:
        return False
    product = 10
    for ch in d[:10]:
        total = (int(ch) + product) % 10
        if total == 0:
            total = 10
        product = (total * 2) % 11
    check = 11 - product
    return (0 if check == 10 else check) == int(d[10])


def fr_nir(s):
    d = digits(s)
    return len(d) == 15 and 97 - int(d[:13]) % 97 == int(d[13:])


def es_dni(s):
    v = re.sub(r"[\s.-]", "", s).upper()
    m = re.fullmatch(r"([XYZ]?)(\d{7,8})([A-Z])", v)
    if not m:
        return False
    prefix = {"": "", "X": "0", "Y": "1", "Z": "2"}[m.group(1)]
    return "TRWAGMYFPDXBNJZSQVHLCKE"[int(prefix + m.group(2)) % 23] == m.group(3)


def it_cf(s):
    v = s.replace(" ", "").upper()
    return bool(re.fullmatch(r"[A-Z]{6}\d{2}[A-EHLMPRST]\d{2}[A-Z]\d{3}[A-Z]", v)) and it_check_char(v[:15]) == v[15]


def pt_nif(s):
    d = digits(s)
    if len(d) != 9:
        return False
    r = 11 - sum(int(c) * (9 - i) for i, c in enumerate(d[:8])) % 11
    return (0 if r >= 10 else r) == int(d[8])


def br_cpf(s):
    d = digits(s)
    if len(d) != 11 or len(set(d)) == 1:
        return False
    for n in (9, 10):
        r = sum(int(c) * (n + 1 - i) for i, c in enumerate(d[:n])) * 10 % 11
        if (0 if r == 10 else r) != int(d[n]):
            return False
    return True


def nl_bsn(s):
    d = digits(s)
    if len(d) != 9:
        return False
    return (sum(int(c) * (9 - i) for i, c in enumerate(d[:8])) - int(d[8])) % 11 == 0


def pl_pesel(s):
    d = digits(s)
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return len(d) == 11 and (10 - sum(int(a) * b for a, b in zip(d, w)) % 10) % 10 == int(d[10])


def pl_nip(s):
    d = digits(s)
    w = [6, 5, 7, 2, 3, 4, 5, 6, 7]
    return len(d) == 10 and sum(int(a) * b for a, b in zip(d, w)) % 11 == int(d[9])


def tr_tckn(s):
    d = [int(c) for c in digits(s)]
    if len(d) != 11 or d[0] == 0:
        return False
    d10 = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    return d10 == d[9] and sum(d[:10]) % 10 == d[10]


def ru_inn(s):
    d = [int(c) for c in digits(s)]
    if len(d) == 10:
        w = [2, 4, 10, 3, 5, 9, 4, 6, 8]
        return sum(a * b for a, b in zip(d, w)) % 11 % 10 == d[9]
    if len(d) != 12:
        return False
    w1 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
    w2 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
    return sum(a * b for a, b in zip(d, w1)) % 11 % 10 == d[10] and sum(a * b for a, b in zip(d, w2)) % 11 % 10 == d[11]


def ru_snils(s):
    d = digits(s)
    if len(d) != 11:
        return False
    total = sum(int(c) * (9 - i) for i, c in enumerate(d[:9]))
    if total > 101:
        total %= 101
    check = 0 if total in (100, 101) else total
    return check == int(d[9:])


def ru_account(s, bik):
    """20-digit Russian bank account; the control key is checked against the bank's BIK."""
    d = digits(s)
    if len(d) != 20:
        return False
    seq = digits(bik)[-3:] + d
    w = [7, 1, 3] * 8
    return sum((int(a) * b) % 10 for a, b in zip(seq, w)) % 10 == 0


def be_nn(s):
    """Belgian national register number (YY.MM.DD-XXX.CC); people born from 2000 on get a 2 prefixed for the check."""
    d = digits(s)
    if len(d) != 11:
        return False
    check = int(d[9:])
    return 97 - int(d[:9]) % 97 == check or 97 - int("2" + d[:9]) % 97 == check


def us_ssn(s):
    m = re.fullmatch(r"(\d{3})-?(\d{2})-?(\d{4})", s)
    if not m:
        return False
    area, group, serial = m.groups()
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def uk_nino(s):
    v = s.replace(" ", "").upper()
    return bool(re.fullmatch(r"(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]", v))


CHECKS = {
    "luhn": luhn, "iban": iban, "de-steuerid": de_steuerid, "fr-nir": fr_nir, "es-dni": es_dni,
    "it-cf": it_cf, "pt-nif": pt_nif, "br-cpf": br_cpf, "nl-bsn": nl_bsn, "pl-pesel": pl_pesel,
    "pl-nip": pl_nip, "tr-tckn": tr_tckn, "ru-inn": ru_inn, "ru-snils": ru_snils, "us-ssn": us_ssn,
    "uk-nino": uk_nino, "be-nn": be_nn,
}


def run_check(tag, value):
    if tag.startswith("ru-account:"):
        return ru_account(value, tag.split(":", 1)[1])
    return CHECKS[tag](value)
