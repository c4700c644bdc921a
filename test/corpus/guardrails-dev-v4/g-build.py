#!/usr/bin/env python3
"""Build g-positives.jsonl / g-clean.jsonl from g-source/<lang>.txt. Fails loudly on any rule violation."""
import json, re, sys, os
from collections import Counter
HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["en", "de", "fr", "es", "it"]
POS = ["password_prose", "credential_pair", "config_secret", "cloud_key", "token_nokeyword", "personal_data", "hr_data", "marking"]
CLEAN = ["policy_talk", "confidentiality_talk", "lookalike", "helpdesk"]
TYPES = {"password","api_key","token","private_key","connection_string","email","phone","national_id","payment_card","iban","bank_account","passport","address","date_of_birth","health","salary","hr_record","marking"}
IBAN_LEN = {"DE":22,"FR":27,"ES":24,"IT":27,"GB":22}
errors = []
def err(m): errors.append(m)

def luhn(s):
    d = [int(c) for c in s][::-1]; t = 0
    for i, x in enumerate(d):
        if i % 2: x *= 2; x -= 9 if x > 9 else 0
        t += x
    return t % 10 == 0
def iban_ok(s):
    s = s.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s): return False
    if s[:2] in IBAN_LEN and len(s) != IBAN_LEN[s[:2]]: return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1
def nhs_ok(s):
    s = re.sub(r"\D", "", s)
    if len(s) != 10: return False
    t = sum(int(c) * (10 - i) for i, c in enumerate(s[:9])); ck = 11 - t % 11
    ck = 0 if ck == 11 else ck
    return ck != 10 and ck == int(s[9])
def stid_ok(s):
    s = re.sub(r"\D", "", s)
    if len(s) != 11 or s[0] == "0": return False
    c = Counter(s[:10])
    if not (max(c.values()) in (2, 3) and sum(1 for v in c.values() if v > 1) == 1): return False
    p = 10
    for ch in s[:10]:
        x = (int(ch) + p) % 10
        x = 10 if x == 0 else x
        p = (2 * x) % 11
    ck = 11 - p; ck = 0 if ck == 10 else ck
    return ck == int(s[10])
def nir_ok(s):
    s = re.sub(r"\s", "", s)
    if not re.fullmatch(r"[12]\d{14}", s): return False
    return 97 - int(s[:13]) % 97 == int(s[13:])
def dni_ok(s):
    m = re.fullmatch(r"(\d{8})-?([A-Z])", s.strip())
    return bool(m) and "TRWAGMYFPDXBNJZSQVHLCKE"[int(m.group(1)) % 23] == m.group(2)
ODD = [1,0,5,7,9,13,15,17,19,21,2,4,18,20,11,3,6,8,12,14,16,10,22,25,24,23]
def cf_ok(s):
    if not re.fullmatch(r"[A-Z]{6}\d{2}[A-EHLMPRST]\d{2}[A-Z]\d{3}[A-Z]", s): return False
    t = 0
    for i, c in enumerate(s[:15]):
        v = int(c) if c.isdigit() else ord(c) - 65
        t += ODD[v] if i % 2 == 0 else v
    return chr(65 + t % 26) == s[15]
CHECKS = {"luhn": lambda v: luhn(re.sub(r"[ -]", "", v)) and 13 <= len(re.sub(r"[ -]", "", v)) <= 19,
          "iban": iban_ok, "nhs": nhs_ok, "stid": stid_ok, "nir": nir_ok, "dni": dni_ok, "cf": cf_ok}

# words meaning password/key/token/secret/code/PIN/credential — forbidden in token_nokeyword
KW_EN = r"pass(word|wd|phrase|code)?s?|pwd|pw|keys?|tokens?|secrets?|codes?|pins?|credentials?"
KW = {"en": KW_EN,
      "de": r"passw[oö]rt\w*|kennw[oö]rt\w*|schlüssel\w*|geheim\w*|zugangsdaten|zugangscode|pin|kombi\w*",
      "fr": r"mot(s)? de passe|mdp|cl[ée]f?s?|jetons?|secrets?|codes?|identifiants?|digicode",
      "es": r"contraseñas?|claves?|secretos?|c[óo]digos?|credencial(es)?",
      "it": r"chiav[ei]|segret[oi]|codic[ei]|credenziali"}

def u16(s): return len(s.encode("utf-16-le")) // 2

