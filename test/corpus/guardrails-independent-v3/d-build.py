#!/usr/bin/env python3
"""Build d-positives.jsonl / d-clean.jsonl from d-source/<lang>.txt and fail on any rule violation.

Source format: '@@ <category>' starts a record; following lines (until the next '@@') are its text.
Lines before the first '@@' starting with '#' are comments. A sensitive value is written
⟦value⟧ and may be followed by ⟪type=...; check=...⟫. Multiple checks: check=a,b.
"""
import json, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ['pt', 'nl', 'pl', 'tr', 'ru']
POS = ['password_prose', 'credential_pair', 'config_secret', 'cloud_key', 'token_nokeyword',
       'personal_data', 'hr_data', 'marking']
CLEAN = ['policy_talk', 'confidentiality_talk', 'lookalike', 'helpdesk']
TYPES = {'password', 'api_key', 'token', 'private_key', 'connection_string', 'email', 'phone', 'national_id',
         'payment_card', 'iban', 'bank_account', 'passport', 'address', 'date_of_birth', 'health', 'salary',
         'hr_record', 'marking'}
DEFAULT_TYPE = {'password_prose': 'password', 'credential_pair': 'password', 'config_secret': 'password',
                'cloud_key': 'api_key', 'token_nokeyword': 'token', 'hr_data': 'salary', 'marking': 'marking'}

# ---------- check-digit schemes ----------
def digits(v): return re.sub(r'[\s\-./]', '', v)
def luhn(v):
    s = digits(v)
    if not s.isdigit() or not 13 <= len(s) <= 19: return False
    t = 0
    for i, c in enumerate(reversed(s)):
        d = int(c)
        if i % 2:
            d *= 2
            if d > 9: d -= 9
        t += d
    return t % 10 == 0
IBAN_LEN = {'PT': 25, 'NL': 18, 'PL': 28, 'TR': 26, 'DE': 22, 'BE': 16, 'FR': 27, 'ES': 24, 'GB': 22}
def iban(v):
    s = re.sub(r'\s', '', v).upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]+', s): return False
    if IBAN_LEN.get(s[:2]) != len(s): return False
    n = int(''.join(str(int(ch, 36)) for ch in s[4:] + s[:4]))
    return n % 97 == 1
def nif_pt(v):
    s = digits(v)
    if not re.fullmatch(r'\d{9}', s) or s[0] not in '123': return False
    c = 11 - sum(int(s[i]) * (9 - i) for i in range(8)) % 11
    return (0 if c >= 10 else c) == int(s[8])
def bsn_nl(v):
    s = digits(v)
    if not re.fullmatch(r'\d{9}', s): return False
    return (sum(int(s[i]) * (9 - i) for i in range(8)) - int(s[8])) % 11 == 0
def pesel_pl(v):
    s = digits(v)
    if not re.fullmatch(r'\d{11}', s): return False
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return (10 - sum(int(s[i]) * w[i] for i in range(10)) % 10) % 10 == int(s[10])
def tckn_tr(v):
    s = digits(v)
    if not re.fullmatch(r'[1-9]\d{10}', s): return False
    d = list(map(int, s))
    return ((sum(d[0:9:2]) * 7 - sum(d[1:8:2])) % 10 == d[9]) and (sum(d[:10]) % 10 == d[10])
def snils_ru(v):
    s = digits(v)
    if not re.fullmatch(r'\d{11}', s): return False
    t = sum(int(s[i]) * (9 - i) for i in range(9))
    c = t if t < 100 else (0 if t in (100, 101) else t % 101)
    if c == 100: c = 0
    return c == int(s[9:])
def inn_ru(v):
    s = digits(v)
    d = list(map(int, s))
    if len(d) == 12:
        c1 = sum(a * b for a, b in zip(d, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8])) % 11 % 10
        c2 = sum(a * b for a, b in zip(d, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8])) % 11 % 10
        return d[10] == c1 and d[11] == c2
    return False
