# value generator, seed recorded
import random, string
R = random.Random(20261205)
def luhn_ok(s):
    d=[int(c) for c in s][::-1]; t=0
    for i,x in enumerate(d):
        if i%2: x*=2; x-= 9 if x>9 else 0
        t+=x
    return t%10==0
def luhn_make(prefix, n):
    body = prefix + ''.join(R.choice(string.digits) for _ in range(n-len(prefix)-1))
    for c in '0123456789':
        if luhn_ok(body+c): return body+c
def iban(cc, bban):
    for ck in range(2,99):
        s=bban+cc+'%02d'%ck
        n=int(''.join(str(int(ch,36)) for ch in s))
        if n%97==1: return cc+'%02d'%ck+bban
def digits(n): return ''.join(R.choice(string.digits) for _ in range(n))
def rnd(alpha,n): return ''.join(R.choice(alpha) for _ in range(n))
A62=string.ascii_letters+string.digits
def il_id():
    b=digits(8)
    for c in '0123456789':
        s=b+c; t=0
        for i,ch in enumerate(s):
            x=int(ch)*(1 if i%2==0 else 2); t+= x//10 + x%10
        if t%10==0: return s
def sa_id(first='1'):
    b=first+digits(8)
    for c in '0123456789':
        if luhn_ok(b+c): return b+c
for i in range(4): print('card', luhn_make(R.choice(['4','51','52','53','54','55']),16))
print('amex', luhn_make('37',15))
for i in range(2): print('IBAN SA', iban('SA', digits(2)+digits(18)))
for i in range(2): print('IBAN AE', iban('AE', digits(3)+digits(16)))
for i in range(2): print('IBAN IL', iban('IL', digits(3)+digits(3)+digits(13)))
for i in range(3): print('ILID', il_id())
for i in range(2): print('SAID', sa_id('1'))
print('EMIRATES', luhn_make('784'+str(R.randint(1975,2000)),15))
for i in range(6): print('AKIA', 'AKIA'+rnd(string.ascii_uppercase+'234567',16), rnd(string.ascii_letters+string.digits+'/+',40))
for i in range(3): print('ghp', 'ghp_'+rnd(A62,36))
for i in range(2): print('glpat', 'glpat-'+rnd(A62+'_-',20))
for i in range(2): print('xoxb', 'xoxb-'+digits(11)+'-'+digits(13)+'-'+rnd(A62,24))
for i in range(2): print('sk_live', 'sk_live_'+rnd(A62,24))
for i in range(2): print('sk-proj', 'sk-proj-'+rnd(A62+'_-',48))
print('twilio', 'SK'+rnd('0123456789abcdef',32))
print('sendgrid', 'SG.'+rnd(A62+'_-',22)+'.'+rnd(A62+'_-',43))
print('npm', 'npm_'+rnd(A62,36))
print('hf', 'hf_'+rnd(string.ascii_letters,34))
print('google', 'AIza'+rnd(A62+'_-',35))
print('azure', rnd(A62+'+/',86)+'==')
for i in range(30): print('tok', rnd(A62,R.choice([12,16,20,24,32])))
for i in range(8): print('hex', rnd('0123456789abcdef',R.choice([32,40])))
for i in range(10): print('pin', digits(R.choice([4,4,6,6,8])))
for i in range(8): print('phone', digits(12))
print('jwt-ish', rnd(A62+'_-',36)+'.'+rnd(A62+'_-',60)+'.'+rnd(A62+'_-',43))
import base64
print('key', base64.b64encode(bytes(R.getrandbits(8) for _ in range(200))).decode())
