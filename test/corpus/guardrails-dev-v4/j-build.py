#!/usr/bin/env python3
"""j- author build. Step 1 (fill): j-source/_draft-<lang>.txt -> j-source/<lang>.txt, replacing
generator placeholders ⟦@kind⟧ with fresh values from random.Random(SEED). Step 2 (build): parse
j-source/<lang>.txt, run checks, write j-positives.jsonl / j-clean.jsonl. Fails loudly on any problem."""
import json, os, random, re, string, sys
SEED = 20261205
HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, 'j-source')
LANGS = ['ja', 'zh', 'zh-TW', 'ko', 'th']
POS = ['password_prose', 'credential_pair', 'config_secret', 'cloud_key', 'token_nokeyword', 'personal_data', 'hr_data', 'marking']
CLEAN = ['policy_talk', 'confidentiality_talk', 'lookalike', 'helpdesk']
TYPES = {'password', 'api_key', 'token', 'private_key', 'connection_string', 'email', 'phone', 'national_id', 'payment_card', 'iban', 'bank_account', 'passport', 'address', 'date_of_birth', 'health', 'salary', 'hr_record', 'marking'}
DEFAULT_TYPE = {'password_prose': 'password', 'credential_pair': 'password', 'config_secret': 'password', 'cloud_key': 'api_key', 'token_nokeyword': 'password', 'marking': 'marking', 'hr_data': 'salary'}
R = random.Random(SEED)
AN = string.ascii_letters + string.digits
def rs(n, alpha=AN): return ''.join(R.choice(alpha) for _ in range(n))
# ---------- check-digit schemes ----------
def luhn_ok(s):
    d = [int(c) for c in s][::-1]; t = 0
    for i, x in enumerate(d):
        if i % 2: x *= 2; x = x - 9 if x > 9 else x
        t += x
    return t % 10 == 0
def luhn_make(prefix, n):
    body = prefix + rs(n - len(prefix) - 1, string.digits)
    for c in string.digits:
        if luhn_ok(body + c): return body + c
def mynumber_ok(s):  # Japan My Number (個人番号) check digit
    s = s.replace(' ', '').replace('-', '')
    if not re.fullmatch(r'\d{12}', s): return False
    p = [int(c) for c in s[:11]][::-1]; t = 0
    for n in range(1, 12):
        q = n + 1 if n <= 6 else n - 5
        t += p[n - 1] * q
    r = t % 11; cd = 0 if r <= 1 else 11 - r
    return cd == int(s[11])
def cnid_ok(s):  # GB 11643 ISO 7064 MOD 11-2
    if not re.fullmatch(r'\d{17}[\dX]', s): return False
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return '10X98765432'[sum(int(a) * b for a, b in zip(s[:17], w)) % 11] == s[17]
TWL = {c: v for c, v in zip('ABCDEFGHJKLMNPQRSTUVXYWZIO', range(10, 36))}
def twid_ok(s):
    if not re.fullmatch(r'[A-Z][12]\d{8}', s): return False
    n = TWL[s[0]]; d = [n // 10, n % 10] + [int(c) for c in s[1:]]
    w = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1]
    return sum(a * b for a, b in zip(d, w)) % 10 == 0
def krrrn_ok(s):
    s = s.replace('-', '')
    if not re.fullmatch(r'\d{13}', s): return False
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    return (11 - sum(int(a) * b for a, b in zip(s, w)) % 11) % 10 == int(s[12])
def thid_ok(s):
    s = s.replace('-', '').replace(' ', '')
    if not re.fullmatch(r'\d{13}', s): return False
    return (11 - sum(int(s[i]) * (13 - i) for i in range(12)) % 11) % 10 == int(s[12])
def iban_ok(s):
    s = s.replace(' ', '')
    L = {'DE': 22, 'FR': 27, 'GB': 22, 'NL': 18}
    if s[:2] not in L or len(s) != L[s[:2]]: return False
    r = s[4:] + s[:4]
    return int(''.join(str(int(c, 36)) for c in r)) % 97 == 1
CHECKS = {'luhn': lambda v: luhn_ok(re.sub(r'[ -]', '', v)), 'mynumber': mynumber_ok, 'cnid': cnid_ok, 'twid': twid_ok, 'krrrn': krrrn_ok, 'thid': thid_ok, 'iban': iban_ok}
# ---------- generators ----------
def gen_mynumber():
    while True:
        s = rs(11, string.digits)
        for c in string.digits:
            if mynumber_ok(s + c): return s[:4] + ' ' + s[4:8] + ' ' + (s + c)[8:]
