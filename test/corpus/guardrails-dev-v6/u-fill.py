#!/usr/bin/env python3
"""Replace ⟦?kind⟧ placeholders in u-source/*.txt with fresh seeded values (in place). Seed: 'u-v6-20261205'."""
import random, re, string, sys, glob
R = random.Random('u-v6-20261205')
AN = string.ascii_letters + string.digits
def rs(n, alpha=AN): return ''.join(R.choice(alpha) for _ in range(n))
def luhn_digit(body):
    s = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        s += d
    return str((10 - s % 10) % 10)
def card(prefix, n=16):
    body = prefix + ''.join(R.choice(string.digits) for _ in range(n - 1 - len(prefix)))
    c = body + luhn_digit(body)
    return ' '.join(c[i:i+4] for i in range(0, n, 4))
def iban(cc, bban):
    chk = 98 - int(''.join(str(int(c, 36)) for c in bban + cc + '00')) % 97
    return cc + '%02d' % chk + bban
def d(n): return ''.join(R.choice(string.digits) for _ in range(n))
def il_id():
    b = d(8)
    s = 0
    for i, ch in enumerate(b):
        x = int(ch) * (1 if i % 2 == 0 else 2)
        s += x // 10 + x % 10
    return b + str((10 - s % 10) % 10)
def sa_id(first='1'):
    b = first + d(8)
    return b + luhn_digit(b)
def ae_id():
    b = '784' + str(R.randint(1970, 2001)) + d(7)
    c = b + luhn_digit(b)
    return f'{c[:3]}-{c[3:7]}-{c[7:14]}-{c[14]}'
def nik(female=False):
    day = R.randint(1, 28) + (40 if female else 0)
    return R.choice(['3171', '3273', '3578', '5171', '1271']) + d(2) + '%02d%02d%02d' % (day, R.randint(1, 12), R.randint(60, 99)) + '%04d' % R.randint(1, 2999)
def cccd(female=False):
    return R.choice(['001', '079', '048', '031']) + ('1' if female else '0') + '%02d' % R.randint(60, 99) + d(6)
GEN = {
 'tok': lambda: rs(R.choice([20, 24, 28, 32])),
 'hex': lambda: rs(32, '0123456789abcdef'),
 'b64': lambda: rs(40, AN + '+/'),
 'jwt': lambda: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.' + 'eyJ' + rs(60, AN + '_-') + '.' + rs(43, AN + '_-'),
 'aws': lambda: 'AKIA' + rs(16, string.ascii_uppercase + '234567'),
 'awssec': lambda: rs(40, AN + '+/'),
 'ghp': lambda: 'ghp_' + rs(36),
 'glpat': lambda: 'glpat-' + rs(20, AN + '_-'),
 'slack': lambda: 'xoxb-' + d(12) + '-' + d(13) + '-' + rs(24),
 'stripe': lambda: 'sk_live_' + rs(24),
 'openai': lambda: 'sk-proj-' + rs(48, AN + '_-'),
 'sg': lambda: 'SG.' + rs(22, AN + '_-') + '.' + rs(43, AN + '_-'),
 'hf': lambda: 'hf_' + rs(34, string.ascii_letters),
 'npm': lambda: 'npm_' + rs(36),
 'twilio': lambda: 'SK' + rs(32, '0123456789abcdef'),
 'azure': lambda: rs(86, AN + '+/') + '==',
 'gcp': lambda: 'AIza' + rs(35, AN + '_-'),
 'visa': lambda: card('4'), 'mc': lambda: card('5' + R.choice('12345')),
 'ibanSA': lambda: iban('SA', d(2) + d(18)), 'ibanAE': lambda: iban('AE', d(3) + d(16)),
 'ibanIL': lambda: iban('IL', d(3) + d(3) + d(13)), 'ibanJO': lambda: iban('JO', rs(4, string.ascii_uppercase) + d(4) + d(18)),
 'ilid': il_id, 'said': sa_id, 'iqama': lambda: sa_id('2'), 'aeid': ae_id, 'nik': nik, 'nikf': lambda: nik(True),
 'cccd': cccd, 'cccdf': lambda: cccd(True),
 'pin4': lambda: d(4), 'pin6': lambda: d(6), 'pin8': lambda: d(8),
 'acct': lambda: d(R.choice([10, 12, 13])),
 'pp_vn': lambda: R.choice('BCN') + d(7), 'pp_id': lambda: R.choice(['X', 'C', 'E']) + d(7),
 'pp_il': lambda: d(8),
 'phVN': lambda: '0' + R.choice(['90','91','98','97','93','86','38','35','70','77']) + d(7),
 'phID': lambda: '08' + R.choice(['12','13','21','52','57','77','95','11']) + d(R.choice([7, 8])),
 'phSA': lambda: '05' + R.choice('03456') + d(7), 'phAE': lambda: '05' + R.choice('02568') + d(7),
 'phIL': lambda: '05' + R.choice('02348') + '-' + d(7), 'pp_sa': lambda: R.choice('AU') + d(8),
}
TAG = {'visa': 'type=payment_card; check=luhn', 'mc': 'type=payment_card; check=luhn', 'ilid': 'type=national_id; check=il_id',
 'said': 'type=national_id; check=sa_id', 'iqama': 'type=national_id; check=sa_id', 'aeid': 'type=national_id; check=ae_id',
 'nik': 'type=national_id; check=nik', 'nikf': 'type=national_id; check=nik', 'cccd': 'type=national_id; check=cccd', 'cccdf': 'type=national_id; check=cccd'}
TAG['em'] = 'type=email'; TAG['acct'] = 'type=bank_account'
for k in list(GEN):
    if k.startswith('iban'): TAG[k] = 'type=iban; check=iban'
    if k.startswith('ph'): TAG[k] = 'type=phone'
    if k.startswith('pp_'): TAG[k] = 'type=passport'
USED = set()
for f in glob.glob('u-source/*.txt'):
    USED |= set(re.findall(r'⟦([^?][^⟧]*)⟧', open(f, encoding='utf-8').read()))
for f in sorted(glob.glob('u-source/*.txt')):
    R.seed('u-v6-20261205:' + f + ':' + str(len(USED)))  # seed recorded: base + file + number of values already present
    src = open(f, encoding='utf-8').read()
    def rep(m):
        k = m.group(1); arg = m.group(2); extra = m.group(3) or ''
        if k == 'em':
            v = arg + R.choice(['', '.', '_', '']) + d(R.randint(2, 4)) + '@' + R.choice(['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com'])
        else:
            v = GEN[k]()
            while v in USED: v = GEN[k]()
        USED.add(v)
        tag = TAG.get(k)
        return '⟦' + v + '⟧' + (('⟪' + tag + '⟫') if tag and not extra else extra)
    new = re.sub(r'⟦\?(\w+)(?::([^⟧]*))?⟧(⟪[^⟫]*⟫)?', rep, src)
    open(f, 'w', encoding='utf-8').write(new)
