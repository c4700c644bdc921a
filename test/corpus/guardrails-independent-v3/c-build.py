#!/usr/bin/env python3
"""Build c-positives.jsonl / c-clean.jsonl from c-source/<lang>.txt (author prefix c). Exits 1 on any error."""
import re, json, os, sys, importlib.util
HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("cchecks", os.path.join(HERE, "c-checks.py"))
C = importlib.util.module_from_spec(spec); spec.loader.exec_module(C)
LANGS = ["en", "de", "fr", "es", "it"]
POS = ["password_prose", "credential_pair", "config_secret", "cloud_key", "token_nokeyword", "personal_data", "hr_data", "marking"]
CLEAN = ["policy_talk", "confidentiality_talk", "lookalike", "helpdesk"]
TYPES = {"password", "api_key", "token", "private_key", "connection_string", "email", "phone", "national_id", "payment_card",
         "iban", "bank_account", "passport", "address", "date_of_birth", "health", "salary", "hr_record", "marking"}
DEFAULT_TYPE = {"password_prose": "password", "credential_pair": "password", "cloud_key": "api_key",
                "token_nokeyword": "token", "marking": "marking", "hr_data": "salary"}
# words meaning password/key/token/secret/code/PIN/credential (record language + English), matched on word starts
KW_EN = r"pass(word|wd|phrase|code)?s?|pwd?|key(s)?|token(s)?|secret(s)?|codes?|pins?|credentials?|creds"
KW = {
    "en": KW_EN,
    "de": KW_EN + r"|passwort\w*|kennw\w*|schlüssel\w*|\w*schlüssel|geheim\w*|zugangsdaten|zugangscode|\w*code|\w*passwort|\w*kennwort|pw|ww",
    "fr": KW_EN + r"|mot(s)? de passe|mdp|cl[ée]s?|jetons?|secrets?|codes?|identifiants?|\w*secret\w*",
    "es": KW_EN + r"|contraseñas?|claves?|tokens?|secretos?|c[óo]digos?|credenciales?|\w*clave",
    "it": KW_EN + r"|chiavi?|token|segret\w*|codic\w*|credenziali|\w*chiave",
}
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
DIGRUN = re.compile(r"(?<![\dA-Za-z])\d(?:[ -]?\d){12,18}(?![\dA-Za-z])")
IBANRE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}")
REC = re.compile(r"⟦(.*?)⟧(?:⟪(.*?)⟫)?", re.S)

def u16(s): return len(s.encode("utf-16-le")) // 2

def parse(lang):
    path = os.path.join(HERE, "c-source", f"{lang}.txt")
    recs, cur = [], None
    for ln, line in enumerate(open(path, encoding="utf-8").read().split("\n"), 1):
        if line.startswith("@@ "):
            cur = {"category": line[3:].strip(), "lines": [], "line": ln}; recs.append(cur)
        elif cur is not None: cur["lines"].append(line)
    return recs

def main():
    errs, out, seen_text, seen_val = [], {"pos": [], "clean": []}, {}, {}
    counts = {}
    for lang in LANGS:
        if not os.path.exists(os.path.join(HERE, "c-source", f"{lang}.txt")): continue
        n = {}
        for r in parse(lang):
            cat = r["category"]; where = f"{lang}.txt:{r['line']}"
            if cat not in POS + CLEAN: errs.append(f"{where}: bad category {cat}"); continue
            raw = "\n".join(r["lines"]).strip("\n").rstrip()
            text, spans, pos = "", [], 0
            for m in REC.finditer(raw):
                text += raw[pos:m.start()]
                val = m.group(1); tags = {}
                for kv in (m.group(2) or "").split(";"):
                    if "=" in kv: k, v = kv.split("=", 1); tags[k.strip()] = v.strip()
                typ = tags.get("type", DEFAULT_TYPE.get(cat))
                if typ not in TYPES: errs.append(f"{where}: bad/missing span type {typ!r} for {val!r}")
                for chk in filter(None, tags.get("check", "").split(",")):
                    fn = C.CHECKS.get(chk)
                    if fn is None: errs.append(f"{where}: unknown check {chk}")
                    elif not fn(val): errs.append(f"{where}: check {chk} FAILED for {val!r}")
                s = u16(text); text += val
                spans.append({"type": typ, "start": s, "end": s + u16(val), "_v": val})
                pos = m.end()
            text += raw[pos:]
            if "⟦" in text or "⟧" in text or "⟪" in text or "§" in text: errs.append(f"{where}: stray marker")
            if cat in POS and not spans: errs.append(f"{where}: positive without span")
            if cat in CLEAN and spans: errs.append(f"{where}: clean record with span")
            # mask spans for outside-span checks (spans are BMP-only in this set, so code units == chars; assert it)
            if u16(text) != len(text): errs.append(f"{where}: non-BMP char; masking would be off")
            masked = list(text)
            for sp in spans:
                for i in range(sp["start"], sp["end"]): masked[i] = "\u2591"
            masked = "".join(masked)
            if EMAIL.search(masked): errs.append(f"{where}: e-mail outside span: {EMAIL.search(masked).group(0)}")
            for m in DIGRUN.finditer(masked):
                d = re.sub(r"\D", "", m.group(0))
                if 13 <= len(d) <= 19 and C.luhn_ok(d): errs.append(f"{where}: Luhn-valid run outside span: {m.group(0)}")
            for m in IBANRE.finditer(masked):
                cand = re.sub(r" ", "", m.group(0))
                cc = cand[:2]
                if cc in C.IBAN_LEN and len(cand) >= C.IBAN_LEN[cc] and C.iban_ok(cand[:C.IBAN_LEN[cc]]):
                    errs.append(f"{where}: valid IBAN outside span: {m.group(0)}")
            if cat == "token_nokeyword":
                km = re.search(r"(?<![\w])(" + KW[lang] + r")(?![\w])", masked, re.I)
                if km: errs.append(f"{where}: keyword {km.group(0)!r} in token_nokeyword")
            if cat in CLEAN and re.search(r"\+\d{2}[ \d]{8,}|\b0[1-9]\d{1,3}[ /]\d{5,}", masked):
                errs.append(f"{where}: phone-like number in clean record")
            if text in seen_text: errs.append(f"{where}: duplicate text of {seen_text[text]}")
            seen_text[text] = where
            for sp in spans:
                v = re.sub(r"\s", "", sp["_v"]).lower()
                if sp["type"] == "marking" or len(v) < 4: continue  # markings are phrases, may legitimately recur
                if v in seen_val: errs.append(f"{where}: value {sp['_v']!r} also in {seen_val[v]}")
                seen_val[v] = where
            n[cat] = n.get(cat, 0) + 1
            rec = {"id": f"v3-{lang}-{cat}-{n[cat]}", "lang": lang, "category": cat, "text": text,
                   "spans": [{k: v for k, v in sp.items() if k != "_v"} for sp in spans]}
            out["pos" if cat in POS else "clean"].append(rec)
        counts[lang] = n
    for lang, n in counts.items():
        print(lang, " ".join(f"{c}={n.get(c, 0)}" for c in POS + CLEAN))
    if errs:
        print("\n".join(errs), file=sys.stderr); print(f"{len(errs)} error(s); nothing written", file=sys.stderr); sys.exit(1)
    for k, fn in (("pos", "c-positives.jsonl"), ("clean", "c-clean.jsonl")):
        with open(os.path.join(HERE, fn), "w", encoding="utf-8") as f:
            for r in out[k]: f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(out['pos'])} positives, {len(out['clean'])} clean")

if __name__ == "__main__":
    main()
