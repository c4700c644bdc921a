"""Check-digit schemes used by e-gen.py and e-build.py (prefix e)."""
import re

def luhn_ok(s):
    d = [int(c) for c in re.sub(r'\D', '', s)]
    if len(d) < 12: return False
    tot = 0
    for i, x in enumerate(reversed(d)):
        if i % 2 == 1:
            x *= 2
            if x > 9: x -= 9
        tot += x
    return tot % 10 == 0

def luhn_digit(body):
    for c in range(10):
        if luhn_ok(body + str(c)): return str(c)

IBAN_LEN = {'DE':22,'FR':27,'GB':22,'NL':18,'ES':24,'IT':27,'BE':16,'CH':21,'AT':20,'TH':0}
def iban_ok(s):
    s = re.sub(r'\s', '', s).upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{10,30}', s): return False
    r = s[4:] + s[:4]
    n = ''.join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1

def jp_mynumber_ok(s):
    d = re.sub(r'\D', '', s)
    if len(d) != 12: return False
    body = d[:11]
    tot = 0
    for n in range(1, 12):
        p = int(body[11 - n])
        q = n + 1 if n <= 6 else n - 5
        tot += p * q
    r = tot % 11
    c = 0 if r <= 1 else 11 - r
    return c == int(d[11])

CN_W = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
def cn_id_check(body17):
    return "10X98765432"[sum(int(a)*b for a, b in zip(body17, CN_W)) % 11]
def cn_id_ok(s):
    s = s.strip().upper()
    if not re.fullmatch(r'\d{17}[\dX]', s): return False
    return cn_id_check(s[:17]) == s[17]

TW_L = dict(A=10,B=11,C=12,D=13,E=14,F=15,G=16,H=17,I=34,J=18,K=19,L=20,M=21,N=22,O=35,P=23,Q=24,R=25,S=26,T=27,U=28,V=29,W=32,X=30,Y=31,Z=33)
def tw_id_ok(s):
    s = s.strip().upper()
    if not re.fullmatch(r'[A-Z][12]\d{8}', s): return False
    v = TW_L[s[0]]
    tot = (v // 10) * 1 + (v % 10) * 9
    for i, w in enumerate([8,7,6,5,4,3,2,1]):
        tot += int(s[1 + i]) * w
    tot += int(s[9])
    return tot % 10 == 0

KR_W = [2,3,4,5,6,7,8,9,2,3,4,5]
def kr_rrn_ok(s):
    d = re.sub(r'\D', '', s)
    if len(d) != 13: return False
    c = (11 - sum(int(a)*b for a, b in zip(d[:12], KR_W)) % 11) % 10
    return c == int(d[12])

def th_id_ok(s):
    d = re.sub(r'\D', '', s)
    if len(d) != 13: return False
    c = (11 - sum(int(d[i]) * (13 - i) for i in range(12)) % 11) % 10
    return c == int(d[12])

CHECKS = {'luhn': luhn_ok, 'iban': iban_ok, 'jp_mynumber': jp_mynumber_ok, 'cn_id': cn_id_ok,
          'tw_id': tw_id_ok, 'kr_rrn': kr_rrn_ok, 'th_id': th_id_ok}
