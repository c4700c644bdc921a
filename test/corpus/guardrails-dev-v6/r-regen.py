# second pass: replace hand-typed random-looking values with seeded generator output (seed 20261206)
import random,string,re,base64
R=random.Random(20261206)
a=string.ascii_letters+string.digits
def rs(n,al=a): return ''.join(R.choice(al) for _ in range(n))
def d(n): return rs(n,string.digits)
rep={
 'it':{'Tn4vQ8zLpR2wXk7sYb3m':rs(21),'Pw9eKd2LqZ7xVn4tRb8c':rs(23),'Hj3nW8qVz5LmT2cXr7Kp':rs(19),
       'YA4182736':'Y'+rs(1,string.ascii_uppercase)+d(7),'+39 347 218 9054':'+39 3'+d(2)+' '+d(3)+' '+d(4)},
 'fr':{'kQ3n8ZpV1sR7wXy2LmT4oA9cEfH6jU0bNdGiK5qW3zE':rs(43,a+'-_'),'21AB48173':d(2)+rs(2,string.ascii_uppercase)+d(5),'06 48 21 93 57':'06 '+' '.join(d(2) for _ in range(4))},
 'de':{'C4H7N2KX9':rs(9,'CFGHJKLMNPRTVWXYZ0123456789'),'0171 4839207':'0171 '+d(7)},
 'es':{'PAK418273':rs(3,string.ascii_uppercase)+d(6),'+34 612 847 305':'+34 6'+d(2)+' '+d(3)+' '+d(3)},
 'en':{'532918476':d(9),'+44 7700 918 264':'+44 7'+d(3)+' '+d(3)+' '+d(3)},
}
for lang,m in rep.items():
    p=f'r-source/{lang}.txt';s=open(p,encoding='utf-8').read()
    for k,v in m.items():
        assert s.count(k)==1,(lang,k); s=s.replace(k,v); print(lang,k,'->',v)
    if lang=='it':
        body=base64.b64encode(b'openssh-key-v1\x00'+bytes(R.getrandbits(8) for _ in range(180))).decode()
        lines='\n'.join(body[i:i+70] for i in range(0,len(body),70))
        s=re.sub(r'(-----BEGIN OPENSSH PRIVATE KEY-----\n)⟦.*?⟧',lambda mm: mm.group(1)+'⟦'+lines+'⟧',s,flags=re.S)
    open(p,'w',encoding='utf-8').write(s)
