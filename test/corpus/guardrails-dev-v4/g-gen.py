import random, string
R = random.Random(20261205)
def luhn_ok(s):
    d=[int(c) for c in s][::-1]; t=0
    for i,x in enumerate(d):
        if i%2: x*=2; x-= 9 if x>9 else 0
        t+=x
    return t%10==0
def card(prefix, n=16):
    while True:
        s=prefix+''.join(R.choice(string.digits) for _ in range(n-len(prefix)))
        if luhn_ok(s): return s
def iban(cc, bban):
    num=''.join(str(int(c,36)) for c in bban+cc+'00')
    ck=98-int(num)%97
    return f"{cc}{ck:02d}{bban}"
D=lambda n:''.join(R.choice(string.digits) for _ in range(n))
A=lambda n,al=string.ascii_letters+string.digits:''.join(R.choice(al) for _ in range(n))
print("CARDS", [card(R.choice(['4','51','52','53','54','55','2221'])) for _ in range(10)])
print("IBAN DE", [iban('DE', D(18)) for _ in range(3)])
print("IBAN FR", [iban('FR', D(10)+A(11,string.ascii_uppercase+string.digits)+D(2)) for _ in range(3)])
print("IBAN ES", [iban('ES', D(20)) for _ in range(3)])
print("IBAN IT", [iban('IT', R.choice(string.ascii_uppercase)+D(10)+A(12,string.ascii_uppercase+string.digits)) for _ in range(3)])
print("IBAN GB", [iban('GB', 'NWBK'+D(14)) for _ in range(2)])
# NHS
def nhs():
    while True:
        b=D(9); s=sum(int(c)*(10-i) for i,c in enumerate(b)); ck=11-s%11
        if ck==11: ck=0
        if ck!=10: return b+str(ck)
print("NHS", [nhs() for _ in range(3)])
# DE Steuer-ID
def stid_ck(s):
    p=10
    for c in s[:10]:
        x=(int(c)+p)%10
        if x==0: x=10
        p=(2*x)%11
    ck=11-p
    return 0 if ck==10 else ck
def stid():
    while True:
        b=str(R.randint(1,9))+D(9)
        from collections import Counter
        c=Counter(b).values()
        if sorted(c,reverse=True)[0] in (2,3) and sum(1 for v in c if v>1)==1 and len(Counter(b))>=8:
            return b+str(stid_ck(b))
print("STID", [stid() for _ in range(3)])
def nir():
    b=str(R.choice([1,2]))+D(2)+f"{R.randint(1,12):02d}"+f"{R.randint(1,95):02d}"+D(6)
    return b+f"{97-int(b)%97:02d}"
print("NIR", [nir() for _ in range(3)])
def dni():
    n=R.randint(10000000,99999999); return f"{n}"+"TRWAGMYFPDXBNJZSQVHLCKE"[n%23]
print("DNI", [dni() for _ in range(3)])
ODD=[1,0,5,7,9,13,15,17,19,21,2,4,18,20,11,3,6,8,12,14,16,10,22,25,24,23]
def cf_ck(s):
    t=0
    for i,c in enumerate(s):
        v=int(c) if c.isdigit() else ord(c)-65
        t+= ODD[v] if i%2==0 else v
    return chr(65+t%26)
def cf():
    U=string.ascii_uppercase
    b=A(6,'BCDFGLMNPRSTVZ')+D(2)+R.choice('ABCDEHLMPRST')+f"{R.randint(1,71):02d}"+R.choice('FHLG')+D(3)
    return b+cf_ck(b)
print("CF", [cf() for _ in range(3)])
U=string.ascii_uppercase+string.digits
print("AWS", [("AKIA"+A(16,U), A(40,string.ascii_letters+string.digits+'/+')) for _ in range(3)])
print("GHP", ["ghp_"+A(36) for _ in range(3)])
print("GLPAT", ["glpat-"+A(20,string.ascii_letters+string.digits+'-_') for _ in range(3)])
print("SLACK", ["xoxb-"+D(12)+"-"+D(13)+"-"+A(24) for _ in range(3)])
print("STRIPE", ["sk_live_"+A(99 and 24) for _ in range(3)])
print("OPENAI", ["sk-proj-"+A(48,string.ascii_letters+string.digits+'-_') for _ in range(3)])
print("TWILIO", ["SK"+A(32,'0123456789abcdef') for _ in range(3)])
print("SENDGRID", ["SG."+A(22,string.ascii_letters+string.digits+'-_')+"."+A(43,string.ascii_letters+string.digits+'-_') for _ in range(3)])
print("NPM", ["npm_"+A(36) for _ in range(3)])
print("HF", ["hf_"+A(34) for _ in range(3)])
print("GCP", ["AIza"+A(35,string.ascii_letters+string.digits+'-_') for _ in range(3)])
print("AZSAS", ["sv=2022-11-02&ss=b&srt=co&sp=rl&se=2027-01-31T18:00:00Z&sig="+A(43,string.ascii_letters+string.digits+'+/')+"%3D" for _ in range(2)])
print("TOK", [A(R.randint(14,28),string.ascii_letters+string.digits+'-_') for _ in range(40)])
print("HEX", [A(32,'0123456789abcdef') for _ in range(10)])
print("PIN", [D(R.choice([4,4,6,5])) for _ in range(20)])
print("PHONE", [D(8) for _ in range(20)])
# second batch (used for the revision pass)
R2 = random.Random(20261206)
A2=lambda n,al=string.ascii_letters+string.digits+'-_':''.join(R2.choice(al) for _ in range(n))
print("TOK2", [A2(R2.randint(14,26)) for _ in range(10)])
print("HEX2", [''.join(R2.choice('0123456789abcdef') for _ in range(32)) for _ in range(4)])
