#!/usr/bin/env python3
"""Fill generator placeholders in c-source/draft-<lang>.txt -> c-source/<lang>.txt.

A placeholder is §name[:arg...]§ anywhere in a draft (normally inside ⟦ ⟧). Every placeholder gets a
fresh value from random.Random(SEED) (drafts processed in LANGS order, placeholders in file order), so a
rerun reproduces the same values. Hand-made values (chosen-looking passwords) are written directly in the
drafts and pass through unchanged.
"""
import random, re, string, base64, json, sys, os, importlib.util
HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("cchecks", os.path.join(HERE, "c-checks.py"))
C = importlib.util.module_from_spec(spec); spec.loader.exec_module(C)
SEED = 20261205_3
LANGS = ["en", "de", "fr", "es", "it"]
R = random.Random(SEED)
AL = string.ascii_letters + string.digits
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
def rs(n, alpha=AL): return "".join(R.choice(alpha) for _ in range(n))
def digits(n, first_nonzero=True):
    s = rs(n, string.digits)
    if first_nonzero and s[0] == "0": s = R.choice("123456789") + s[1:]
    return s
def group(s, n=4): return " ".join(s[i:i + n] for i in range(0, len(s), n))
def b64url(b): return base64.urlsafe_b64encode(b).decode().rstrip("=")

def g_pw(n="14"):
    n = int(n); sym = "!#%&*+-_.?@$"
    while True:
        s = rs(n, AL + sym)
        if any(c.isdigit() for c in s) and any(c.isupper() for c in s) and any(c.islower() for c in s): return s
def g_alnum(n="20"): return rs(int(n))
def g_lower(n="12"): return rs(int(n), string.ascii_lowercase + string.digits)
def g_hex(n="32"): return rs(int(n), "0123456789abcdef")
def g_b64(n="40"): return rs(int(n), AL + "+/")
def g_digits(n="6"):
    while True:
        s = rs(int(n), string.digits)
        if len(set(s)) > 2 and s not in "0123456789" and s not in "9876543210": return s
def g_aws_id(): return R.choice(["AKIA", "ASIA"]) + rs(16, B32.replace("2", "").replace("3", "") + "234567")
def g_aws_secret(): return rs(40, AL + "+/")
def g_gh(kind="ghp"): return kind + "_" + rs(36)
def g_ghfg(): return "github_pat_" + rs(22) + "_" + rs(59)
def g_glpat(): return "glpat-" + rs(20, AL + "-_")
def g_slack(kind="xoxb"): return f"{kind}-{digits(12)}-{digits(13)}-{rs(24)}"
def g_slackhook(): return f"https://hooks.slack.com/services/T{rs(8, string.ascii_uppercase + string.digits)}/B{rs(10, string.ascii_uppercase + string.digits)}/{rs(24)}"
def g_stripe(kind="sk_live"): return kind + "_" + rs(24 if kind.startswith("sk") else 24) + rs(75)
def g_stripe_rk(): return "rk_live_" + rs(24) + rs(75)
def g_openai(): return "sk-proj-" + rs(64, AL + "-_") + "T3BlbkFJ" + rs(64, AL + "-_")
def g_twsid(): return "AC" + g_hex(32)
def g_twkey(): return "SK" + g_hex(32)
def g_twtok(): return g_hex(32)
def g_sendgrid(): return "SG." + rs(22, AL + "-_") + "." + rs(43, AL + "-_")
def g_npm(): return "npm_" + rs(36)
def g_hf(): return "hf_" + rs(34, string.ascii_letters)
def g_gcp(): return "AIza" + rs(35, AL + "-_")
def g_azkey(): return base64.b64encode(bytes(R.getrandbits(8) for _ in range(64))).decode()
def g_azsas(): return "sv=2022-11-02&ss=b&srt=sco&sp=rwdlacx&se=2027-03-31T18:00:00Z&st=2026-11-30T08:00:00Z&spr=https&sig=" + rs(43, AL + "%") + "%3D"
def g_jwt():
    h = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    sub = rs(8, string.ascii_lowercase)
    p = b64url(json.dumps({"sub": sub, "iat": 1790000000 + R.randrange(10**7), "scope": R.choice(["svc:read", "admin", "reports"])}, separators=(",", ":")).encode())
    sig = b64url(bytes(R.getrandbits(8) for _ in range(32)))
    return f"{h}.{p}.{sig}"
