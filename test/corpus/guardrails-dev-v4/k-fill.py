#!/usr/bin/env python3
"""Fill §placeholders§ (written §name§ or §name:arg§) in k-source/raw/<lang>.txt with fresh random values -> k-source/<lang>.txt.
Seed recorded below. Placeholders: {rnd:N} {hex:N} {dig:N} {aws_id} {aws_sec} {gh} {glpat} {slack}
{stripe} {openai} {twilio} {sendgrid} {npm} {hf} {gapi} {azkey} {jwt} {privkey} {card} {iban:CC}
{sa_id} {ae_id} {il_id} {cccd} {nik} {vnphone} {idphone} {saphone} {ilphone} {aephone} {b64:N} {basic}"""
import random, string, re, sys, base64, json
SEED = 20261205_0011
R = random.Random(SEED)
A = string.ascii_letters + string.digits
def rnd(n, alph=A): return ''.join(R.choice(alph) for _ in range(n))
def luhn_ok(s):
    d=[int(c) for c in s][::-1]; t=0
    for i,x in enumerate(d):
        if i%2: x*=2; x-= 9 if x>9 else 0
        t+=x
    return t%10==0
def luhn_complete(body):
    for c in '0123456789':
        if luhn_ok(body+c): return body+c
IBAN_LEN={'SA':24,'AE':23,'IL':23,'JO':30,'QA':29,'EG':29,'KW':30}
def iban(cc):
    n=IBAN_LEN[cc]-4
    if cc in('JO','QA','KW'): bban=rnd(4,string.ascii_uppercase)+rnd(n-4,string.digits)
    else: bban=rnd(n,string.digits)
    num=''.join(str(int(c,36)) for c in bban+cc+'00')
    ck=98-int(num)%97
    return f"{cc}{ck:02d}{bban}"
def il_id():
    body=rnd(8,string.digits)
    for c in '0123456789':
        s=body+c; t=0
        for i,ch in enumerate(s):
            x=int(ch)*(1 if i%2==0 else 2); t+= x//10 + x%10
        if t%10==0: return s
def cccd():
    prov=R.choice(['001','079','031','048','036','092','038','075'])
    g=R.choice('0123'); yy=f"{R.randint(60,99) if g in '01' else R.randint(0,5):02d}"
    return prov+g+yy+rnd(6,string.digits)
def nik():
    reg=R.choice(['317101','327301','357801','337403','517102','127104'])
    d=R.randint(1,28); m=R.randint(1,12); y=R.randint(60,99)
    if R.random()<.5: d+=40
    return f"{reg}{d:02d}{m:02d}{y:02d}{R.randint(1,40):04d}"
def b64url(b): return base64.urlsafe_b64encode(b).rstrip(b'=').decode()
def jwt():
    h=b64url(json.dumps({"alg":"HS256","typ":"JWT"}).encode())
    p=b64url(json.dumps({"sub":rnd(8,string.digits),"role":R.choice(["svc","admin","report"]),"iat":R.randint(1750000000,1790000000)}).encode())
    return f"{h}.{p}.{b64url(bytes(R.getrandbits(8) for _ in range(32)))}"
def privkey():
    body=base64.b64encode(bytes(R.getrandbits(8) for _ in range(180))).decode()
    lines=[body[i:i+64] for i in range(0,len(body),64)]
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n"+"\n".join(lines)+"\n-----END OPENSSH PRIVATE KEY-----"
def azkey(): return base64.b64encode(bytes(R.getrandbits(8) for _ in range(64))).decode()
F={
 'aws_id':lambda:'AKIA'+rnd(16,string.ascii_uppercase+'234567'),
 'aws_sec':lambda:rnd(40,A+'/+'),
 'gh':lambda:'ghp_'+rnd(36),
 'glpat':lambda:'glpat-'+rnd(20,A+'-_'),
 'slack':lambda:f"xoxb-{rnd(11,string.digits)}-{rnd(13,string.digits)}-{rnd(24)}",
 'stripe':lambda:'sk_live_'+rnd(24),
 'openai':lambda:'sk-proj-'+rnd(48,A+'-_'),
 'twilio':lambda:'SK'+rnd(32,'0123456789abcdef'),
 'sendgrid':lambda:'SG.'+rnd(22,A+'-_')+'.'+rnd(43,A+'-_'),
 'npm':lambda:'npm_'+rnd(36),
 'hf':lambda:'hf_'+rnd(34,string.ascii_letters),
 'gapi':lambda:'AIza'+rnd(35,A+'-_'),
 'azkey':azkey,'jwt':jwt,'privkey':privkey,
 'card':lambda:luhn_complete(R.choice(['4','51','52','37','6011'])+rnd(14 if True else 0,string.digits))[:16] if False else None,
 'sa_id':lambda:luhn_complete(R.choice('12')+rnd(8,string.digits)),
 'ae_id':lambda:luhn_complete('784'+str(R.randint(1965,2000))+rnd(7,string.digits)),
 'il_id':il_id,'cccd':cccd,'nik':nik,
 'vnphone':lambda:R.choice(['090','091','098','097','086','035'])+rnd(7,string.digits),
 'idphone':lambda:'08'+R.choice(['11','12','13','21','52','57'])+rnd(R.choice([7,8]),string.digits),
 'saphone':lambda:'05'+R.choice('0345')+rnd(7,string.digits),
 'aephone':lambda:'05'+R.choice('0256')+rnd(7,string.digits),
 'ilphone':lambda:'05'+R.choice('02348')+rnd(7,string.digits),
}
def card():
    pre=R.choice(['4','51','53','4']); n=16
    return luhn_complete(pre+rnd(n-1-len(pre),string.digits))
F['card']=card
F['basic']=lambda: base64.b64encode(('integrasi_hr:'+rnd(14)).encode()).decode()
def sub(m):
    k=m.group(1); a=m.group(2)
    if k=='rnd': return rnd(int(a))
    if k=='hex': return rnd(int(a),'0123456789abcdef')
    if k=='dig': return rnd(int(a),string.digits)
    if k=='b64': return base64.b64encode(bytes(R.getrandbits(8) for _ in range(int(a)))).decode()
    if k=='iban': return iban(a)
    return F[k]()
for lang in sys.argv[1:]:
    src=open(f'k-source/raw/{lang}.txt',encoding='utf-8').read()
    out=re.sub(r'§(\w+)(?::(\w+))?§',sub,src)
    open(f'k-source/{lang}.txt','w',encoding='utf-8').write(out)
    print(lang,'ok')
