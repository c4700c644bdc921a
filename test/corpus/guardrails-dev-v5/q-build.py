#!/usr/bin/env python3
"""Build q-positives.jsonl / q-clean.jsonl from q-source/<lang>.txt. Fails loudly on any rule breach."""
import json, re, sys, os, base64
HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ['vi', 'id', 'ar', 'he']
POS = ['password_prose','credential_pair','config_secret','cloud_key','token_nokeyword','personal_data','hr_data','marking']
CLEAN = ['policy_talk','confidentiality_talk','lookalike','helpdesk']
TYPES = {'password','api_key','token','private_key','connection_string','email','phone','national_id','payment_card',
         'iban','bank_account','passport','address','date_of_birth','health','salary','hr_record','marking'}
errors = []
def err(m): errors.append(m)

def luhn(s):
    d = [int(c) for c in re.sub(r'\D','',s)][::-1]; t = 0
    for i, x in enumerate(d):
        if i % 2: x *= 2; x -= 9 if x > 9 else 0
        t += x
    return t % 10 == 0
IBAN_LEN = {'SA':24,'AE':23,'IL':23,'DE':22,'FR':27,'NL':18}
def iban_ok(s):
    s = s.replace(' ','').upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]+', s): return False
    if IBAN_LEN.get(s[:2]) not in (None, len(s)): return False
    if s[:2] not in IBAN_LEN: return False
    r = s[4:] + s[:4]
    return int(''.join(str(int(c,36)) for c in r)) % 97 == 1
def il_id(s):
    s = re.sub(r'\D','',s)
    if len(s) != 9: return False
    t = 0
    for i,ch in enumerate(s):
        x = int(ch)*(1 if i%2==0 else 2); t += x//10 + x%10
    return t % 10 == 0
def sa_id(s):
    s = re.sub(r'\D','',s); return len(s)==10 and s[0] in '12' and luhn(s)
def emirates(s):
    s = re.sub(r'\D','',s); return len(s)==15 and s.startswith('784') and luhn(s)
def nik(s):  # Indonesian NIK: no check digit; structural check (16 digits, DDMMYY with +40 for women)
    s = re.sub(r'\D','',s)
    if len(s)!=16: return False
    dd, mm = int(s[6:8]), int(s[8:10])
    if dd > 40: dd -= 40
    return 11 <= int(s[:2]) <= 94 and 1 <= dd <= 31 and 1 <= mm <= 12 and s[12:] != '0000'
def cccd(s):  # Vietnamese CCCD: no check digit; structural (province 001-096, century/gender digit, birth year)
    s = re.sub(r'\D','',s)
    return len(s)==12 and 1 <= int(s[:3]) <= 96 and s[3] in '0123'
def aws(s): return re.fullmatch(r'(AKIA|ASIA)[A-Z2-7]{16}', s) is not None
def jwt(s):
    p = s.split('.')
    if len(p)!=3: return False
    try:
        h = json.loads(base64.urlsafe_b64decode(p[0]+'='*(-len(p[0])%4)))
        return 'alg' in h
    except Exception: return False
def pem(s): return s.startswith('-----BEGIN') and s.rstrip().endswith('-----')
CHECKS = {'luhn':luhn,'iban':iban_ok,'il_id':il_id,'sa_id':sa_id,'emirates_id':emirates,'nik':nik,'cccd':cccd,
          'aws':aws,'jwt':jwt,'pem':pem}

KW = {
 'en': r'(?i)\b(pass\w*|passwd|pwd|pw|key\w*|token\w*|secret\w*|code\w*|pin\w*|credential\w*|login)\b',
 'vi': r'(?i)(mật\s*khẩu|\bmk\b|\bmã\b|khóa|khoá|bí\s*mật|\bpin\b|token)',
 'id': r'(?i)(sandi|kunci|rahasia|\bkode\b|\bpin\b|kredensial|token)',
 'ar': r'(كلمة\s*(ال)?مرور|كلمة\s*(ال)?سر|رمز|مفتاح|المفتاح|سري|كود|بيانات\s*الاعتماد|توكن|\bpin\b)',
 'he': r'(סיסמ|קוד|מפתח|טוקן|סוד|אישורי)',
}
EMAIL = re.compile(r'[\w.+-]+@[\w-]+(\.[\w-]+)+')
IBANRX = re.compile(r'\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?\b')
DIGRUN = re.compile(r'\d(?:[ -]?\d){12,18}')
TOK = re.compile(r'⟦(.*?)⟧(?:⟪(.*?)⟫)?', re.S)

