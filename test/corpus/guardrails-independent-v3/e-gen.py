"""Fill placeholders of the form ⟦§kind⟧ in e-source/*.txt with fresh random values (in place).
Seeds: random.Random("e-v3-<lang>-<run>"), base string and run numbers logged in e-gen.log."""
import random, re, sys, os, base64, json, string, importlib.util
HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('echecks', os.path.join(HERE, 'e-checks.py'))
C = importlib.util.module_from_spec(spec); spec.loader.exec_module(C)

AL = string.ascii_letters + string.digits
UP = string.ascii_uppercase
def gen(kind, R):
    s = lambda n, a=AL: ''.join(R.choice(a) for _ in range(n))
    dig = lambda n: ''.join(R.choice(string.digits) for _ in range(n))
    hx = lambda n: ''.join(R.choice('0123456789abcdef') for _ in range(n))
    b64 = string.ascii_letters + string.digits + '+/'
    url = AL + '-_'
    if kind == 'aws': return 'AKIA' + s(16, UP + '234567'), 'api_key', None
    if kind == 'asia': return 'ASIA' + s(16, UP + '234567'), 'api_key', None
    if kind == 'awssec': return s(40, b64), 'api_key', None
    if kind == 'ghp': return 'ghp_' + s(36), 'api_key', None
    if kind == 'ghpat': return 'github_pat_11' + s(20, UP + string.digits) + '_' + s(59), 'api_key', None
    if kind == 'glpat': return 'glpat-' + s(20, url), 'api_key', None
    if kind == 'slack': return 'xoxb-' + dig(12) + '-' + dig(13) + '-' + s(24), 'api_key', None
    if kind == 'slackp': return 'xoxp-' + dig(12) + '-' + dig(12) + '-' + dig(13) + '-' + hx(32), 'api_key', None
    if kind == 'slackhook': return 'https://hooks.slack.com/services/T' + s(8, UP + string.digits) + '/B' + s(10, UP + string.digits) + '/' + s(24), 'api_key', None
    if kind == 'stripe': return 'sk_live_51' + s(22) + s(72), 'api_key', None
    if kind == 'rkstripe': return 'rk_live_51' + s(22) + s(72), 'api_key', None
    if kind == 'openai': return 'sk-proj-' + s(74, url) + 'T3BlbkFJ' + s(74, url), 'api_key', None
    if kind == 'openai_old': return 'sk-' + s(20) + 'T3BlbkFJ' + s(20), 'api_key', None
    if kind == 'twiliosk': return 'SK' + hx(32), 'api_key', None
    if kind == 'twilioac': return 'AC' + hx(32), 'api_key', None
    if kind == 'hex32': return hx(32), None, None
    if kind == 'sendgrid': return 'SG.' + s(22, url) + '.' + s(43, url), 'api_key', None
    if kind == 'npm': return 'npm_' + s(36), 'api_key', None
    if kind == 'hf': return 'hf_' + s(34, string.ascii_letters), 'api_key', None
    if kind == 'gapi': return 'AIza' + s(35, url), 'api_key', None
    if kind == 'azure': return s(86, b64) + '==', 'api_key', None
    if kind == 'pypi': return 'pypi-AgEIcHlwaS5vcmc' + s(60, url), 'api_key', None
    if kind == 'dockerhub': return 'dckr_pat_' + s(27, url), 'api_key', None
    if kind.startswith('tok'): return s(int(kind[3:])), None, None
    if kind.startswith('hex'): return hx(int(kind[3:])), None, None
    if kind.startswith('url'): return s(int(kind[3:]), url), None, None
    if kind == 'b64_40': return s(40, b64), None, None
    if kind == 'jwt':
        h = base64.urlsafe_b64encode(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(',', ':')).encode()).decode().rstrip('=')
        p = base64.urlsafe_b64encode(json.dumps({"sub": dig(7), "name": s(8, string.ascii_lowercase), "iat": 1760000000 + R.randint(0, 9999999), "role": R.choice(["svc", "admin", "batch"])}, separators=(',', ':')).encode()).decode().rstrip('=')
        return h + '.' + p + '.' + s(43, url), 'token', None
    if kind in ('pkey', 'opkey'):
        raw = bytes(R.getrandbits(8) for _ in range(300))
        body = base64.b64encode(raw).decode()
        lines = [body[i:i + 64] for i in range(0, len(body), 64)]
        if kind == 'pkey':
            return '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA' + lines[0][16:] + '\n' + '\n'.join(lines[1:]) + '\n-----END RSA PRIVATE KEY-----', 'private_key', None
        return '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA' + lines[0][24:] + '\n' + '\n'.join(lines[1:]) + '\n-----END OPENSSH PRIVATE KEY-----', 'private_key', None
    if kind.startswith('card_'):
        b = kind[5:]
        pre = {'visa': '4' + dig(5), 'mc': str(R.randint(51, 55)) + dig(4), 'jcb': str(R.randint(3528, 3589)) + dig(2), 'up': '62' + dig(4), 'up19': '62' + dig(4)}[b]
        n = 19 if b == 'up19' else 16
        body = pre + dig(n - 1 - len(pre))
        num = body + C.luhn_digit(body)
        if n == 16 and R.random() < 0.6:
            num = ' '.join(num[i:i + 4] for i in range(0, 16, 4)) if R.random() < 0.6 else '-'.join(num[i:i + 4] for i in range(0, 16, 4))
        return num, 'payment_card', 'luhn'
    if kind == 'jp_mynum':
        while True:
            v = dig(12)
            if C.jp_mynumber_ok(v): break
        return ' '.join([v[:4], v[4:8], v[8:]]) if R.random() < 0.5 else v, 'national_id', 'jp_mynumber'
    if kind == 'cn_id':
        area = R.choice(['110105', '310104', '440305', '320102', '510107', '330106', '420102', '610113'])
        y = R.randint(1968, 2001); m = R.randint(1, 12); d = R.randint(1, 28)
        b = area + f'{y:04d}{m:02d}{d:02d}' + dig(3)
        return b + C.cn_id_check(b), 'national_id', 'cn_id'
    if kind == 'tw_id':
        while True:
            v = R.choice('ABDEFHJKLMNPRSTUVXYW') + R.choice('12') + dig(8)
            if C.tw_id_ok(v): break
        return v, 'national_id', 'tw_id'
    if kind == 'kr_rrn':
        y = R.randint(1965, 1999); m = R.randint(1, 12); d = R.randint(1, 28)
        b = f'{y % 100:02d}{m:02d}{d:02d}' + R.choice('12') + dig(5)
        c = (11 - sum(int(a) * w for a, w in zip(b, C.KR_W)) % 11) % 10
        return b[:6] + '-' + b[6:] + str(c), 'national_id', 'kr_rrn'
    if kind == 'th_id':
        b = str(R.randint(1, 5)) + dig(11)
        c = (11 - sum(int(b[i]) * (13 - i) for i in range(12)) % 11) % 10
        v = b + str(c)
        return (f'{v[0]}-{v[1:5]}-{v[5:10]}-{v[10:12]}-{v[12]}' if R.random() < 0.6 else v), 'national_id', 'th_id'
    if kind == 'jp_mob': return R.choice(['090', '080', '070']) + '-' + dig(4) + '-' + dig(4), 'phone', None
    if kind == 'cn_mob':
        v = '1' + R.choice('3456789') + dig(9)
        return (v if R.random() < 0.5 else f'{v[:3]} {v[3:7]} {v[7:]}'), 'phone', None
    if kind == 'tw_mob': return '09' + dig(2) + '-' + dig(3) + '-' + dig(3), 'phone', None
    if kind == 'kr_mob': return '010-' + dig(4) + '-' + dig(4), 'phone', None
    if kind == 'th_mob': return '0' + R.choice('689') + dig(1) + '-' + dig(3) + '-' + dig(4), 'phone', None
    if kind == 'jp_pp': return R.choice(['TK', 'TR', 'TZ', 'MZ', 'TS']) + dig(7), 'passport', None
    if kind == 'cn_pp': return 'E' + R.choice(['', 'A', 'B', 'C']) + dig(7) if False else ('E' + dig(8) if R.random() < 0.5 else 'E' + R.choice('ABCDE') + dig(7)), 'passport', None
    if kind == 'tw_pp': return '3' + dig(8), 'passport', None
    if kind == 'kr_pp': return 'M' + dig(8), 'passport', None
    if kind == 'th_pp': return R.choice(['AA', 'AB', 'AC']) + dig(7), 'passport', None
    if kind == 'iban_de':
        body = dig(8) + dig(10)
        chk = 98 - int(''.join(str(int(c, 36)) for c in body + 'DE00')) % 97
        v = f'DE{chk:02d}' + body
        return ' '.join(v[i:i + 4] for i in range(0, len(v), 4)), 'iban', 'iban'
    if kind == 'jp_acct': return dig(7), 'bank_account', None
    if kind == 'kr_acct': return R.choice(['110-', '1002-', '352-', '620-']) + dig(3) + '-' + dig(6), 'bank_account', None
    if kind == 'tw_acct': return dig(3) + '-' + dig(2) + '-' + dig(6) + '-' + dig(1), 'bank_account', None
    if kind == 'th_acct': return dig(3) + '-' + dig(1) + '-' + dig(5) + '-' + dig(1), 'bank_account', None
    if kind == 'cn_acct': return '6222' + dig(15)[:-1] + '0' if False else None, None, None
    raise SystemExit('unknown kind ' + kind)

