# Fills ⟦!kind⟧ placeholders in h-source/<lang>.draft with fresh random values -> h-source/<lang>.txt
# seed recorded: SEED below (random.Random(SEED+lang)).
import random,re,sys,string,base64,json,importlib.util
spec=importlib.util.spec_from_file_location('c','h-checks.py');C=importlib.util.module_from_spec(spec);spec.loader.exec_module(C)
SEED='h-v4-20261205'
A=string.ascii_letters+string.digits
def g(lang):
    R=random.Random(SEED+lang)
    rs=lambda n,al=A:''.join(R.choice(al) for _ in range(n))
    dg=lambda n:rs(n,string.digits)
    def mkiban(cc):
        bb=dg(C.IBAN_LEN[cc]-4)
        n=''.join(str(int(c,36)) for c in bb+cc+'00'); ck=98-int(n)%97
        s=f'{cc}{ck:02d}{bb}'; assert C.iban(s); return ' '.join(s[i:i+4] for i in range(0,len(s),4))
    def mkcard():
        while True:
            pf=R.choice(['4','51','52','53','54','55']); s=pf+dg(15-len(pf))
            for c in '0123456789':
                if C.luhn(s+c): x=s+c; return ' '.join(x[i:i+4] for i in range(0,16,4))
    def mkwith(f,n,first='123456789'):
        while True:
            s=R.choice(first)+dg(n-1)
            if f(s): return s
    def pesel():
        while True:
            y=R.randint(60,99);m=R.randint(1,12);d=R.randint(1,28)
            s=f'{y:02d}{m:02d}{d:02d}'+dg(4)
            for c in '0123456789':
                if C.pesel(s+c): return s+c
    def snils():
        while True:
            s=dg(9);t=sum(int(s[i])*(9-i) for i in range(9));c=t%101;c=0 if c==100 else c
            x=s+f'{c:02d}'
            if C.snils(x): return f'{x[:3]}-{x[3:6]}-{x[6:9]} {x[9:]}'
    def jwt():
        h=base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip('=')
        p=base64.urlsafe_b64encode(json.dumps({'sub':dg(6),'iat':R.randint(1760000000,1790000000),'role':R.choice(['svc','admin','report'])}).encode()).decode().rstrip('=')
        return f'{h}.{p}.{rs(43,A+"-_")}'
    def pkey():
        b=base64.b64encode(bytes(R.randrange(256) for _ in range(240))).decode()
        lines=[b[i:i+64] for i in range(0,len(b),64)]
        return '-----BEGIN RSA PRIVATE KEY-----\n'+'\n'.join(lines)+'\n-----END RSA PRIVATE KEY-----'
    lo=string.ascii_lowercase+string.digits; hx='0123456789abcdef'
    K={
     'iban_pt':(lambda:mkiban('PT'),'iban','iban'),'iban_nl':(lambda:mkiban('NL'),'iban','iban'),
     'iban_pl':(lambda:mkiban('PL'),'iban','iban'),'iban_tr':(lambda:mkiban('TR'),'iban','iban'),
     'iban_ru':(lambda:mkiban('RU'),'iban','iban'),
     'card':(mkcard,'payment_card','luhn'),
     'nif':(lambda:mkwith(C.nif_pt,9,'123'),'national_id','nif'),
     'bsn':(lambda:mkwith(C.bsn,9),'national_id','bsn'),
     'pesel':(pesel,'national_id','pesel'),
     'tckn':(lambda:mkwith(C.tckn,11),'national_id','tckn'),
     'inn':(lambda:mkwith(C.inn,12),'national_id','inn'),
     'snils':(snils,'national_id','snils'),
     'aws':(lambda:'AKIA'+rs(16,string.ascii_uppercase+'234567'),'api_key',None),
     'awssecret':(lambda:rs(40,A+'/+'),'api_key',None),
     'ghp':(lambda:'ghp_'+rs(36),'api_key',None),
     'glpat':(lambda:'glpat-'+rs(20,A+'-_'),'api_key',None),
     'slack':(lambda:f'xoxb-{dg(12)}-{dg(13)}-{rs(24)}','api_key',None),
     'slackhook':(lambda:f'https://hooks.slack.com/services/T{rs(8,string.ascii_uppercase+string.digits)}/B{rs(10,string.ascii_uppercase+string.digits)}/{rs(24)}','api_key',None),
     'stripe':(lambda:'sk_live_'+rs(24),'api_key',None),
     'openai':(lambda:'sk-proj-'+rs(48,A+'-_'),'api_key',None),
     'twilio':(lambda:'SK'+rs(32,hx),'api_key',None),
     'sendgrid':(lambda:'SG.'+rs(22,A+'-_')+'.'+rs(43,A+'-_'),'api_key',None),
     'npm':(lambda:'npm_'+rs(36),'api_key',None),
     'hf':(lambda:'hf_'+rs(34),'api_key',None),
     'google':(lambda:'AIza'+rs(35,A+'-_'),'api_key',None),
     'azure':(lambda:rs(86,A+'+/')+'==','api_key',None),
     'jwt':(jwt,'token',None),'pkey':(pkey,'private_key',None),
     'bitlocker':(lambda:'-'.join(f'{11*R.randrange(65536):06d}' for _ in range(8)),'token',None),
     'hex32':(lambda:rs(32,hx),'token',None),'rnd20':(lambda:rs(20),'token',None),
     'rnd12':(lambda:rs(12),'password',None),'rnd16':(lambda:rs(16,A+'!#%*'),'password',None),
    }
    return K
for lang in sys.argv[1:]:
    K=g(lang)
    src=open(f'h-source/{lang}.draft',encoding='utf-8').read()
    def rep(m):
        k=m.group(1); f,t,ck=K[k]; v=f()
        tag=f'type={t}'+(f'; check={ck}' if ck else '')
        if m.group(2): tag=m.group(2)[1:-1]+(f'; check={ck}' if ck else '')
        return f'⟦{v}⟧⟪{tag}⟫'
    out=re.sub(r'⟦!(\w+)⟧(⟪[^⟫]*⟫)?',rep,src)
    open(f'h-source/{lang}.txt','w',encoding='utf-8').write(out)
    print(lang,'filled')
