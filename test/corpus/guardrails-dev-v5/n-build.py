#!/usr/bin/env python3
"""Build n-positives.jsonl / n-clean.jsonl from n-source/<lang>.txt. Fails loudly on any problem."""
import json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["pt", "nl", "pl", "tr", "ru"]
POS = ["password_prose", "credential_pair", "config_secret", "cloud_key", "token_nokeyword",
       "personal_data", "hr_data", "marking"]
CLEAN = ["policy_talk", "confidentiality_talk", "lookalike", "helpdesk"]
TYPES = {"password", "api_key", "token", "private_key", "connection_string", "email", "phone", "national_id",
         "payment_card", "iban", "bank_account", "passport", "address", "date_of_birth", "health", "salary",
         "hr_record", "marking"}
IBAN_LEN = {"PT": 25, "NL": 18, "PL": 28, "TR": 26, "DE": 22, "FR": 27, "ES": 24, "RU": 33, "BE": 16, "GB": 22}
errors = []

def err(msg): errors.append(msg)

def luhn_ok(s):
    d = re.sub(r"\D", "", s)
    if not 13 <= len(d) <= 19: return False
    t = 0
    for i, c in enumerate(reversed(d)):
        x = int(c)
        if i % 2:
            x *= 2
            if x > 9: x -= 9
        t += x
    return t % 10 == 0

def mod97_ok(s):
    s = re.sub(r"\s", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s): return False
    if IBAN_LEN.get(s[:2]) not in (None, len(s)): return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1

def nif_pt_ok(s):
    d = re.sub(r"\D", "", s)
    if len(d) != 9: return False
    r = sum(int(c) * (9 - i) for i, c in enumerate(d[:8])) % 11
    return int(d[8]) == (0 if r < 2 else 11 - r)

def bsn_ok(s):
    d = re.sub(r"\D", "", s)
    if len(d) != 9: return False
    return (sum(int(c) * (9 - i) for i, c in enumerate(d[:8])) - int(d[8])) % 11 == 0

def pesel_ok(s):
    d = re.sub(r"\D", "", s)
    if len(d) != 11: return False
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return (10 - sum(int(d[i]) * w[i] for i in range(10)) % 10) % 10 == int(d[10])

def tckn_ok(s):
    d = [int(c) for c in re.sub(r"\D", "", s)]
    if len(d) != 11 or d[0] == 0: return False
    d10 = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    return d10 == d[9] and sum(d[:10]) % 10 == d[10]

def snils_ok(s):
    d = re.sub(r"\D", "", s)
    if len(d) != 11: return False
    t = sum(int(c) * (9 - i) for i, c in enumerate(d[:9]))
    if t < 100: c = t
    elif t in (100, 101): c = 0
    else:
        c = t % 101
        if c == 100: c = 0
    return c == int(d[9:])

def inn_ok(s):
    d = [int(c) for c in re.sub(r"\D", "", s)]
    if len(d) == 10:
        return sum(a * b for a, b in zip(d, [2, 4, 10, 3, 5, 9, 4, 6, 8])) % 11 % 10 == d[9]
    if len(d) != 12: return False
    c1 = sum(a * b for a, b in zip(d, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8])) % 11 % 10
    c2 = sum(a * b for a, b in zip(d, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8])) % 11 % 10
    return c1 == d[10] and c2 == d[11]

CHECKS = {"luhn": luhn_ok, "mod97": mod97_ok, "nif_pt": nif_pt_ok, "bsn": bsn_ok, "pesel": pesel_ok,
          "tckn": tckn_ok, "snils": snils_ok, "inn": inn_ok}

# words meaning password/key/token/secret/code/PIN/credential (prefix match at a word start)
KW_EN = [r"pass(word|wd|phrase)?\b", r"pwd?\b", r"keys?\b", r"tokens?\b", r"secrets?\b", r"codes?\b", r"pins?\b",
         r"credential", r"api[ _-]?key"]
KW = {
    "pt": [r"senha", r"palavra[- ]passe", r"chave", r"segred", r"c[óo]dig", r"credencia", r"pass\b"],
    "nl": [r"wachtwoord", r"ww\b", r"sleutel", r"geheim", r"code", r"pincode", r"inloggegevens", r"toegangscode"],
    "pl": [r"has[łl]", r"klucz", r"sekret", r"kod", r"token", r"pin\b", r"po[śs]wiadcz"],
    "tr": [r"[şs]ifre", r"parola", r"anahtar", r"gizli", r"kod", r"token", r"pin\b", r"kimlik bilg"],
    "ru": [r"парол", r"пасс", r"ключ", r"токен", r"секрет", r"код", r"пин\b", r"учётн|учетн", r"креды"],
}
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
DIGITRUN = re.compile(r"\d(?:[ -]?\d){12,18}")
IBANRUN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}\b")
MARK = re.compile(r"⟦(.*?)⟧(?:⟪(.*?)⟫)?", re.S)