def gen_cnid():
    area = R.choice(['110105', '310115', '440305', '330106', '510107', '320102'])
    y = R.randint(1970, 2000); m = R.randint(1, 12); d = R.randint(1, 28)
    b = f'{area}{y}{m:02d}{d:02d}{R.randint(0, 999):03d}'
    for c in '0123456789X':
        if cnid_ok(b + c): return b + c
def gen_twid():
    while True:
        s = R.choice('ABCDEFGHJKLMNPQRSTUVXYWZIO') + R.choice('12') + rs(7, string.digits)
        for c in string.digits:
            if twid_ok(s + c): return s + c
def gen_krrrn():
    y = R.randint(70, 99); m = R.randint(1, 12); d = R.randint(1, 28)
    b = f'{y:02d}{m:02d}{d:02d}' + R.choice('12') + rs(5, string.digits)
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    c = (11 - sum(int(a) * x for a, x in zip(b, w)) % 11) % 10
    return b[:6] + '-' + b[6:] + str(c)
def gen_thid():
    b = R.choice('1358') + rs(11, string.digits)
    c = (11 - sum(int(b[i]) * (13 - i) for i in range(12)) % 11) % 10
    s = b + str(c); return f'{s[0]}-{s[1:5]}-{s[5:10]}-{s[10:12]}-{s[12]}'
def gen_iban(cc='DE'):
    bban = rs(18, string.digits)
    for k in range(2, 99):
        s = f'{cc}{k:02d}{bban}'
        if iban_ok(s): return ' '.join(s[i:i + 4] for i in range(0, len(s), 4))
def b64(n): return rs(n, AN + '+/')
def gen_pem():
    body = '\n'.join(b64(64) for _ in range(6)) + '\n' + b64(40) + '=='
    return '-----BEGIN RSA PRIVATE KEY-----\n' + body + '\n-----END RSA PRIVATE KEY-----'
def gen_jwt():
    import base64
    h = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip('=')
    p = base64.urlsafe_b64encode(json.dumps({'sub': rs(8, string.digits), 'role': 'svc', 'iat': R.randint(1760000000, 1790000000)}).encode()).decode().rstrip('=')
    return f'{h}.{p}.{rs(43, AN + "-_")}'
