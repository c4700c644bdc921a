#!/usr/bin/env python3
"""Random value pools used when hand-writing d-source/*.txt (values were picked from this output).
  for s in 1101 1102 1103 1104 1105; do python3 d-values.py pool $s; done   # pt nl pl tr ru
  python3 d-values.py extra   # JWTs + OpenSSH-style key blocks (seeds 2101-2105), Basic-auth pairs (seed 3103)
Chosen-looking passwords (words+digits, passphrases) were made up by hand per record, not generated."""
import random, string, sys
A = string.ascii_letters + string.digits
R = None
def rs(n, alpha=A): return ''.join(R.choice(alpha) for _ in range(n))
def luhn_ok(s):
    t=0
    for i,c in enumerate(reversed(s)):
        d=int(c)
        if i%2: d*=2; d-= 9 if d>9 else 0
        t+=d
    return t%10==0
def card(prefix, n=16):
    while True:
        s = prefix + rs(n-len(prefix)-1, string.digits)
        for c in '0123456789':
            if luhn_ok(s+c): return s+c
def iban(cc, bban):
    n = int(''.join(str(int(ch,36)) for ch in bban+cc+'00'))
    return cc + '%02d' % (98 - n % 97) + bban
def nif():
    while True:
        b = R.choice('123')+rs(7,string.digits)
        s = sum(int(b[i])*(9-i) for i in range(8)); c = 11 - s%11
        if c>=10: c=0
        return b+str(c)
def bsn():
    while True:
        b = rs(8, string.digits)
        if b[0]=='0': continue
        s = sum(int(b[i])*(9-i) for i in range(8))
        for c in range(10):
            if (s - c) % 11 == 0: return b+str(c)
def pesel():
    y=R.randint(60,99); m=R.randint(1,12); d=R.randint(1,28); b='%02d%02d%02d'%(y,m,d)+rs(4,string.digits)
    w=[1,3,7,9,1,3,7,9,1,3]; c=(10 - sum(int(b[i])*w[i] for i in range(10))%10)%10
    return b+str(c)
def tckn():
    d=[R.randint(1,9)]+[R.randint(0,9) for _ in range(8)]
    d10=((sum(d[0:9:2])*7)-sum(d[1:8:2]))%10; d.append(d10); d.append(sum(d)%10)
    return ''.join(map(str,d))
def snils():
    while True:
        b=rs(9,string.digits); s=sum(int(b[i])*(9-i) for i in range(9))
        c = s if s<100 else (0 if s in (100,101) else s%101)
        if c in (100,101): c=0
        return '%s-%s-%s %02d'%(b[:3],b[3:6],b[6:9],c)
def inn12():
    d=[R.randint(0,9) for _ in range(10)]; d[0]=R.randint(1,9)
    w1=[7,2,4,10,3,5,9,4,6,8]; c1=sum(a*b for a,b in zip(d,w1))%11%10; d.append(c1)
    w2=[3,7,2,4,10,3,5,9,4,6,8]; c2=sum(a*b for a,b in zip(d,w2))%11%10; d.append(c2)
    return ''.join(map(str,d))
def ru_acct(bik):
    while True:
        a='40817810'+rs(12,string.digits)
        s=bik[-3:]+a; w=[7,1,3]*8
        if sum(int(s[i])*w[i]%10 for i in range(23))%10==0: return a

