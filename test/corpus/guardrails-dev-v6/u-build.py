#!/usr/bin/env python3
"""Build u-positives.jsonl / u-clean.jsonl from u-source/<lang>.txt. Exits non-zero on any check failure."""
import re, json, sys, glob, os, datetime
POS = ['password_prose', 'credential_pair', 'config_secret', 'cloud_key', 'token_nokeyword', 'personal_data', 'hr_data', 'marking']
CLEAN = ['policy_talk', 'confidentiality_talk', 'lookalike', 'helpdesk']
TYPES = {'password', 'api_key', 'token', 'private_key', 'connection_string', 'email', 'phone', 'national_id', 'payment_card', 'iban',
         'bank_account', 'passport', 'address', 'date_of_birth', 'health', 'salary', 'hr_record', 'marking'}
DEFAULT = {'password_prose': 'password', 'credential_pair': 'password', 'config_secret': 'password', 'cloud_key': 'api_key',
           'token_nokeyword': 'token', 'marking': 'marking', 'hr_data': 'hr_record'}
errors = []
def err(m): errors.append(m)
def luhn(s):
    s = re.sub(r'\D', '', s)
    if not s: return False
    t = 0
    for i, ch in enumerate(reversed(s)):
        x = int(ch)
        if i % 2: x *= 2; x = x - 9 if x > 9 else x
        t += x
    return t % 10 == 0
IBAN_LEN = {'SA': 24, 'AE': 23, 'IL': 23, 'JO': 30, 'DE': 22, 'FR': 27, 'NL': 18, 'QA': 29, 'KW': 30, 'EG': 29, 'BH': 22}
def iban_ok(s):
    s = re.sub(r'\s', '', s).upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]+', s): return False
    if IBAN_LEN.get(s[:2]) != len(s): return False
    r = s[4:] + s[:4]
    return int(''.join(str(int(c, 36)) for c in r)) % 97 == 1
def il_id(s):
    s = re.sub(r'\D', '', s)
    if len(s) != 9: return False
    t = 0
    for i, ch in enumerate(s):
        x = int(ch) * (1 if i % 2 == 0 else 2); t += x // 10 + x % 10
    return t % 10 == 0
def sa_id(s):
    s = re.sub(r'\D', '', s); return len(s) == 10 and s[0] in '12' and luhn(s)
def ae_id(s):
    s2 = re.sub(r'\D', '', s); return bool(re.fullmatch(r'784-\d{4}-\d{7}-\d', s)) and luhn(s2)
def nik(s):
    if not re.fullmatch(r'\d{16}', s): return False
    dd, mm = int(s[6:8]), int(s[8:10])
    if dd > 40: dd -= 40
    return 1 <= dd <= 31 and 1 <= mm <= 12 and s[12:] != '0000'
def cccd(s):
    return bool(re.fullmatch(r'(0\d\d)[0-3]\d{8}', s)) and 1 <= int(s[:3]) <= 96
