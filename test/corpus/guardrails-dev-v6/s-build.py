#!/usr/bin/env python3
"""Build s-positives.jsonl / s-clean.jsonl from s-source/<lang>.txt. Fails (exit 1) on any rule violation."""
import json, re, sys, os
HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ['pt', 'nl', 'pl', 'tr', 'ru']
POS = ['password_prose', 'credential_pair', 'config_secret', 'cloud_key', 'token_nokeyword', 'personal_data', 'hr_data', 'marking']
CLEAN = ['policy_talk', 'confidentiality_talk', 'lookalike', 'helpdesk']
TYPES = {'password', 'api_key', 'token', 'private_key', 'connection_string', 'email', 'phone', 'national_id', 'payment_card',
         'iban', 'bank_account', 'passport', 'address', 'date_of_birth', 'health', 'salary', 'hr_record', 'marking'}
DEFAULT = {'password_prose': 'password', 'credential_pair': 'password', 'config_secret': 'password', 'cloud_key': 'api_key',
           'token_nokeyword': 'token', 'hr_data': 'hr_record', 'marking': 'marking'}
errors = []
def err(m): errors.append(m)

def luhn(s):
    s = re.sub(r'\D', '', s); t = 0
    for i, c in enumerate(reversed(s)):
        d = int(c)
        if i % 2: d = d * 2 - (9 if d > 4 else 0)
        t += d
    return len(s) >= 12 and t % 10 == 0
IBAN_LEN = {'PT': 25, 'NL': 18, 'PL': 28, 'TR': 26, 'DE': 22, 'FR': 27, 'ES': 24, 'IT': 27, 'BE': 16, 'GB': 22}
def iban_ok(s):
    s = re.sub(r'[\s-]', '', s).upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]+', s): return False
    if IBAN_LEN.get(s[:2], len(s)) != len(s): return False
    n = ''.join(str(int(c, 36)) for c in s[4:] + s[:4])
    return int(n) % 97 == 1
def nif(s):
    s = re.sub(r'\D', '', s)
    if len(s) != 9: return False
    r = sum(int(c) * (9 - i) for i, c in enumerate(s[:8])) % 11
    return int(s[8]) == (0 if r < 2 else 11 - r)
def bsn(s):
    s = re.sub(r'\D', '', s)
    return len(s) == 9 and sum(int(c) * w for c, w in zip(s, [9, 8, 7, 6, 5, 4, 3, 2, -1])) % 11 == 0
def pesel(s):
    s = re.sub(r'\D', '', s)
    if len(s) != 11: return False
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return (10 - sum(int(a) * b for a, b in zip(s, w)) % 10) % 10 == int(s[10])
def tckn(s):
    s = re.sub(r'\D', '', s)
    if len(s) != 11 or s[0] == '0': return False
    d = list(map(int, s))
    return ((sum(d[0:9:2]) * 7 - sum(d[1:8:2])) % 10 == d[9]) and (sum(d[:10]) % 10 == d[10])
def snils(s):
    s = re.sub(r'\D', '', s)
    if len(s) != 11: return False
    t = sum(int(c) * (9 - i) for i, c in enumerate(s[:9]))
    c = t if t < 100 else (0 if t in (100, 101) else (t % 101) % 100)
    return c == int(s[9:])
def inn(s):
    s = re.sub(r'\D', '', s); d = list(map(int, s))
    if len(s) == 10:
        return sum(a * b for a, b in zip(d, [2, 4, 10, 3, 5, 9, 4, 6, 8])) % 11 % 10 == d[9]
    if len(s) != 12: return False
    c1 = sum(a * b for a, b in zip(d, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8])) % 11 % 10
    c2 = sum(a * b for a, b in zip(d, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8])) % 11 % 10
    return d[10] == c1 and d[11] == c2
CHECKS = {'luhn': luhn, 'iban': iban_ok, 'nif': nif, 'bsn': bsn, 'pesel': pesel, 'tckn': tckn, 'snils': snils, 'inn': inn}

# words meaning password/key/token/secret/code/PIN/credential, matched at word start (stems)
KW_EN = ['password', 'passwd', 'passphrase', 'pwd', 'pw', 'pass', 'key', 'token', 'secret', 'code', 'pin', 'credential', 'login']
KW = {'pt': ['senha', 'palavra-passe', 'palavra passe', 'chave', 'código', 'codigo', 'segredo', 'credencia', 'pin'],
      'nl': ['wachtwoord', 'ww', 'sleutel', 'code', 'geheim', 'pincode', 'inloggegevens', 'toegangscode', 'wachtzin'],
      'pl': ['hasł', 'hasel', 'haseł', 'klucz', 'kod', 'sekret', 'tajn', 'poświadcz', 'pin'],
      'tr': ['şifre', 'sifre', 'parola', 'anahtar', 'kod', 'gizli', 'kimlik bilgi', 'pin'],
      'ru': ['пароль', 'пароля', 'паролем', 'пасс', 'ключ', 'код', 'секрет', 'токен', 'пин', 'учётн', 'учетн', 'креды']}

