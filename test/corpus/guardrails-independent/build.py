#!/usr/bin/env python3
"""Generator for the independent PolyDesk guardrail evaluation corpus.

Written from the task description only (no knowledge of the scanner code).
Deterministic: fixed seed, no network. Run with `python3 -B build.py`.

Outputs (next to this file):
  positives.jsonl    records that contain leaked confidential data, with spans
  clean.jsonl        records that contain none (spans == [])
  span_values.jsonl  side file: the exact string each span is meant to cover,
                     used by verify.mjs to check the UTF-16 offsets
  README.md          description + counts table (regenerated)
"""
import base64
import hashlib
import importlib
import json
import os
import re
import string
import sys
import unicodedata
import uuid

import random as _random

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "langs"))
SEED = 20261205
DATA = os.environ.get("POLYDESK_SHARED_DATA", "/work/shared/data")

LANGS = ["en", "ja", "zh", "zh-TW", "ko", "th", "es", "de", "fr", "pt", "it",
         "ru", "ar", "vi", "id", "nl", "pl", "tr", "he"]
if os.environ.get("ONLY_LANGS"):  # development aid only; the committed files use all languages
    LANGS = os.environ["ONLY_LANGS"].split(",")

UP = string.ascii_uppercase
LO = string.ascii_lowercase
DG = string.digits
B62 = UP + LO + DG
HEX = "0123456789abcdef"


def u16(s):
    return len(s.encode("utf-16-le")) // 2


def rstr(r, n, alpha):
    return "".join(r.choice(alpha) for _ in range(n))


def digits(r, n, first_nonzero=False):
    s = rstr(r, n, DG)
    if first_nonzero and s[0] == "0":
        s = r.choice("123456789") + s[1:]
    return s


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


# ---------------------------------------------------------------------------
# Template filling with UTF-16 span offsets
# ---------------------------------------------------------------------------
TOKEN_RE = re.compile(r"\{([a-z_0-9]+)\}|⟦|⟧")


class TemplateError(Exception):
    pass


def fill(template, values, span_slots, span_type):
    """Fill `{slot}` placeholders; slots in span_slots (and text between ⟦ ⟧)
    become spans. Returns (text, spans, span_values)."""
    out = []
    pos = 0  # UTF-16 position
    spans = []
    svals = []
    last = 0
    open_at = None
    open_txt = None
    for m in TOKEN_RE.finditer(template):
        lit = template[last:m.start()]
        out.append(lit)
        pos += u16(lit)
        if open_txt is not None:
            open_txt.append(lit)
        last = m.end()
        tok = m.group(0)
        if tok == "⟦":
            open_at, open_txt = pos, []
            continue
        if tok == "⟧":
            v = "".join(open_txt)
            spans.append({"type": span_type, "start": open_at, "end": pos})
            svals.append(v)
            open_at = open_txt = None
            continue
        name = m.group(1)
        if name not in values:
            raise TemplateError(f"no value for slot {name!r} in template {template!r}")
        v = values[name]
        if name in span_slots and open_txt is None:
            spans.append({"type": span_type, "start": pos, "end": pos + u16(v)})
            svals.append(v)
        out.append(v)
        pos += u16(v)
        if open_txt is not None:
            open_txt.append(v)
    tail = template[last:]
    out.append(tail)
    text = "".join(out)
    # self-check in UTF-16
    enc = text.encode("utf-16-le")
    for sp, v in zip(spans, svals):
        got = enc[sp["start"] * 2: sp["end"] * 2].decode("utf-16-le")
        assert got == v, (got, v)
        assert v and v == v.strip(), repr(v)
    return text, spans, svals


# ---------------------------------------------------------------------------
# Check-digit algorithms (implemented from the public definitions)
# ---------------------------------------------------------------------------
def luhn_ok(num):
    total = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(partial):
    for c in DG:
        if luhn_ok(partial + c):
            return partial + c
    raise AssertionError


def iban_make(cc, bban):
    num = "".join(str(int(c, 36)) for c in bban + cc + "00")
    return f"{cc}{98 - int(num) % 97:02d}{bban}"


def iban_ok(iban):
    s = iban.replace(" ", "")
    num = "".join(str(int(c, 36)) for c in s[4:] + s[:4])
    return int(num) % 97 == 1


def mynumber_check(d11):
    s = 0
    for n in range(1, 12):
        p = int(d11[11 - n])
        q = n + 1 if n <= 6 else n - 5
        s += p * q
    rem = s % 11
    return "0" if rem <= 1 else str(11 - rem)


def mynumber_ok(d12):
    return len(d12) == 12 and d12.isdigit() and mynumber_check(d12[:11]) == d12[11]


CN_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def cnid_check(d17):
    return "10X98765432"[sum(int(a) * b for a, b in zip(d17, CN_W)) % 11]


def thai_check(d12):
    s = sum(int(d12[i]) * (13 - i) for i in range(12))
    return str((11 - s % 11) % 10)


def rrn_check(d12):
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    s = sum(int(a) * b for a, b in zip(d12, w))
    return str((11 - s % 11) % 10)


TW_LETTERS = {"A": 10, "B": 11, "C": 12, "D": 13, "E": 14, "F": 15, "G": 16, "H": 17, "I": 34,
              "J": 18, "K": 19, "L": 20, "M": 21, "N": 22, "O": 35, "P": 23, "Q": 24, "R": 25,
              "S": 26, "T": 27, "U": 28, "V": 29, "W": 32, "X": 30, "Y": 31, "Z": 33}