def g_pem(kind="RSA"):
    n = {"RSA": 6, "EC": 3, "OPENSSH": 5}.get(kind, 6)
    body = base64.b64encode(bytes(R.getrandbits(8) for _ in range(48 * n))).decode()
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    label = {"RSA": "RSA PRIVATE KEY", "EC": "EC PRIVATE KEY", "OPENSSH": "OPENSSH PRIVATE KEY", "PK": "PRIVATE KEY"}[kind]
    return f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----"
def g_card(kind="visa", sep=""):
    pre = {"visa": "4" + digits(5), "mc": R.choice(["51", "52", "53", "54", "55"]) + digits(4, False), "amex": R.choice(["34", "37"]) + digits(4, False)}[kind]
    ln = 15 if kind == "amex" else 16
    body = pre + digits(ln - len(pre) - 1, False)
    for c in "0123456789":
        if C.luhn_ok(body + c): body += c; break
    if sep == "sp": return group(body) if kind != "amex" else f"{body[:4]} {body[4:10]} {body[10:]}"
    if sep == "dash": return group(body).replace(" ", "-")
    return body
def iban_from(cc, bban):
    chk = 98 - C.iban_num(bban + cc + "00") % 97
    return f"{cc}{chk:02d}{bban}"
def g_iban(cc="DE", sep=""):
    if cc == "DE": bban = digits(8) + digits(10, False)
    elif cc == "FR":
        b, g, a = digits(5), digits(5, False), digits(11, False)
        k = 97 - (89 * int(b) + 15 * int(g) + 3 * int(a)) % 97
        bban = f"{b}{g}{a}{k:02d}"
    elif cc == "ES":
        w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
        def dc(x):
            r = 11 - sum(int(c) * w[i] for i, c in enumerate(x)) % 11
            return {10: 1, 11: 0}.get(r, r)
        b8, acc = digits(8), digits(10, False)
        bban = f"{b8}{dc('00' + b8)}{dc(acc)}{acc}"
    elif cc == "IT":
        rest = digits(5) + digits(5) + digits(12, False)
        bban = C.cin_char(rest) + rest
    elif cc == "GB": bban = R.choice(["NWBK", "BARC", "LOYD", "MIDL", "HBUK"]) + digits(6) + digits(8, False)
    elif cc == "AT": bban = digits(5) + digits(11, False)
    elif cc == "CH": bban = digits(5, False) + digits(12, False)
    else: raise ValueError(cc)
    s = iban_from(cc, bban); assert C.iban_ok(s)
    return group(s) if sep == "sp" else s
def g_steuerid(sep=""):
    while True:
        d = [R.choice("123456789")] + [R.choice("0123456789") for _ in range(9)]
        s = "".join(d)
        for c in "0123456789":
            if C.steuerid_ok(s + c):
                s += c
                return f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:]}" if sep == "sp" else s
def g_nir(sep=""):
    sex = R.choice("12"); yy = f"{R.randrange(55, 100):02d}" if R.random() < .7 else f"{R.randrange(0, 5):02d}"
    mm = f"{R.randrange(1, 13):02d}"; dep = f"{R.choice([75, 69, 13, 33, 59, 31, 44, 67, 35, 92, 93, 94, 6, 38]):02d}"
    com = f"{R.randrange(1, 990):03d}"; order = f"{R.randrange(1, 999):03d}"
    body = sex + yy + mm + dep + com + order
    key = 97 - int(body) % 97
    s = f"{body}{key:02d}"; assert C.nir_ok(s)
    return f"{s[0]} {s[1:3]} {s[3:5]} {s[5:7]} {s[7:10]} {s[10:13]} {s[13:]}" if sep == "sp" else s
def g_dni(sep=""):
    n = digits(8, False); s = n + C.DNI_L[int(n) % 23]
    return f"{n}-{s[8]}" if sep == "dash" else s
def g_nie():
    p = R.choice("XYZ"); n = digits(7, False)
    return p + n + C.DNI_L[int(str("XYZ".index(p)) + n) % 23]
def g_cf(sex="M"):
    L = "BCDFGLMNPRSTVZ"; V = "AEIOU"
    sur = R.choice(L) + R.choice(L) + R.choice(L + V)
    nam = R.choice(L) + R.choice(L) + R.choice(L)
    yy = f"{R.randrange(60, 100):02d}"; m = R.choice("ABCDEHLMPRST"); dd = R.randrange(1, 29) + (40 if sex == "F" else 0)
    com = R.choice("ABCDEFGHLMF") + f"{R.randrange(1, 999):03d}"
    s = f"{sur}{nam}{yy}{m}{dd:02d}{com}"
    return s + C.cf_char(s)
def g_ssn():
    while True:
        a = f"{R.randrange(1, 899):03d}"
        if a == "666": continue
        return f"{a}-{R.randrange(1, 100):02d}-{R.randrange(1, 10000):04d}"
