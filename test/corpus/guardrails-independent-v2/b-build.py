#!/usr/bin/env python3
"""Build b-positives.jsonl / b-clean.jsonl from b-source/<lang>.txt.

Source format: a line `### <category>` starts a record; the record text is every
following line up to the next `### ` line (leading/trailing blank lines dropped).
Sensitive values are wrapped in ⟦ ⟧.  An optional validator tag may follow the
opening bracket: ⟦«card»4111…⟧ (the tag is removed; the value is checked).
Offsets are JavaScript (UTF-16 code unit) indices, end exclusive.
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["ja", "zh", "zh-TW", "ko", "th", "vi", "id", "ar", "he"]
POS = ["password_prose", "credential_pair", "config_secret", "cloud_key",
       "token_nokeyword", "personal_data", "hr_data", "marking"]
CLEAN = ["policy_talk", "confidentiality_talk", "lookalike", "helpdesk"]

def u16(s): return len(s.encode("utf-16-le")) // 2

# ---- validators -----------------------------------------------------------
def digits(s): return re.sub(r"[\s\-.]", "", s)
def luhn(s):
    d = [int(c) for c in s][::-1]; t = 0
    for i, x in enumerate(d):
        if i % 2:
            x *= 2
            if x > 9: x -= 9
        t += x
    return t % 10 == 0
def v_card(v):
    s = digits(v); return s.isdigit() and 13 <= len(s) <= 19 and luhn(s)
IBAN_LEN = {"SA": 24, "AE": 23, "IL": 23, "EG": 29, "JO": 30, "QA": 29, "KW": 30, "BH": 22}
def v_iban(v):
    s = re.sub(r"\s", "", v)
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s) or IBAN_LEN.get(s[:2]) != len(s): return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1
def v_mynum(v):
    s = digits(v)
    if not (s.isdigit() and len(s) == 12): return False
    P = [int(c) for c in s[:11]][::-1]
    t = sum(P[n-1] * ((n+1) if n <= 6 else (n-5)) for n in range(1, 12)) % 11
    return int(s[11]) == (0 if t <= 1 else 11 - t)
def v_cnid(v):
    s = v.strip()
    if not re.fullmatch(r"\d{17}[\dX]", s): return False
    w = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    return "10X98765432"[sum(int(c)*x for c, x in zip(s, w)) % 11] == s[17]
TW = dict(A=10,B=11,C=12,D=13,E=14,F=15,G=16,H=17,I=34,J=18,K=19,L=20,M=21,N=22,O=35,P=23,Q=24,R=25,S=26,T=27,U=28,V=29,W=32,X=30,Y=31,Z=33)
def v_twid(v):
    s = v.strip()
    if not re.fullmatch(r"[A-Z][12]\d{8}", s): return False
    n = TW[s[0]]
    t = n//10 + (n % 10)*9 + sum(int(c)*w for c, w in zip(s[1:9], [8,7,6,5,4,3,2,1])) + int(s[9])
    return t % 10 == 0
def v_rrn(v):
    s = digits(v)
    if not (s.isdigit() and len(s) == 13): return False
    w = [2,3,4,5,6,7,8,9,2,3,4,5]
    return (11 - sum(int(c)*x for c, x in zip(s, w)) % 11) % 10 == int(s[12])
def v_thid(v):
    s = digits(v)
    if not (s.isdigit() and len(s) == 13): return False
    return (11 - sum(int(c)*(13-i) for i, c in enumerate(s[:12])) % 11) % 10 == int(s[12])
def v_ilid(v):
    s = digits(v); return s.isdigit() and len(s) == 9 and luhn(s)
def v_said(v):
    s = digits(v); return s.isdigit() and len(s) == 10 and s[0] in "12" and luhn(s)
def v_eid(v):
    s = digits(v); return s.isdigit() and len(s) == 15 and s.startswith("784") and luhn(s)
def v_cccd(v):  # Vietnam citizen ID: 12 digits, no check digit
    s = digits(v); return s.isdigit() and len(s) == 12
def v_nik(v):   # Indonesia NIK: 16 digits, no check digit; DD (female +40) and MM plausible
    s = digits(v)
    if not (s.isdigit() and len(s) == 16): return False
    dd, mm = int(s[6:8]), int(s[8:10])
    return (1 <= dd <= 31 or 41 <= dd <= 71) and 1 <= mm <= 12
def v_email(v): return re.fullmatch(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", v) is not None
def v_phone(v):
    s = re.sub(r"[\s\-().]", "", v); return re.fullmatch(r"\+?\d{8,15}", s) is not None
VALID = dict(card=v_card, iban=v_iban, mynum=v_mynum, cnid=v_cnid, twid=v_twid, rrn=v_rrn,
             thid=v_thid, ilid=v_ilid, said=v_said, eid=v_eid, cccd=v_cccd, nik=v_nik,
             email=v_email, phone=v_phone)

# words that must not appear in token_nokeyword records (per language + English)
NOKW = {
    "*": ["password", "passwd", "pwd", "key", "token", "secret", "code", "pin", "passphrase", "credential"],
    "ja": ["パスワード", "パス", "暗証", "鍵", "キー", "トークン", "コード", "秘密", "シークレット"],
    "zh": ["密码", "密钥", "秘钥", "口令", "令牌", "码", "钥", "秘密", "凭证"],
    "zh-TW": ["密碼", "金鑰", "密鑰", "口令", "權杖", "令牌", "碼", "鑰", "秘密", "憑證"],
    "ko": ["비밀번호", "비번", "암호", "키", "토큰", "코드", "시크릿", "비밀"],
    "th": ["รหัส", "คีย์", "โทเค็น", "โทเคน", "ความลับ", "พาสเวิร์ด"],
    "vi": ["mật khẩu", "mã", "khóa", "khoá", "bí mật"],
    "id": ["sandi", "kunci", "kode", "rahasia"],
    "ar": ["كلمة المرور", "كلمة السر", "رمز", "مفتاح", "توكن", "سري", "الرقم السري", "كود"],
    "he": ["סיסמה", "סיסמא", "קוד", "מפתח", "טוקן", "סוד"],
}

MARK = re.compile(r"⟦(?:«(\w+)»)?(.*?)⟧", re.S)

def parse(lang):
    path = os.path.join(HERE, "b-source", f"{lang}.txt")
    recs, cur = [], None
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.startswith("### "):
            cur = [line[4:].strip(), []]; recs.append(cur)
        elif line.startswith("#!"):
            continue  # source comment
        elif cur is not None:
            cur[1].append(line)
    out, errs, n = [], [], {}
    for cat, lines in recs:
        raw = "\n".join(lines).strip("\n").rstrip()
        if cat not in POS + CLEAN:
            errs.append(f"{lang}: bad category {cat}"); continue
        n[cat] = n.get(cat, 0) + 1
        rid = f"v2-{lang}-{cat}-{n[cat]}"
        text, spans, pos = "", [], 0
        for m in MARK.finditer(raw):
            text += raw[pos:m.start()]
            tag, val = m.group(1), m.group(2)
            if tag:
                if tag not in VALID: errs.append(f"{rid}: unknown tag {tag}")
                elif not VALID[tag](val): errs.append(f"{rid}: {tag} check failed for {val!r}")
            s = u16(text); text += val
            spans.append({"type": cat, "start": s, "end": s + u16(val)})
            pos = m.end()
        text += raw[pos:]
        if "⟦" in text or "⟧" in text or "«" in text and "»" in text and re.search(r"«\w+»", text):
            errs.append(f"{rid}: stray marker")
        if cat in POS and not spans: errs.append(f"{rid}: positive without span")
        if cat in CLEAN and spans: errs.append(f"{rid}: clean with span")
        if cat in CLEAN:
            if re.search(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+\.[A-Za-z]", text): errs.append(f"{rid}: e-mail in clean")
            if re.search(r"\+\d{1,3}[\s\-]?\d", text): errs.append(f"{rid}: +phone-like in clean")
        if cat == "token_nokeyword":
            low = text.lower()
            for w in NOKW["*"] + NOKW.get(lang, []):
                if w == "pin":
                    if re.search(r"\bpin\b", low): errs.append(f"{rid}: keyword 'pin'")
                elif w in ("key", "code", "token"):
                    if re.search(r"\b" + w, low): errs.append(f"{rid}: keyword {w!r}")
                elif w.lower() in low: errs.append(f"{rid}: keyword {w!r}")
        out.append({"id": rid, "lang": lang, "category": cat, "text": text, "spans": spans})
    return out, errs

def main():
    allrecs, allerrs = [], []
    for lang in LANGS:
        if not os.path.exists(os.path.join(HERE, "b-source", f"{lang}.txt")): continue
        r, e = parse(lang); allrecs += r; allerrs += e
    ids = [r["id"] for r in allrecs]
    if len(ids) != len(set(ids)): allerrs.append("duplicate ids")
    for e in allerrs: print("ERROR", e)
    with open(os.path.join(HERE, "b-positives.jsonl"), "w", encoding="utf-8") as f:
        for r in allrecs:
            if r["category"] in POS: f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "b-clean.jsonl"), "w", encoding="utf-8") as f:
        for r in allrecs:
            if r["category"] in CLEAN: f.write(json.dumps(r, ensure_ascii=False) + "\n")
    # counts table
    langs = [l for l in LANGS if any(r["lang"] == l for r in allrecs)]
    print("category".ljust(22) + "".join(l.rjust(6) for l in langs) + "   all")
    for c in POS + CLEAN:
        row = [sum(1 for r in allrecs if r["lang"] == l and r["category"] == c) for l in langs]
        print(c.ljust(22) + "".join(str(x).rjust(6) for x in row) + str(sum(row)).rjust(6))
    print("total".ljust(22) + "".join(str(sum(1 for r in allrecs if r["lang"] == l)).rjust(6) for l in langs) + str(len(allrecs)).rjust(6))
    sys.exit(1 if allerrs else 0)

if __name__ == "__main__":
    main()
