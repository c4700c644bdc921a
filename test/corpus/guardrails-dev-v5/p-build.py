#!/usr/bin/env python3
"""Build p-positives.jsonl / p-clean.jsonl from p-source/<lang>.txt. Fails loudly on any problem."""
import re, json, sys, os, string
HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ['ja', 'zh', 'zh-TW', 'ko', 'th']
POS = ['password_prose','credential_pair','config_secret','cloud_key','token_nokeyword','personal_data','hr_data','marking']
CLEAN = ['policy_talk','confidentiality_talk','lookalike','helpdesk']
TYPES = {'password','api_key','token','private_key','connection_string','email','phone','national_id','payment_card',
         'iban','bank_account','passport','address','date_of_birth','health','salary','hr_record','marking'}
DEFAULT = {'password_prose':'password','credential_pair':'password','config_secret':'password','cloud_key':'api_key',
           'token_nokeyword':'token','hr_data':'salary','marking':'marking'}
def luhn(s):
    d=[int(c) for c in re.sub(r'\D','',s)][::-1]; t=0
    for i,x in enumerate(d):
        if i%2: x*=2; x-=9 if x>9 else 0
        t+=x
    return len(d)>=12 and t%10==0
def iban(s):
    s=re.sub(r'\s','',s).upper()
    if not re.fullmatch(r'[A-Z]{2}\d\d[A-Z0-9]{10,30}',s): return False
    r=s[4:]+s[:4]; return int(''.join(str(int(c,36)) for c in r))%97==1
def mynumber(s):
    s=re.sub(r'\D','',s)
    if len(s)!=12: return False
    b=[int(x) for x in s[:11]]
    t=sum(b[10-i]*((i+2) if i<=5 else (i-4)) for i in range(11)); r=t%11
    return int(s[11])==(0 if r<=1 else 11-r)
def cn_id(s):
    if not re.fullmatch(r'\d{17}[\dX]',s): return False
    w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    return '10X98765432'[sum(int(x)*w[i] for i,x in enumerate(s[:17]))%11]==s[17]
def tw_id(s):
    L='ABCDEFGHJKLMNPQRSTUVXYWZIO'
    if not re.fullmatch(r'[A-Z][12]\d{8}',s): return False
    v=L.index(s[0])+10
    t=v//10+(v%10)*9+sum(int(x)*w for x,w in zip(s[1:9],[8,7,6,5,4,3,2,1]))+int(s[9])
    return t%10==0
def kr_rrn(s):
    s=s.replace('-','')
    if not re.fullmatch(r'\d{13}',s): return False
    w=[2,3,4,5,6,7,8,9,2,3,4,5]
    return (11-sum(int(x)*w[i] for i,x in enumerate(s[:12]))%11)%10==int(s[12])
def th_id(s):
    s=re.sub(r'[\s-]','',s)
    if not re.fullmatch(r'\d{13}',s): return False
    return (11-sum(int(x)*(13-i) for i,x in enumerate(s[:12]))%11)%10==int(s[12])