def ru_account(v, bik):
    s = digits(v)
    if not re.fullmatch(r'\d{20}', s) or not re.fullmatch(r'\d{9}', bik): return False
    x = bik[-3:] + s
    w = [7, 1, 3] * 8
    return sum(int(x[i]) * w[i] % 10 for i in range(23)) % 10 == 0
CHECKS = {'luhn': luhn, 'iban': iban, 'nif': nif_pt, 'bsn': bsn_nl, 'pesel': pesel_pl, 'tckn': tckn_tr,
          'snils': snils_ru, 'inn': inn_ru}

# ---------- keyword lists for token_nokeyword ----------
KW_EN = [r'password\w*', r'passwd', r'pass', r'pwd', r'pw', r'keys?', r'tokens?', r'secrets?', r'codes?', r'pins?', r'credentials?',
         r'passphrase', r'apikey', r'api[-_ ]?key']
KW = {
    'pt': [r'senhas?', r'palavras?-passe', r'chaves?', r'segredos?', r'c[óo]digos?', r'credencia\w*', r'passe'],
    'nl': [r'wachtwoord\w*', r'ww', r'sleutel\w*', r'geheim\w*', r'code\w*', r'pincode\w*', r'inloggegevens',
           r'toegangscode\w*', r'wachtzin'],
    'pl': [r'has[łl]\w*', r'hase[łl]\w*', r'klucz\w*', r'sekret\w*', r'kod\w*', r'po[śs]wiadcz\w*',
           r'uwierzytel\w*', r'tajn\w*'],
    'tr': [r'[şs]ifre\w*', r'parola\w*', r'anahtar\w*', r'gizli\w*', r's[ıi]r', r'kod\w*', r'kimlik bilgi\w*',
           r'tokeni?\w*'],
    'ru': [r'парол\w*', r'ключ\w*', r'токен\w*', r'секрет\w*', r'код\w*', r'пин\w*', r'учётн\w*', r'учетн\w*',
           r'пасс\w*'],
}
def kw_re(lang):
    return re.compile(r'(?<![\w])(' + '|'.join(KW_EN + KW[lang]) + r')(?![\w])', re.IGNORECASE)

def u16(s): return len(s.encode('utf-16-le')) // 2

EMAIL = re.compile(r'[\w.+-]+@[\w-]+\.[\w.-]+')
MARK = re.compile(r'⟦(.*?)⟧(?:⟪(.*?)⟫)?', re.S)

def parse(lang):
    path = os.path.join(HERE, 'd-source', lang + '.txt')
    recs, cur = [], None
    with open(path, encoding='utf-8') as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if line.startswith('@@ '):
                cur = {'category': line[3:].strip(), 'lines': [], 'line': ln}
                recs.append(cur)
            elif cur is None:
                continue
            else:
                cur['lines'].append(line)
    return recs