def g_nino():
    A = "ABCEGHJKLMNOPRSTWXYZ"; B = "ABCEGHJKLMNPRSTWXYZ"
    while True:
        p = R.choice(A) + R.choice(B)
        if p in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"): continue
        d = digits(6, False)
        return f"{p} {d[:2]} {d[2:4]} {d[4:]} {R.choice('ABCD')}"
def g_nhs():
    while True:
        d = digits(9, False)
        s = sum(int(d[i]) * (10 - i) for i in range(9)); c = 11 - s % 11
        if c == 11: c = 0
        if c == 10: continue
        x = d + str(c); return f"{x[:3]} {x[3:6]} {x[6:]}"
def g_phone(cc="de"):
    if cc == "de":
        p = R.choice(["151", "152", "157", "160", "162", "170", "171", "172", "176", "177", "178", "179"])
        rest = digits(R.choice([7, 8]), False)
        return R.choice([f"0{p} {rest}", f"+49 {p} {rest}", f"0{p}/{rest}", f"+49 {p} {rest[:3]} {rest[3:]}"])
    if cc == "fr":
        d = R.choice("67") + digits(8, False)
        return R.choice([f"0{d[0]} {d[1:3]} {d[3:5]} {d[5:7]} {d[7:]}", f"+33 {d[0]} {d[1:3]} {d[3:5]} {d[5:7]} {d[7:]}", f"0{d[0]}.{d[1:3]}.{d[3:5]}.{d[5:7]}.{d[7:]}"])
    if cc == "es":
        d = R.choice("67") + digits(8, False)
        return R.choice([f"{d[:3]} {d[3:6]} {d[6:]}", f"+34 {d[:3]} {d[3:5]} {d[5:7]} {d[7:]}", f"{d[:3]} {d[3:5]} {d[5:7]} {d[7:]}"])
    if cc == "it":
        d = "3" + R.choice("234789") + R.choice("0123456789") + digits(7, False)
        return R.choice([f"{d[:3]} {d[3:]}", f"+39 {d[:3]} {d[3:6]} {d[6:]}", f"{d[:3]} {d[3:6]} {d[6:]}"])
    if cc == "uk":
        d = "7" + R.choice("45789") + digits(8, False)
        return R.choice([f"0{d[:4]} {d[4:]}", f"+44 {d[:4]} {d[4:]}", f"0{d[:4]} {d[4:7]} {d[7:]}"])
    if cc == "us":
        a = R.choice(["212", "312", "415", "617", "503", "512", "614", "720", "919", "404"])
        return R.choice([f"({a}) {R.randrange(200, 999)}-{digits(4, False)}", f"{a}-{R.randrange(200, 999)}-{digits(4, False)}"])
    raise ValueError(cc)
def g_passport(cc="de"):
    if cc == "de": return R.choice("CFGHJK") + rs(8, "CFGHJKLMNPRTVWXYZ0123456789")
    if cc == "fr": return digits(2, False) + rs(2, string.ascii_uppercase) + digits(5, False)
    if cc == "es": return rs(3, string.ascii_uppercase) + digits(6, False)
    if cc == "it": return rs(2, string.ascii_uppercase) + digits(7, False)
    if cc == "uk": return digits(9)
    if cc == "us": return R.choice("ACEF") + digits(8)
    raise ValueError(cc)
def g_svnr():  # German Rentenversicherungsnummer-like format only
    return f"{R.choice(['12','13','15','53','65'])} {R.randrange(1,29):02d}{R.randrange(1,13):02d}{R.randrange(60,99)} {R.choice(string.ascii_uppercase)} {digits(3, False)}"
def g_acct(n="8"): return digits(int(n))
def g_uuidlike(): return f"{g_hex(8)}-{g_hex(4)}-{g_hex(4)}-{g_hex(4)}-{g_hex(12)}"

GEN = {k[2:]: v for k, v in globals().items() if k.startswith("g_")}
PH = re.compile(r"§([a-z_0-9]+)((?::[A-Za-z0-9_]+)*)§")

def fill(text):
    def rep(m):
        args = [a for a in m.group(2).split(":") if a]
        return GEN[m.group(1)](*args)
    return PH.sub(rep, text)

if __name__ == "__main__":
    src = os.path.join(HERE, "c-source")
    for lang in LANGS:
        d = os.path.join(src, f"draft-{lang}.txt")
        if not os.path.exists(d): continue
        out = fill(open(d, encoding="utf-8").read())
        open(os.path.join(src, f"{lang}.txt"), "w", encoding="utf-8").write(out)
        print(lang, "filled")
