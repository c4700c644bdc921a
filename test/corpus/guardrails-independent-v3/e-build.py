"""Build e-positives.jsonl / e-clean.jsonl from e-source/<lang>.txt. Fails loudly on any problem."""
import json, os, re, sys, importlib.util
HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('echecks', os.path.join(HERE, 'e-checks.py'))
C = importlib.util.module_from_spec(spec); spec.loader.exec_module(C)

POS = ['password_prose', 'credential_pair', 'config_secret', 'cloud_key', 'token_nokeyword', 'personal_data', 'hr_data', 'marking']
CLEAN = ['policy_talk', 'confidentiality_talk', 'lookalike', 'helpdesk']
TYPES = {'password', 'api_key', 'token', 'private_key', 'connection_string', 'email', 'phone', 'national_id', 'payment_card',
         'iban', 'bank_account', 'passport', 'address', 'date_of_birth', 'health', 'salary', 'hr_record', 'marking'}
DEFAULT = {'password_prose': 'password', 'credential_pair': 'password', 'config_secret': 'password', 'cloud_key': 'api_key',
           'token_nokeyword': 'token', 'hr_data': 'salary', 'marking': 'marking'}
LANGS = ['ja', 'zh', 'zh-TW', 'ko', 'th']
# words meaning password/key/token/secret/code/PIN/credential (English + record language) — banned in token_nokeyword
EN_KW = r'(?i)\b(pass\w*|passwd|pwd?|key\w*|token\w*|secret\w*|code\w*|pin\w*|credential\w*|login|otp)\b'
KW = {
    'ja': ['パスワード', 'パス', '暗証', '鍵', 'キー', 'トークン', '秘密', 'コード', '認証情報', '暗号', 'ピン', '合言葉', 'PW', 'ＰＷ'],
    'zh': ['密码', '口令', '密钥', '钥匙', '令牌', '秘密', '代码', '码', '凭证', '凭据', '暗号', '秘钥'],
    'zh-TW': ['密碼', '口令', '金鑰', '鑰匙', '權杖', '令牌', '秘密', '代碼', '碼', '憑證', '暗號', '密鑰'],
    'ko': ['비밀번호', '비번', '패스워드', '암호', '키', '토큰', '비밀', '코드', '핀', '인증정보', '자격증명', '크리덴셜'],
    'th': ['รหัสผ่าน', 'รหัส', 'พาสเวิร์ด', 'คีย์', 'กุญแจ', 'โทเค็น', 'ความลับ', 'โค้ด', 'พิน', 'พาส'],
}
EMAIL = re.compile(r'[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}')
DIGRUN = re.compile(r'(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])')
IBANRE = re.compile(r'\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}\b')

def u16(s): return len(s.encode('utf-16-le')) // 2

def parse(lang):
    path = os.path.join(HERE, 'e-source', lang + '.txt')
    recs, cur = [], None
    for line in open(path, encoding='utf-8').read().split('\n'):
        m = re.match(r'^@@ (\w+)\s*$', line)
        if m:
            cur = {'category': m.group(1), 'lines': []}; recs.append(cur); continue
        if cur is None:
            if line.strip(): raise SystemExit(f'{lang}: text before first record: {line!r}')
            continue
        cur['lines'].append(line.rstrip())
    return recs

errors = []
def err(msg): errors.append(msg)

