#!/usr/bin/env python3
"""m-build.py — fill generator placeholders (once, seeded), check, and build JSONL.

Source format: m-source/<lang>.txt ; '@@ <category>' starts a record; sensitive values are
wrapped ⟦value⟧ optionally followed by ⟪type=...; check=...⟫.
Placeholders ⟦@gen[:arg]⟧ are replaced in place by freshly generated values (random.Random(SEED)).
Fails (exit 1) on any check violation.
"""
import json, os, random, re, string, sys

SEED = 20261205_13  # recorded seed
HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "m-source")
LANGS = ["en", "de", "fr", "es", "it"]
POS = ["password_prose", "credential_pair", "config_secret", "cloud_key", "token_nokeyword",
       "personal_data", "hr_data", "marking"]
CLEAN = ["policy_talk", "confidentiality_talk", "lookalike", "helpdesk"]
TYPES = {"password", "api_key", "token", "private_key", "connection_string", "email", "phone",
         "national_id", "payment_card", "iban", "bank_account", "passport", "address",
         "date_of_birth", "health", "salary", "hr_record", "marking"}
DEFAULT_TYPE = {"password_prose": "password", "credential_pair": "password", "config_secret": "password",
                "cloud_key": "api_key", "token_nokeyword": "token", "hr_data": "salary", "marking": "marking"}

# ---------------------------------------------------------------- checks
def luhn_ok(s):
    d = [int(c) for c in s if c.isdigit()]
    if not 13 <= len(d) <= 19: return False
    tot = 0
    for i, x in enumerate(reversed(d)):
        if i % 2: x = x * 2 - 9 if x * 2 > 9 else x * 2
        tot += x
    return tot % 10 == 0

IBAN_LEN = {"DE": 22, "FR": 27, "ES": 24, "IT": 27, "GB": 22, "AT": 20, "CH": 21, "BE": 16, "NL": 18, "IE": 22}
def iban_ok(s):
    s = s.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s): return False
    if IBAN_LEN.get(s[:2]) != len(s): return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1

def steuerid_ok(s):
    s = s.replace(" ", "")
    if not re.fullmatch(r"[1-9]\d{10}", s): return False
    from collections import Counter
    c = Counter(s[:10])
    if sorted(c.values(), reverse=True)[0] not in (2, 3) or list(c.values()).count(2) + list(c.values()).count(3) != 1:
        return False
    p = 10
    for ch in s[:10]:
        t = (int(ch) + p) % 10
        if t == 0: t = 10
        p = (t * 2) % 11
    chk = 11 - p
    if chk == 10: chk = 0
    return chk == int(s[10])

def nir_ok(s):
    s = s.replace(" ", "")
    if not re.fullmatch(r"[12]\d{14}", s): return False
    return 97 - int(s[:13]) % 97 == int(s[13:])

def dni_ok(s):
    s = s.replace("-", "").replace(" ", "")
    m = re.fullmatch(r"(\d{8})([A-Z])", s)
    return bool(m) and "TRWAGMYFPDXBNJZSQVHLCKE"[int(m.group(1)) % 23] == m.group(2)

CF_ODD = dict(zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                  [1,0,5,7,9,13,15,17,19,21,1,0,5,7,9,13,15,17,19,21,2,4,18,20,11,3,6,8,12,14,16,10,22,25,24,23]))
def cf_even(c): return int(c) if c.isdigit() else ord(c) - 65
def cf_check(s15):
    t = sum(CF_ODD[c] if i % 2 == 0 else cf_even(c) for i, c in enumerate(s15))
    return chr(65 + t % 26)
def cf_ok(s):
    s = s.upper()
    return bool(re.fullmatch(r"[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]", s)) and cf_check(s[:15]) == s[15]

def nhs_ok(s):
    s = s.replace(" ", "")
    if not re.fullmatch(r"\d{10}", s): return False
    r = 11 - sum(int(c) * w for c, w in zip(s[:9], range(10, 1, -1))) % 11
    if r == 11: r = 0
    return r != 10 and r == int(s[9])

CHECKS = {"luhn": luhn_ok, "iban": iban_ok, "steuerid": steuerid_ok, "nir": nir_ok, "dni": dni_ok,
          "cf": cf_ok, "nhs": nhs_ok}

# ---------------------------------------------------------------- generators
R = random.Random(SEED)
AN = string.ascii_letters + string.digits
def rs(n, alpha=AN): return "".join(R.choice(alpha) for _ in range(n))

