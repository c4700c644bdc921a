#!/usr/bin/env python3
# Builds h-positives.jsonl / h-clean.jsonl from h-source/<lang>.txt; exits non-zero on any rule violation.
import re,json,sys,importlib.util,os
os.chdir(os.path.dirname(os.path.abspath(__file__)))
spec=importlib.util.spec_from_file_location('c','h-checks.py');C=importlib.util.module_from_spec(spec);spec.loader.exec_module(C)
LANGS=['pt','nl','pl','tr','ru']
POS=['password_prose','credential_pair','config_secret','cloud_key','token_nokeyword','personal_data','hr_data','marking']
CLEAN=['policy_talk','confidentiality_talk','lookalike','helpdesk']
TYPES={'password','api_key','token','private_key','connection_string','email','phone','national_id','payment_card','iban','bank_account','passport','address','date_of_birth','health','salary','hr_record','marking'}
DEF={'password_prose':'password','credential_pair':'password','config_secret':'password','cloud_key':'api_key','token_nokeyword':'token','marking':'marking'}
# keyword stems (substring, case-insensitive) and short words (word-boundary prefix)
KW_SUB={'en':['password','passphrase','secret','token','credential','passcode'],
 'pt':['senha','palavra-passe','chave','segredo','código','codigo','credencia','token'],
 'nl':['wachtwoord','sleutel','geheim','pincode','inloggegevens','toegangscode','token'],
 'pl':['hasł','hasel','haseł','klucz','sekret','tajn','kod','poświadcz','token'],
 'tr':['şifre','sifre','parola','anahtar','gizli','kod','kimlik bilgi','token'],
 'ru':['парол','ключ','токен','секрет','код','учётн','учетн','пасс']}
KW_WORD=['pin','pw','pwd','pass','key','code','ww','mdp','пин']
errs=[]
def u16(s): return len(s.encode('utf-16-le'))//2
def parse(lang):
    raw=open(f'h-source/{lang}.txt',encoding='utf-8').read()
    parts=re.split(r'^@@ (\w+)[ \t]*$',raw,flags=re.M)
    recs=[]
    for i in range(1,len(parts),2):
        cat=parts[i]; body=parts[i+1].strip('\n').rstrip()
        text='';spans=[];pos=0
        for m in re.finditer(r'⟦(.*?)⟧(?:⟪(.*?)⟫)?',body,flags=re.S):
            text+=body[pos:m.start()]; v=m.group(1)
            tags=dict(kv.strip().split('=',1) for kv in (m.group(2) or '').split(';') if kv.strip())
            t=tags.get('type',DEF.get(cat))
            if t not in TYPES: errs.append(f'{lang} {cat}: bad/missing type {t} for {v!r}')
            if 'check' in tags and not C.CHECKS[tags['check']](v): errs.append(f'{lang} {cat}: check {tags["check"]} FAILS for {v!r}')
            spans.append({'type':t,'start':u16(text),'end':u16(text)+u16(v),'_v':v})
            text+=v; pos=m.end()
        text+=body[pos:]
        if '⟦' in text or '⟧' in text or '⟪' in text: errs.append(f'{lang} {cat}: stray marker')
        recs.append((cat,text,spans))
    return recs
def masked(text,spans):
    b=list(text.encode('utf-16-le'))
    s=text
    # mask by python indices: rebuild using utf16 offsets
    enc=text.encode('utf-16-le'); out=bytearray(enc)
    for sp in spans:
        for k in range(sp['start']*2,sp['end']*2,2): out[k:k+2]='#'.encode('utf-16-le')
    return out.decode('utf-16-le')
seen_text=set(); seen_val={}; pos_out=[]; clean_out=[]; counts={}
for lang in LANGS:
    n={}
    for cat,text,spans in parse(lang):
        if cat not in POS+CLEAN: errs.append(f'{lang}: unknown category {cat}'); continue
        n[cat]=n.get(cat,0)+1
        rid=f'v4-{lang}-{cat}-{n[cat]}'
        if cat in POS and not spans: errs.append(f'{rid}: positive without span')
        if cat in CLEAN and spans: errs.append(f'{rid}: clean with span')
        if text in seen_text: errs.append(f'{rid}: duplicate text')
        seen_text.add(text)
        for sp in spans:
            v=sp['_v']
            if v in seen_val and cat!='marking': errs.append(f'{rid}: value {v!r} also in {seen_val[v]}')
            seen_val.setdefault(v,rid)
        mt=masked(text,spans)
        if re.search(r'[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b',mt): errs.append(f'{rid}: e-mail outside span')
        for m in re.finditer(r'\d(?:[ -]?\d){12,18}',mt):
            if C.luhn(m.group()): errs.append(f'{rid}: Luhn-valid run outside span {m.group()!r}')
        for m in re.finditer(r'\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){10,30}',mt):
            s=re.sub(' ','',m.group())
            for L in range(15,len(s)+1):
                if C.iban(s[:L]): errs.append(f'{rid}: IBAN outside span {s[:L]!r}')
        if cat=='token_nokeyword':
            low=text.lower()
            for w in KW_SUB['en']+KW_SUB[lang]:
                if w in low: errs.append(f'{rid}: keyword {w!r} in token_nokeyword')
            for w in KW_WORD:
                if re.search(r'(?<!\w)'+re.escape(w)+r'(?!\w)',low): errs.append(f'{rid}: keyword {w!r} in token_nokeyword')
        if cat in CLEAN:
            if re.search(r'(\+\d{1,3}[ \d-]{7,})|\b0\d{2,3}[ -]?\d{3}[ -]?\d{2}[ -]?\d{2}\b|\b06[ -]?\d{2}',mt): errs.append(f'{rid}: phone-like number in clean record')
        rec={'id':rid,'lang':lang,'category':cat,'text':text,'spans':[{k:sp[k] for k in ('type','start','end')} for sp in spans]}
        (pos_out if cat in POS else clean_out).append(rec)
    counts[lang]=n
if errs:
    print('\n'.join(errs)); print(f'FAILED: {len(errs)} problem(s)'); sys.exit(1)
with open('h-positives.jsonl','w',encoding='utf-8') as f:
    for r in pos_out: f.write(json.dumps(r,ensure_ascii=False)+'\n')
with open('h-clean.jsonl','w',encoding='utf-8') as f:
    for r in clean_out: f.write(json.dumps(r,ensure_ascii=False)+'\n')
for lang in LANGS: print(lang,counts[lang])
print('OK',len(pos_out),'positives',len(clean_out),'clean')
