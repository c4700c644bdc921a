#!/usr/bin/env python3
"""Build t-positives.jsonl / t-clean.jsonl from t-source/<lang>.txt. Fails loudly on any check."""
import json, re, sys, os
HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ['ja', 'zh', 'zh-TW', 'ko', 'th']
POS = ['password_prose', 'credential_pair', 'config_secret', 'cloud_key', 'token_nokeyword',
       'personal_data', 'hr_data', 'marking']
CLEAN = ['policy_talk', 'confidentiality_talk', 'lookalike', 'helpdesk']
TYPES = {'password', 'api_key', 'token', 'private_key', 'connection_string', 'email', 'phone', 'national_id',
         'payment_card', 'iban', 'bank_account', 'passport', 'address', 'date_of_birth', 'health', 'salary',
         'hr_record', 'marking'}
DEFAULT_TYPE = {'password_prose': 'password', 'credential_pair': 'password', 'config_secret': 'password',
                'cloud_key': 'api_key', 'token_nokeyword': 'token', 'marking': 'marking', 'hr_data': 'salary'}

def luhn(s):
    s = re.sub(r'\D', '', s); t = 0
    for i, c in enumerate(reversed(s)):
        d = int(c)
        if i % 2:
            d *= 2
            if d > 9: d -= 9
        t += d
    return len(s) >= 12 and t % 10 == 0
IBAN_LEN = {'DE': 22, 'GB': 22, 'FR': 27, 'NL': 18, 'ES': 24, 'IT': 27, 'CH': 21, 'AT': 20}
def iban_ok(s):
    s = re.sub(r'\s', '', s).upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]+', s): return False
    if s[:2] in IBAN_LEN and len(s) != IBAN_LEN[s[:2]]: return False
    r = s[4:] + s[:4]
    return int(''.join(str(int(c, 36)) for c in r)) % 97 == 1
def mynumber(s):
    s = re.sub(r'\D', '', s)
    if len(s) != 12: return False
    d = [int(c) for c in s]; t = 0
    for n in range(1, 12):
        q = n + 1 if n <= 6 else n - 5
        t += d[11 - n] * q
    r = t % 11
    return d[11] == (0 if r <= 1 else 11 - r)
def cnid(s):
    s = s.upper()
    if not re.fullmatch(r'\d{17}[\dX]', s): return False
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return '10X98765432'[sum(int(a) * b for a, b in zip(s, w)) % 11] == s[17]
TWL = 'ABCDEFGHJKLMNPQRSTUVXYWZIO'
def twid(s):
    if not re.fullmatch(r'[A-Z][12]\d{8}', s): return False
    v = TWL.index(s[0]) + 10
    t = v // 10 + (v % 10) * 9 + sum(int(x) * w for x, w in zip(s[1:9], [8, 7, 6, 5, 4, 3, 2, 1])) + int(s[9])
    return t % 10 == 0
def krrn(s):
    s = re.sub(r'\D', '', s)
    if len(s) != 13: return False
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    return (11 - sum(int(a) * b for a, b in zip(s, w)) % 11) % 10 == int(s[12])
def thid(s):
    s = re.sub(r'\D', '', s)
    if len(s) != 13: return False
    return (11 - sum(int(s[i]) * (13 - i) for i in range(12)) % 11) % 10 == int(s[12])
CHECKS = {'luhn': luhn, 'iban': iban_ok, 'mynumber': mynumber, 'cnid': cnid, 'twid': twid, 'krrn': krrn,
          'thid': thid}

KW_EN = r'(?i)(?<![A-Za-z])(password|passwd|passphrase|pwd|pw|pass|passcode|key|keys|token|secret|code|pin|credentials?)(?![A-Za-z])'
KW = {'ja': ['パスワード', 'パス', '暗証', '鍵', 'キー', 'トークン', 'コード', '秘密', '認証情報', 'シークレット', '合言葉', 'ピン'],
      'zh': ['密码', '口令', '密钥', '秘钥', '令牌', '代码', '码', '凭证', '凭据', '秘密', '钥'],
      'zh-TW': ['密碼', '口令', '金鑰', '密鑰', '權杖', '代碼', '碼', '憑證', '秘密', '鑰'],
      'ko': ['비밀번호', '비번', '암호', '패스워드', '패스', '키', '토큰', '코드', '인증', '시크릿', '비밀', '핀'],
      'th': ['รหัส', 'พาสเวิร์ด', 'พาส', 'คีย์', 'โทเค็น', 'โค้ด', 'ความลับ', 'ลับ', 'พิน', 'ข้อมูลรับรอง']}