U32 = string.ascii_uppercase + '234567'
HEX = '0123456789abcdef'
GEN = {
 'card_visa': (lambda: ' '.join(re.findall('.{4}', luhn_make('4', 16))), 'payment_card', 'luhn'),
 'card_mc': (lambda: '-'.join(re.findall('.{4}', luhn_make(R.choice(['51', '53', '55']), 16))), 'payment_card', 'luhn'),
 'card_jcb': (lambda: luhn_make('35' + R.choice('3456789'), 16), 'payment_card', 'luhn'),
 'card_up': (lambda: luhn_make('62' + R.choice('2345678'), 16), 'payment_card', 'luhn'),
 'mynumber': (gen_mynumber, 'national_id', 'mynumber'), 'cnid': (gen_cnid, 'national_id', 'cnid'),
 'twid': (gen_twid, 'national_id', 'twid'), 'krrrn': (gen_krrrn, 'national_id', 'krrrn'), 'thid': (gen_thid, 'national_id', 'thid'),
 'iban_de': (lambda: gen_iban('DE'), 'iban', 'iban'),
 'aws_id': (lambda: 'AKIA' + rs(16, U32), 'api_key', None), 'aws_secret': (lambda: rs(40, AN + '+/'), 'api_key', None),
 'ghp': (lambda: 'ghp_' + rs(36), 'api_key', None), 'glpat': (lambda: 'glpat-' + rs(20, AN + '-_'), 'api_key', None),
 'slack': (lambda: f'xoxb-{rs(12, string.digits)}-{rs(13, string.digits)}-{rs(24)}', 'api_key', None),
 'slack_hook': (lambda: f'https://hooks.slack.com/services/T{rs(10, string.ascii_uppercase + string.digits)}/B{rs(10, string.ascii_uppercase + string.digits)}/{rs(24)}', 'api_key', None),
 'stripe': (lambda: 'sk_live_' + rs(24), 'api_key', None), 'openai': (lambda: 'sk-proj-' + rs(48, AN + '-_'), 'api_key', None),
 'twilio': (lambda: 'SK' + rs(32, HEX), 'api_key', None), 'sendgrid': (lambda: f'SG.{rs(22, AN + "-_")}.{rs(43, AN + "-_")}', 'api_key', None),
 'npm': (lambda: 'npm_' + rs(36), 'api_key', None), 'hf': (lambda: 'hf_' + rs(34, string.ascii_letters), 'api_key', None),
 'gapi': (lambda: 'AIza' + rs(35, AN + '-_'), 'api_key', None), 'azure': (lambda: rs(86, AN + '+/') + '==', 'api_key', None),
 'tok16': (lambda: rs(16), 'token', None), 'tok24': (lambda: rs(24), 'token', None), 'tok32': (lambda: rs(32), 'token', None),
 'hex32': (lambda: rs(32, HEX), 'token', None), 'hex40': (lambda: rs(40, HEX), 'token', None),
 'b64_44': (lambda: rs(43, AN + '+/') + '=', 'token', None),
 'jwt': (gen_jwt, 'token', None), 'pem': (gen_pem, 'private_key', None),
 'pw12': (lambda: rs(12, AN + '!#%&*?@'), 'password', None), 'pw16': (lambda: rs(16, AN + '!#%&*?@-_'), 'password', None),
 'pin4': (lambda: rs(4, string.digits), 'password', None), 'pin6': (lambda: rs(6, string.digits), 'password', None),
 'phone_ja': (lambda: f'0{R.choice("789")}0-{rs(4, string.digits)}-{rs(4, string.digits)}', 'phone', None),
 'phone_zh': (lambda: f'1{R.choice("3589")}{rs(9, string.digits)}', 'phone', None),
 'phone_tw': (lambda: f'09{rs(2, string.digits)}-{rs(3, string.digits)}-{rs(3, string.digits)}', 'phone', None),
 'phone_ko': (lambda: f'010-{rs(4, string.digits)}-{rs(4, string.digits)}', 'phone', None),
 'phone_th': (lambda: f'0{R.choice("689")}{rs(1, string.digits)}-{rs(3, string.digits)}-{rs(4, string.digits)}', 'phone', None),
 'pp_ja': (lambda: R.choice(['TK', 'TR', 'TZ', 'MU']) + rs(7, string.digits), 'passport', None),
 'pp_zh': (lambda: 'E' + rs(8, string.digits), 'passport', None), 'pp_tw': (lambda: '3' + rs(8, string.digits), 'passport', None),
 'pp_ko': (lambda: 'M' + rs(8, string.digits), 'passport', None), 'pp_th': (lambda: R.choice(['AA', 'AB', 'AC']) + rs(7, string.digits), 'passport', None),
 'acct10': (lambda: rs(3, string.digits) + '-' + rs(7, string.digits), 'bank_account', None),
 'acct12': (lambda: rs(12, string.digits), 'bank_account', None),
}
def fill(lang):
    p = os.path.join(SRC, f'_draft-{lang}.txt')
    if not os.path.exists(p): return
    t = open(p, encoding='utf-8').read()
    def rep(m):
        kind = m.group(1)
        if kind not in GEN: sys.exit(f'unknown generator {kind}')
        f, ty, ck = GEN[kind]; v = f()
        return f'⟦{v}⟧⟪type={ty}' + (f'; check={ck}' if ck else '') + '⟫'
    t = re.sub(r'⟦@(\w+)⟧', rep, t)
    open(os.path.join(SRC, f'{lang}.txt'), 'w', encoding='utf-8').write(t)