def g_card(arg=None):
    pref = R.choice(["4", "51", "53", "55", "4"])
    body = pref + rs(15 - len(pref), string.digits)
    for d in "0123456789":
        if luhn_ok(body + d): n = body + d; break
    return " ".join(n[i:i+4] for i in range(0, 16, 4)), "payment_card", "luhn"

def g_iban(cc):
    L = IBAN_LEN[cc]
    if cc == "IT": bban = R.choice(string.ascii_uppercase[:20]) + rs(10, string.digits) + rs(12, string.digits)
    else: bban = rs(L - 4, string.digits)
    num = "".join(str(int(c, 36)) for c in bban + cc + "00")
    ck = 98 - int(num) % 97
    s = f"{cc}{ck:02d}{bban}"
    return " ".join(s[i:i+4] for i in range(0, len(s), 4)), "iban", "iban"

def g_steuerid(arg=None):
    while True:
        digs = R.sample(range(10), 9); dup = R.choice(digs); ds = digs + [dup]; R.shuffle(ds)
        if ds[0] == 0: continue
        s = "".join(map(str, ds))
        for d in "0123456789":
            if steuerid_ok(s + d): return f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:10]}{d}", "national_id", "steuerid"

def g_nir(arg=None):
    s = f"{R.choice('12')}{R.randint(60,99):02d}{R.randint(1,12):02d}{R.randint(1,95):02d}{R.randint(1,999):03d}{R.randint(1,999):03d}"
    k = 97 - int(s) % 97
    return f"{s[0]} {s[1:3]} {s[3:5]} {s[5:7]} {s[7:10]} {s[10:13]} {k:02d}", "national_id", "nir"

def g_dni(arg=None):
    n = R.randint(10000000, 79999999)
    return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}", "national_id", "dni"

def g_cf(arg=None):
    s = rs(6, string.ascii_uppercase.replace("A", "").replace("E", "").replace("I", "").replace("O", "").replace("U", "")) \
        + f"{R.randint(55,99):02d}" + R.choice("ABCDEHLMPRST") + f"{R.choice([R.randint(1,28), R.randint(41,68)]):02d}" \
        + R.choice("ABCDEFGHLM") + f"{R.randint(1,999):03d}"
    return s + cf_check(s), "national_id", "cf"

def g_nhs(arg=None):
    while True:
        s = rs(9, string.digits)
        r = 11 - sum(int(c) * w for c, w in zip(s, range(10, 1, -1))) % 11
        if r == 11: r = 0
        if r != 10: s += str(r); return f"{s[:3]} {s[3:6]} {s[6:]}", "national_id", "nhs"

def g_phone(cc):
    if cc == "en": v = f"07{R.randint(400,999)} {rs(6, string.digits)}"
    elif cc == "de": v = f"0{R.choice(['151','160','170','176','157'])} {rs(8, string.digits)}"
    elif cc == "fr": v = "0" + R.choice("67") + " " + " ".join(rs(2, string.digits) for _ in range(4))
    elif cc == "es": v = f"6{rs(2, string.digits)} {rs(3, string.digits)} {rs(3, string.digits)}"
    elif cc == "it": v = f"3{R.choice(['33','39','47','28','40'])} {rs(3, string.digits)} {rs(4, string.digits)}"
    elif cc == "intl_de": v = f"+49 1{R.choice(['51','62','72','76'])} {rs(7, string.digits)}"
    return v, "phone", None

B32 = string.ascii_uppercase + "234567"
B64 = string.ascii_letters + string.digits + "+/"
URLB64 = string.ascii_letters + string.digits + "-_"
def g_simple(kind, arg):
    n = int(arg) if arg else None
    return {
        "aws_akid": lambda: "AKIA" + rs(16, string.ascii_uppercase + "234567"),
        "aws_secret": lambda: rs(40, B64),
        "ghp": lambda: "ghp_" + rs(36),
        "github_pat": lambda: "github_pat_" + rs(22) + "_" + rs(59),
        "glpat": lambda: "glpat-" + rs(20, URLB64),
        "slack": lambda: f"xoxb-{rs(12, string.digits)}-{rs(13, string.digits)}-{rs(24)}",
        "slackhook": lambda: f"https://hooks.slack.com/services/T{rs(8, string.ascii_uppercase + string.digits)}/B{rs(10, string.ascii_uppercase + string.digits)}/{rs(24)}",
        "stripe": lambda: "sk_live_" + rs(24),
        "openai": lambda: "sk-proj-" + rs(48, URLB64) + "T3BlbkFJ" + rs(48, URLB64),
        "twilio": lambda: "SK" + rs(32, "0123456789abcdef"),
        "sendgrid": lambda: "SG." + rs(22, URLB64) + "." + rs(43, URLB64),
        "npm": lambda: "npm_" + rs(36),
        "hf": lambda: "hf_" + rs(34, string.ascii_letters),
        "gapi": lambda: "AIza" + rs(35, URLB64),
        "azure": lambda: rs(86, B64) + "==",
        "rand": lambda: rs(n or 24),
        "hex": lambda: rs(n or 32, "0123456789abcdef"),
        "b64": lambda: rs(n or 40, B64),
        "digits": lambda: rs(n or 6, string.digits),
        "jwt": lambda: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "eyJ" + rs(R.randint(60, 90), URLB64) + "." + rs(43, URLB64),
        "pem": lambda: "-----BEGIN PRIVATE KEY-----\n" + "\n".join(rs(64, B64) for _ in range(4)) + "\n" + rs(28, B64) + "==\n-----END PRIVATE KEY-----",
    }[kind]()