def main():
    log = os.path.join(HERE, 'e-gen.log')
    run = 1 + (sum(1 for _ in open(log)) if os.path.exists(log) else 0)
    for fn in sorted(os.listdir(os.path.join(HERE, 'e-source'))):
        if not fn.endswith('.txt'): continue
        path = os.path.join(HERE, 'e-source', fn); lang = fn[:-4]
        txt = open(path, encoding='utf-8').read()
        if '§' not in txt: continue
        seed = f'e-v3-{lang}-{run}'
        R = random.Random(seed); n = [0]
        def rep(m):
            n[0] += 1
            v, t, c = gen(m.group(1), R)
            if v is None: raise SystemExit('no value for ' + m.group(1))
            tag = ''
            if m.group(2) is None and (t or c):
                parts = ([f'type={t}'] if t else []) + ([f'check={c}'] if c else [])
                tag = '⟪' + '; '.join(parts) + '⟫'
            return '⟦' + v + '⟧' + tag + (m.group(2) or '')
        txt = re.sub(r'⟦§([a-z0-9_]+)⟧(⟪[^⟫]*⟫)?', rep, txt)
        open(path, 'w', encoding='utf-8').write(txt)
        with open(log, 'a') as f: f.write(f'run {run} seed {seed} filled {n[0]}\n')
        print(fn, n[0], 'filled, seed', seed)
main()