# ---------- build ----------
KW = {
 'en': r'pass|pwd|\bpw\b|\bpin\b|key|token|secret|code|credential|login|passcode',
 'ja': r'パスワード|パス|暗証|キー|鍵|トークン|シークレット|コード|認証情報|PIN|ピン|秘密',
 'zh': r'密码|口令|密钥|秘钥|令牌|码|凭证|凭据|钥匙|秘密|暗号',
 'zh-TW': r'密碼|口令|金鑰|密鑰|權杖|令牌|碼|憑證|憑據|鑰匙|秘密|暗號',
 'ko': r'비밀번호|비번|암호|패스워드|키|토큰|시크릿|코드|인증|자격|핀',
 'th': r'รหัส|พาสเวิร์ด|คีย์|กุญแจ|โทเค็น|ความลับ|โค้ด|พิน',
}
EMAIL = re.compile(r'[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+')
def u16(s): return len(s.encode('utf-16-le')) // 2
def parse(lang):
    t = open(os.path.join(SRC, f'{lang}.txt'), encoding='utf-8').read()
    recs = []
    for chunk in re.split(r'^@@ ', t, flags=re.M)[1:]:
        head, _, body = chunk.partition('\n')
        cat = head.strip(); body = body.strip('\n').rstrip()
        if cat not in POS + CLEAN: sys.exit(f'{lang}: bad category {cat!r}')
        text = ''; spans = []; vals = []; pos = 0
        for m in re.finditer(r'⟦(.*?)⟧(?:⟪(.*?)⟫)?', body, flags=re.S):
            text += body[pos:m.start()]; v = m.group(1); tags = {}
            for kv in (m.group(2) or '').split(';'):
                if '=' in kv: k, _, x = kv.partition('='); tags[k.strip()] = x.strip()
            ty = tags.get('type') or DEFAULT_TYPE.get(cat)
            if ty not in TYPES: sys.exit(f'{lang}: bad/missing type {ty} for {v!r}')
            if 'check' in tags and not CHECKS[tags['check']](v): sys.exit(f'{lang}: check {tags["check"]} FAILED for {v!r}')
            s = u16(text); text += v; spans.append({'type': ty, 'start': s, 'end': u16(text)}); vals.append(v)
            pos = m.end()
        text += body[pos:]
        if '⟦' in text or '⟧' in text or '⟪' in text: sys.exit(f'{lang}: stray bracket in {text[:60]!r}')
        recs.append((cat, text, spans, vals))
    return recs
def outside(text, spans):
    """text with span contents blanked, for scanning what is not covered"""
    b = text.encode('utf-16-le'); out = bytearray(b)
    for sp in spans:
        for i in range(sp['start'] * 2, sp['end'] * 2, 2): out[i:i + 2] = ' '.encode('utf-16-le')
    return out.decode('utf-16-le')
def main():
    for l in LANGS: fill(l)
    pos, clean = [], []; seen_text = {}; seen_val = {}; errs = []
    for lang in LANGS:
        if not os.path.exists(os.path.join(SRC, f'{lang}.txt')): continue
        n = {}
        for cat, text, spans, vals in parse(lang):
            n[cat] = n.get(cat, 0) + 1; rid = f'v4-{lang}-{cat}-{n[cat]}'
            where = f'{rid}: {text[:50]!r}'
            if cat in POS and not spans: errs.append(f'positive without span {where}')
            if cat in CLEAN and spans: errs.append(f'clean with span {where}')
            o = outside(text, spans)
            if EMAIL.search(o): errs.append(f'email outside span {where}: {EMAIL.search(o).group(0)}')
            for m in re.finditer(r'(?<![\d])\d(?:[ -]?\d){12,18}(?!\d)', o):
                d = re.sub(r'\D', '', m.group(0))
                for L in range(13, 20):
                    for i in range(0, len(d) - L + 1):
                        if luhn_ok(d[i:i + L]) and (cat in CLEAN or True) and (i == 0 and L == len(d)): errs.append(f'Luhn-valid run outside span {where}: {m.group(0)}')
            for m in re.finditer(r'\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b', o):
                if iban_ok(m.group(0)): errs.append(f'IBAN outside span {where}')
            if cat == 'token_nokeyword':
                for kl in ('en', lang):
                    mm = re.search(KW[kl], text, flags=re.I)
                    if mm: errs.append(f'keyword {mm.group(0)!r} in token_nokeyword {where}')
            if text in seen_text: errs.append(f'duplicate text {where}')
            seen_text[text] = rid
            for v in vals:
                if v in seen_val and seen_val[v] != rid: errs.append(f'value reused {v!r} in {rid} and {seen_val[v]}')
                seen_val[v] = rid
            rec = {'id': rid, 'lang': lang, 'category': cat, 'text': text, 'spans': spans}
            (pos if cat in POS else clean).append(rec)
    if errs:
        print('\n'.join(errs)); sys.exit(f'{len(errs)} error(s)')
    for fn, rs_ in (('j-positives.jsonl', pos), ('j-clean.jsonl', clean)):
        with open(os.path.join(HERE, fn), 'w', encoding='utf-8') as f:
            for r in rs_: f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(f'ok: {len(pos)} positives, {len(clean)} clean')
if __name__ == '__main__': main()