def u16(s): return len(s.encode('utf-16-le')) // 2

def parse(lang):
    path = os.path.join(HERE, 's-source', lang + '.txt')
    recs = []; cur = None
    for line in open(path, encoding='utf-8').read().split('\n'):
        m = re.match(r'^@@\s*(\w+)\s*$', line)
        if m:
            cur = [m.group(1), []]; recs.append(cur)
        elif cur is not None:
            cur[1].append(line)
    out = []
    for cat, lines in recs:
        raw = '\n'.join(lines).strip()
        text = ''; spans = []; pos = 0
        for m in re.finditer(r'⟦(.*?)⟧(?:⟪(.*?)⟫)?', raw, re.S):
            text += raw[pos:m.start()]
            val = m.group(1); tags = {}
            for part in (m.group(2) or '').split(';'):
                if '=' in part:
                    k, v = part.split('=', 1); tags[k.strip()] = v.strip()
            typ = tags.get('type') or DEFAULT.get(cat)
            if not typ: err(f'{lang}/{cat}: no type for value {val!r}')
            if 'check' in tags:
                fn = CHECKS.get(tags['check'])
                if not fn or not fn(val): err(f'{lang}/{cat}: check {tags["check"]} FAILED for {val!r}')
            s = u16(text); text += val
            spans.append({'type': typ, 'start': s, 'end': s + u16(val), '_v': val})
            pos = m.end()
        text += raw[pos:]
        if any(c in text for c in '⟦⟧⟪⟫'): err(f'{lang}/{cat}: stray marker in {text[:60]!r}')
        out.append((cat, text, spans))
    return out

def outside(text, spans):
    """text with span contents blanked (for outside-span checks)"""
    chars = list(text); 
    # map utf16 offsets back to python indices
    idx = []; 
    for i, c in enumerate(text): idx.extend([i] * (2 if ord(c) > 0xFFFF else 1))
    for sp in spans:
        for j in range(idx[sp['start']], idx[sp['end'] - 1] + 1): chars[j] = '\x00'
    return ''.join(chars)

EMAIL = re.compile(r'[\w.+-]+@[\w-]+(\.[\w-]+)+')
pos_out, clean_out = [], []
seen_text = {}; seen_val = {}
for lang in LANGS:
    counters = {}
    for cat, text, spans in parse(lang):
        if cat not in POS + CLEAN: err(f'{lang}: unknown category {cat}'); continue
        counters[cat] = counters.get(cat, 0) + 1
        rid = f'v6-{lang}-{cat}-{counters[cat]}'
        if cat in POS and not spans: err(f'{rid}: positive without span')
        if cat in CLEAN and spans: err(f'{rid}: clean record with span')
        for sp in spans:
            if sp['type'] not in TYPES: err(f'{rid}: bad type {sp["type"]}')
            v = sp['_v']
            if v in seen_val and seen_val[v] != rid: err(f'{rid}: value {v!r} also in {seen_val[v]}')
            seen_val[v] = rid
        if text in seen_text: err(f'{rid}: duplicate text of {seen_text[text]}')
        seen_text[text] = rid
        o = outside(text, spans)
        if EMAIL.search(o): err(f'{rid}: e-mail outside span: {EMAIL.search(o).group(0)}')
        for m in re.finditer(r'\d(?:[ -]?\d)+', o):
            d = re.sub(r'\D', '', m.group(0))
            if 13 <= len(d) <= 19 and luhn(d): err(f'{rid}: Luhn-valid run outside span: {m.group(0)}')
        for m in re.finditer(r'\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){10,32}', o):
            s = re.sub(r'\s', '', m.group(0))
            for L in range(15, len(s) + 1):
                if iban_ok(s[:L]): err(f'{rid}: mod-97-valid IBAN outside span: {s[:L]}')
        if cat == 'token_nokeyword':
            low = text.lower()
            for w in KW_EN + KW[lang]:
                if re.search(r'(?<![\w])' + re.escape(w), low):
                    err(f'{rid}: keyword {w!r} in token_nokeyword')
        rec = {'id': rid, 'lang': lang, 'category': cat, 'text': text,
               'spans': [{'type': s['type'], 'start': s['start'], 'end': s['end']} for s in spans]}
        (pos_out if cat in POS else clean_out).append(rec)
if errors:
    print('\n'.join(errors)); print(f'BUILD FAILED: {len(errors)} error(s)'); sys.exit(1)
for name, recs in (('s-positives.jsonl', pos_out), ('s-clean.jsonl', clean_out)):
    with open(os.path.join(HERE, name), 'w', encoding='utf-8') as f:
        for r in recs: f.write(json.dumps(r, ensure_ascii=False) + '\n')
print(f'OK: {len(pos_out)} positives, {len(clean_out)} clean')
