#!/usr/bin/env python3
"""Build k-positives.jsonl / k-clean.jsonl from k-source/<lang>.txt. Fails loudly on any rule violation."""
import re, json, sys, datetime
LANGS=['vi','id','ar','he']
POS=['password_prose','credential_pair','config_secret','cloud_key','token_nokeyword','personal_data','hr_data','marking']
CLEAN=['policy_talk','confidentiality_talk','lookalike','helpdesk']
TYPES={'password','api_key','token','private_key','connection_string','email','phone','national_id','payment_card','iban','bank_account','passport','address','date_of_birth','health','salary','hr_record','marking'}
DEFAULT={'password_prose':'password','credential_pair':'password','config_secret':'password','cloud_key':'api_key','token_nokeyword':'token','marking':'marking'}
errs=[]
def err(m): errs.append(m)
def luhn(s):
    s=re.sub(r'\D','',s); t=0
    for i,c in enumerate(s[::-1]):
        x=int(c)
        if i%2: x*=2; x-=9 if x>9 else 0
        t+=x
    return len(s)>0 and t%10==0
IBAN_LEN={'SA':24,'AE':23,'IL':23,'JO':30,'QA':29,'EG':29,'KW':30,'DE':22,'FR':27,'NL':18,'GB':22}
def iban(s):
    s=s.replace(' ','')
    if s[:2] not in IBAN_LEN or len(s)!=IBAN_LEN[s[:2]]: return False
    r=s[4:]+s[:4]
    return int(''.join(str(int(c,36)) for c in r))%97==1
def il_id(s):
    s=re.sub(r'\D','',s).zfill(9)
    if len(s)!=9: return False
    t=0
    for i,ch in enumerate(s):
        x=int(ch)*(1 if i%2==0 else 2); t+=x//10+x%10
    return t%10==0
def sa_id(s): s=re.sub(r'\D','',s); return len(s)==10 and s[0] in '12' and luhn(s)
def ae_id(s): s=re.sub(r'\D','',s); return len(s)==15 and s.startswith('784') and luhn(s)
VN_PROV={'001','079','031','048','036','092','038','075'}
def cccd(s):
    s=re.sub(r'\D','',s)
    return len(s)==12 and s[:3] in VN_PROV and s[3] in '0123'
def nik(s):
    s=re.sub(r'\D','',s)
    if len(s)!=16: return False
    d=int(s[6:8]); d= d-40 if d>40 else d; m=int(s[8:10])
    try: datetime.date(1990,m,d); return int(s[12:16])>0
    except ValueError: return False
CHECKS={'luhn':luhn,'iban':iban,'il_id':il_id,'sa_id':sa_id,'ae_id':ae_id,'cccd':cccd,'nik':nik}
KW={'en':r'password|passwd|\bpwd?\b|\bpass\b|passphrase|\bkeys?\b|token|secret|\bcodes?\b|\bpins?\b|credential',
    'vi':r'mật khẩu|mat khau|\bmk\b|\bmã\b|khóa|khoá|bí mật|\bpass\b|\bpin\b',
    'id':r'kata sandi|\bsandi\b|\bkunci\b|rahasia|\bkode\b|kredensial|\bpin\b',
    'ar':r'كلمة المرور|كلمة السر|رمز|مفتاح|سري|كود|باسورد|توكن|الرقم السري|باسوورد',
    'he':r'סיסמ|קוד|מפתח|סוד|טוקן|פין|קוד סודי'}