GEN_TYPE = {"aws_akid": "api_key", "aws_secret": "api_key", "ghp": "api_key", "github_pat": "api_key", "glpat": "api_key",
            "slack": "api_key", "slackhook": "api_key", "stripe": "api_key", "openai": "api_key", "twilio": "api_key",
            "sendgrid": "api_key", "npm": "api_key", "hf": "api_key", "gapi": "api_key", "azure": "api_key",
            "jwt": "token", "pem": "private_key"}

def generate(spec):
    kind, _, arg = spec.partition(":")
    if kind == "card": return g_card()
    if kind == "iban": return g_iban(arg)
    if kind == "steuerid": return g_steuerid()
    if kind == "nir": return g_nir()
    if kind == "dni": return g_dni()
    if kind == "cf": return g_cf()
    if kind == "nhs": return g_nhs()
    if kind == "phone": return g_phone(arg)
    return g_simple(kind, arg), GEN_TYPE.get(kind), None

VAL_RE = re.compile(r"⟦(.*?)⟧((?:⟪[^⟫]*⟫)*)", re.S)

def fill(path):
    txt = open(path, encoding="utf-8").read()
    if "⟦@" not in txt: return
    # deterministic per fill pass: seed = SEED + file name + current file length (each pass differs)
    R.seed(f"{SEED}-{os.path.basename(path)}-{len(txt)}")
    def rep(m):
        v, tags = m.group(1), m.group(2)
        if not v.startswith("@"): return m.group(0)
        val, typ, chk = generate(v[1:])
        t = []
        if typ and "type=" not in tags: t.append(f"type={typ}")
        if chk: t.append(f"check={chk}")
        return f"⟦{val}⟧" + (f"⟪{'; '.join(t)}⟫" if t else "") + tags
    open(path, "w", encoding="utf-8").write(VAL_RE.sub(rep, txt))

# ---------------------------------------------------------------- parse + build
KW = {
    "en": r"pass|pwd|\bpw\b|key|token|secret|code|\bpin\b|credential|login",
    "de": r"pass|kennw|schlüssel|schluessel|token|geheim|code|\bpin\b|zugangsdaten|\bpw\b|\bpwd\b|key|secret|credential|login",
    "fr": r"pass|\bmdp\b|clé|\bcle\b|clef|jeton|token|secret|code|\bpin\b|identifiant|key|credential|login|\bpwd\b",
    "es": r"pass|contraseña|contrasena|clave|token|secret|código|codigo|\bpin\b|credencial|key|code|login|\bpwd\b",
    "it": r"pass|chiave|token|segret|codice|\bpin\b|credenzial|key|code|secret|login|\bpwd\b|\bpw\b",
}
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
IBAN_RE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,8}\b")
DIGRUN_RE = re.compile(r"\d(?:[ -]?\d){12,18}")

def u16(s): return len(s.encode("utf-16-le")) // 2