CHECKS = {'luhn': luhn, 'iban': iban_ok, 'il_id': il_id, 'sa_id': sa_id, 'ae_id': ae_id, 'nik': nik, 'cccd': cccd, 'none': lambda s: True}
KW = {
 'en': [r'\bpass(word|phrase|code)?s?\b', r'\bpw\b', r'\bpwd\b', r'\bkey\b', r'\btoken\b', r'\bsecret\b', r'\bcode\b', r'\bpin\b', r'\bcredentials?\b'],
 'vi': [r'mật khẩu', r'\bmã\b', r'\bkhóa\b', r'\bkhoá\b', r'bí mật', r'\bpass\b', r'\bmk\b'],
 'id': [r'sandi', r'\bkunci\b', r'rahasia', r'\bkode\b', r'\bpassword\b', r'\bpass\b'],
 'ar': [r'كلمة المرور', r'كلمة السر', r'الرقم السري', r'رمز', r'مفتاح', r'سري', r'كود', r'باسورد', r'باسوورد'],
 'he': [r'סיסמ', r'קוד', r'מפתח', r'סוד', r'טוקן', r'פין'],
}
EMAIL = re.compile(r'[\w.+-]+@[\w-]+(\.[\w-]+)+')
def u16(s): return len(s.encode('utf-16-le')) // 2
pos_out, clean_out, seen_text, seen_val = [], [], {}, {}
for f in sorted(glob.glob(os.path.join(os.path.dirname(__file__) or '.', 'u-source', '*.txt'))):
    lang = os.path.basename(f)[:-4]
    raw = open(f, encoding='utf-8').read()
    recs = re.split(r'^@@ ', raw, flags=re.M)[1:]
    counters = {}
    for r in recs:
        cat, _, body = r.partition('\n')
        cat = cat.strip(); body = body.strip('\n')
        if cat not in POS + CLEAN: err(f'{lang}: bad category {cat}'); continue
        if '⟦?' in body: err(f'{lang}/{cat}: unfilled placeholder'); continue
        text, spans, vals, pos = '', [], [], 0
        for m in re.finditer(r'⟦(.*?)⟧(⟪(.*?)⟫)?', body, flags=re.S):
            text += body[pos:m.start()]
            v = m.group(1); tags = dict(kv.strip().split('=', 1) for kv in (m.group(3) or '').split(';') if kv.strip())
            typ = tags.get('type', DEFAULT.get(cat))
            if typ not in TYPES: err(f'{lang}/{cat}: bad type {typ} for {v!r}')
            chk = tags.get('check')
            if chk and not CHECKS[chk](v): err(f'{lang}/{cat}: check {chk} failed for {v!r}')
            s = u16(text); text += v
            spans.append({'type': typ, 'start': s, 'end': s + u16(v)}); vals.append(v)
            pos = m.end()
        text += body[pos:]
        if '⟦' in text or '⟪' in text or '⟧' in text: err(f'{lang}/{cat}: stray bracket')
        n = counters[cat] = counters.get(cat, 0) + 1
        rid = f'v6-{lang}-{cat}-{n}'
        if cat in POS and not spans: err(f'{rid}: positive without span')
        if cat in CLEAN and spans: err(f'{rid}: clean with span')
        # outside-span checks
        masked = text
        for sp, v in zip(spans, vals):
            i = text.find(v)
        outside = text
        for v in sorted(vals, key=len, reverse=True): outside = outside.replace(v, ' \x00 ')
        if EMAIL.search(outside): err(f'{rid}: e-mail outside span: {EMAIL.search(outside).group(0)}')
        for m in re.finditer(r'(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])', outside):
            if luhn(m.group(0)): err(f'{rid}: luhn-valid run outside span: {m.group(0)}')
        for m in re.finditer(r'\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}\b', outside):
            if iban_ok(m.group(0)): err(f'{rid}: IBAN outside span {m.group(0)}')
        if cat == 'token_nokeyword':
            for pat in KW['en'] + KW.get(lang, []):
                mm = re.search(pat, text, flags=re.I)
                if mm: err(f'{rid}: keyword {mm.group(0)!r} in token_nokeyword')
        if text in seen_text: err(f'{rid}: duplicate text of {seen_text[text]}')
        seen_text[text] = rid
        for v in vals:
            if v in seen_val and seen_val[v] != rid: err(f'{rid}: value {v!r} also in {seen_val[v]}')
            seen_val[v] = rid
        obj = {'id': rid, 'lang': lang, 'category': cat, 'text': text, 'spans': spans}
        (pos_out if cat in POS else clean_out).append(obj)
if errors:
    print('\n'.join(errors)); print(f'FAILED: {len(errors)} errors'); sys.exit(1)
d = os.path.dirname(__file__) or '.'
with open(os.path.join(d, 'u-positives.jsonl'), 'w', encoding='utf-8') as o:
    for x in pos_out: o.write(json.dumps(x, ensure_ascii=False) + '\n')
with open(os.path.join(d, 'u-clean.jsonl'), 'w', encoding='utf-8') as o:
    for x in clean_out: o.write(json.dumps(x, ensure_ascii=False) + '\n')
print(f'OK: {len(pos_out)} positives, {len(clean_out)} clean')
