"""Check-digit schemes shared by c-fill.py and c-build.py (author prefix c)."""
import re

def luhn_ok(d):
    d = re.sub(r"\D", "", d)
    if not 12 <= len(d) <= 19: return False
    s = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9: n -= 9
        s += n
    return s % 10 == 0

IBAN_LEN = {"DE": 22, "FR": 27, "ES": 24, "IT": 27, "GB": 22, "AT": 20, "CH": 21, "NL": 18, "BE": 16, "PT": 25, "IE": 22}

def iban_num(s):
    return int("".join(str(int(c, 36)) for c in s))

def iban_ok(v):
    s = re.sub(r"\s", "", v).upper()
    if len(s) < 15 or s[:2] not in IBAN_LEN or len(s) != IBAN_LEN[s[:2]]: return False
    return iban_num(s[4:] + s[:4]) % 97 == 1

def steuerid_ok(v):
    d = re.sub(r"\D", "", v)
    if len(d) != 11 or d[0] == "0": return False
    counts = [d[:10].count(c) for c in set(d[:10])]
    if not (max(counts) in (2, 3) and counts.count(max(counts)) == 1): return False
    p = 10
    for ch in d[:10]:
        s = (int(ch) + p) % 10
        if s == 0: s = 10
        p = (2 * s) % 11
    c = 11 - p
    if c == 10: c = 0
    return c == int(d[10])

def nir_ok(v):
    d = re.sub(r"\s", "", v).upper()
    if not re.fullmatch(r"[12]\d{2}(0[1-9]|1[0-2])(\d{2}|2A|2B)\d{6}\d{2}", d): return False
    body = d[:13].replace("2A", "19").replace("2B", "18")
    return 97 - int(body) % 97 == int(d[13:])

DNI_L = "TRWAGMYFPDXBNJZSQVHLCKE"
def dni_ok(v):
    d = v.replace("-", "").replace(" ", "").upper()
    if not re.fullmatch(r"\d{8}[A-Z]", d): return False
    return DNI_L[int(d[:8]) % 23] == d[8]

def nie_ok(v):
    d = v.replace("-", "").replace(" ", "").upper()
    if not re.fullmatch(r"[XYZ]\d{7}[A-Z]", d): return False
    n = int("XYZ".index(d[0]).__str__() + d[1:8])
    return DNI_L[n % 23] == d[8]

CF_ODD = {c: v for c, v in zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    [1,0,5,7,9,13,15,17,19,21,1,0,5,7,9,13,15,17,19,21,2,4,18,20,11,3,6,8,12,14,16,10,22,25,24,23])}
def cf_even(c):
    return int(c) if c.isdigit() else ord(c) - 65
def cf_char(s15):
    t = 0
    for i, c in enumerate(s15):
        t += CF_ODD[c] if i % 2 == 0 else cf_even(c)
    return chr(65 + t % 26)
def cf_ok(v):
    d = v.upper()
    if not re.fullmatch(r"[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]", d): return False
    return cf_char(d[:15]) == d[15]

def ssn_ok(v):
    m = re.fullmatch(r"(\d{3})-?(\d{2})-?(\d{4})", v.strip())
    if not m: return False
    a, g, s = m.groups()
    return a not in ("000", "666") and a[0] != "9" and g != "00" and s != "0000"

def nino_ok(v):
    d = v.replace(" ", "").upper()
    if not re.fullmatch(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]", d): return False
    return d[:2] not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ")

def nhs_ok(v):
    d = re.sub(r"\D", "", v)
    if len(d) != 10: return False
    s = sum(int(d[i]) * (10 - i) for i in range(9))
    c = 11 - s % 11
    if c == 11: c = 0
    return c != 10 and c == int(d[9])

def rib_ok(v):
    """French RIB key inside an FR IBAN (bank5 branch5 account11 key2)."""
    s = re.sub(r"\s", "", v).upper()
    b, g, a, k = s[4:9], s[9:14], s[14:25], s[25:27]
    if not (b + g + a + k).isdigit(): return False
    return 97 - (89 * int(b) + 15 * int(g) + 3 * int(a)) % 97 == int(k)

def es_ccc_ok(v):
    s = re.sub(r"\s", "", v).upper()
    b = s[4:]
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    def dc(x):
        r = 11 - sum(int(c) * w[i] for i, c in enumerate(x)) % 11
        return {10: 1, 11: 0}.get(r, r)
    return dc("00" + b[:8]) == int(b[8]) and dc(b[10:20]) == int(b[9])

def cin_ok(v):
    s = re.sub(r"\s", "", v).upper()
    return cin_char(s[5:27]) == s[4]

def cin_char(s22):
    t = 0
    for i, c in enumerate(s22):
        t += CF_ODD[c] if i % 2 == 0 else cf_even(c)
    return chr(65 + t % 26)

CHECKS = {
    "luhn": luhn_ok, "iban": iban_ok, "steuerid": steuerid_ok, "nir": nir_ok, "dni": dni_ok,
    "nie": nie_ok, "cf": cf_ok, "ssn": ssn_ok, "nino": nino_ok, "nhs": nhs_ok,
    "rib": rib_ok, "ccc": es_ccc_ok, "cin": cin_ok,
}