SPAN_RE=re.compile(r'⟦(.*?)⟧(?:⟪(.*?)⟫)?',re.S)
def u16(s): return len(s.encode('utf-16-le'))//2
def parse(lang):
    src=open(f'k-source/{lang}.txt',encoding='utf-8').read()
    if '§' in src: err(f'{lang}: unfilled placeholder')
    recs=[]
    for chunk in re.split(r'^@@ ',src,flags=re.M)[1:]:
        cat,_,body=chunk.partition('\n'); cat=cat.strip(); body=body.strip('\n').rstrip()
        text=''; spans=[]; pos=0
        for m in SPAN_RE.finditer(body):
            text+=body[pos:m.start()]; val=m.group(1); tags={}
            for t in (m.group(2) or '').split(';'):
                if '=' in t: k,v=t.split('=',1); tags[k.strip()]=v.strip()
            typ=tags.get('type',DEFAULT.get(cat))
            if typ not in TYPES: err(f'{lang}/{cat}: bad/missing type {typ} for {val!r}')
            ck=tags.get('check')
            if ck and not CHECKS[ck](val): err(f'{lang}/{cat}: check {ck} fails for {val!r}')
            spans.append({'type':typ,'start':u16(text),'end':u16(text)+u16(val),'_v':val})
            text+=val; pos=m.end()
        text+=body[pos:]
        if '⟦' in text or '⟧' in text or '⟪' in text: err(f'{lang}/{cat}: stray marker in {text[:40]!r}')
        recs.append((cat,text,spans))
    return recs
def mask(text,spans):
    b=text.encode('utf-16-le'); out=bytearray(b)
    for s in spans: out[s['start']*2:s['end']*2]=('#'*(s['end']-s['start'])).encode('utf-16-le')
    return out.decode('utf-16-le')
pos_out=[]; clean_out=[]; seen_text={}; seen_val={}; counts={}
for lang in LANGS:
    try: recs=parse(lang)
    except FileNotFoundError: err(f'{lang}: no source'); continue
    n={}
    for cat,text,spans in recs:
        if cat not in POS+CLEAN: err(f'{lang}: unknown category {cat}'); continue
        n[cat]=n.get(cat,0)+1; rid=f'v4-{lang}-{cat}-{n[cat]}'
        if cat in POS and not spans: err(f'{rid}: positive without span')
        if cat in CLEAN and spans: err(f'{rid}: clean with span')
        if text in seen_text: err(f'{rid}: duplicate text of {seen_text[text]}')
        seen_text[text]=rid
        for s in spans:
            if s['_v'] in seen_val and seen_val[s['_v']]!=rid: err(f'{rid}: value {s["_v"]!r} reused from {seen_val[s["_v"]]}')
            seen_val[s['_v']]=rid
        mt=mask(text,spans)
        if re.search(r'[\w.+-]+@[\w-]+\.[A-Za-z]{2,}',mt): err(f'{rid}: e-mail outside span')
        for m in re.finditer(r'(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])',mt):
            if luhn(m.group()) and len(re.sub(r'\D','',m.group()))>=13: err(f'{rid}: Luhn-valid run outside span {m.group()!r}')
        for m in re.finditer(r'\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}',mt):
            cand=m.group().replace(' ','')
            for L in range(15,31):
                if iban(cand[:L]): err(f'{rid}: IBAN outside span')
        if cat=='token_nokeyword':
            for l in ('en',lang):
                mm=re.search(KW[l],text,flags=re.I)
                if mm: err(f'{rid}: keyword {mm.group()!r} in token_nokeyword')
        rec={'id':rid,'lang':lang,'category':cat,'text':text,'spans':[{k:v for k,v in s.items() if k!='_v'} for s in spans]}
        (pos_out if cat in POS else clean_out).append(rec)
        counts[(lang,cat)]=counts.get((lang,cat),0)+1
if errs:
    print('\n'.join(errs)); print(f'FAILED: {len(errs)} errors'); sys.exit(1)
for fn,rs in (('k-positives.jsonl',pos_out),('k-clean.jsonl',clean_out)):
    with open(fn,'w',encoding='utf-8') as f:
        for r in rs: f.write(json.dumps(r,ensure_ascii=False)+'\n')
for lang in LANGS: print(lang,' '.join(f'{c}={counts.get((lang,c),0)}' for c in POS+CLEAN))
print('OK',len(pos_out),len(clean_out))