CHECKS={'luhn':luhn,'iban':iban,'mynumber':mynumber,'cn_id':cn_id,'tw_id':tw_id,'kr_rrn':kr_rrn,'th_id':th_id}
KW = {
 'en': r'pass|pwd|\bpw\b|key|token|secret|code|\bpin\b|credential|login',
 'ja': r'パスワード|パス|暗証|鍵|キー|トークン|シークレット|秘密|コード|認証情報|合言葉|ＰＩＮ',
 'zh': r'密码|口令|密钥|秘钥|令牌|凭据|凭证|验证码|代码|暗码|密碼|金鑰',
 'zh-TW': r'密碼|口令|金鑰|密鑰|權杖|憑證|驗證碼|代碼|暗碼|密码',
 'ko': r'비밀번호|비번|패스워드|암호|키|토큰|시크릿|코드|인증|핀',
 'th': r'รหัส|พาสเวิร์ด|คีย์|โทเค็น|ความลับ|โค้ด|พิน',
}
EMAIL = re.compile(r'[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}')
MARK = re.compile(r'⟦(.*?)⟧(?:⟪(.*?)⟫)?', re.S)
def u16(s): return len(s.encode('utf-16-le'))//2
errors=[]; out={'pos':[],'clean':[]}; seen_text={}; seen_val={}
for lang in LANGS:
    p=os.path.join(HERE,'p-source',lang+'.txt')
    raw=open(p,encoding='utf-8').read()
    chunks=re.split(r'^@@ *(\S+) *\n', raw, flags=re.M)
    n={}
    for cat,body in zip(chunks[1::2],chunks[2::2]):
        body=body.strip('\n').rstrip()
        if not body: continue
        if cat not in POS+CLEAN: errors.append(f'{lang}: bad category {cat}'); continue
        n[cat]=n.get(cat,0)+1; rid=f'v5-{lang}-{cat}-{n[cat]}'
        text=''; spans=[]; pos=0
        for m in MARK.finditer(body):
            text+=body[pos:m.start()]; val=m.group(1); tags={}
            if m.group(2):
                for kv in m.group(2).split(';'):
                    if kv.strip(): k,v=kv.split('=',1); tags[k.strip()]=v.strip()
            typ=tags.get('type',DEFAULT.get(cat))
            if typ not in TYPES: errors.append(f'{rid}: bad/missing type {typ}')
            if 'check' in tags:
                f=CHECKS.get(tags['check'])
                if not f or not f(val): errors.append(f'{rid}: check {tags["check"]} fails on {val}')
            if typ=='payment_card' and not luhn(val): errors.append(f'{rid}: card not luhn')
            if typ=='iban' and not iban(val): errors.append(f'{rid}: iban invalid')
            s=u16(text); text+=val; spans.append({'type':typ,'start':s,'end':u16(text),'_v':val})
            if typ not in ('marking',):
                if val in seen_val: errors.append(f'{rid}: value reused from {seen_val[val]}: {val}')
                seen_val[val]=rid
            pos=m.end()
        text+=body[pos:]
        if '⟦' in text or '⟧' in text or '⟪' in text: errors.append(f'{rid}: stray bracket')
        if cat in POS and not spans: errors.append(f'{rid}: positive without span')
        if cat in CLEAN and spans: errors.append(f'{rid}: clean with span')
        # outside-span checks
        mask=list(text); 
        # compute code-point ranges of spans
        cp=[]; acc=0; idx=[]
        for ch in text: idx.append(acc); acc+=u16(ch)
        for sp in spans:
            for i,a in enumerate(idx):
                if sp['start']<=a<sp['end']: mask[i]=' '
        outside=''.join(mask)
        for e in EMAIL.findall(outside): errors.append(f'{rid}: e-mail outside span: {e}')
        for d in re.findall(r'(?<![\d])\d(?:[ -]?\d){12,18}(?!\d)', outside):
            dd=re.sub(r'\D','',d)
            if 13<=len(dd)<=19 and luhn(dd): errors.append(f'{rid}: luhn-valid run outside span: {d}')
        for ib in re.findall(r'\b[A-Z]{2}\d\d(?:[ ]?[A-Z0-9]){10,30}\b', outside):
            if iban(ib): errors.append(f'{rid}: valid IBAN outside span: {ib}')
        if cat=='token_nokeyword':
            for L in ('en',lang):
                m2=re.search(KW[L],text,re.I)
                if m2: errors.append(f'{rid}: keyword {m2.group(0)!r} in token_nokeyword')
        if text in seen_text: errors.append(f'{rid}: duplicate text of {seen_text[text]}')
        seen_text[text]=rid
        for sp in spans:
            assert text.encode('utf-16-le')[sp['start']*2:sp['end']*2].decode('utf-16-le')==sp.pop('_v')
        out['pos' if cat in POS else 'clean'].append({'id':rid,'lang':lang,'category':cat,'text':text,'spans':spans})
if errors:
    print('\n'.join(errors)); sys.exit(1)
for k,fn in (('pos','p-positives.jsonl'),('clean','p-clean.jsonl')):
    with open(os.path.join(HERE,fn),'w',encoding='utf-8') as f:
        for r in out[k]: f.write(json.dumps(r,ensure_ascii=False)+'\n')
from collections import Counter
c=Counter((r['lang'],r['category']) for r in out['pos']+out['clean'])
for lang in LANGS: print(lang, {cat:c[(lang,cat)] for cat in POS+CLEAN})
print('total', sum(c.values()))