EMAIL = re.compile(r'[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}')
PHONE_CLEAN = re.compile(r'(?<!\d)(\+?\d[\d -]{8,}\d)(?!\d)')
TAGRE = re.compile(r'⟦(.*?)⟧(?:⟪(.*?)⟫)?', re.S)

def u16(s): return len(s.encode('utf-16-le')) // 2

errors = []
def fail(msg): errors.append(msg)

def parse(lang):
    path = os.path.join(HERE, 't-source', f'{lang}.txt')
    recs = []; cur = None
    for line in open(path, encoding='utf-8').read().split('\n'):
        if line.startswith('@@ '):
            if cur: recs.append(cur)
            cur = [line[3:].strip(), []]
        elif cur is not None:
            cur[1].append(line)
    if cur: recs.append(cur)
    out = []
    for cat, lines in recs:
        raw = '\n'.join(lines).strip()
        text = ''; spans = []; pos = 0; vals = []
        for m in TAGRE.finditer(raw):
            text += raw[pos:m.start()]
            val = m.group(1); tags = {}
            if m.group(2):
                for kv in m.group(2).split(';'):
                    if kv.strip():
                        k, v = kv.split('=', 1); tags[k.strip()] = v.strip()
            typ = tags.get('type') or DEFAULT_TYPE.get(cat)
            if typ not in TYPES: fail(f'{lang}/{cat}: bad/missing type {typ!r} for {val!r}')
            if 'check' in tags:
                if not CHECKS[tags['check']](val): fail(f'{lang}/{cat}: check {tags["check"]} FAILED for {val!r}')
            s = u16(text); text += val
            spans.append({'type': typ, 'start': s, 'end': s + u16(val)}); vals.append(val)
            pos = m.end()
        text += raw[pos:]
        if '⟦' in text or '⟧' in text or '⟪' in text: fail(f'{lang}/{cat}: stray bracket in {text[:40]!r}')
        out.append((cat, text, spans, vals))
    return out

def outside(text, spans):
    # text with spans blanked (UTF-16 offsets -> python via encoding)
    b = text.encode('utf-16-le')
    for sp in spans:
        n = (sp['end'] - sp['start']) * 2
        b = b[:sp['start'] * 2] + ' '.encode('utf-16-le') * (n // 2) + b[sp['end'] * 2:]
    return b.decode('utf-16-le')

pos_out, clean_out = [], []
seen_text, seen_val = {}, {}
for lang in LANGS:
    counters = {}
    for cat, text, spans, vals in parse(lang):
        if cat not in POS and cat not in CLEAN: fail(f'{lang}: unknown category {cat}'); continue
        counters[cat] = counters.get(cat, 0) + 1
        rid = f'v6-{lang}-{cat}-{counters[cat]}'
        if cat in POS and not spans: fail(f'{rid}: positive without span')
        if cat in CLEAN and spans: fail(f'{rid}: clean with span')
        out = outside(text, spans)
        if EMAIL.search(out): fail(f'{rid}: e-mail outside span: {EMAIL.search(out).group(0)}')
        for m in re.finditer(r'(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)', out):
            if luhn(m.group(0)) and 13 <= len(re.sub(r'\D', '', m.group(0))) <= 19:
                fail(f'{rid}: Luhn-valid run outside span: {m.group(0)}')
        for m in re.finditer(r'\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b', out):
            if iban_ok(m.group(0)): fail(f'{rid}: valid IBAN outside span: {m.group(0)}')
        if cat == 'token_nokeyword':
            m = re.search(KW_EN, out)
            if m: fail(f'{rid}: keyword {m.group(0)!r} in token_nokeyword')
            for w in KW[lang]:
                if w in out: fail(f'{rid}: keyword {w!r} in token_nokeyword')
        if text in seen_text: fail(f'{rid}: duplicate text of {seen_text[text]}')
        seen_text[text] = rid
        for v in vals:
            if v in seen_val and seen_val[v] != rid: fail(f'{rid}: value {v!r} also in {seen_val[v]}')
            seen_val[v] = rid
        rec = {'id': rid, 'lang': lang, 'category': cat, 'text': text, 'spans': spans}
        (pos_out if cat in POS else clean_out).append(rec)
    print(lang, ' '.join(f'{c}={counters.get(c, 0)}' for c in POS + CLEAN))

if errors:
    print('\n'.join('ERROR ' + e for e in errors)); sys.exit(1)
for name, recs in (('t-positives.jsonl', pos_out), ('t-clean.jsonl', clean_out)):
    with open(os.path.join(HERE, name), 'w', encoding='utf-8') as f:
        for r in recs: f.write(json.dumps(r, ensure_ascii=False) + '\n')
print(f'OK: {len(pos_out)} positives, {len(clean_out)} clean')