def parse(lang):
    path = os.path.join(HERE, "g-source", f"{lang}.txt")
    raw = open(path, encoding="utf-8").read()
    recs = []
    for block in re.split(r"^@@ ", raw, flags=re.M)[1:]:
        cat, _, body = block.partition("\n")
        cat = cat.strip(); body = body.rstrip("\n")
        text = ""; spans = []; pos = 0
        pat = re.compile(r"⟦(.*?)⟧(?:⟪(.*?)⟫)?", re.S)
        for m in pat.finditer(body):
            text += body[pos:m.start()]
            val = m.group(1); tags = {}
            for kv in (m.group(2) or "").split(";"):
                if "=" in kv:
                    k, v = kv.split("=", 1); tags[k.strip()] = v.strip()
            if "type" not in tags: err(f"{lang}/{cat}: value without type: {val[:20]}")
            start = u16(text); text += val; end = u16(text)
            spans.append({"type": tags.get("type"), "start": start, "end": end, "_v": val, "_check": tags.get("check")})
            pos = m.end()
        text += body[pos:]
        if "⟦" in text or "⟧" in text or "⟪" in text or "⟫" in text: err(f"{lang}/{cat}: stray bracket")
        recs.append({"cat": cat, "text": text, "spans": spans})
    return recs

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
def outside_spans(text, spans):
    # replace span contents (python indices) with spaces-free placeholder
    out = text
    for s in sorted(spans, key=lambda s: -len(s["_v"])):
        out = out.replace(s["_v"], "\u2591")
    return out

all_values = {}; texts = set(); pos_out = []; clean_out = []; counts = Counter()
for lang in LANGS:
    n = Counter()
    for r in parse(lang):
        cat = r["cat"]
        if cat not in POS + CLEAN: err(f"{lang}: unknown category {cat}"); continue
        n[cat] += 1
        rid = f"v4-{lang}-{cat}-{n[cat]}"
        t = r["text"]
        if cat in POS and not r["spans"]: err(f"{rid}: positive without span")
        if cat in CLEAN and r["spans"]: err(f"{rid}: clean with span")
        if t in texts: err(f"{rid}: duplicate text")
        texts.add(t)
        for s in r["spans"]:
            if s["type"] not in TYPES: err(f"{rid}: bad type {s['type']}")
            if s["_check"]:
                for c in s["_check"].split(","):
                    if c not in CHECKS: err(f"{rid}: unknown check {c}")
                    elif not CHECKS[c](s["_v"]): err(f"{rid}: check {c} FAILED on {s['_v']}")
            if s["type"] in ("payment_card",) and not s["_check"]: err(f"{rid}: card without check")
            if s["type"] == "iban" and "iban" not in (s["_check"] or ""): err(f"{rid}: iban without check")
            if s["type"] == "national_id" and not s["_check"]: err(f"{rid}: national id without check")
            if s["type"] != "marking":
                key = s["_v"]
                if key in all_values and all_values[key] != rid: err(f"{rid}: value reused from {all_values[key]}: {key[:30]}")
                all_values[key] = rid
        rest = outside_spans(t, r["spans"])
        if EMAIL.search(rest): err(f"{rid}: e-mail outside span: {EMAIL.search(rest).group(0)}")
        for m in re.finditer(r"(?<![\dA-Za-z])\d(?:[ -]?\d){12,18}(?![\dA-Za-z])", rest):
            d = re.sub(r"\D", "", m.group(0))
            if 13 <= len(d) <= 19 and luhn(d): err(f"{rid}: Luhn-valid run outside span: {m.group(0)}")
        for m in re.finditer(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b", rest):
            if iban_ok(m.group(0)): err(f"{rid}: IBAN outside span: {m.group(0)}")
        if cat == "token_nokeyword":
            for kw in (KW_EN, KW[lang]):
                m = re.search(r"(?<!\w)(" + kw + r")(?!\w)", rest, re.I)
                if m: err(f"{rid}: keyword '{m.group(0)}' in token_nokeyword")
        obj = {"id": rid, "lang": lang, "category": cat, "text": t,
               "spans": [{"type": s["type"], "start": s["start"], "end": s["end"]} for s in r["spans"]]}
        (pos_out if cat in POS else clean_out).append(obj)
        counts[(lang, cat)] += 1
if errors:
    print("BUILD FAILED:"); [print("  " + e) for e in errors]; sys.exit(1)
for fn, rows in (("g-positives.jsonl", pos_out), ("g-clean.jsonl", clean_out)):
    with open(os.path.join(HERE, fn), "w", encoding="utf-8") as f:
        for o in rows: f.write(json.dumps(o, ensure_ascii=False) + "\n")
print("lang " + " ".join(c[:8] for c in POS + CLEAN))
for lang in LANGS: print(lang, [counts[(lang, c)] for c in POS + CLEAN])
print("positives", len(pos_out), "clean", len(clean_out))