def pool(seed):
    global R
    R = random.Random(seed)
    b32='ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
    kinds = {
     'aws_id': lambda: 'AKIA'+rs(16,b32),
     'aws_secret': lambda: rs(40, A+'+/'),
     'ghp': lambda: 'ghp_'+rs(36),
     'github_pat': lambda: 'github_pat_'+rs(22)+'_'+rs(59),
     'glpat': lambda: 'glpat-'+rs(20, A+'-_'),
     'slack': lambda: 'xoxb-'+rs(12,string.digits)+'-'+rs(13,string.digits)+'-'+rs(24),
     'stripe': lambda: 'sk_live_'+rs(99)[:R.choice([24,34,99])],
     'openai': lambda: 'sk-proj-'+rs(48, A+'-_'),
     'twilio': lambda: 'SK'+rs(32,'0123456789abcdef'),
     'sendgrid': lambda: 'SG.'+rs(22,A+'-_')+'.'+rs(43,A+'-_'),
     'npm': lambda: 'npm_'+rs(36),
     'hf': lambda: 'hf_'+rs(34,string.ascii_letters),
     'gcp': lambda: 'AIza'+rs(35,A+'-_'),
     'azure': lambda: rs(86,A+'+/')+'==',
    }
    for k,f in kinds.items(): print(k, f())
    for i in range(14): print('tok', rs(R.choice([16,20,24,32]), A if i%2 else 'abcdef0123456789'))
    for i in range(4): print('tokdash', '-'.join(rs(4,'ABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(4)))
    print('pin', [rs(R.choice([4,4,5,6]),string.digits) for _ in range(10)])
    print('pw', [rs(R.choice([10,12,14]),A+'!#%&*+-=?@') for _ in range(10)])
    print('card_visa', card('4'), card('4'), '  mc', card('5'+str(R.randint(1,5))), card('2221'))
    print('jwt_sig', rs(43,A+'-_'))
    print('nif', nif(), nif(), nif())
    print('bsn', bsn(), bsn(), bsn())
    print('pesel', pesel(), pesel(), pesel())
    print('tckn', tckn(), tckn(), tckn())
    print('snils', snils(), snils(), ' inn', inn12(), inn12())
    print('iban_pt', iban('PT','0035'+rs(17,string.digits)), iban('PT','0007'+rs(17,string.digits)))
    print('iban_nl', iban('NL','RABO'+rs(10,string.digits)), iban('NL','INGB'+rs(10,string.digits)))
    print('iban_pl', iban('PL','1020'+rs(20,string.digits)), iban('PL','1140'+rs(20,string.digits)))
    print('iban_tr', iban('TR','00062'+'0'+rs(16,string.digits)), iban('TR','00010'+'0'+rs(16,string.digits)))
    print('ru_acct bik 044525225', ru_acct('044525225'), ' bik 044525974', ru_acct('044525974'))
    print('phone_pt', '9'+R.choice('1236')+rs(7,string.digits), 'phone_nl', '06'+rs(8,string.digits), 'phone_pl', R.choice('5678')+rs(8,string.digits), 'phone_tr', '5'+R.choice('34')+rs(8,string.digits), 'phone_ru', '9'+rs(9,string.digits))
    print('passport', rs(2,'ABCDEFGHIJKLMNPRSTUVWXYZ')+rs(7,string.digits), rs(9,string.digits))

def extra():
    import base64, json
    for seed, lang in zip(range(2101, 2106), ['pt', 'nl', 'pl', 'tr', 'ru']):
        R2 = random.Random(seed)
        def b64u(b): return base64.urlsafe_b64encode(b).rstrip(b'=').decode()
        pl = {'sub': str(R2.randint(10000, 99999)), 'name': 'svc-' + lang, 'iat': 1764000000 + R2.randint(0, 9999999), 'role': 'admin'}
        jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.' + b64u(json.dumps(pl, separators=(',', ':')).encode()) + '.' + ''.join(R2.choice(A + '-_') for _ in range(43))
        raw = bytes(R2.getrandbits(8) for _ in range(300))
        b = base64.b64encode(raw).decode()
        key = '-----BEGIN OPENSSH PRIVATE KEY-----\n' + '\n'.join(b[i:i + 70] for i in range(0, len(b), 70)) + '\n-----END OPENSSH PRIVATE KEY-----'
        print('==', lang, 'seed', seed); print(jwt); print(key)
        print('extra tok', [''.join(R2.choice(A) for _ in range(R2.choice([12, 18, 22]))) for _ in range(8)])
    R3 = random.Random(3103)
    for u in ['sync_wms', 'integ_tr', 'svc_1c']:
        p = ''.join(R3.choice(A) for _ in range(14)); print('basic', u, p, base64.b64encode((u + ':' + p).encode()).decode())

if __name__ == '__main__' and sys.argv[1] in ('pool', 'extra'):
    if sys.argv[1] == 'pool': pool(int(sys.argv[2]))
    else: extra()


def extra2(seed):
    """Second pool (seeds 4101-4105 = pt nl pl tr ru): more phones, passwords, tokens, cards, IDs."""
    global R
    R = random.Random(seed)
    D = string.digits
    print('phones', ['9' + R.choice('1236') + rs(7, D), '06' + rs(8, D), R.choice('5678') + rs(8, D), '5' + R.choice('345') + rs(8, D), '9' + rs(9, D)])
    print('pw', [rs(R.choice([10, 12, 14]), A + '!#%&*+-=?@') for _ in range(8)])
    print('tok', [rs(R.choice([16, 24, 32])) for _ in range(6)])
    print('pin', [rs(R.choice([4, 5, 6]), D) for _ in range(6)])
    print('passport', rs(2, 'ABCDEFGHIJKLMNPRSTUVWXYZ') + rs(7, D), rs(9, D), rs(2, D) + ' ' + rs(7, D))
    print('card', card('4'), card('5' + str(R.randint(1, 5))))
    print('ids nif/bsn/pesel/tckn/snils/inn', nif(), bsn(), pesel(), tckn(), snils(), inn12())
    print('iban', iban('PT', '0010' + rs(17, D)), iban('NL', 'ABNA' + rs(10, D)), iban('PL', '1090' + rs(20, D)), iban('TR', '00067' + '0' + rs(16, D)))
    print('ru_acct bik 044525593', ru_acct('044525593'))


if __name__ == '__main__' and sys.argv[1] == 'extra2':
    extra2(int(sys.argv[2]))
