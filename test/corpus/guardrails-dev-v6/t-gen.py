import random, string
R = random.Random(20261205)
A = string.ascii_letters + string.digits
def rs(n, al=A): return ''.join(R.choice(al) for _ in range(n))
def luhn_ok(s):
    t=0
    for i,c in enumerate(reversed(s)):
        d=int(c)
        if i%2: d=d*2; d-= 9 if d>9 else 0
        t+=d
    return t%10==0
def card(prefix, n=16):
    while True:
        s=prefix+''.join(R.choice('0123456789') for _ in range(n-len(prefix)))
        if luhn_ok(s): return s
def mynumber():
    d=[R.randint(0,9) for _ in range(11)]
    # weights: for n=1..11 from right, q = n+1 if n<=6 else n-5
    s=0
    for n in range(1,12):
        p=d[11-n]; q=n+1 if n<=6 else n-5; s+=p*q
    r=s%11; c=0 if r<=1 else 11-r
    return ''.join(map(str,d))+str(c)
def cnid():
    area=R.choice(['110105','310104','440305','320102','510107'])
    y=R.randint(1970,2000); m=R.randint(1,12); dd=R.randint(1,28)
    body=f"{area}{y}{m:02d}{dd:02d}{R.randint(0,999):03d}"
    w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    s=sum(int(a)*b for a,b in zip(body,w)); c='10X98765432'[s%11]
    return body+c
TW='ABCDEFGHJKLMNPQRSTUVXYWZIO'
def twid():
    L=R.choice('ABFH'); v=TW.index(L)+10
    d=[R.choice([1,2])]+[R.randint(0,9) for _ in range(7)]
    s=v//10 + (v%10)*9 + sum(x*w for x,w in zip(d,[8,7,6,5,4,3,2,1]))
    c=(10-s%10)%10
    return L+''.join(map(str,d))+str(c)
def krrn():
    y=R.randint(70,99); m=R.randint(1,12); dd=R.randint(1,28)
    body=f"{y:02d}{m:02d}{dd:02d}{R.choice('12')}{R.randint(0,99999):05d}"
    w=[2,3,4,5,6,7,8,9,2,3,4,5]
    s=sum(int(a)*b for a,b in zip(body,w)); c=(11-s%11)%10
    return body+str(c)
def thid():
    d=[R.randint(1,8)]+[R.randint(0,9) for _ in range(11)]
    s=sum(x*(13-i) for i,x in enumerate(d)); c=(11-s%11)%10
    return ''.join(map(str,d))+str(c)
def iban(cc, bban):
    num=''.join(str(int(ch,36)) for ch in bban+cc+'00')
    ck=98-int(num)%97
    return f"{cc}{ck:02d}{bban}"
for i in range(6): print('card', card(R.choice(['4','51','53','35','62'])))
for i in range(3): print('mynum', mynumber())
for i in range(3): print('cnid', cnid())
for i in range(3): print('twid', twid())
for i in range(3): print('krrn', krrn())
for i in range(3): print('thid', thid())
for i in range(3): print('iban DE', iban('DE', ''.join(R.choice('0123456789') for _ in range(18))))
print('iban GB', iban('GB', 'NWBK'+''.join(R.choice('0123456789') for _ in range(14))))
hexd='0123456789abcdef'
for i in range(5): print('aws', 'AKIA'+rs(16,string.ascii_uppercase+'234567'), rs(40,A+'+/'))
for i in range(3): print('ghp', 'ghp_'+rs(36))
for i in range(3): print('glpat', 'glpat-'+rs(20,A+'-_'))
for i in range(3): print('slack', f"xoxb-{rs(12,string.digits)}-{rs(13,string.digits)}-{rs(24)}")
for i in range(3): print('stripe', 'sk_live_'+rs(24))
for i in range(2): print('openai', 'sk-proj-'+rs(48,A+'-_'))
for i in range(2): print('hf', 'hf_'+rs(34))
for i in range(2): print('sg', 'SG.'+rs(22,A+'-_')+'.'+rs(43,A+'-_'))
for i in range(2): print('npm', 'npm_'+rs(36))
for i in range(2): print('twilio', 'SK'+rs(32,hexd))
for i in range(2): print('gcp', 'AIza'+rs(35,A+'-_'))
for i in range(40): print('tok', rs(R.choice([16,20,24,28,32]), A+('-_' if i%3==0 else '')))
for i in range(10): print('hex', rs(32,hexd))
for i in range(5): print('jwtsig', rs(43,A+'-_'))
for i in range(20): print('pin', rs(R.choice([4,4,6,6,8]),string.digits))
