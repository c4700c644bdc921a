#!/usr/bin/env python3
"""Build r-positives.jsonl / r-clean.jsonl from r-source/<lang>.txt. Fails loudly on any rule violation."""
import re, json, sys, os, importlib.util
HERE=os.path.dirname(os.path.abspath(__file__))
spec=importlib.util.spec_from_file_location('c',os.path.join(HERE,'r-checks.py'));C=importlib.util.module_from_spec(spec);spec.loader.exec_module(C)
POS=['password_prose','credential_pair','config_secret','cloud_key','token_nokeyword','personal_data','hr_data','marking']
CLEAN=['policy_talk','confidentiality_talk','lookalike','helpdesk']
TYPES={'password','api_key','token','private_key','connection_string','email','phone','national_id','payment_card','iban','bank_account','passport','address','date_of_birth','health','salary','hr_record','marking'}
LANGS=['en','de','fr','es','it']
KW={'en':r'password|passwd|passphrase|pwd|pw|pass|key|keys|token|tokens|secret|secrets|code|codes|pin|pins|credential|credentials',
 'de':r'passwort\w*|kennwort\w*|\w*schlüssel\w*|token|geheim\w*|code|codes|pin|zugangsdaten|pw',
 'fr':r'mot de passe|mots de passe|mdp|clé|clés|cle|jeton|jetons|secret\w*|code|codes|pin|identifiants?',
 'es':r'contraseñas?|claves?|token|tokens|secret[oa]s?|códigos?|codigos?|pin|credenciales?',
 'it':r'password|chiave|chiavi|token|segret[oi]|codic[ei]|pin|credenziali|pw'}
EN_KW=KW['en']
errs=[]
def err(m): errs.append(m)
def u16(s): return len(s.encode('utf-16-le'))//2
SPAN=re.compile(r'⟦(.*?)⟧(?:⟪(.*?)⟫)?',re.S)
def parse(lang):
    src=open(os.path.join(HERE,'r-source',lang+'.txt'),encoding='utf-8').read()
    recs=[];cur=None
    for line in src.split('\n'):
        m=re.match(r'^@@\s*(\S+)\s*$',line)
        if m: cur=[m.group(1),[]];recs.append(cur);continue
        if line.startswith('#') and cur is None: continue
        if cur is not None: cur[1].append(line)
    out=[]
    for cat,lines in recs:
        raw='\n'.join(lines).strip('\n').rstrip()
        text='';spans=[];pos=0
        for m in SPAN.finditer(raw):
            text+=raw[pos:m.start()]
            val=m.group(1);tags=dict(kv.split('=',1) for kv in [t.strip() for t in (m.group(2) or '').split(';')] if '=' in kv)
            t=tags.get('type')
            if t not in TYPES: err(f'{lang} {cat}: bad/missing type {t!r} for {val!r}')
            ck=tags.get('check')
            if ck:
                if ck not in C.CHECKS: err(f'unknown check {ck}')
                elif not C.CHECKS[ck](val): err(f'{lang} {cat}: check {ck} FAILED for {val!r}')
            s=u16(text);text+=val;spans.append({'type':t,'start':s,'end':u16(text),'_v':val})
            pos=m.end()
        text+=raw[pos:]
        if '⟦' in text or '⟧' in text or '⟪' in text: err(f'{lang} {cat}: stray bracket in {text[:60]!r}')
        out.append((cat,text,spans))
    return out
pos_out=[];clean_out=[];seen_text={};seen_val={};counts={}
for lang in LANGS:
    p=os.path.join(HERE,'r-source',lang+'.txt')
    if not os.path.exists(p): err(f'missing {p}');continue
    n={}
    for cat,text,spans in parse(lang):
        if cat not in POS+CLEAN: err(f'{lang}: unknown category {cat}');continue
        n[cat]=n.get(cat,0)+1
        rid=f'v6-{lang}-{cat}-{n[cat]}'
        counts[(lang,cat)]=n[cat]
        if cat in POS and not spans: err(f'{rid}: positive without span')
        if cat in CLEAN and spans: err(f'{rid}: clean with span')
        if text in seen_text: err(f'{rid}: duplicate text of {seen_text[text]}')
        seen_text[text]=rid
        for s in spans:
            v=s['_v']
            if v in seen_val and seen_val[v]!=rid: err(f'{rid}: value {v!r} also in {seen_val[v]}')
            seen_val[v]=rid
        # mask spans, then scan
        b=text.encode('utf-16-le');mask=bytearray(b)
        for s in spans:
            for i in range(s['start']*2,s['end']*2): mask[i]=0x20 if i%2==0 else 0
        masked=mask.decode('utf-16-le')
        if re.search(r'[\w.+-]+@[\w-]+\.[\w.]+',masked): err(f'{rid}: e-mail outside span')
        for m in re.finditer(r'(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)',masked):
            if C.luhn(m.group()) : err(f'{rid}: Luhn-valid digit run outside span: {m.group()}')
        for m in re.finditer(r'\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{2,4}){3,8}\b',masked):
            try:
                if C.iban(m.group()): err(f'{rid}: valid IBAN outside span: {m.group()}')
            except Exception: pass
        if cat=='token_nokeyword':
            for kw in (KW[lang],EN_KW):
                mm=re.search(r'(?<!\w)(?:'+kw+r')(?!\w)',text,re.I)
                if mm: err(f'{rid}: keyword {mm.group()!r} in token_nokeyword')
        if cat in CLEAN and re.search(r'\+?\d[\d ().-]{7,}\d',text) and False: pass
        rec={'id':rid,'lang':lang,'category':cat,'text':text,'spans':[{'type':s['type'],'start':s['start'],'end':s['end']} for s in spans]}
        (pos_out if cat in POS else clean_out).append(rec)
if errs:
    print('\n'.join(errs));print(f'BUILD FAILED: {len(errs)} error(s)');sys.exit(1)
for fn,rs in (('r-positives.jsonl',pos_out),('r-clean.jsonl',clean_out)):
    with open(os.path.join(HERE,fn),'w',encoding='utf-8') as f:
        for r in rs: f.write(json.dumps(r,ensure_ascii=False)+'\n')
print('lang  '+' '.join(c[:6] for c in POS+CLEAN))
for lang in LANGS: print(f'{lang:5} '+' '.join(f'{counts.get((lang,c),0):6}' for c in POS+CLEAN))
print(f'OK: {len(pos_out)} positives, {len(clean_out)} clean')
