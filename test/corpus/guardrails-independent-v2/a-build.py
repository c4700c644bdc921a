#!/usr/bin/env python3
"""Builds a-positives.jsonl and a-clean.jsonl from a-source/<lang>.txt and verifies them.

Source format, one file per language:

    @@ <category>
    record text, any number of lines, until the next "@@ " line

Sensitive values are wrapped as ⟦value⟧. A value may be followed by ⟪tags⟫, comma separated:
  - a check name from a-checks.py (luhn, iban, de-steuerid, ..., ru-account:<BIK>) that the value must pass;
  - t=<category> to give the span another type than the record's category;
  - phone / email to say what kind of contact detail it is (documentation only, plus a shape check).
Markers and tags are removed from the text; spans are UTF-16 offsets of the values.

Run: python3 a-build.py   (writes the two jsonl files, then runs node to re-check every span)
"""

import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("a_checks", os.path.join(HERE, "a-checks.py"))
checks = importlib.util.module_from_spec(spec)
spec.loader.exec_module(checks)

LANGS = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "tr", "ru"]
POSITIVE = ["password_prose", "credential_pair", "config_secret", "cloud_key", "token_nokeyword",
            "personal_data", "hr_data", "marking"]
CLEAN = ["policy_talk", "confidentiality_talk", "lookalike", "helpdesk"]

# Words that must not appear outside the value in token_nokeyword records (any language of this half).
NO_KEYWORD = re.compile(
    r"\bpass(?:word|phrase|wd|code|wort)s?\b|\bpwd\b|\bpw\b|\bkey|api.?key|token|secret|\bcode|\bpin\b|credential|"
    r"kennwort|passwort|schl[üu]ssel|geheim|zugangsdaten|\bcode\b|"
    r"mot de passe|\bmdp\b|cl[ée]\b|cl[ée]s\b|jeton|secret|identifiant|"
    r"contrase[ñn]a|clave|c[óo]digo|llave|"
    r"parola|password|chiave|codice|segret|credenzial|"
    r"senha|chave|c[óo]digo|segredo|credencia|"
    r"wachtwoord|sleutel|geheim|inlogcode|"
    r"has[łl]o|klucz|kod\b|kodu|sekret|poświadcze|"
    r"[şs]ifre|parola|anahtar|kod\b|kodu|gizli|"
    r"пароль|парол|ключ|токен|код\b|кода|секрет|\bпин\b",
    re.IGNORECASE,
)

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_HINT = re.compile(r"(?:\+\d{1,3}[\s.-]?\(?\d)|(?:\(0\d{1,4}\))|(?:\b0\d{1,4}[\s/.-]\d{2,}[\s.-]?\d{2,})")
IBAN_SHAPE = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b")
DIGIT_RUN = re.compile(r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])")

MARK = re.compile(r"⟦(.*?)⟧(?:⟪([^⟫]*)⟫)?", re.DOTALL)


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def parse(lang):
    path = os.path.join(HERE, "a-source", f"{lang}.txt")
    with open(path, encoding="utf-8") as fh:
        raw = fh.read()
    records = []
    current = None
    for line in raw.split("\n"):
        m = re.match(r"^@@ (\S+)\s*$", line)
        if m:
            if current:
                records.append(current)
            current = [m.group(1), []]
        elif current is not None:
            current[1].append(line)
        elif line.strip():
            raise SystemExit(f"{path}: text before the first @@ line: {line!r}")
    if current:
        records.append(current)
    return [(cat, "\n".join(lines).strip("\n")) for cat, lines in records]


def render(marked, category, errors, where):
    out = []
    spans = []
    expected = []
    pos = 0
    u16 = 0
    for m in MARK.finditer(marked):
        before = marked[pos:m.start()]
        out.append(before)
        u16 += utf16_len(before)
        value = m.group(1)
        if not value or value != value.strip():
            errors.append(f"{where}: value with surrounding blanks or empty: {value!r}")
        tags = [t.strip() for t in (m.group(2) or "").split(",") if t.strip()]
        span_type = category
        for tag in tags:
            if tag.startswith("t="):
                span_type = tag[2:]
                if span_type not in POSITIVE:
                    errors.append(f"{where}: unknown span type {span_type}")
            elif tag == "phone":
                if len(checks.digits(value)) < 8:
                    errors.append(f"{where}: phone too short {value!r}")
            elif tag == "email":
                if not EMAIL.fullmatch(value):
                    errors.append(f"{where}: not an e-mail {value!r}")
            elif not checks.run_check(tag, value):
                errors.append(f"{where}: {tag} check fails for {value!r}")
        if IBAN_SHAPE.fullmatch(value) and not checks.iban(value):
            errors.append(f"{where}: IBAN-shaped value fails mod-97: {value!r}")
        start = u16
        out.append(value)
        u16 += utf16_len(value)
        spans.append({"type": span_type, "start": start, "end": u16})
        expected.append(value)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "⟦" in text or "⟧" in text or "⟪" in text or "⟫" in text:
        errors.append(f"{where}: unbalanced marker")
    return text, spans, expected