def main():
    errors = []
    out_pos, out_clean = [], []
    texts = {}
    values = {}
    counts = defaultdict(Counter)
    for lang in LANGS:
        if not os.path.exists(os.path.join(HERE, 'd-source', lang + '.txt')):
            errors.append(f'{lang}: missing source'); continue
        kre = kw_re(lang)
        n = Counter()
        for r in parse(lang):
            cat = r['category']
            where = f'{lang}.txt:{r["line"]} [{cat}]'
            if cat not in POS and cat not in CLEAN:
                errors.append(f'{where}: unknown category'); continue
            raw = '\n'.join(r['lines']).strip('\n')
            text, spans, pos = '', [], 0
            for m in MARK.finditer(raw):
                text += raw[pos:m.start()]
                val = m.group(1)
                tags = {}
                if m.group(2):
                    for part in m.group(2).split(';'):
                        if part.strip():
                            k, _, v = part.partition('=')
                            tags[k.strip()] = v.strip()
                typ = tags.get('type') or DEFAULT_TYPE.get(cat)
                if typ not in TYPES:
                    errors.append(f'{where}: bad/missing type {typ!r} for {val!r}')
                for chk in filter(None, (tags.get('check') or '').split(',')):
                    chk = chk.strip()
                    if chk.startswith('ru_account:'):
                        ok = ru_account(val, chk.split(':', 1)[1])
                    elif chk in CHECKS:
                        ok = CHECKS[chk](val)
                    else:
                        ok = False; errors.append(f'{where}: unknown check {chk}')
                    if not ok: errors.append(f'{where}: check {chk} FAILED for {val!r}')
                if not val.strip(): errors.append(f'{where}: empty value')
                s = u16(text); text += val; e = u16(text)
                spans.append({'type': typ, 'start': s, 'end': e, '_v': val})
                pos = m.end()
            text += raw[pos:]
            if '⟦' in text or '⟧' in text or '⟪' in text or '⟫' in text:
                errors.append(f'{where}: stray markup')
            if not text.strip(): errors.append(f'{where}: empty text'); continue
            # outside-span text
            outside, last = '', 0
            for sp in spans:
                # convert back: we have python indices via values; recompute by search
                pass
            # build outside text with python indices
            pyspans, acc, pos2 = [], '', 0
            for m in MARK.finditer(raw):
                acc += raw[pos2:m.start()]; st = len(acc); acc += m.group(1); pyspans.append((st, len(acc))); pos2 = m.end()
            chars = list(text)
            for st, en in pyspans:
                for i in range(st, en): chars[i] = ' '
            outside = ''.join(chars)
            if cat in POS and not spans: errors.append(f'{where}: positive without span')
            if cat in CLEAN and spans: errors.append(f'{where}: clean record with span')
            if cat == 'marking' and not any(s['type'] == 'marking' for s in spans):
                errors.append(f'{where}: marking record without marking span')
            em = EMAIL.search(outside)
            if em:
                errors.append(f'{where}: e-mail outside span: {em.group(0)}')
            for m in re.finditer(r'(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])', outside):
                run = m.group(0)
                for cand in {run, re.sub(r'\D', '', run)}:
                    c = re.sub(r'\D', '', cand)
                    if 13 <= len(c) <= 19 and luhn(c):
                        errors.append(f'{where}: Luhn-valid run outside span: {run}')
            for m in re.finditer(r'\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}', outside):
                cand = m.group(0)
                for L in range(len(cand), 14, -1):
                    if iban(cand[:L]):
                        errors.append(f'{where}: IBAN-valid string outside span: {cand[:L]}')
                        break
            if cat == 'token_nokeyword':
                mk = kre.search(text)
                if mk: errors.append(f'{where}: keyword {mk.group(0)!r} in token_nokeyword')
            if cat in CLEAN:
                if re.search(r'\+\d{2}[\s\d]{8,}', outside): errors.append(f'{where}: phone-like number in clean record')
            key = text.strip()
            if key in texts: errors.append(f'{where}: duplicate text of {texts[key]}')
            texts[key] = where
            for sp in spans:
                v = sp['_v']
                if v in values and values[v] != where:
                    errors.append(f'{where}: value {v!r} also used in {values[v]}')
                values[v] = where
            n[cat] += 1
            rid = f'v3-{lang}-{cat}-{n[cat]}'
            obj = {'id': rid, 'lang': lang, 'category': cat, 'text': text,
                   'spans': [{'type': s['type'], 'start': s['start'], 'end': s['end']} for s in spans]}
            (out_pos if cat in POS else out_clean).append(obj)
        counts[lang] = n
    if errors:
        print('BUILD FAILED:', file=sys.stderr)
        for e in errors: print('  ' + e, file=sys.stderr)
        sys.exit(1)
    for name, rows in (('d-positives.jsonl', out_pos), ('d-clean.jsonl', out_clean)):
        with open(os.path.join(HERE, name), 'w', encoding='utf-8') as f:
            for o in rows: f.write(json.dumps(o, ensure_ascii=False) + '\n')
    print('lang  ' + ' '.join(c[:8].rjust(8) for c in POS + CLEAN))
    for lang in LANGS:
        print(lang.ljust(5) + ' ' + ' '.join(str(counts[lang][c]).rjust(8) for c in POS + CLEAN))
    print(f'positives={len(out_pos)} clean={len(out_clean)}')

if __name__ == '__main__':
    main()
