#!/usr/bin/env python3
"""Build f-positives.jsonl / f-clean.jsonl from f-source/<lang>.txt. Fails loudly on any check."""
import json, re, sys, os, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["vi", "id", "ar", "he"]
POS = ["password_prose", "credential_pair", "config_secret", "cloud_key", "token_nokeyword", "personal_data", "hr_data", "marking"]
CLEAN = ["policy_talk", "confidentiality_talk", "lookalike", "helpdesk"]
TYPES = {"password", "api_key", "token", "private_key", "connection_string", "email", "phone", "national_id", "payment_card",
         "iban", "bank_account", "passport", "address", "date_of_birth", "health", "salary", "hr_record", "marking"}
DEFAULT_TYPE = {"password_prose": "password", "credential_pair": "password", "token_nokeyword": "token", "marking": "marking"}
IBAN_LEN = {"SA": 24, "AE": 23, "IL": 23}
errors = []
def err(msg): errors.append(msg)

def digits(s): return re.sub(r"\D", "", s)
def luhn_ok(s):
    d = digits(s)
    if not 13 <= len(d) <= 19: return False
    tot = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2 == 1:
            x *= 2
            if x > 9: x -= 9
        tot += x
    return tot % 10 == 0
def iban_ok(s):
    s = s.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s): return False
    if s[:2] in IBAN_LEN and len(s) != IBAN_LEN[s[:2]]: return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1
def il_id_ok(s):
    d = digits(s)
    if len(d) != 9: return False
    t = 0
    for i, ch in enumerate(d):
        x = int(ch) * (1 if i % 2 == 0 else 2)
        t += x if x < 10 else x - 9
    return t % 10 == 0
def luhn_any(d):
    tot = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2 == 1:
            x *= 2
            if x > 9: x -= 9
        tot += x
    return tot % 10 == 0
def sa_id_ok(s):
    d = digits(s); return len(d) == 10 and d[0] in "12" and luhn_any(d)
def ae_id_ok(s):
    d = digits(s); return len(d) == 15 and d.startswith("784") and luhn_any(d)
def vn_mst_ok(s):
    d = digits(s)
    if len(d) != 10: return False
    w = [31, 29, 23, 19, 17, 13, 7, 5, 3]
    c = 10 - sum(a * int(b) for a, b in zip(w, d)) % 11
    return c < 10 and c == int(d[9])
def vn_cccd_ok(s):
    # 12 digits: province code (001-096), century/gender digit 0-3 (1900-2099), 2-digit year, 6 serial. No check digit exists.
    d = digits(s)
    return len(d) == 12 and 1 <= int(d[:3]) <= 96 and d[3] in "0123"
def id_nik_ok(s):
    # 16 digits: 6 region, DD (+40 for women), MM, YY, 4 serial (0001+). No check digit exists.
    d = digits(s)
    if len(d) != 16: return False
    dd, mm = int(d[6:8]), int(d[8:10])
    if dd > 40: dd -= 40
    return 1 <= dd <= 31 and 1 <= mm <= 12 and int(d[12:]) >= 1
def passport_fmt_ok(s): return re.fullmatch(r"[A-Z]{1,2}\d{6,8}", s.replace(" ", "")) is not None
CHECKS = {"luhn": luhn_ok, "iban": iban_ok, "il_id": il_id_ok, "sa_id": sa_id_ok, "ae_id": ae_id_ok,
          "vn_mst": vn_mst_ok, "vn_cccd": vn_cccd_ok, "id_nik": id_nik_ok, "passport_fmt": passport_fmt_ok}

EN_KW = r"\b(pass(word|wd|phrase)?|pwd?|pw|key|keys|token|tokens|secret|secrets|code|codes|pin|pins|credentials?|creds?|apikey)\b"
KW = {
    "vi": ["mật khẩu", "mat khau", "khóa", "khoá", "mã", "bí mật", "mk", "thông tin đăng nhập", "mã pin"],
    "id": ["kata sandi", "sandi", "kunci", "kode", "rahasia", "kredensial", "pin", "katasandi"],
    "ar": ["كلمة المرور", "كلمة السر", "كلمة مرور", "رمز", "مفتاح", "سري", "سرية", "كود", "باسورد", "الباسورد", "بيانات الدخول", "بيانات الاعتماد", "رقم سري", "توكن"],
    "he": ["סיסמה", "סיסמא", "סיסמת", "קוד", "מפתח", "סוד", "טוקן", "אסימון", "פין", "הרשאות", "ססמה"],
}
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
SPAN_RE = re.compile(r"⟦(.*?)⟧(?:⟪(.*?)⟫)?", re.S)

def u16(s): return len(s.encode("utf-16-le")) // 2

def parse(lang):
    path = os.path.join(HERE, "f-source", f"{lang}.txt")
    if not os.path.exists(path): return []
    raw = unicodedata.normalize("NFC", open(path, encoding="utf-8").read())
    recs, cur = [], None
    for line in raw.split("\n"):
        if line.startswith("#") and cur is None: continue
        m = re.match(r"^@@ (\w+)\s*$", line)
        if m:
            if cur: recs.append(cur)
            cur = {"category": m.group(1), "lines": []}
        elif cur is not None:
            cur["lines"].append(line)
    if cur: recs.append(cur)
    out = []
    for r in recs:
        src = "\n".join(r["lines"]).strip("\n").rstrip()
        text, spans, pos = "", [], 0
        for m in SPAN_RE.finditer(src):
            text += src[pos:m.start()]
            val = m.group(1)
            tags = dict(kv.strip().split("=", 1) for kv in (m.group(2) or "").split(";") if kv.strip())
            typ = tags.get("type") or DEFAULT_TYPE.get(r["category"])
            if not typ: err(f"{lang}: span without type in {r['category']}: {val[:30]}")
            start = u16(text); text += val; end = u16(text)
            spans.append({"type": typ, "start": start, "end": end, "_v": val, "_check": tags.get("check")})
            pos = m.end()
        text += src[pos:]
        if "⟦" in text or "⟧" in text or "⟪" in text or "⟫" in text: err(f"{lang}: stray bracket in: {text[:60]}")
        out.append({"lang": lang, "category": r["category"], "text": text, "spans": spans})
    return out

