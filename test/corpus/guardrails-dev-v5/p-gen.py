# value generator, seed 20261205
import random, string, zlib, base64, json
R = random.Random(20261205)
A = string.ascii_letters + string.digits
def rs(n, al=A): return ''.join(R.choice(al) for _ in range(n))
def luhn_ok(s): 
    d=[int(c) for c in s][::-1]; t=0
    for i,x in enumerate(d):
        if i%2: x*=2; x-= 9 if x>9 else 0
        t+=x
    return t%10==0
def card(prefix, n):
    while True:
        b = prefix + rs(n-len(prefix)-1, string.digits)
        for c in string.digits:
            if luhn_ok(b+c): return b+c
def mynumber():
    b=[int(x) for x in rs(11,string.digits)]
    s=sum(b[10-i]*( (i+2) if i<=5 else (i-4) ) for i in range(11))  # i=0..10 from rightmost
    r=s%11; c=0 if r<=1 else 11-r
    return ''.join(map(str,b))+str(c)
def cn_id():
    area=R.choice(['110105','310115','440305','330106','510107'])
    y=R.randint(1965,2000); m=R.randint(1,12); d=R.randint(1,28)
    b=f"{area}{y}{m:02d}{d:02d}{R.randint(0,999):03d}"
    w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    c='10X98765432'[sum(int(x)*w[i] for i,x in enumerate(b))%11]
    return b+c
def tw_id():
    L='ABCDEFGHJKLMNPQRSTUVXYWZIO'; ch=R.choice('ABEFH'); v=L.index(ch)+10
    g=str(R.choice([1,2]))+rs(7,string.digits)
    s=v//10 + (v%10)*9 + sum(int(x)*w for x,w in zip(g,[8,7,6,5,4,3,2,1]))
    return ch+g+str((10-s%10)%10)
def kr_rrn():
    y=R.randint(60,99); m=R.randint(1,12); d=R.randint(1,28)
    b=f"{y:02d}{m:02d}{d:02d}"+str(R.choice([1,2]))+rs(5,string.digits)
    w=[2,3,4,5,6,7,8,9,2,3,4,5]
    c=(11-sum(int(x)*w[i] for i,x in enumerate(b))%11)%10
    return b+str(c)
def th_id():
    b=str(R.randint(1,8))+rs(11,string.digits)
    s=sum(int(x)*(13-i) for i,x in enumerate(b))
    return b+str((11-s%11)%10)
def b62(n):
    al=string.digits+string.ascii_uppercase+string.ascii_lowercase; o=''
    while n: n,r=divmod(n,62); o=al[r]+o
    return o.rjust(6,'0')
def gh(pfx='ghp_'):
    b=rs(30); return pfx+b+b62(zlib.crc32(b.encode()))
out={}
out['mynumber']=[mynumber() for _ in range(3)]
out['cn_id']=[cn_id() for _ in range(3)]
out['tw_id']=[tw_id() for _ in range(3)]
out['kr_rrn']=[kr_rrn() for _ in range(3)]
out['th_id']=[th_id() for _ in range(3)]
out['visa']=[card('4',16) for _ in range(5)]
out['mc']=[card('5'+str(R.randint(1,5)),16) for _ in range(3)]
out['jcb']=[card('35'+str(R.randint(28,89)),16) for _ in range(2)]
out['up']=[card('62',16) for _ in range(2)]
out['aws']=['AKIA'+rs(16,string.ascii_uppercase+'234567') for _ in range(3)]
out['awssec']=[rs(40,A+'+/') for _ in range(3)]
out['gh']=[gh() for _ in range(2)]+[gh('github_pat_') ]
out['gl']=['glpat-'+rs(20,A+'-_') for _ in range(2)]
out['slack']=['xoxb-'+rs(12,string.digits)+'-'+rs(13,string.digits)+'-'+rs(24) for _ in range(2)]
out['stripe']=['sk_live_'+rs(24) for _ in range(2)]
out['openai']=['sk-proj-'+rs(48,A+'-_') for _ in range(2)]
out['sendgrid']=['SG.'+rs(22,A+'-_')+'.'+rs(43,A+'-_') for _ in range(1)]
out['hf']=['hf_'+rs(34) for _ in range(1)]
out['npm']=['npm_'+rs(36) for _ in range(1)]
out['twilio']=['SK'+rs(32,'0123456789abcdef') for _ in range(1)]
out['gcp']=['AIza'+rs(35,A+'-_') for _ in range(1)]
out['azure']=[rs(52,A+'+/')+'==' ]
out['tok']=[rs(R.randint(20,32),A) for _ in range(20)]
out['hex']=[rs(32,'0123456789abcdef') for _ in range(6)]
def jwt():
    h=base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').rstrip(b'=').decode()
    p=base64.urlsafe_b64encode(json.dumps({"sub":rs(8,string.digits),"iat":R.randint(1760000000,1790000000)}).encode()).rstrip(b'=').decode()
    return h+'.'+p+'.'+rs(43,A+'-_')
out['jwt']=[jwt() for _ in range(2)]
out['pem']=[base64.b64encode(bytes(R.getrandbits(8) for _ in range(144))).decode() for _ in range(2)]
out['pin']=[rs(R.choice([4,4,6]),string.digits) for _ in range(15)]
for k,v in out.items(): print(k, *v)
# --- second pass (seed 20261205 continued): corrected vendor lengths
print('ghpat_fg', 'github_pat_'+rs(22)+'_'+rs(59))
print('azure88', rs(86,A+'+/')+'==')
print('openai_proj', 'sk-proj-'+rs(74,A+'-_')+'T3BlbkFJ'+rs(74,A+'-_'))
