# Value generator used for the n- records (seed 50505). Output was copied by hand into n-source/*.txt.
# JWTs and PEM bodies: separate one-off run with random.Random(777); TR Basic header = base64 of a hand-chosen user:pass.
import random, string
R=random.Random(50505)
def digits(n): return ''.join(R.choice('0123456789') for _ in range(n))
def iban(cc, length):
    while True:
        bban=''.join(R.choice('0123456789') for _ in range(length-4))
        s=bban+cc+'00'
        num=int(''.join(str(int(c,36)) for c in s))
        ck=98-num%97
        return cc+'%02d'%ck+bban
def nl_iban():
    bank=R.choice(['ABNA','INGB','RABO','TRIO','SNSB'])
    bban=bank+digits(10)
    num=int(''.join(str(int(c,36)) for c in bban+'NL00'))
    return 'NL%02d'%(98-num%97)+bban
def luhn(prefix,n):
    while True:
        b=prefix+digits(n-len(prefix)-1)
        for d in '0123456789':
            s=b+d; t=0
            for i,c in enumerate(reversed(s)):
                x=int(c)
                if i%2: x*=2; x-= 9 if x>9 else 0
                t+=x
            if t%10==0: return s
def nif():
    b=R.choice('12')+digits(7)
    s=sum(int(c)*(9-i) for i,c in enumerate(b)); r=s%11
    return b+str(0 if r<2 else 11-r)
def bsn():
    while True:
        b=digits(8)
        s=sum(int(c)*(9-i) for i,c in enumerate(b))
        for d in range(10):
            if (s-d)%11==0 and b[0]!='0': return b+str(d)
def pesel():
    y=R.randint(60,99); m=R.randint(1,12); d=R.randint(1,28)
    b='%02d%02d%02d'%(y,m,d)+digits(4)
    w=[1,3,7,9,1,3,7,9,1,3]
    return b+str((10-sum(int(c)*w[i] for i,c in enumerate(b))%10)%10)
def tckn():
    b=str(R.randint(1,9))+digits(8)
    d=[int(c) for c in b]
    d10=((d[0]+d[2]+d[4]+d[6]+d[8])*7-(d[1]+d[3]+d[5]+d[7]))%10
    d11=(sum(d)+d10)%10
    return b+str(d10)+str(d11)
def snils():
    while True:
        b=digits(9)
        s=sum(int(c)*(9-i) for i,c in enumerate(b))
        if s<100: c=s
        elif s in (100,101): c=0
        else:
            c=s%101
            if c==100: c=0
        return '%s-%s-%s %02d'%(b[:3],b[3:6],b[6:],c)
def inn12():
    b=[int(c) for c in str(R.randint(1,9))+digits(9)]
    w1=[7,2,4,10,3,5,9,4,6,8]; c1=sum(a*x for a,x in zip(b,w1))%11%10
    b.append(c1); w2=[3,7,2,4,10,3,5,9,4,6,8]; c2=sum(a*x for a,x in zip(b,w2))%11%10
    b.append(c2); return ''.join(map(str,b))
def rnd(alpha,n): return ''.join(R.choice(alpha) for _ in range(n))
A=string.ascii_letters+string.digits
print('PT IBAN',[iban('PT',25) for _ in range(3)])
print('NL IBAN',[nl_iban() for _ in range(3)])
print('PL IBAN',[iban('PL',28) for _ in range(3)])
print('TR IBAN',[iban('TR',26) for _ in range(3)])
print('RU acct',[ '40817810'+digits(12) for _ in range(2)])
print('cards',[luhn(R.choice(['4','51','52','55']),16) for _ in range(8)])
print('nif',[nif() for _ in range(3)]); print('bsn',[bsn() for _ in range(3)])
print('pesel',[pesel() for _ in range(3)]); print('tckn',[tckn() for _ in range(3)])
print('snils',[snils() for _ in range(3)]); print('inn',[inn12() for _ in range(2)])
print('aws',['AKIA'+rnd(string.ascii_uppercase+'234567',16) for _ in range(3)], [rnd(A+'+/',40) for _ in range(3)])
print('ghp',['ghp_'+rnd(A,36) for _ in range(3)]); print('glpat',['glpat-'+rnd(A+'-_',20) for _ in range(2)])
print('slack',['xoxb-'+digits(12)+'-'+digits(13)+'-'+rnd(A,24) for _ in range(2)])
print('stripe',['sk_live_'+rnd(A,24) for _ in range(2)]); print('openai',['sk-proj-'+rnd(A+'-_',48) for _ in range(2)])
print('sg',['SG.'+rnd(A+'-_',22)+'.'+rnd(A+'-_',43) for _ in range(2)]); print('npm',['npm_'+rnd(A,36) for _ in range(2)])
print('hf',['hf_'+rnd(string.ascii_letters,34) for _ in range(2)]); print('twilio',['SK'+rnd('0123456789abcdef',32) for _ in range(2)])
print('gcp',['AIza'+rnd(A+'-_',35) for _ in range(2)])
print('rand',[rnd(A,R.choice([12,16,20,24])) for _ in range(25)])
print('hex',[rnd('0123456789abcdef',32) for _ in range(4)])
print('b64',[rnd(A+'+/',44) for _ in range(6)])
print('pins',[digits(R.choice([4,4,6,5])) for _ in range(14)])
print('phones PT',['9'+R.choice('1236')+digits(7) for _ in range(2)],'NL',['06'+digits(8) for _ in range(2)],'PL',[R.choice('5678')+digits(8) for _ in range(2)],'TR',['05'+R.choice(['32','33','42','44','55','05'])+digits(7) for _ in range(2)],'RU',['9'+digits(9) for _ in range(2)])
print('passports', 'PT', 'C'+rnd(string.ascii_uppercase,1)+digits(6), 'NL', rnd('ABCDEFGHJKLMNPRSTUVWXYZ',2)+rnd('ABCDEFGHJKLMNPRSTUVWXYZ0123456789',6)+digits(1), 'PL', rnd(string.ascii_uppercase,2)+digits(7), 'TR', 'U'+digits(8), 'RU', digits(2)+' '+digits(7))