def outside(text, spans):
    # text with spans blanked (Python indices) for leak checks
    chars = list(text)
    for s in spans:
        i = text.find(s["_v"])  # locate via value (spans unique within record)
        # map utf16 offsets back: recompute
    # exact map from utf16 offsets to python indices
    idx16, m = 0, {}
    for i, ch in enumerate(text):
        m[idx16] = i; idx16 += 2 if ord(ch) > 0xFFFF else 1
    m[idx16] = len(text)
    for s in spans:
        for i in range(m[s["start"]], m[s["end"]]): chars[i] = " "
    return "".join(chars)

def main():
    allrecs, seen_text, seen_val = [], {}, {}
    for lang in LANGS:
        recs = parse(lang)
        counters = {}
        for r in recs:
            cat = r["category"]
            if cat not in POS + CLEAN: err(f"{lang}: unknown category {cat}"); continue
            counters[cat] = counters.get(cat, 0) + 1
            r["id"] = f"v3-{lang}-{cat}-{counters[cat]}"
            t = r["text"]
            if cat in POS and not r["spans"]: err(f"{r['id']}: positive without span")
            if cat in CLEAN and r["spans"]: err(f"{r['id']}: clean record with span")
            for s in r["spans"]:
                if s["type"] not in TYPES: err(f"{r['id']}: bad type {s['type']}")
                if s["_check"]:
                    fn = CHECKS.get(s["_check"])
                    if not fn: err(f"{r['id']}: unknown check {s['_check']}")
                    elif not fn(s["_v"]): err(f"{r['id']}: check {s['_check']} FAILED for {s['_v']}")
                if s["type"] == "payment_card" and s["_check"] != "luhn": err(f"{r['id']}: card without luhn check")
                if s["type"] == "iban" and s["_check"] != "iban": err(f"{r['id']}: iban without iban check")
                if s["type"] == "national_id" and not s["_check"]: err(f"{r['id']}: national id without check")
                v = s["_v"].strip()
                if v in seen_val and seen_val[v] != r["id"]: err(f"{r['id']}: value reused from {seen_val[v]}: {v[:30]}")
                seen_val[v] = r["id"]
            rest = outside(t, r["spans"])
            if EMAIL_RE.search(rest): err(f"{r['id']}: e-mail outside span: {EMAIL_RE.search(rest).group(0)}")
            for m in re.finditer(r"\d[\d -]{11,30}\d", rest):
                d = digits(m.group(0))
                for a in range(len(d)):
                    for b in range(a + 13, min(len(d), a + 19) + 1):
                        if luhn_ok(d[a:b]) and (a == 0 and b == len(d)): err(f"{r['id']}: luhn-valid digit run outside span: {m.group(0)}")
            for m in re.finditer(r"\d{13,19}", rest):
                if luhn_ok(m.group(0)): err(f"{r['id']}: luhn-valid digit run outside span: {m.group(0)}")
            for m in re.finditer(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b", rest):
                if iban_ok(m.group(0)): err(f"{r['id']}: IBAN outside span: {m.group(0)}")
            if cat == "token_nokeyword":
                low = t.lower()
                if re.search(EN_KW, low): err(f"{r['id']}: English keyword in token_nokeyword: {re.search(EN_KW, low).group(0)}")
                for w in KW[lang]:
                    if lang == "vi" or lang == "id":
                        if re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", low): err(f"{r['id']}: keyword '{w}' in token_nokeyword")
                    elif w in t: err(f"{r['id']}: keyword '{w}' in token_nokeyword")
            if cat in CLEAN:
                if re.search(r"(?<!\d)(\+?\d[\d .-]{8,}\d)(?!\d)", t) and re.search(r"(\+84|\+62|\+966|\+971|\+972|\b0[35789]\d{8,9}\b|\b05\d[- ]?\d{7}\b)", t):
                    err(f"{r['id']}: looks like a personal phone number in clean record")
            key = re.sub(r"\s+", " ", t).strip().lower()
            if key in seen_text: err(f"{r['id']}: duplicate text of {seen_text[key]}")
            seen_text[key] = r["id"]
            allrecs.append(r)
    if errors:
        print("BUILD FAILED:"); [print("  " + e) for e in errors]; sys.exit(1)
    with open(os.path.join(HERE, "f-positives.jsonl"), "w", encoding="utf-8") as fp, \
         open(os.path.join(HERE, "f-clean.jsonl"), "w", encoding="utf-8") as fc:
        for r in allrecs:
            o = {"id": r["id"], "lang": r["lang"], "category": r["category"], "text": r["text"],
                 "spans": [{"type": s["type"], "start": s["start"], "end": s["end"]} for s in r["spans"]]}
            (fp if r["category"] in POS else fc).write(json.dumps(o, ensure_ascii=False) + "\n")
    tab = {}
    for r in allrecs: tab[(r["lang"], r["category"])] = tab.get((r["lang"], r["category"]), 0) + 1
    print("lang " + " ".join(c[:6] for c in POS + CLEAN))
    for l in LANGS: print(f"{l:4} " + " ".join(f"{tab.get((l, c), 0):6}" for c in POS + CLEAN))
    print("total", len(allrecs))
main()
