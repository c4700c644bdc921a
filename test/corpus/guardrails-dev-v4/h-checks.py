# check-digit helpers shared by h-fill.py and h-build.py
import re
def luhn(s):
    d=[int(c) for c in re.sub(r'\D','',s)]
    if not 13<=len(d)<=19: return False
    t=0
    for i,x in enumerate(reversed(d)):
        if i%2: x*=2; x-= 9 if x>9 else 0
        t+=x
    return t%10==0
IBAN_LEN={'PT':25,'NL':18,'PL':28,'TR':26,'RU':33,'DE':22}
def iban(s):
    s=re.sub(r'\s','',s).upper()
    if len(s)!=IBAN_LEN.get(s[:2],-1): return False
    r=s[4:]+s[:4]
    n=''.join(str(int(c,36)) for c in r)
    return int(n)%97==1
def nif_pt(s):
    s=re.sub(r'\D','',s)
    if len(s)!=9: return False
    t=sum(int(s[i])*(9-i) for i in range(8)); c=11-t%11
    c=0 if c>=10 else c
    return c==int(s[8])
def bsn(s):
    s=re.sub(r'\D','',s)
    if len(s)!=9: return False
    t=sum(int(s[i])*(9-i) for i in range(8))-int(s[8])
    return t%11==0 and s[0]!='0'
def pesel(s):
    s=re.sub(r'\D','',s)
    if len(s)!=11: return False
    w=[1,3,7,9,1,3,7,9,1,3]
    return (10-sum(int(s[i])*w[i] for i in range(10))%10)%10==int(s[10])
def tckn(s):
    s=re.sub(r'\D','',s)
    if len(s)!=11 or s[0]=='0': return False
    d=[int(c) for c in s]
    d10=((d[0]+d[2]+d[4]+d[6]+d[8])*7-(d[1]+d[3]+d[5]+d[7]))%10
    d11=sum(d[:10])%10
    return d10==d[9] and d11==d[10]
def inn(s):
    s=re.sub(r'\D','',s)
    if len(s)!=12: return False
    d=[int(c) for c in s]
    w1=[7,2,4,10,3,5,9,4,6,8]; w2=[3,7,2,4,10,3,5,9,4,6,8]
    c1=sum(a*b for a,b in zip(w1,d))%11%10; c2=sum(a*b for a,b in zip(w2,d))%11%10
    return c1==d[10] and c2==d[11]
def snils(s):
    s=re.sub(r'\D','',s)
    if len(s)!=11: return False
    t=sum(int(s[i])*(9-i) for i in range(9))
    c=t%101
    if c==100: c=0
    return c==int(s[9:])
CHECKS={'luhn':luhn,'iban':iban,'nif':nif_pt,'bsn':bsn,'pesel':pesel,'tckn':tckn,'inn':inn,'snils':snils}
