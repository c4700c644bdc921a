import re, string
def luhn(s):
    d=[int(c) for c in re.sub(r'\D','',s)]
    t=0
    for i,x in enumerate(reversed(d)):
        if i%2: x*=2; x-=9 if x>9 else 0
        t+=x
    return t%10==0 and 13<=len(d)<=19
IBAN_LEN={'GB':22,'DE':22,'FR':27,'ES':24,'IT':27,'CH':21,'AT':20,'BE':16,'NL':18}
def iban(s):
    s=re.sub(r'\s','',s).upper()
    if IBAN_LEN.get(s[:2])!=len(s): return False
    r=s[4:]+s[:4]
    n=''.join(str(int(c,36)) for c in r)
    return int(n)%97==1
def de_steuerid(s):
    s=re.sub(r'\D','',s)
    if len(s)!=11 or s[0]=='0': return False
    p=10
    for c in s[:10]:
        x=(int(c)+p)%10
        if x==0: x=10
        p=(x*2)%11
    chk=11-p
    if chk==10: chk=0
    return chk==int(s[10])
def fr_nir(s):
    s=re.sub(r'\s','',s)
    if len(s)!=15: return False
    return 97-int(s[:13])%97==int(s[13:])
def es_dni(s):
    s=re.sub(r'[\s-]','',s).upper()
    m=re.fullmatch(r'([XYZ]?)(\d{7,8})([A-Z])',s)
    if not m: return False
    n=m.group(2)
    if m.group(1): n=str('XYZ'.index(m.group(1)))+n
    return 'TRWAGMYFPDXBNJZSQVHLCKE'[int(n)%23]==m.group(3)
def it_cf(s):
    s=s.upper()
    if not re.fullmatch(r'[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]',s): return False
    odd=[1,0,5,7,9,13,15,17,19,21,2,4,18,20,11,3,6,8,12,14,16,10,22,25,24,23]
    t=0
    for i,c in enumerate(s[:15]):
        v=int(c) if c.isdigit() else ord(c)-65
        t+= odd[v] if i%2==0 else v
    return chr(65+t%26)==s[15]
def uk_nhs(s):
    s=re.sub(r'\D','',s)
    if len(s)!=10: return False
    t=sum(int(c)*(10-i) for i,c in enumerate(s[:9]))
    c=11-t%11
    if c==11: c=0
    return c!=10 and c==int(s[9])
def us_ssn(s):
    m=re.fullmatch(r'(\d{3})-(\d{2})-(\d{4})',s)
    if not m: return False
    a,g,n=m.groups()
    return a not in('000','666') and a[0]!='9' and g!='00' and n!='0000'
CHECKS={'luhn':luhn,'iban':iban,'steuerid':de_steuerid,'nir':fr_nir,'dni':es_dni,'nie':es_dni,'cf':it_cf,'nhs':uk_nhs,'ssn':us_ssn}