def twid_check(letter, d8):
    n = TW_LETTERS[letter]
    s = (n // 10) * 1 + (n % 10) * 9
    for d, w in zip(d8, [8, 7, 6, 5, 4, 3, 2, 1]):
        s += int(d) * w
    return str((10 - s % 10) % 10)


def steuerid_check(d10):
    product = 10
    for ch in d10:
        s = (int(ch) + product) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    c = 11 - product
    return "0" if c == 10 else str(c)


def snils_check(d9):
    s = sum(int(d) * (9 - i) for i, d in enumerate(d9))
    if s < 100:
        c = s
    elif s in (100, 101):
        c = 0
    else:
        c = s % 101
        if c == 100:
            c = 0
    return f"{c:02d}"


def pesel_check(d10):
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return str((10 - sum(int(a) * b for a, b in zip(d10, w)) % 10) % 10)


def tckn_make(r):
    d = [r.randint(1, 9)] + [r.randint(0, 9) for _ in range(8)]
    d10 = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    d.append(d10)
    d.append(sum(d) % 10)
    return "".join(map(str, d))


def cpf_make(r):
    d = [r.randint(0, 9) for _ in range(9)]
    for k in (10, 11):
        s = sum(x * w for x, w in zip(d, range(k, 1, -1)))
        c = (s * 10) % 11
        d.append(0 if c == 10 else c)
    s = "".join(map(str, d))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"


def ilid_check(d8):
    s = 0
    for i, ch in enumerate(d8):
        v = int(ch) * (1 if i % 2 == 0 else 2)
        s += v - 9 if v > 9 else v
    return str((10 - s % 10) % 10)


def bsn_make(r):
    while True:
        d = [r.randint(1, 9)] + [r.randint(0, 9) for _ in range(7)]
        s8 = sum(x * w for x, w in zip(d, [9, 8, 7, 6, 5, 4, 3, 2]))
        last = s8 % 11
        if last < 10:
            return "".join(map(str, d)) + str(last)


def dni_make(r):
    n = r.randint(10000000, 79999999)
    return f"{n:08d}" + "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23]


CF_ODD = {"0": 1, "1": 0, "2": 5, "3": 7, "4": 9, "5": 13, "6": 15, "7": 17, "8": 19, "9": 21,
          "A": 1, "B": 0, "C": 5, "D": 7, "E": 9, "F": 13, "G": 15, "H": 17, "I": 19, "J": 21,
          "K": 2, "L": 4, "M": 18, "N": 20, "O": 11, "P": 3, "Q": 6, "R": 8, "S": 12, "T": 14,
          "U": 16, "V": 10, "W": 22, "X": 25, "Y": 24, "Z": 23}


def cf_even(c):
    return int(c) if c.isdigit() else ord(c) - 65


def it_check_letter(s):
    """Check character of the Italian codice fiscale and of the IBAN CIN
    (same odd/even tables, odd = 1st, 3rd, ... character)."""
    tot = 0
    for i, c in enumerate(s):
        tot += CF_ODD[c] if i % 2 == 0 else cf_even(c)
    return chr(65 + tot % 26)


def cf_make(r, first, last):
    cons = "BCDFGHJKLMNPQRSTVWXYZ"
    def part(word, is_name):
        w = strip_accents(word).upper()
        c = [x for x in w if x in cons]
        v = [x for x in w if x in "AEIOU"]
        if is_name and len(c) >= 4:
            c = [c[0], c[2], c[3]]
        return "".join((c + v + ["X", "X", "X"])[:3])
    yy = f"{r.randint(60, 99):02d}"
    mm = "ABCDEHLMPRST"[r.randint(0, 11)]
    dd = r.randint(1, 28) + (40 if r.random() < 0.5 else 0)
    comune = r.choice(["H501", "F205", "L219", "F839", "A944", "G273", "D612"])
    s = part(last, False) + part(first, True) + yy + mm + f"{dd:02d}" + comune
    return s + it_check_letter(s)


def es_dc(ten):
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    d = 11 - sum(int(a) * b for a, b in zip(ten, w)) % 11
    return "0" if d == 11 else "1" if d == 10 else str(d)


def fr_rib_key(bank, branch, acct):
    return f"{97 - ((89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97):02d}"


def nl_elfproef_acct(r):
    while True:
        d = [r.randint(0, 9) for _ in range(10)]
        if d[0] == 0 and d[1] == 0:
            continue
        if sum(x * w for x, w in zip(d, range(10, 0, -1))) % 11 == 0:
            return "".join(map(str, d))


def pl_routing(r):
    bank = r.choice(["102", "114", "105", "124", "109", "116"])
    seven = bank + digits(r, 4)
    w = [3, 9, 7, 1, 3, 9, 7]
    c = (10 - sum(int(a) * b for a, b in zip(seven, w)) % 10) % 10
    return seven + str(c)


def pt_nib(r):
    body = r.choice(["0035", "0033", "0010", "0007", "0036"]) + digits(r, 4) + digits(r, 11)
    c = 98 - (int(body) * 100) % 97
    return body + f"{c:02d}"


def bban(r, cc):
    if cc == "DE":
        return r.choice(["10050000", "37040044", "50010517", "70150000", "20050550", "60050101"]) + digits(r, 10)
    if cc == "FR":
        bank = r.choice(["30004", "30003", "30002", "20041", "10278", "18206"])
        br = digits(r, 5)
        acct = digits(r, 11)
        return bank + br + acct + fr_rib_key(bank, br, acct)
    if cc == "ES":
        bank = r.choice(["2100", "0049", "0182", "0081", "0128"])
        br = digits(r, 4)
        acct = digits(r, 10)
        return bank + br + es_dc("00" + bank + br) + es_dc(acct) + acct
    if cc == "IT":
        abi = r.choice(["03069", "02008", "05034", "05387", "03032"])
        cab = digits(r, 5)
        acct = digits(r, 12)
        return it_check_letter(abi + cab + acct) + abi + cab + acct
    if cc == "NL":
        return r.choice(["ABNA", "RABO", "SNSB", "ASNB", "TRIO"]) + nl_elfproef_acct(r)
    if cc == "GB":
        return r.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + digits(r, 6) + digits(r, 8)
    if cc == "PL":
        return pl_routing(r) + digits(r, 16)
    if cc == "TR":
        return r.choice(["00010", "00062", "00064", "00046", "00067"]) + "0" + digits(r, 16)
    if cc == "BE":
        ten = digits(r, 10)
        c = int(ten) % 97 or 97
        return ten + f"{c:02d}"
    if cc == "PT":
        return pt_nib(r)
    if cc == "SA":
        return r.choice(["80", "10", "20", "45", "60"]) + digits(r, 18)
    if cc == "AE":
        return r.choice(["026", "033", "035", "030"]) + digits(r, 16)
    if cc == "IL":
        return r.choice(["012", "010", "011", "020", "031"]) + digits(r, 3) + digits(r, 13)
    raise KeyError(cc)


def iban_gen(r, cc, fmt=None):
    ib = iban_make(cc, bban(r, cc))
    assert iban_ok(ib)
    fmt = fmt or r.choice(["print", "print", "compact"])
    if fmt == "print":
        return " ".join(ib[i:i + 4] for i in range(0, len(ib), 4))
    return ib


# ---------------------------------------------------------------------------
# Personal identifiers
# ---------------------------------------------------------------------------
def birth(r, lo=1962, hi=2003):
    return r.randint(lo, hi), r.randint(1, 12), r.randint(1, 28)


def natid_gen(r, kind, person):
    first, last = person[1], person[2]
    if kind == "mynumber":
        d11 = digits(r, 11, True)
        n = d11 + mynumber_check(d11)
        assert mynumber_ok(n)
        return r.choice([n, f"{n[:4]} {n[4:8]} {n[8:]}", f"{n[:4]}-{n[4:8]}-{n[8:]}"])
    if kind == "ssn":
        area = r.choice([x for x in range(1, 900) if x != 666])
        return f"{area:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
    if kind == "nino":
        p1 = r.choice("ABCEGHJKLMNPRSTWXYZ")
        p2 = r.choice("ABCEGHJKLMNPRSTWXYZ")
        while p1 + p2 in ("GB", "BG", "NK", "KN", "TN", "NT", "ZZ"):
            p2 = r.choice("ABCEGHJKLMNPRSTWXYZ")
        d = digits(r, 6)
        return f"{p1}{p2} {d[:2]} {d[2:4]} {d[4:]} {r.choice('ABCD')}"
    if kind == "cnid":
        y, m, d = birth(r)
        d17 = r.choice(["110101", "310104", "440305", "330106", "510107", "420111"]) + f"{y:04d}{m:02d}{d:02d}" + digits(r, 3)
        return d17 + cnid_check(d17)
    if kind == "twid":
        letter = r.choice("ABFHKLMNOPQRT")
        d8 = r.choice("12") + digits(r, 7)
        return letter + d8 + twid_check(letter, d8)
    if kind == "rrn":
        y, m, d = birth(r)
        g = ("1" if r.random() < .5 else "2") if y < 2000 else ("3" if r.random() < .5 else "4")
        d12 = f"{y % 100:02d}{m:02d}{d:02d}" + g + digits(r, 5)
        n = d12 + rrn_check(d12)
        return n[:6] + "-" + n[6:]
    if kind == "thid":
        d12 = r.choice("12358") + digits(r, 11)
        n = d12 + thai_check(d12)
        return r.choice([n, f"{n[0]}-{n[1:5]}-{n[5:10]}-{n[10:12]}-{n[12]}", f"{n[0]} {n[1:5]} {n[5:10]} {n[10:12]} {n[12]}"])
    if kind == "dni":
        return dni_make(r)
    if kind == "nir":
        y, m, d = birth(r)
        dep = r.choice(["75", "69", "13", "33", "59", "92", "31"])
        n13 = r.choice("12") + f"{y % 100:02d}{m:02d}" + dep + digits(r, 3) + digits(r, 3)
        key = 97 - int(n13) % 97
        n = n13 + f"{key:02d}"
        return r.choice([n, f"{n[0]} {n[1:3]} {n[3:5]} {n[5:7]} {n[7:10]} {n[10:13]} {n[13:]}"])
    if kind == "steuerid":
        while True:
            ds = r.sample(DG, 9)
            ds.append(r.choice(ds))
            r.shuffle(ds)
            if ds[0] != "0":
                break
        d10 = "".join(ds)
        n = d10 + steuerid_check(d10)
        return r.choice([n, f"{n[:2]} {n[2:5]} {n[5:8]} {n[8:]}"])
    if kind == "snils":
        d9 = digits(r, 9, True)
        c = snils_check(d9)
        return f"{d9[:3]}-{d9[3:6]}-{d9[6:9]} {c}"
    if kind == "pesel":
        y, m, d = birth(r, 1965, 2004)
        mm = m + (20 if y >= 2000 else 0)
        d10 = f"{y % 100:02d}{mm:02d}{d:02d}" + digits(r, 4)
        return d10 + pesel_check(d10)
    if kind == "tckn":
        return tckn_make(r)
    if kind == "cpf":
        return cpf_make(r)
    if kind == "il_id":
        d8 = digits(r, 8, True)
        return d8 + ilid_check(d8)
    if kind == "bsn":
        return bsn_make(r)
    if kind == "cf":
        return cf_make(r, first, last)
    if kind == "sa_nid":
        return luhn_complete(r.choice("12") + digits(r, 8))
    if kind == "vn_cccd":
        y, _, _ = birth(r)
        g = ("0" if r.random() < .5 else "1") if y < 2000 else ("2" if r.random() < .5 else "3")
        return r.choice(["001", "079", "031", "048", "092"]) + g + f"{y % 100:02d}" + digits(r, 6)
    if kind == "nik":
        y, m, d = birth(r)
        if r.random() < 0.5:
            d += 40
        return r.choice(["3171", "3273", "3578", "5171", "3374"]) + digits(r, 2) + f"{d:02d}{m:02d}{y % 100:02d}" + digits(r, 3, True).zfill(4)
    raise KeyError(kind)


def card_gen(r):
    brand = r.choice(["Visa", "Visa", "Mastercard", "Mastercard", "American Express", "JCB", "Discover", "UnionPay"])
    if brand == "Visa":
        n = luhn_complete("4" + digits(r, 14))
    elif brand == "Mastercard":
        pre = r.choice([str(r.randint(51, 55)), str(r.randint(2221, 2720))])
        n = luhn_complete(pre + digits(r, 15 - len(pre)))
    elif brand == "American Express":
        n = luhn_complete(r.choice(["34", "37"]) + digits(r, 12))
    elif brand == "JCB":
        n = luhn_complete(str(r.randint(3528, 3589)) + digits(r, 11))
    elif brand == "Discover":
        n = luhn_complete("6011" + digits(r, 11))
    else:
        n = luhn_complete("62" + digits(r, 13))
    assert luhn_ok(n)
    sep = r.choice([" ", " ", "-", ""])
    if len(n) == 15:
        out = sep.join([n[:4], n[4:10], n[10:]])
    else:
        out = sep.join(n[i:i + 4] for i in range(0, 16, 4))
    return brand, out


def phone_gen(r, cc):
    d = lambda n: digits(r, n)
    dn = lambda n: digits(r, n, True)
    if cc == "JP":
        mob = r.choice(["090", "080", "070"])
        return r.choice([f"{mob}-{dn(4)}-{d(4)}", f"03-{dn(4)}-{d(4)}", f"06-{dn(4)}-{d(4)}",
                         f"+81 {mob[1:]}-{dn(4)}-{d(4)}", f"{mob}{dn(4)}{d(4)}", f"045-{dn(3)}-{d(4)}"])
    if cc == "US":
        a = str(r.randint(201, 989)).replace("555", "556")
        x = str(r.randint(201, 989)).replace("555", "556")
        return r.choice([f"({a}) {x}-{d(4)}", f"{a}-{x}-{d(4)}", f"+1 {a} {x} {d(4)}", f"+1 ({a}) {x}-{d(4)}"])
    if cc == "UK":
        return r.choice([f"07{r.randint(400, 999)} {dn(6)}", f"+44 7{r.randint(400, 999)} {dn(6)}",
                         f"020 {r.choice('378')}{d(3)} {d(4)}", f"+44 20 {r.choice('378')}{d(3)} {d(4)}"])
    if cc == "DE":
        mob = r.choice(["151", "152", "160", "170", "171", "176"])
        return r.choice([f"0{mob} {dn(8)}", f"+49 {mob} {dn(8)}", f"030 {dn(8)}", f"+49 89 {dn(7)}", f"0{mob}/{dn(4)} {d(4)}"])
    if cc == "FR":
        a = r.choice("67")
        g = lambda: f"{d(2)}"
        return r.choice([f"0{a} {g()} {g()} {g()} {g()}", f"+33 {a} {g()} {g()} {g()} {g()}", f"01 {g()} {g()} {g()} {g()}", f"0{a}.{g()}.{g()}.{g()}.{g()}"])
    if cc == "ES":
        return r.choice([f"6{d(2)} {d(3)} {d(3)}", f"+34 6{d(2)} {d(2)} {d(2)} {d(2)}", f"91 {d(3)} {d(2)} {d(2)}", f"+34 7{d(2)} {d(3)} {d(3)}"])
    if cc == "IT":
        return r.choice([f"3{r.randint(20, 99)} {d(3)} {d(4)}", f"+39 3{r.randint(20, 99)} {d(7)}", f"02 {dn(4)} {d(4)}", f"+39 06 {dn(4)} {d(4)}"])
    if cc == "BR":
        dd = r.choice(["11", "21", "31", "41", "51", "61"])
        return r.choice([f"({dd}) 9{d(4)}-{d(4)}", f"+55 {dd} 9{d(4)}-{d(4)}", f"+55 ({dd}) 9{d(4)}-{d(4)}"])
    if cc == "PT":
        return r.choice([f"9{r.choice('1236')}{d(1)} {d(3)} {d(3)}", f"+351 9{r.choice('1236')}{d(1)} {d(3)} {d(3)}"])
    if cc == "RU":
        op = str(r.randint(900, 999))
        return r.choice([f"+7 {op} {d(3)}-{d(2)}-{d(2)}", f"8 ({op}) {d(3)}-{d(2)}-{d(2)}", f"+7 (495) {dn(3)}-{d(2)}-{d(2)}", f"+7{op}{d(7)}"])
    if cc == "SA":
        return r.choice([f"+966 5{r.choice('0345')} {d(3)} {d(4)}", f"05{r.choice('0345')} {d(3)} {d(4)}", f"+9665{r.choice('0345')}{d(7)}"])
    if cc == "AE":
        return r.choice([f"+971 5{r.choice('0256')} {d(3)} {d(4)}", f"05{r.choice('0256')} {d(3)} {d(4)}"])
    if cc == "VN":
        return r.choice([f"09{d(2)} {d(3)} {d(3)}", f"+84 9{d(2)} {d(3)} {d(3)}", f"03{d(1)} {d(3)} {d(4)}", f"09{d(8)}"])
    if cc == "ID":
        return r.choice([f"08{r.choice('1257')}{d(1)}-{d(4)}-{d(4)}", f"+62 8{r.choice('1257')}{d(1)} {d(4)} {d(4)}", f"08{r.choice('1257')}{d(9)}"])
    if cc == "NL":
        return r.choice([f"06-{dn(8)}", f"+31 6 {dn(8)}", f"06 {dn(2)} {d(2)} {d(2)} {d(2)}", f"020-{dn(7)}"])
    if cc == "PL":
        return r.choice([f"{r.choice('5678')}{d(2)} {d(3)} {d(3)}", f"+48 {r.choice('5678')}{d(2)} {d(3)} {d(3)}", f"+48 22 {dn(3)} {d(2)} {d(2)}"])
    if cc == "TR":
        op = r.choice(["532", "533", "535", "542", "505", "555"])
        return r.choice([f"0{op} {dn(3)} {d(2)} {d(2)}", f"+90 {op} {dn(3)} {d(2)} {d(2)}", f"0 ({op}) {dn(3)} {d(2)} {d(2)}"])
    if cc == "IL":
        op = r.choice(["50", "52", "53", "54", "58"])
        return r.choice([f"0{op}-{dn(3)}-{d(4)}", f"+972 {op}-{dn(3)}-{d(4)}", f"0{op}{dn(7)}", f"03-{dn(3)}-{d(4)}"])
    if cc == "KR":
        return r.choice([f"010-{dn(4)}-{d(4)}", f"+82 10-{dn(4)}-{d(4)}", f"02-{dn(3)}-{d(4)}", f"010 {dn(4)} {d(4)}"])
    if cc == "CN":
        p = r.choice(["138", "139", "135", "186", "158", "177"])
        return r.choice([f"{p}{d(8)}", f"{p} {d(4)} {d(4)}", f"+86 {p} {d(4)} {d(4)}", f"{p}-{d(4)}-{d(4)}", f"021-{dn(8)}", f"010-{dn(8)}"])
    if cc == "TW":
        return r.choice([f"09{d(2)}-{d(3)}-{d(3)}", f"+886 9{d(2)} {d(3)} {d(3)}", f"(02) {dn(4)}-{d(4)}", f"09{d(8)}"])
    if cc == "TH":
        return r.choice([f"08{r.choice('123456789')}-{d(3)}-{d(4)}", f"+66 8{d(1)} {d(3)} {d(4)}", f"02-{dn(3)}-{d(4)}", f"09{d(1)}-{d(3)}-{d(4)}", f"06{d(1)} {d(3)} {d(4)}"])
    raise KeyError(cc)


FREEMAIL = ["gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com", "proton.me"]


def email_gen(r, L, person):
    first, last = person[1], person[2]
    first = strip_accents(first).lower().replace(" ", "").replace("'", "")
    last = strip_accents(last).lower().replace(" ", "").replace("'", "")
    local = r.choice([f"{first}.{last}", f"{first[0]}.{last}", f"{first}{last[0]}", f"{first}_{last}",
                      f"{last}.{first}", f"{first}.{last}{r.randint(1, 99)}"])
    dom = r.choice(L.DOMAINS + getattr(L, "FREEMAIL", FREEMAIL))
    return f"{local}@{dom}"


# ---------------------------------------------------------------------------
# Passwords, tokens, keys
# ---------------------------------------------------------------------------
PW_SYM = "!#$%&*+-=?@^_~"
CFG_SYM = "!%*+-_^~"
URL_SYM = "-_~"
EN_WORDS = ["Summer", "Winter", "BlueHorse", "Dragon", "Sunshine", "Falcon", "Maple", "Rocket", "Harbor",
            "Coffee", "Orange", "Panther", "Welcome", "Spring", "Autumn", "Liberty", "Phoenix", "Silver"]
LOW_WORDS = ["tiger", "lily", "river", "stone", "cloud", "apple", "pepper", "violet", "copper", "otter",
             "mango", "cedar", "lemon", "harbor", "velvet", "sparrow", "garnet", "willow", "maple", "ember"]


def pw_strong(r, sym=PW_SYM, lo=10, hi=16):
    while True:
        n = r.randint(lo, hi)
        s = rstr(r, n, B62 + B62 + sym)
        if (any(c in UP for c in s) and any(c in LO for c in s) and any(c in DG for c in s)
                and (not sym or any(c in sym for c in s)) and s[-1] not in "-="):
            return s


def pw_human(r, words):
    w1 = r.choice(words)
    w2 = r.choice(EN_WORDS + words)
    pat = r.randint(0, 5)
    if pat == 0:
        return f"{w1}{r.randint(2019, 2027)}{r.choice('!#?$')}"
    if pat == 1:
        return f"{w1}{w2}{r.choice('#!@$')}{r.randint(10, 99)}"
    if pat == 2:
        return f"{r.choice(LOW_WORDS)}-{r.choice(LOW_WORDS)}-{r.randint(10, 99)}"
    if pat == 3:
        return f"{w1}@{r.randint(1000, 9999)}"
    if pat == 4:
        leet = w1.replace("a", "@").replace("o", "0").replace("e", "3").replace("i", "1")
        return f"{leet}{r.randint(1, 99)}{r.choice('!?')}"
    return f"Welcome2{w1}{r.choice(['!', '!!', '#1', '2027'])}"


def passphrase(r):
    ws = r.sample(LOW_WORDS, r.randint(3, 4))
    sep = r.choice(["-", ".", "_"])
    s = sep.join(ws)
    if r.random() < 0.6:
        s += sep + str(r.randint(2, 99))
    return s


def pin_gen(r):
    while True:
        n = r.randint(6, 8)
        p = digits(r, n)
        if len(set(p)) >= 4 and p not in "01234567890" and p not in "9876543210":
            return p


def hi_entropy(r):
    while True:
        n = r.randint(20, 64)
        style = r.choice(["alnum", "alnum", "sym", "b64", "mixed"])
        if style == "alnum":
            s = rstr(r, n, B62)
        elif style == "sym":
            s = rstr(r, n, B62 * 3 + "-_.~!@#$%")
        elif style == "b64":
            s = rstr(r, n, B62 + "+/")
        else:
            s = rstr(r, n, B62 + "-_")
        if (any(c in UP for c in s) and any(c in LO for c in s) and any(c in DG for c in s)
                and s[0].isalnum() and s[-1].isalnum()):
            return s


def b64url(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def jwt_like(r, user):
    header = b64url(json.dumps({"alg": r.choice(["HS256", "RS256"]), "typ": "JWT"}, separators=(",", ":")).encode())
    payload = b64url(json.dumps({"sub": user, "iat": r.randint(1790000000, 1800000000),
                                 "scope": r.choice(["reports:read", "admin", "api"])}, separators=(",", ":")).encode())
    sig = b64url(bytes(r.getrandbits(8) for _ in range(32)))
    return f"{header}.{payload}.{sig}"


def pem_gen(r):
    kind = r.choice(["RSA", "RSA", "OPENSSH", "EC", "PKCS8"])
    if kind == "RSA":
        head, pre, nbytes = "RSA PRIVATE KEY", b"\x30\x82\x04\xa3\x02\x01\x00\x02\x82\x01\x01\x00", r.randint(500, 900)
    elif kind == "OPENSSH":
        head, pre, nbytes = "OPENSSH PRIVATE KEY", b"openssh-key-v1\x00\x00\x00\x00\x04none", r.randint(300, 420)
    elif kind == "EC":
        head, pre, nbytes = "EC PRIVATE KEY", b"\x30\x77\x02\x01\x01\x04\x20", 114
    else:
        head, pre, nbytes = "PRIVATE KEY", b"\x30\x82\x04\xbd\x02\x01\x00\x30\x0d\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01\x05\x00\x04\x82", r.randint(450, 800)
    body = base64.b64encode(pre + bytes(r.getrandbits(8) for _ in range(nbytes))).decode()
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return f"-----BEGIN {head}-----\n" + "\n".join(lines) + f"\n-----END {head}-----"


def key_gen(r, kind):
    if kind == "aws_id":
        return "AKIA" + rstr(r, 16, UP + "234567")
    if kind == "aws_secret":
        while True:
            s = rstr(r, 40, B62 + "/+")
            if any(c in UP for c in s) and any(c in LO for c in s) and any(c in DG for c in s):
                return s
    if kind == "gcp":
        return "AIza" + rstr(r, 35, B62 + "-_")
    if kind == "azure":
        return base64.b64encode(bytes(r.getrandbits(8) for _ in range(64))).decode()
    if kind == "github":
        v = r.random()
        if v < 0.6:
            return "ghp_" + rstr(r, 36, B62)
        if v < 0.8:
            return "github_pat_11" + rstr(r, 20, UP + DG) + "_" + rstr(r, 59, B62)
        return r.choice(["gho_", "ghs_"]) + rstr(r, 36, B62)
    if kind == "gitlab":
        return "glpat-" + rstr(r, 20, B62 + "-_")
    if kind == "slack":
        if r.random() < 0.7:
            return f"xoxb-{digits(r, 11, True)}-{digits(r, 13, True)}-{rstr(r, 24, B62)}"
        return f"xoxp-{digits(r, 11, True)}-{digits(r, 11, True)}-{digits(r, 13, True)}-{rstr(r, 32, HEX)}"
    if kind == "slack_webhook":
        return f"https://hooks.slack.com/services/T{rstr(r, 8, UP + DG)}/B{rstr(r, 10, UP + DG)}/{rstr(r, 24, B62)}"
    if kind == "stripe":
        return r.choice(["sk_live_", "sk_live_", "rk_live_"]) + rstr(r, r.choice([24, 99]), B62)
    if kind == "openai":
        if r.random() < 0.7:
            return "sk-proj-" + rstr(r, r.randint(120, 156), B62 + "-_")
        return "sk-" + rstr(r, 20, B62) + "T3BlbkFJ" + rstr(r, 20, B62)
    if kind == "sendgrid":
        return "SG." + rstr(r, 22, B62 + "-_") + "." + rstr(r, 43, B62 + "-_")
    if kind == "twilio":
        return rstr(r, 32, HEX)
    if kind == "npm":
        return "npm_" + rstr(r, 36, B62)
    if kind == "hf":
        return "hf_" + rstr(r, 34, B62)
    if kind == "anthropic":
        return "sk-ant-api03-" + rstr(r, 93, B62 + "-_") + "AA"
    if kind == "pem":
        return pem_gen(r)
    raise KeyError(kind)


KDESC = {
    "aws_id": "AWS access key ID", "aws_secret": "AWS secret access key", "gcp": "Google Cloud API key",
    "azure": "Azure storage account key", "github": "GitHub personal access token",
    "gitlab": "GitLab personal access token", "slack": "Slack bot token", "slack_webhook": "Slack webhook URL",
    "stripe": "Stripe live secret key", "openai": "OpenAI API key", "sendgrid": "SendGrid API key",
    "twilio": "Twilio auth token", "npm": "npm access token", "hf": "Hugging Face access token",
    "anthropic": "Anthropic API key",
}
PROSE_KINDS = ["aws_secret", "gcp", "azure", "github", "gitlab", "slack", "stripe", "openai", "sendgrid",
               "twilio", "npm", "hf", "aws_id", "slack_webhook", "anthropic"]
NOKW_KINDS = ["github", "gitlab", "slack", "stripe", "openai", "sendgrid", "npm", "hf", "gcp", "anthropic"]

# Cloud key snippets (language neutral, placed inside a localized intro)
CLOUD_CODE = [
    ("[default]\naws_access_key_id = {key}\naws_secret_access_key = {key2}\nregion = {region}", ("aws_id", "aws_secret")),
    ("export AWS_ACCESS_KEY_ID={key}\nexport AWS_SECRET_ACCESS_KEY={key2}\nexport AWS_DEFAULT_REGION={region}", ("aws_id", "aws_secret")),
    ("AZURE_STORAGE_CONNECTION_STRING=\"DefaultEndpointsProtocol=https;AccountName={acctname};AccountKey={key};EndpointSuffix=core.windows.net\"", ("azure",)),
    ("cat > ~/.ssh/deploy_key <<'EOF'\n{key}\nEOF\nchmod 600 ~/.ssh/deploy_key", ("pem",)),
    ("{key}", ("pem",)),
    ("//registry.npmjs.org/:_authToken={key}", ("npm",)),
    ("GITHUB_TOKEN={key}", ("github",)),
    ("git clone https://oauth2:{key}@gitlab.com/{org}/{repo}.git", ("gitlab",)),
    ("OPENAI_API_KEY={key}\nOPENAI_MODEL=gpt-4o-mini", ("openai",)),
    ("STRIPE_SECRET_KEY={key}\nSTRIPE_WEBHOOK_PATH=/hooks/stripe", ("stripe",)),
    ("SENDGRID_API_KEY={key}\nMAIL_FROM=no-reply@{domain}", ("sendgrid",)),
    ("GOOGLE_MAPS_API_KEY={key}", ("gcp",)),
    ("SLACK_BOT_TOKEN={key}\nSLACK_CHANNEL=#ops-alerts", ("slack",)),
    ("TWILIO_AUTH_TOKEN={key}", ("twilio",)),
    ("HF_TOKEN={key}", ("hf",)),
    ("{{\n  \"type\": \"service_account\",\n  \"project_id\": \"{proj}\",\n  \"private_key\": \"{key}\\n\",\n  \"client_email\": \"deployer@{proj}.iam.gserviceaccount.com\"\n}}", ("pem_json",)),
    ("ANTHROPIC_API_KEY={key}", ("anthropic",)),
]

# Generic config secrets (span = secret / secret2)
CFG_CODE = [
    "DB_HOST={host}\nDB_PORT=5432\nDB_USER={user}\nDB_PASSWORD={secret}\nDB_NAME={db}",
    "database:\n  host: {host}\n  port: 5432\n  username: {user}\n  password: \"{secret}\"",
    "{{\n  \"db\": {{\n    \"host\": \"{host}\",\n    \"user\": \"{user}\",\n    \"password\": \"{secret}\"\n  }}\n}}",
    "[database]\nhost = {host}\nuser = {user}\npassword = {secret}",
    "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: {user}\n      POSTGRES_PASSWORD: {secret}\n      POSTGRES_DB: {db}",
    "apiVersion: v1\nkind: Secret\nmetadata:\n  name: {db}-credentials\ntype: Opaque\ndata:\n  password: {secret}",
    "apiVersion: v1\nkind: Secret\nmetadata:\n  name: {db}-credentials\ntype: Opaque\nstringData:\n  DB_PASSWORD: \"{secret}\"",
    "DATABASE_URL=postgres://{user}:{secret}@{host}:5432/{db}",
    "MONGO_URI=mongodb+srv://{user}:{secret}@cluster0.{short}.mongodb.net/{db}?retryWrites=true&w=majority",
    "Server={host};Database={db};User Id={user};Password={secret};TrustServerCertificate=True;",
    "export API_TOKEN={secret}\nexport API_BASE_URL=https://{host}/api/v2",
    "export DB_PASS='{secret}'",
    "curl -u {user}:{secret} https://{host}/api/v2/reports",
    "curl -H \"Authorization: Bearer {secret}\" https://{host}/api/v1/tickets",
    "GET /api/v1/export HTTP/1.1\nHost: {host}\nAuthorization: Basic {secret}",
    "spring.datasource.url=jdbc:mysql://{host}:3306/{db}\nspring.datasource.username={user}\nspring.datasource.password={secret}",
    "{host}:5432:{db}:{user}:{secret}",
    "REDIS_URL=redis://:{secret}@{host}:6379/0",
    "<add name=\"Default\" connectionString=\"Data Source={host};Initial Catalog={db};User ID={user};Password={secret}\" providerName=\"System.Data.SqlClient\" />",
    "resource \"aws_db_instance\" \"main\" {{\n  engine   = \"postgres\"\n  username = \"{user}\"\n  password = \"{secret}\"\n}}",
    "MAIL_HOST=smtp.{domain}\nMAIL_PORT=587\nMAIL_USERNAME={user}\nMAIL_PASSWORD={secret}",
    "network={{\n    ssid=\"{ssid}\"\n    psk=\"{secret}\"\n}}",
    "conn = psycopg2.connect(host=\"{host}\", user=\"{user}\", password=\"{secret}\", dbname=\"{db}\")",
    "bindDN: cn={user},ou=service,dc=corp,dc=local\nbindPassword: {secret}",
    "DB_PASSWORD={secret}\nSESSION_SECRET={secret2}\nLOG_LEVEL=info",
    "jwt:\n  signing-secret: {secret}\n  expiry: 3600",
    "SMB_USER={user}\nSMB_PASS={secret}\nmount -t cifs //{host}/share /mnt/share -o username=$SMB_USER,password=$SMB_PASS",
]

def unbrace(t):
    """The snippets write literal braces as '{{' / '}}' (str.format style) so they
    are easy to tell apart from '{slot}' placeholders; collapse them here."""
    return t.replace("{{", "{").replace("}}", "}")


CFG_CODE = [unbrace(t) for t in CFG_CODE]
CLOUD_CODE = [(unbrace(t), k) for t, k in CLOUD_CODE]

HOST_PARTS = ["db01", "db-prod-02", "pg-main", "sql03", "api", "intra", "files", "erp-app01", "crm-db", "reports"]
HOST_DOMAINS = ["corp.local", "internal.northwind.example", "int.acme-group.net", "prod.kitazawa.local", "lan.hanse-logistik.de"]
DBS = ["billing", "hr_core", "crm", "erp", "payroll", "inventory", "reporting", "wms"]
USERS = ["billing_admin", "ops_root", "svc_backup", "hr-admin", "deploy", "admin", "root", "jenkins", "sysadmin",
         "dbadmin", "wms_batch", "print-svc", "reporting_ro", "kiosk01", "sap_rfc", "vpn-guest", "ftpuser",
         "backup_op", "etl_loader", "app_user", "svc-monitor", "helpdesk01", "sa", "postgres"]
FILES = ["runbook-db.md", "handover_2026Q4.docx", "ops-wiki/payments.md", "infra/README.md", "Betrieb.xlsx", "setup-notes.txt"]
SSIDS = ["CORP-WLAN", "Office-5G", "HQ-Secure", "Lab-Net"]
REGIONS = ["ap-northeast-1", "eu-central-1", "us-east-1", "eu-west-3", "ap-southeast-1"]


def host_gen(r):
    return f"{r.choice(HOST_PARTS)}.{r.choice(HOST_DOMAINS)}"


def cfg_secret(r, code, user):
    """secret value appropriate for the snippet."""
    if "Basic {secret}" in code:
        return base64.b64encode(f"{user}:{pw_strong(r, CFG_SYM)}".encode()).decode()
    if "Bearer" in code or "signing-secret" in code:
        return jwt_like(r, user) if r.random() < 0.5 else rstr(r, r.randint(32, 48), B62)
    if "data:\n  password:" in code:
        return base64.b64encode(pw_strong(r, CFG_SYM).encode()).decode()
    if "://" in code and "{secret}@" in code:
        return pw_strong(r, URL_SYM)
    if "Password={secret};" in code or "Password={secret}\"" in code:
        return pw_strong(r, "!%*+-_^~")
    if "API_TOKEN" in code:
        return rstr(r, 40, B62)
    v = r.random()
    if v < 0.6:
        return pw_strong(r, CFG_SYM)
    if v < 0.8:
        return rstr(r, r.choice([32, 40, 48]), B62)
    return rstr(r, 64, HEX)


# ---------------------------------------------------------------------------
# Lookalike (clean) values
# ---------------------------------------------------------------------------
def digits_guard(v):
    """True if the digit content of v could be mistaken for a checksum-valid
    card number or My Number; such values are re-drawn for clean text."""
    d = re.sub(r"\D", "", v)
    if 13 <= len(d) <= 19 and luhn_ok(d):
        return True
    if len(d) == 12 and mynumber_ok(d):
        return True
    return False


def isbn13(r):
    while True:
        core = "978" + r.choice("40327") + digits(r, 8)
        s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(core))
        c = (10 - s % 10) % 10
        if not luhn_ok(core + str(c)):
            return f"{core[:3]}-{core[3]}-{core[4:9]}-{core[9:12]}-{c}"


def date_fmt(r, lang):
    y, m, d = r.randint(2026, 2027), r.randint(1, 12), r.randint(1, 28)
    if lang in ("ja",):
        return r.choice([f"{y}年{m}月{d}日", f"{y}/{m:02d}/{d:02d}"])
    if lang in ("zh", "zh-TW"):
        return f"{y}年{m}月{d}日"
    if lang == "ko":
        return f"{y}년 {m}월 {d}일"
    if lang == "en":
        return r.choice([f"{y}-{m:02d}-{d:02d}", f"{['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} {d}, {y}"])
    if lang in ("de", "ru", "pl", "tr"):
        return f"{d:02d}.{m:02d}.{y}"
    if lang == "nl":
        return f"{d}-{m}-{y}"
    return f"{d:02d}/{m:02d}/{y}"


def look_values(r, L, lang):
    def g(fn):
        while True:
            v = fn()
            if not digits_guard(v):
                return v
    sha = hashlib.sha256(rstr(r, 16, B62).encode()).hexdigest()
    img = r.choice(["company-logo-2026.png", "banner_spring.jpg", "favicon.ico", "header-blue.svg", "mascot.png"])
    return {
        "order": g(lambda: r.choice([f"ORD-{r.randint(2025, 2027)}-{digits(r, 6)}", f"#{digits(r, 7, True)}", f"SO{digits(r, 8, True)}", f"{digits(r, 3, True)}-{digits(r, 7)}-{digits(r, 7)}"])),
        "inc": r.choice([f"INC{digits(r, 7)}", f"REQ{digits(r, 7)}", f"RITM{digits(r, 7)}", f"HD-{r.randint(10000, 99999)}", f"CHG{digits(r, 7)}"]),
        "uuid": str(uuid.UUID(int=r.getrandbits(128), version=4)),
        "commit": r.choice([sha[:40], sha[:7], sha[:12]]) if r.random() < 0.5 else hashlib.sha1(rstr(r, 8, B62).encode()).hexdigest(),
        "sha": sha,
        "ver": r.choice([f"{r.randint(1, 24)}.{r.randint(0, 20)}.{r.randint(0, 30)}", f"v{r.randint(1, 9)}.{r.randint(0, 40)}.{r.randint(0, 9)}", f"{r.randint(2024, 2026)}.{r.randint(1, 12)}.{r.randint(1000, 9999)}", f"{r.randint(10, 17)}.{r.randint(0, 7)}.{r.randint(1, 9)} (build {r.randint(20, 23)}{r.choice(UP)}{r.randint(10, 99)})"]),
        "isbn": isbn13(r),
        "track": g(lambda: r.choice([f"1Z{rstr(r, 6, UP + DG)}{digits(r, 10)}", f"{digits(r, 4, True)}-{digits(r, 4)}-{digits(r, 4)}", f"JD{digits(r, 18)}", f"RR{digits(r, 9)}JP", f"{digits(r, 10, True)}"])),
        "date": date_fmt(r, lang),
        "time": f"{r.randint(8, 18)}:{r.choice(['00', '15', '30', '45'])}",
        "room": r.choice([f"{r.randint(2, 19)}{r.randint(0, 2)}{r.randint(1, 9)}", f"{r.randint(2, 12)}F-{r.choice('ABC')}{r.randint(1, 9)}", f"B{r.randint(1, 3)}-{r.randint(10, 40)}"]),
        "ext": str(r.randint(2000, 7999)),
        "sku": f"{rstr(r, 3, UP)}-{r.randint(1000, 9999)}-{r.choice(['BK', 'WH', 'L', 'XL', 'A4', '500'])}",
        "inv": g(lambda: r.choice([f"INV-{r.randint(2025, 2027)}-{digits(r, 5)}", f"RE{r.randint(2025, 2027)}{digits(r, 5)}", f"F{digits(r, 8, True)}"])),
        "path": r.choice(["/var/log/polydesk/ingest.log", "C:\\ProgramData\\Agent\\logs\\agent.log", "\\\\fileserver01\\shared\\Finance\\Templates", "~/Library/Logs/VPNClient/", "/opt/erp/conf/app.properties", "s3://corp-public-assets/brochures/2026/"]),
        "url": r.choice(["https://intranet.example.com/hr/leave-policy", "https://portal.example.org/it/vpn-setup?lang=" + lang, "https://status.example.net/", "https://wiki.example.com/display/IT/Printer+Setup", "https://learn.example.com/courses/security-basics"]),
        "host": f"{r.choice(['prn', 'mfp', 'printer'])}-{r.randint(1, 9)}f-{r.choice(['east', 'west', 'north', 'a', 'b'])}.{r.choice(HOST_DOMAINS)}",
        "ip": f"10.{r.randint(0, 40)}.{r.randint(0, 255)}.{r.randint(2, 250)}",
        "band": L.BAND(r),
        "bankname": r.choice(L.BANKS),
        "b64": base64.b64encode(img.encode()).decode(),
        "asset": f"{r.choice(['PC', 'NB', 'MON', 'AST'])}-{digits(r, 6)}",
        "po": f"PO-{digits(r, 7, True)}",
    }


# ---------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------
SPAN_SLOTS = {
    "password_prose": {"pw", "pin"},
    "credential_pair": {"pw"},
    "config_secret": {"secret", "secret2"},
    "cloud_key": {"key", "key2"},
    "token_nokeyword": {"tok"},
    "personal_data": {"pd"},
    "hr_data": {"amt_y", "amt_m", "amt_b", "acct"},
    "marking": {"mark", "mark2"},
}

FW = str.maketrans("0123456789", "０１２３４５６７８９")


class Corpus:
    def __init__(self):
        self.pos = []
        self.clean = []
        self.svals = []
        self.texts = set()
        self.counters = {}

    def next_id(self, prefix):
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        return f"{prefix}-{self.counters[prefix]}"

    def add(self, kind, lang, cat, text, spans, svals, idprefix=None):
        if text in self.texts:
            return False
        self.texts.add(text)
        prefix = idprefix or f"{'p' if kind == 'pos' else 'c'}-{cat}-{lang}"
        rid = self.next_id(prefix)
        rec = {"id": rid, "lang": lang, "category": cat, "text": text, "spans": spans}
        (self.pos if kind == "pos" else self.clean).append(rec)
        for i, v in enumerate(svals):
            self.svals.append({"id": rid, "i": i, "value": v})
        return True


def join_parts(r, L, parts):
    out = parts[0]
    for p in parts[1:]:
        if "\n" in p or "\n" in out or "```" in p or "{doc}" in p:
            j = "\n\n"
        elif out.rstrip().endswith((",", "،")):  # salutation ("Hallo," / "Hola,") goes on its own line
            j = "\n"
        elif r.random() < 0.2:
            j = "\n"
        else:
            j = L.SEP
        out += j + p
    return out


def wrap(r, L, core, p_open=0.45, p_close=0.3, plain_open=False):
    """Optionally put a helpdesk opener before and a closer after the core
    template. A core that ends with a value (slot, code, bold) gets its closer
    on a new line, so the value's end stays unambiguous."""
    parts = []
    if r.random() < p_open:
        opens = [o for o in L.OPEN if not (plain_open and o.rstrip().endswith((":", "：")))]
        parts.append(r.choice(opens))
    parts.append(core)
    closer = None
    if r.random() < p_close:
        closer = r.choice(L.CLOSE)
    out = join_parts(r, L, parts)
    if closer:
        if core.rstrip().endswith(("}", "`", "*", "⟧")):
            out += r.choice(["\n", "\n\n"]) + closer
        else:
            out = join_parts(r, L, [out, closer])
    return out


def person(r, L):
    return r.choice(L.NAMES)


def base_values(r, L, lang):
    p = person(r, L)
    user = r.choice(USERS + getattr(L, "USERS", []))
    return {
        "user": user, "sys": r.choice(L.SYSTEMS), "host": host_gen(r), "file": r.choice(FILES),
        "name": p[0], "db": r.choice(DBS), "short": rstr(r, 5, LO + DG), "domain": r.choice(L.DOMAINS),
        "ssid": r.choice(SSIDS), "region": r.choice(REGIONS), "acctname": f"{r.choice(['corp', 'prod', 'ops', 'share'])}{rstr(r, 6, LO + DG)}",
        "org": r.choice(["platform", "it-ops", "finance-tools", "infra"]), "repo": r.choice(["deploy-scripts", "terraform-live", "payroll-sync", "helm-charts"]),
        "proj": f"{r.choice(['corp', 'polydesk', 'hr', 'billing'])}-{r.choice(['prod', 'stg'])}-{r.randint(100000, 999999)}",
    }, p


def pw_value(r, L, i):
    kind = ["strong", "human", "strong", "passphrase", "human", "strong"][i % 6]
    if kind == "strong":
        return pw_strong(r)
    if kind == "human":
        return pw_human(r, L.PW_WORDS)
    return passphrase(r)


def cycle(r, items, n):
    """n items cycling through a shuffled copy of items (re-shuffled each round)."""
    out = []
    while len(out) < n:
        c = list(items)
        r.shuffle(c)
        out.extend(c)
    return out[:n]


def add_pos(C, r, L, lang, cat, make, n, tries=50):
    made = 0
    i = 0
    while made < n:
        for _ in range(tries):
            tpl, values = make(i)
            text, spans, svals = fill(tpl, values, SPAN_SLOTS[cat], cat)
            if C.add("pos", lang, cat, text, spans, svals):
                made += 1
                break
        else:
            raise RuntimeError(f"could not make unique {cat}/{lang}")
        i += 1


def build_positives(C, r, L, lang):
    # password_prose: prose templates + PIN templates
    pw_t = cycle(r, L.PW_PROSE, 4)
    pin_t = cycle(r, L.PIN_PROSE, 2)
    def mk_pw(i):
        v, _ = base_values(r, L, lang)
        if i < 4:
            v["pw"] = pw_value(r, L, i + r.randint(0, 5))
            core = pw_t[i]
        else:
            pin = pin_gen(r)
            if lang in ("ja", "zh", "zh-TW") and r.random() < 0.4:
                pin = pin.translate(FW)
            v["pin"] = pin
            core = pin_t[i - 4]
        return wrap(r, L, core), v
    add_pos(C, r, L, lang, "password_prose", mk_pw, 6)

    cred_t = cycle(r, L.CRED, 5)
    def mk_cred(i):
        v, _ = base_values(r, L, lang)
        v["pw"] = pw_value(r, L, i + r.randint(0, 5)) if r.random() < 0.5 else pw_strong(r)
        return wrap(r, L, cred_t[i]), v
    add_pos(C, r, L, lang, "credential_pair", mk_cred, 5)

    code_t = cycle(r, CFG_CODE, 5)
    intro_t = cycle(r, L.CFG_INTRO, 5)
    def mk_cfg(i):
        v, _ = base_values(r, L, lang)
        code = code_t[i] if r.random() < 0.8 else r.choice(CFG_CODE)
        v["secret"] = cfg_secret(r, code, v["user"])
        v["secret2"] = rstr(r, 48, B62)
        return wrap(r, L, intro_t[i].replace("{code}", code), 0.3, 0.2, plain_open=True), v
    add_pos(C, r, L, lang, "config_secret", mk_cfg, 5)

    modes = cycle(r, ["prose", "code", "nokw", "prose", "code"], 5)
    cloud_t = cycle(r, L.CLOUD, 5)
    nokw_t = cycle(r, L.CLOUD_NOKW, 5)
    intro2 = cycle(r, L.CFG_INTRO, 5)
    def mk_cloud(i):
        v, _ = base_values(r, L, lang)
        mode = modes[i]
        if mode == "prose":
            kind = r.choice(PROSE_KINDS)
            v["key"] = key_gen(r, kind)
            v["kdesc"] = KDESC[kind]
            return wrap(r, L, cloud_t[i]), v
        if mode == "nokw":
            kind = r.choice(NOKW_KINDS)
            v["key"] = key_gen(r, kind)
            return wrap(r, L, nokw_t[i]), v
        code, kinds = r.choice(CLOUD_CODE)
        if kinds == ("pem_json",):
            v["key"] = pem_gen(r).replace("\n", "\\n")
        else:
            v["key"] = key_gen(r, kinds[0])
            if len(kinds) > 1:
                v["key2"] = key_gen(r, kinds[1])
        return wrap(r, L, intro2[i].replace("{code}", code), 0.3, 0.2, plain_open=True), v
    add_pos(C, r, L, lang, "cloud_key", mk_cloud, 5)

    tok_t = cycle(r, L.TOKEN, 4)
    def mk_tok(i):
        v, _ = base_values(r, L, lang)
        v["tok"] = hi_entropy(r)
        return wrap(r, L, tok_t[i]), v
    add_pos(C, r, L, lang, "token_nokeyword", mk_tok, 4)

    pd_kinds = ["email", "phone", "natid", "card", "phone", "iban", "email", "natid"]
    def mk_pd(i):
        v, p = base_values(r, L, lang)
        kind = pd_kinds[i % len(pd_kinds)]
        if kind == "natid":
            nk = r.choice(L.NATIDS)
            tpl = r.choice(L.PD["natid"][nk])
            v["pd"] = natid_gen(r, nk, p)
        else:
            tpl = r.choice(L.PD[kind])
            if kind == "email":
                v["pd"] = email_gen(r, L, p)
            elif kind == "phone":
                v["pd"] = phone_gen(r, r.choice(L.PHONES))
            elif kind == "card":
                v["brand"], v["pd"] = card_gen(r)
            elif kind == "iban":
                v["pd"] = iban_gen(r, r.choice(L.IBANS))
        return wrap(r, L, tpl), v
    add_pos(C, r, L, lang, "personal_data", mk_pd, 8)

    hr_plan = [("salary", 0), ("bank", 0), ("salary", 1), ("salary", 2), ("bank", 1)]
    sal_t = cycle(r, L.SALARY, 3)
    bank_t = cycle(r, L.BANK, 2)
    def mk_hr(i):
        v, p = base_values(r, L, lang)
        v["amt_y"] = L.AMT["y"](r)
        v["amt_m"] = L.AMT["m"](r)
        v["amt_b"] = L.AMT["b"](r)
        v["bank"] = r.choice(L.BANKS)
        v["branch"] = r.choice(L.BRANCHES)
        v.update(L.ACCT(r))
        kind, j = hr_plan[i % 5]
        tpl = sal_t[j] if kind == "salary" else bank_t[j]
        return wrap(r, L, tpl), v
    add_pos(C, r, L, lang, "hr_data", mk_hr, 5)

    # every marking phrase of the language appears at least once (template
    # records), plus three records with a marking inside a fixed sentence
    marks = cycle(r, L.MARKS, len(L.MARKS))
    n_t = len(marks)
    mt = cycle(r, L.MARK_T, n_t)
    mf = cycle(r, L.MARK_FIXED, 3)
    plan = [("t", k) for k in range(n_t)] + [("f", k) for k in range(3)]
    r.shuffle(plan)
    def mk_mark(i):
        v, _ = base_values(r, L, lang)
        v["doc"] = r.choice(L.DOCS)
        kind, k = plan[i]
        if kind == "t":
            v["mark"] = marks[k]
            v["mark2"] = marks[k] if r.random() < 0.6 else r.choice(L.MARKS)
            tpl = mt[k]
        else:
            v["mark"] = v["mark2"] = marks[0]
            tpl = mf[k]
        return wrap(r, L, tpl, 0.35, 0.2), v
    add_pos(C, r, L, lang, "marking", mk_mark, len(plan))


def build_clean(C, r, L, lang, n_policy, n_conf, n_look, n_help):
    def sentences(pool, n, cat):
        made = 0
        guard = 0
        while made < n:
            guard += 1
            if guard > 5000:
                raise RuntimeError(f"{cat}/{lang}: not enough variety")
            k = 1 if r.random() < 0.45 else 2
            chosen = r.sample(pool, k)
            core = join_parts(r, L, chosen)
            text = wrap(r, L, core, 0.35, 0.3)
            if C.add("clean", lang, cat, text, [], []):
                made += 1
    sentences(L.POLICY, n_policy, "policy_talk")
    sentences(L.CONF, n_conf, "confidentiality_talk")

    look_t = cycle(r, L.LOOK, n_look)
    made = 0
    i = 0
    while made < n_look:
        v = look_values(r, L, lang)
        text, spans, _ = fill(wrap(r, L, look_t[i % len(look_t)], 0.3, 0.25), v, set(), "x")
        i += 1
        if C.add("clean", lang, "lookalike", text, [], []):
            made += 1

    topics = list(L.HELP)
    made = 0
    guard = 0
    while made < n_help:
        guard += 1
        if guard > 5000:
            raise RuntimeError(f"helpdesk/{lang}: not enough variety")
        t = topics[made % len(topics)]
        pool = L.HELP[t]
        k = r.choice([1, 2, 2, 3])
        idx = sorted(r.sample(range(len(pool)), min(k, len(pool))))
        core = join_parts(r, L, [pool[j] for j in idx])
        text = wrap(r, L, core, 0.45, 0.35)
        if C.add("clean", lang, "helpdesk", text, [], []):
            made += 1


# ---------------------------------------------------------------------------
# Wiki passages from the datasets on disk
# ---------------------------------------------------------------------------
SENT_RE = {
    "zh": re.compile(r"(?<=[。！？])"),
}
GENERIC_SENT = re.compile(r"(?<=[.!?؟])\s+(?=\S)")


def split_sentences(text, lang):
    text = re.sub(r"\s+", " ", text).strip()
    if lang == "zh":
        parts = [p for p in SENT_RE["zh"].split(text) if p.strip()]
    else:
        parts = [p for p in GENERIC_SENT.split(text) if p.strip()]
    return [p.strip() for p in parts]


def load_contexts(path):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    out = []
    seen = set()
    for art in d["data"]:
        for para in art["paragraphs"]:
            c = para["context"].strip()
            if c not in seen:
                seen.add(c)
                out.append(c)
    return out


def build_wiki(C, r):
    sources = [("xquad", l, f"{DATA}/xquad/xquad.{l}.json", 200) for l in ["en", "zh", "es", "de", "ru", "ar", "vi"]]
    sources += [("squadit", "it", f"{DATA}/squad-it/squad-it-dev.json", 300), ("heq", "he", f"{DATA}/heq/heq-val.json", 200)]
    for src, lang, path, target in sources:
        ctxs = load_contexts(path)
        r.shuffle(ctxs)
        minlen = 45 if lang == "zh" else 110
        made = 0
        for ctx in ctxs:
            if made >= target:
                break
            sents = split_sentences(ctx, lang)
            if not sents:
                continue
            start = r.randrange(len(sents))
            k = r.choice([1, 2, 3])
            chunk = []
            for s in sents[start:]:
                chunk.append(s)
                joined = ("" if lang == "zh" else " ").join(chunk)
                if len(chunk) >= k and len(joined) >= minlen:
                    break
                if len(joined) > 700:
                    break
            text = ("" if lang == "zh" else " ").join(chunk)
            if len(text) < minlen // 2:
                continue
            if C.add("clean", lang, "wiki", text, [], [], idprefix=f"c-wiki-{src}-{lang}"):
                made += 1
        assert made == target, (src, lang, made)


# ---------------------------------------------------------------------------
def main():
    r = _random.Random(SEED)
    C = Corpus()
    mods = {}
    for lang in LANGS:
        mods[lang] = importlib.import_module("lang_" + lang.replace("-", "_").lower())
    for lang in LANGS:
        build_positives(C, _random.Random(f"{SEED}-pos-{lang}"), mods[lang], lang)
    for lang in LANGS:
        build_clean(C, _random.Random(f"{SEED}-clean-{lang}"), mods[lang], lang,
                    n_policy=17, n_conf=17, n_look=17, n_help=28)
    build_wiki(C, _random.Random(f"{SEED}-wiki"))

    def dump(path, recs):
        with open(os.path.join(HERE, path), "w", encoding="utf-8", newline="\n") as f:
            for rec in recs:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    dump("positives.jsonl", C.pos)
    dump("clean.jsonl", C.clean)
    dump("span_values.jsonl", C.svals)
    write_readme(C)
    print(f"positives={len(C.pos)} clean={len(C.clean)} spans={len(C.svals)}")


def table(recs, cats, langs):
    counts = {}
    for rec in recs:
        counts[(rec["category"], rec["lang"])] = counts.get((rec["category"], rec["lang"]), 0) + 1
    head = "| category | " + " | ".join(langs) + " | total |"
    sep = "|---|" + "---:|" * (len(langs) + 1)
    rows = [head, sep]
    for c in cats:
        vals = [counts.get((c, l), 0) for l in langs]
        rows.append(f"| {c} | " + " | ".join(str(v) if v else "·" for v in vals) + f" | {sum(vals)} |")
    tot = [sum(counts.get((c, l), 0) for c in cats) for l in langs]
    rows.append("| **total** | " + " | ".join(map(str, tot)) + f" | {sum(tot)} |")
    return "\n".join(rows)


def write_readme(C):
    pos_cats = list(SPAN_SLOTS)
    clean_cats = ["policy_talk", "confidentiality_talk", "lookalike", "helpdesk", "wiki"]
    langs = LANGS
    wiki_src = {}
    for rec in C.clean:
        if rec["category"] == "wiki":
            s = rec["id"].split("-")[2]
            wiki_src[(s, rec["lang"])] = wiki_src.get((s, rec["lang"]), 0) + 1
    with open(os.path.join(HERE, "README.template.md"), encoding="utf-8") as f:
        tpl = f.read()
    out = (tpl.replace("@@POS_TABLE@@", table(C.pos, pos_cats, langs))
              .replace("@@CLEAN_TABLE@@", table(C.clean, clean_cats, langs))
              .replace("@@NPOS@@", str(len(C.pos)))
              .replace("@@NCLEAN@@", str(len(C.clean)))
              .replace("@@NSPANS@@", str(len(C.svals)))
              .replace("@@NASTRAL_POS@@", str(sum(any(ord(ch) > 0xFFFF for ch in x["text"]) for x in C.pos)))
              .replace("@@NASTRAL_CLEAN@@", str(sum(any(ord(ch) > 0xFFFF for ch in x["text"]) for x in C.clean)))
              .replace("@@WIKI@@", ", ".join(f"{s}/{l}: {n}" for (s, l), n in sorted(wiki_src.items()))))
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(out)


if __name__ == "__main__":
    main()