def parse(lang, errors):
    recs = []
    cur = None
    for line in open(os.path.join(SRC, f"{lang}.txt"), encoding="utf-8").read().split("\n"):
        m = re.match(r"^@@ (\w+)\s*$", line)
        if m:
            cur = {"category": m.group(1), "raw": []}; recs.append(cur); continue
        if cur is not None: cur["raw"].append(line)
    out = []
    for r in recs:
        raw = "\n".join(r["raw"]).strip()
        cat = r["category"]
        if cat not in POS + CLEAN: errors.append(f"{lang}: bad category {cat}"); continue
        text, spans, pos = "", [], 0
        for m in VAL_RE.finditer(raw):
            text += raw[pos:m.start()]
            val = m.group(1)
            tags = {}
            for tb in re.findall(r"⟪([^⟫]*)⟫", m.group(2)):
                for kv in tb.split(";"):
                    if "=" in kv:
                        k, v = kv.split("=", 1); tags[k.strip()] = v.strip()
            typ = tags.get("type") or DEFAULT_TYPE.get(cat)
            if not typ: errors.append(f"{lang}/{cat}: no type for {val!r}")
            elif typ not in TYPES: errors.append(f"{lang}/{cat}: bad type {typ}")
            if "check" in tags and not CHECKS[tags["check"]](val):
                errors.append(f"{lang}/{cat}: check {tags['check']} FAILS on {val!r}")
            if val.startswith("@"): errors.append(f"unfilled placeholder {val}")
            s = u16(text); text += val
            spans.append({"type": typ, "start": s, "end": u16(text), "_v": val, "_p": (len(text) - len(val), len(text))})
            pos = m.end()
        text += raw[pos:]
        if "⟦" in text or "⟧" in text or "⟪" in text: errors.append(f"{lang}/{cat}: stray bracket in {text[:60]!r}")
        out.append({"lang": lang, "category": cat, "text": text, "spans": spans})
    return out

def outside(text, spans, a, b):
    return not any(sp["_p"][0] <= a and b <= sp["_p"][1] for sp in spans)

def main():
    errors = []
    allrecs = []
    for lang in LANGS:
        p = os.path.join(SRC, f"{lang}.txt")
        if not os.path.exists(p): continue
        fill(p)
        allrecs += parse(lang, errors)
    seen_text, seen_val = {}, {}
    counters = {}
    for r in allrecs:
        t, cat, lang, sp = r["text"], r["category"], r["lang"], r["spans"]
        where = f"{lang}/{cat}: {t[:50]!r}"
        if cat in POS and not sp: errors.append(f"positive without span: {where}")
        if cat in CLEAN and sp: errors.append(f"clean with span: {where}")
        for m in EMAIL_RE.finditer(t):
            if outside(t, sp, m.start(), m.end()): errors.append(f"email outside span: {where} {m.group(0)}")
        for m in DIGRUN_RE.finditer(t):
            if luhn_ok(m.group(0)) and outside(t, sp, m.start(), m.end()):
                errors.append(f"luhn-valid run outside span: {where} {m.group(0)}")
        for m in IBAN_RE.finditer(t):
            for end in range(m.end(), m.start() + 15, -1):
                cand = t[m.start():end]
                if iban_ok(cand) and outside(t, sp, m.start(), end):
                    errors.append(f"valid IBAN outside span: {where} {cand}")
        if cat == "token_nokeyword":
            kw = KW[lang] if lang == "en" else KW[lang] + "|" + KW["en"]
            mm = re.search(kw, t, re.I)
            if mm: errors.append(f"keyword {mm.group(0)!r} in token_nokeyword: {where}")
        if t in seen_text: errors.append(f"duplicate text: {where}")
        seen_text[t] = 1
        for s in sp:
            v = s["_v"]
            if s["type"] != "marking":
                if v in seen_val and seen_val[v] != id(r): errors.append(f"value reused: {v!r} ({where})")
                seen_val[v] = id(r)
        k = (lang, cat); counters[k] = counters.get(k, 0) + 1
        r["id"] = f"v5-{lang}-{cat}-{counters[k]}"
    if errors:
        print("BUILD FAILED:"); [print(" -", e) for e in errors]; sys.exit(1)
    with open(os.path.join(HERE, "m-positives.jsonl"), "w", encoding="utf-8") as fp, \
         open(os.path.join(HERE, "m-clean.jsonl"), "w", encoding="utf-8") as fc:
        for r in allrecs:
            o = {"id": r["id"], "lang": r["lang"], "category": r["category"], "text": r["text"],
                 "spans": [{"type": s["type"], "start": s["start"], "end": s["end"]} for s in r["spans"]]}
            (fp if r["category"] in POS else fc).write(json.dumps(o, ensure_ascii=False) + "\n")
    print("lang " + " ".join(c[:8] for c in POS + CLEAN))
    for lang in LANGS:
        print(lang, [counters.get((lang, c), 0) for c in POS + CLEAN])
    print("total", len(allrecs))

if __name__ == "__main__":
    main()