def outside_spans(text, spans):
    # spans are UTF-16 offsets; all our text is BMP except possibly emoji, so map via a UTF-16 round trip
    u = text.encode("utf-16-le")
    parts = []
    last = 0
    for sp in spans:
        parts.append(u[last * 2:sp["start"] * 2].decode("utf-16-le"))
        parts.append(" ")
        last = sp["end"]
    parts.append(u[last * 2:].decode("utf-16-le"))
    return "".join(parts)


def main():
    errors = []
    warnings = []
    positives = []
    clean = []
    expected_all = []
    seen_text = {}
    seen_value = {}
    for lang in LANGS:
        if not os.path.exists(os.path.join(HERE, "a-source", f"{lang}.txt")):
            warnings.append(f"{lang}: no source yet")
            continue
        counters = {}
        for category, marked in parse(lang):
            if category not in POSITIVE + CLEAN:
                errors.append(f"{lang}: unknown category {category}")
                continue
            counters[category] = counters.get(category, 0) + 1
            rid = f"v2-{lang}-{category}-{counters[category]}"
            text, spans, expected = render(marked, category, errors, rid)
            if not text.strip():
                errors.append(f"{rid}: empty text")
            if text in seen_text:
                errors.append(f"{rid}: same text as {seen_text[text]}")
            seen_text[text] = rid
            rest = outside_spans(text, spans)
            for sp, value in zip(spans, expected):
                if sp["type"] != "marking" and seen_value.setdefault(value, rid) != rid:
                    errors.append(f"{rid}: value {value!r} already used in {seen_value[value]}")
            if category in POSITIVE:
                if not spans:
                    errors.append(f"{rid}: positive without span")
            elif spans:
                errors.append(f"{rid}: clean record with spans")
            for m in EMAIL.finditer(rest):
                errors.append(f"{rid}: e-mail outside a span: {m.group(0)}")
            for m in PHONE_HINT.finditer(rest):
                warnings.append(f"{rid}: phone-like text outside a span (review): {m.group(0)!r}")
            for m in DIGIT_RUN.finditer(rest):
                if checks.luhn(m.group(0)):
                    errors.append(f"{rid}: Luhn-valid digit run outside a span: {m.group(0)}")
            for m in IBAN_SHAPE.finditer(rest):
                if checks.iban(m.group(0)):
                    errors.append(f"{rid}: valid IBAN outside a span: {m.group(0)}")
            if category == "token_nokeyword":
                for m in NO_KEYWORD.finditer(rest):
                    errors.append(f"{rid}: keyword {m.group(0)!r} in a token_nokeyword record")
            rec = {"id": rid, "lang": lang, "category": category, "text": text, "spans": spans}
            (positives if category in POSITIVE else clean).append(rec)
            expected_all.append({"id": rid, "values": expected})
        for cat in POSITIVE + CLEAN:
            if cat not in counters:
                warnings.append(f"{lang}: no {cat} records")

    with open(os.path.join(HERE, "a-positives.jsonl"), "w", encoding="utf-8") as fh:
        for rec in positives:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "a-clean.jsonl"), "w", encoding="utf-8") as fh:
        for rec in clean:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(expected_all, fh, ensure_ascii=False)
        expected_path = fh.name
    node = subprocess.run(["node", os.path.join(HERE, "a-verify.mjs"), expected_path], capture_output=True, text=True)
    os.unlink(expected_path)
    sys.stdout.write(node.stdout)
    if node.returncode != 0:
        errors.append("node verification failed:\n" + node.stderr + node.stdout)

    counts = {}
    for rec in positives + clean:
        counts.setdefault(rec["lang"], {}).setdefault(rec["category"], 0)
        counts[rec["lang"]][rec["category"]] += 1
    header = "lang " + " ".join(c[:6].rjust(6) for c in POSITIVE + CLEAN) + "  total"
    print(header)
    for lang in LANGS:
        row = counts.get(lang, {})
        print(lang.ljust(5) + " ".join(str(row.get(c, 0)).rjust(6) for c in POSITIVE + CLEAN) + str(sum(row.values())).rjust(7))
    print(f"positives {len(positives)}, clean {len(clean)}")
    for w in warnings:
        print("WARN", w)
    for e in errors:
        print("ERROR", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
