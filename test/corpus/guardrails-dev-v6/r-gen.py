import random,secrets,string,sys,importlib.util
spec=importlib.util.spec_from_file_location('c','r-checks.py');c=importlib.util.module_from_spec(spec);spec.loader.exec_module(c)
R=random.Random(20261205)
def digits(n): return ''.join(R.choice('0123456789') for _ in range(n))
def card(prefix,L):
    while True:
        s=prefix+digits(L-len(prefix))
        if c.luhn(s): return s
def iban(cc,L):
    bb=digits(L-4) if cc in('DE','ES') else None
    if cc=='GB': bb=''.join(R.choice(string.ascii_uppercase) for _ in range(4))+digits(14)
    if cc=='FR': bb=digits(10)+''.join(R.choice(string.ascii_uppercase+string.digits) for _ in range(11))+digits(2)
    if cc=='IT': bb=R.choice(string.ascii_uppercase)+digits(10)+digits(12)
    n=''.join(str(int(ch,36)) for ch in bb+cc+'00')
    ck=98-int(n)%97
    s=f"{cc}{ck:02d}{bb}"; assert c.iban(s); return s
def steuer():
    while True:
        s=str(R.randint(1,9))+digits(10)
        if c.de_steuerid(s) and len(set(s[:10]))>=7: return s
def nir():
    b=R.choice('12')+digits(2)+f"{R.randint(1,12):02d}"+f"{R.randint(1,95):02d}"+digits(6)
    return b+f"{97-int(b)%97:02d}"
def dni():
    n=digits(8); return n+'TRWAGMYFPDXBNJZSQVHLCKE'[int(n)%23]
def nie():
    p=R.choice('XYZ');n=digits(7);return p+n+'TRWAGMYFPDXBNJZSQVHLCKE'[int(str('XYZ'.index(p))+n)%23]
def cf():
    while True:
        b=''.join(R.choice(string.ascii_uppercase) for _ in range(6))+digits(2)+R.choice('ABCDEHLMPRST')+f"{R.randint(1,71):02d}"+R.choice('ABCDEFGHILM')+digits(3)
        for ch in string.ascii_uppercase:
            if c.it_cf(b+ch): return b+ch
def nhs():
    while True:
        s=digits(9)
        t=sum(int(x)*(10-i) for i,x in enumerate(s));k=11-t%11
        if k==11:k=0
        if k!=10: return s+str(k)
def ssn(): return f"{R.randint(100,665)}-{R.randint(1,99):02d}-{R.randint(1,9999):04d}"
for _ in range(6): print('card',card(R.choice(['4','51','52','55','37']),16))
for cc,L in [('GB',22),('DE',22),('FR',27),('ES',24),('IT',27)]:
    for _ in range(3): print('iban',iban(cc,L))
for _ in range(3): print('steuer',steuer())
for _ in range(3): print('nir',nir())
for _ in range(2): print('dni',dni())
print('nie',nie())
for _ in range(3): print('cf',cf())
for _ in range(2): print('nhs',nhs())
for _ in range(2): print('ssn',ssn())
a=string.ascii_letters+string.digits
print('aws','AKIA'+''.join(R.choice(string.ascii_uppercase+'234567') for _ in range(16)), ''.join(R.choice(a+'/+') for _ in range(40)))
for p in ['ghp_','github_pat_','glpat-','xoxb-','sk_live_','sk-proj-','SG.','npm_','hf_','AC','AIza']:
    if p=='xoxb-': v=p+digits(12)+'-'+digits(13)+'-'+''.join(R.choice(a) for _ in range(24))
    elif p=='SG.': v=p+''.join(R.choice(a+'-_') for _ in range(22))+'.'+''.join(R.choice(a+'-_') for _ in range(43))
    elif p=='AC': v=p+''.join(R.choice('0123456789abcdef') for _ in range(32))
    elif p=='AIza': v=p+''.join(R.choice(a+'-_') for _ in range(35))
    elif p=='glpat-': v=p+''.join(R.choice(a+'-_') for _ in range(20))
    elif p=='sk_live_': v=p+''.join(R.choice(a) for _ in range(24))
    elif p=='sk-proj-': v=p+''.join(R.choice(a+'-_') for _ in range(48))
    elif p=='github_pat_': v=p+''.join(R.choice(a) for _ in range(22))+'_'+''.join(R.choice(a) for _ in range(59))
    else: v=p+''.join(R.choice(a) for _ in range(36 if p!='hf_' else 34))
    print('key',v)
for _ in range(14): print('tok',''.join(R.choice(a) for _ in range(R.randint(14,32))))
for _ in range(4): print('hex',''.join(R.choice('0123456789abcdef') for _ in range(32)))
