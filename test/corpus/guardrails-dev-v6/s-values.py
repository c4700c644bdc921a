# Value pool generator for prefix s. Seed recorded: 60605
import random, string
R = random.Random(60605)
def digits(n): return ''.join(R.choice('0123456789') for _ in range(n))
def luhn_ok(s):
    t=0
    for i,c in enumerate(reversed(s)):
        d=int(c)
        if i%2: d*=2; d-= 9 if d>9 else 0
        t+=d
    return t%10==0
def card(prefix):
    while True:
        s=prefix+digits(15-len(prefix))
        for c in '0123456789':
            if luhn_ok(s+c): return s+c
def iban(cc, n):
    bban=digits(n-4)
    conv=lambda s:''.join(str(int(ch,36)) for ch in s)
    chk=98-int(conv(bban+cc+'00'))%97
    return f"{cc}{chk:02d}{bban}"
def nl_iban():
    bank=R.choice(['ABNA','INGB','RABO','SNSB','TRIO'])
    bban=bank+digits(10)
    conv=lambda s:''.join(str(int(ch,36)) for ch in s)
    chk=98-int(conv(bban+'NL00'))%97
    return f"NL{chk:02d}{bban}"
def nif():
    while True:
        b=R.choice('123')+digits(7)
        s=sum(int(c)*(9-i) for i,c in enumerate(b)); r=s%11; c=0 if r<2 else 11-r
        return b+str(c)
def bsn():
    while True:
        b=R.choice('123456')+digits(8)
        s=sum(int(c)*w for c,w in zip(b,[9,8,7,6,5,4,3,2,-1]))
        if s%11==0: return b
def pesel():
    y=R.randint(1960,1999); m=R.randint(1,12); d=R.randint(1,28)
    b=f"{y%100:02d}{m:02d}{d:02d}"+digits(4)
    w=[1,3,7,9,1,3,7,9,1,3]; c=(10-sum(int(x)*y for x,y in zip(b,w))%10)%10
    return b+str(c)
def tckn():
    while True:
        b=[R.randint(1,9)]+[R.randint(0,9) for _ in range(8)]
        d10=((sum(b[0:9:2])*7)-sum(b[1:8:2]))%10
        d11=(sum(b)+d10)%10
        return ''.join(map(str,b+[d10,d11]))
def snils():
    while True:
        b=digits(9)
        s=sum(int(c)*(9-i) for i,c in enumerate(b))
        if s<100: c=s
        elif s in (100,101): c=0
        else:
            c=s%101; c=0 if c==100 else c
        return f"{b[:3]}-{b[3:6]}-{b[6:]} {c:02d}"
def inn12():
    b=[int(c) for c in digits(10)]
    w1=[7,2,4,10,3,5,9,4,6,8]; c1=sum(x*y for x,y in zip(b,w1))%11%10
    w2=[3,7,2,4,10,3,5,9,4,6,8]; c2=sum(x*y for x,y in zip(b+[c1],w2))%11%10
    return ''.join(map(str,b+[c1,c2]))
B62=string.ascii_letters+string.digits
def rs(n,a=B62): return ''.join(R.choice(a) for _ in range(n))
print("cards", [card(R.choice(['4','51','53','55','22'])) for _ in range(10)])
print("PT", [iban('PT',25) for _ in range(3)], "NL",[nl_iban() for _ in range(3)], "PL",[iban('PL',28) for _ in range(3)], "TR",[ 'TR'+'x' for _ in range(0)])
def tr_iban():
    bban=digits(5)+'0'+digits(16)
    conv=lambda s:''.join(str(int(ch,36)) for ch in s)
    chk=98-int(conv(bban+'TR00'))%97
    return f"TR{chk:02d}{bban}"
print("TR", [tr_iban() for _ in range(3)])
print("NIF",[nif() for _ in range(4)]); print("BSN",[bsn() for _ in range(4)]); print("PESEL",[pesel() for _ in range(4)])
print("TCKN",[tckn() for _ in range(4)]); print("SNILS",[snils() for _ in range(3)]); print("INN",[inn12() for _ in range(3)])
print("RUacct",[ '40817810'+digits(12) for _ in range(2)])
print("tok", [rs(R.choice([20,24,28,32])) for _ in range(30)])
print("hex", [rs(32,'0123456789abcdef') for _ in range(6)])
A32=string.ascii_uppercase+'234567'
print("aws",["AKIA"+rs(16,A32) for _ in range(3)], [rs(40,B62+'/+') for _ in range(3)])
print("ghp",["ghp_"+rs(36) for _ in range(2)], "glpat",["glpat-"+rs(20,B62+'-_') for _ in range(2)])
print("slack",["xoxb-"+digits(12)+"-"+digits(13)+"-"+rs(24) for _ in range(2)])
print("stripe",["sk_live_"+rs(24) for _ in range(2)], "sg",["SG."+rs(22,B62+'-_')+"."+rs(43,B62+'-_') for _ in range(2)])
print("npm",["npm_"+rs(36) for _ in range(2)],"hf",["hf_"+rs(34) for _ in range(2)], "twilio",["SK"+rs(32,'0123456789abcdef') for _ in range(2)])
print("openai",["sk-proj-"+rs(48,B62+'-_') for _ in range(2)], "google",["AIza"+rs(35,B62+'-_') for _ in range(2)])
print("passport",["C"+rs(8,string.ascii_uppercase+string.digits) for _ in range(3)], [rs(2,string.ascii_uppercase)+digits(7) for _ in range(4)], [digits(2)+" "+digits(7) for _ in range(2)], ["U"+digits(8) for _ in range(2)])