def u16(s): return len(s.encode('utf-16-le'))//2

def parse(lang):
    src = open(os.path.join(HERE,'q-source',lang+'.txt'), encoding='utf-8').read()
    recs = []
    for block in re.split(r'^@@ ', src, flags=re.M)[1:]:
        head, _, body = block.partition('\n')
        cat = head.strip()
        body = body.strip('\n').rstrip()
        text = ''; spans = []; pos = 0
        for m in TOK.finditer(body):
            text += body[pos:m.start()]
            val = m.group(1); tags = {}
            for kv in (m.group(2) or '').split(';'):
                if '=' in kv: k,v = kv.split('=',1); tags[k.strip()] = v.strip()
            st = u16(text); text += val
            spans.append({'type': tags.get('type'), 'start': st, 'end': u16(text), '_v': val, '_check': tags.get('check')})
            pos = m.end()
        text += body[pos:]
        recs.append((cat, text, spans))
    return recs

def outside(text, spans, a, b):
    # region [a,b) in python indices; convert spans to python indices
    for s in spans:
        ps = len(text.encode('utf-16-le')[:s['start']*2].decode('utf-16-le'))
        pe = ps + len(s['_v'])
        if ps <= a and b <= pe: return False
    return True

pos_out, clean_out = [], []
seen_text = {}; seen_val = {}
for lang in LANGS:
    counters = {}
    for cat, text, spans in parse(lang):
        if cat not in POS + CLEAN: err(f'{lang}: bad category {cat}'); continue
        counters[cat] = counters.get(cat,0)+1
        rid = f'v5-{lang}-{cat}-{counters[cat]}'
        if '⟦' in text or '⟧' in text or '⟪' in text: err(f'{rid}: stray marker')
        if cat in POS and not spans: err(f'{rid}: positive without span')
        if cat in CLEAN and spans: err(f'{rid}: clean with span')
        for s in spans:
            if s['type'] not in TYPES: err(f"{rid}: bad type {s['type']}")
            if s['_check']:
                for c in s['_check'].split(','):
                    if c not in CHECKS: err(f'{rid}: unknown check {c}')
                    elif not CHECKS[c](s['_v']): err(f"{rid}: check {c} failed on {s['_v']!r}")
            if s['_v'] in seen_val: err(f"{rid}: value reused from {seen_val[s['_v']]}: {s['_v']!r}")
            seen_val[s['_v']] = rid
        for m in EMAIL.finditer(text):
            if outside(text, spans, m.start(), m.end()): err(f'{rid}: e-mail outside span {m.group()!r}')
        for m in DIGRUN.finditer(text):
            d = re.sub(r'\D','',m.group())
            if 13 <= len(d) <= 19 and luhn(d) and outside(text, spans, m.start(), m.end()):
                err(f'{rid}: Luhn-valid digit run outside span {m.group()!r}')
        for m in IBANRX.finditer(text):
            if iban_ok(m.group()) and outside(text, spans, m.start(), m.end()):
                err(f'{rid}: valid IBAN outside span {m.group()!r}')
        if cat == 'token_nokeyword':
            for L in ('en', lang):
                k = re.search(KW[L], text)
                if k: err(f'{rid}: keyword {k.group()!r} ({L}) in token_nokeyword')
        if text in seen_text: err(f'{rid}: duplicate text of {seen_text[text]}')
        seen_text[text] = rid
        rec = {'id': rid, 'lang': lang, 'category': cat, 'text': text,
               'spans': [{'type': s['type'], 'start': s['start'], 'end': s['end']} for s in spans]}
        (pos_out if cat in POS else clean_out).append(rec)
    print(lang, {c: counters.get(c,0) for c in POS+CLEAN})
if errors:
    print('\n'.join(errors)); print(f'FAILED: {len(errors)} error(s)'); sys.exit(1)
for fn, rows in (('q-positives.jsonl', pos_out), ('q-clean.jsonl', clean_out)):
    with open(os.path.join(HERE, fn), 'w', encoding='utf-8') as f:
        for r in rows: f.write(json.dumps(r, ensure_ascii=False) + '\n')
print('OK', len(pos_out), 'positives,', len(clean_out), 'clean')