def build():
    out_pos, out_clean = [], []
    seen_text, seen_val = {}, {}
    counts = {}
    for lang in LANGS:
        if not os.path.exists(os.path.join(HERE, 'e-source', lang + '.txt')): continue
        n = {}
        for r in parse(lang):
            cat = r['category']
            if cat not in POS + CLEAN: err(f'{lang}: bad category {cat}'); continue
            raw = '\n'.join(r['lines']).strip()
            if '§' in raw: err(f'{lang} {cat}: unfilled placeholder'); continue
            text, spans, pos = '', [], 0
            tok = re.compile(r'⟦(.*?)⟧(?:⟪([^⟫]*)⟫)?', re.S)
            for m in tok.finditer(raw):
                text += raw[pos:m.start()]
                val = m.group(1); tags = {}
                if m.group(2):
                    for kv in m.group(2).split(';'):
                        if kv.strip():
                            k, _, v = kv.partition('='); tags[k.strip()] = v.strip()
                t = tags.get('type') or DEFAULT.get(cat)
                if t not in TYPES: err(f'{lang} {cat}: bad/missing type for {val!r}')
                if 'check' in tags:
                    fn = C.CHECKS.get(tags['check'])
                    if not fn or not fn(val): err(f'{lang} {cat}: check {tags["check"]} FAILS for {val!r}')
                s = u16(text); text += val
                spans.append({'type': t, 'start': s, 'end': s + u16(val)})
                key = val.strip().lower()
                if t not in ('marking',) and key in seen_val: err(f'{lang} {cat}: value reused {val!r} (also {seen_val[key]})')
                if t == 'marking' and (lang, key) in seen_val: pass
                seen_val.setdefault(key if t != 'marking' else (lang, key), f'{lang} {cat}')
                pos = m.end()
            text += raw[pos:]
            if '⟦' in text or '⟧' in text or '⟪' in text or '⟫' in text: err(f'{lang} {cat}: stray bracket in {text[:60]!r}')
            # spans were computed before strip; recompute offset shift for leading whitespace
            if cat in POS and not spans: err(f'{lang} {cat}: positive without span: {text[:50]!r}')
            if cat in CLEAN and spans: err(f'{lang} {cat}: clean with span: {text[:50]!r}')
            if text in seen_text: err(f'{lang} {cat}: duplicate text {text[:50]!r}')
            seen_text[text] = 1
            # residue checks outside spans
            masked = list(text)
            # build python-index span ranges
            def py_idx(u):
                acc = 0
                for i, ch in enumerate(text):
                    if acc >= u: return i
                    acc += 2 if ord(ch) > 0xFFFF else 1
                return len(text)
            for sp in spans:
                a, b = py_idx(sp['start']), py_idx(sp['end'])
                for i in range(a, b): masked[i] = '\x00'
            outside = ''.join(masked)
            for em in EMAIL.finditer(outside): err(f'{lang} {cat}: e-mail outside span {em.group()!r}')
            for dm in DIGRUN.finditer(outside):
                # a run of 13-19 digits (single spaces/dashes allowed between digits) that passes Luhn
                if C.luhn_ok(dm.group()): err(f'{lang} {cat}: Luhn-valid run outside span {dm.group()!r}')
            for im in IBANRE.finditer(outside):
                if C.iban_ok(im.group()): err(f'{lang} {cat}: IBAN outside span {im.group()!r}')
            if cat == 'token_nokeyword':
                if re.search(EN_KW, text): err(f'{lang} token_nokeyword: English keyword {re.search(EN_KW, text).group()!r} in {text[:60]!r}')
                for w in KW[lang]:
                    if w.lower() in outside.lower(): err(f'{lang} token_nokeyword: keyword {w!r} in {text[:60]!r}')
            if cat in CLEAN:
                if re.search(r'(?<!\d)(?:\+\d{1,3}[ -]?)?0\d{1,3}[- ]\d{3,4}[- ]\d{3,4}(?!\d)', text) and lang != 'xx':
                    print(f'WARN {lang} {cat}: phone-like number in clean record {text[:80]!r}')
            n[cat] = n.get(cat, 0) + 1
            rec = {'id': f'v3-{lang}-{cat}-{n[cat]}', 'lang': lang, 'category': cat, 'text': text, 'spans': spans}
            (out_pos if cat in POS else out_clean).append(rec)
        counts[lang] = n
    return out_pos, out_clean, counts

pos, clean, counts = build()
if errors:
    print('\n'.join(errors)); print(f'{len(errors)} ERRORS'); sys.exit(1)
with open(os.path.join(HERE, 'e-positives.jsonl'), 'w', encoding='utf-8') as f:
    for r in pos: f.write(json.dumps(r, ensure_ascii=False) + '\n')
with open(os.path.join(HERE, 'e-clean.jsonl'), 'w', encoding='utf-8') as f:
    for r in clean: f.write(json.dumps(r, ensure_ascii=False) + '\n')
for lang, n in counts.items():
    print(lang, ' '.join(f'{c}={n.get(c, 0)}' for c in POS + CLEAN))
print('positives', len(pos), 'clean', len(clean))