def u16(s): return len(s.encode("utf-16-le")) // 2

def parse(lang):
    path = os.path.join(HERE, "n-source", lang + ".txt")
    raw = open(path, encoding="utf-8").read()
    recs = []
    for chunk in re.split(r"^@@ ", raw, flags=re.M)[1:]:
        head, _, body = chunk.partition("\n")
        cat = head.strip()
        body = body.rstrip()
        text, spans, pos = "", [], 0
        for m in MARK.finditer(body):
            text += body[pos:m.start()]
            val = m.group(1)
            tags = dict(kv.strip().split("=", 1) for kv in (m.group(2) or "").split(";") if kv.strip())
            start = u16(text)
            text += val
            spans.append({"type": tags.get("type", "?"), "start": start, "end": u16(text),
                          "_v": val, "_check": tags.get("check")})
            pos = m.end()
        text += body[pos:]
        if "⟦" in text or "⟧" in text or "⟪" in text: err(f"{lang}: stray marker in {text[:60]!r}")
        recs.append((cat, text, spans))
    return recs

def outside(text, spans):
    """text with span contents blanked (same length in code points, approx)"""
    # spans are in utf-16; recompute on python string via values
    out = text
    for sp in spans:
        v = sp["_v"]
        i = out.find(v)
        if i >= 0: out = out[:i] + "\u2591" * len(v) + out[i + len(v):]
    return out

def main():
    pos_out, clean_out = [], []
    seen_text, seen_val = {}, {}
    for lang in LANGS:
        counters = {}
        for cat, text, spans in parse(lang):
            if cat not in POS and cat not in CLEAN:
                err(f"{lang}: unknown category {cat}"); continue
            counters[cat] = counters.get(cat, 0) + 1
            rid = f"v5-{lang}-{cat}-{counters[cat]}"
            if cat in POS and not spans: err(f"{rid}: positive without span")
            if cat in CLEAN and spans: err(f"{rid}: clean record with span")
            for sp in spans:
                if sp["type"] not in TYPES: err(f"{rid}: bad type {sp['type']}")
                if sp["_check"]:
                    f = CHECKS.get(sp["_check"])
                    if not f: err(f"{rid}: unknown check {sp['_check']}")
                    elif not f(sp["_v"]): err(f"{rid}: check {sp['_check']} FAILED for {sp['_v']}")
                if sp["type"] != "marking":
                    key = sp["_v"]
                    if key in seen_val and seen_val[key] != rid: err(f"{rid}: value reused from {seen_val[key]}: {key}")
                    seen_val[key] = rid
            o = outside(text, spans)
            if EMAIL.search(o): err(f"{rid}: e-mail outside span: {EMAIL.search(o).group(0)}")
            for m in DIGITRUN.finditer(o):
                if luhn_ok(m.group(0)): err(f"{rid}: Luhn-valid run outside span: {m.group(0)}")
            for m in IBANRUN.finditer(o):
                if mod97_ok(m.group(0)): err(f"{rid}: mod97-valid IBAN outside span: {m.group(0)}")
            if cat == "token_nokeyword":
                for pat in KW_EN + KW[lang]:
                    mm = re.search(r"(?<![^\W\d_])" + pat, o, re.I)
                    if mm: err(f"{rid}: keyword {mm.group(0)!r} in token_nokeyword")
            if text in seen_text: err(f"{rid}: duplicate text of {seen_text[text]}")
            seen_text[text] = rid
            rec = {"id": rid, "lang": lang, "category": cat, "text": text,
                   "spans": [{"type": s["type"], "start": s["start"], "end": s["end"]} for s in spans]}
            (pos_out if cat in POS else clean_out).append(rec)
    if errors:
        print("BUILD FAILED:", file=sys.stderr)
        for e in errors: print("  " + e, file=sys.stderr)
        sys.exit(1)
    for name, rows in (("n-positives.jsonl", pos_out), ("n-clean.jsonl", clean_out)):
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            for r in rows: f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"ok: {len(pos_out)} positives, {len(clean_out)} clean")

if __name__ == "__main__":
    main()
