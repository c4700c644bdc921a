# Value generator for prefix f. Seed recorded: 20261205-f. Run: python3 f-values.py
import random, string
R = random.Random("20261205-f")
AN = string.ascii_letters + string.digits
def rs(n, alpha=AN): return ''.join(R.choice(alpha) for _ in range(n))
def luhn_digit(body):
    s = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        s += d
    return str((10 - s % 10) % 10)
def card(prefix, n):
    body = prefix + rs(n - len(prefix) - 1, string.digits)
    return body + luhn_digit(body)
def iban(cc, bban):
    num = ''.join(str(int(c, 36)) for c in bban + cc + '00')
    ck = 98 - int(num) % 97
    return f"{cc}{ck:02d}{bban}"
def il_id():
    body = rs(8, string.digits)
    for c in '0123456789':
        v = body + c
        s = 0
        for i, ch in enumerate(v):
            d = int(ch) * (1 if i % 2 == 0 else 2)
            s += d if d < 10 else d - 9
        if s % 10 == 0: return v
def groups(s, n=4): return ' '.join(s[i:i+n] for i in range(0, len(s), n))
out = []
out.append("== cards")
for p, n in [("4", 16)]*8 + [("5", 16)]*6 + [("37", 15)]*2:
    if p == "5": p = "5" + R.choice("12345")
    out.append(card(p, n))
out.append("== IBAN SA (24)")
for _ in range(4): out.append(groups(iban("SA", rs(2, string.digits) + rs(18, string.digits))))
out.append("== IBAN AE (23)")
for _ in range(4): out.append(groups(iban("AE", rs(3, string.digits) + rs(16, string.digits))))
out.append("== IBAN IL (23)")
for _ in range(4): out.append(groups(iban("IL", rs(19, string.digits))))
out.append("== IL teudat zehut")
for _ in range(6): out.append(il_id())
out.append("== SA national id (1/2 + 8 + luhn)")
for _ in range(4):
    b = R.choice("12") + rs(8, string.digits); out.append(b + luhn_digit(b))
out.append("== AE emirates id 784-YYYY-NNNNNNN-C luhn")
for _ in range(3):
    b = "784" + str(R.randint(1970, 2001)) + rs(7, string.digits); c = luhn_digit(b)
    out.append(f"{b[:3]}-{b[3:7]}-{b[7:]}-{c}")
out.append("== VN phones")
for _ in range(8): out.append("0" + R.choice(["90","91","93","96","97","98","86","88","70","77","35","38"]) + rs(7, string.digits))
out.append("== ID phones")
for _ in range(8): out.append("08" + R.choice(["11","12","13","21","52","56","57","77","78","95","96"]) + rs(R.choice([7,8]), string.digits))
out.append("== SA/AE phones")
for _ in range(6): out.append("05" + R.choice("0345") + rs(7, string.digits))
out.append("== IL phones")
for _ in range(6): out.append("05" + R.choice("02348") + rs(7, string.digits))
out.append("== passports")
for _ in range(6): out.append(R.choice("BCN") + rs(7, string.digits))
out.append("== random tokens")
for n in [16,20,24,28,32,40,12,14,18,22]*4: out.append(rs(n))
out.append("== hex")
for n in [32,40,64]*3: out.append(rs(n, "0123456789abcdef"))
out.append("== cloud keys")
U27 = string.ascii_uppercase + "234567"
for _ in range(3): out.append("AKIA" + rs(16, U27) + "  " + rs(40, AN + "+/"))
for _ in range(3): out.append("ghp_" + rs(36))
for _ in range(2): out.append("github_pat_" + rs(22) + "_" + rs(59))
for _ in range(2): out.append("glpat-" + rs(20, AN + "-_"))
for _ in range(2): out.append("xoxb-" + rs(12, string.digits) + "-" + rs(13, string.digits) + "-" + rs(24))
for _ in range(2): out.append("sk_live_" + rs(24))
for _ in range(2): out.append("sk-proj-" + rs(48, AN + "-_"))
for _ in range(2): out.append("SG." + rs(22, AN + "-_") + "." + rs(43, AN + "-_"))
for _ in range(2): out.append("npm_" + rs(36))
for _ in range(2): out.append("hf_" + rs(34, string.ascii_letters))
for _ in range(2): out.append("AIza" + rs(35, AN + "-_"))
for _ in range(2): out.append("AC" + rs(32, "0123456789abcdef") + "  SK" + rs(32, "0123456789abcdef"))
for _ in range(2): out.append(rs(86, AN + "+/") + "==")
print("\n".join(out))

# --- extra block (keys, JWTs), same seed stream continued
import base64, json
def b64(n): return base64.b64encode(bytes(R.getrandbits(8) for _ in range(n))).decode()
def b64u(b): return base64.urlsafe_b64encode(b).decode().rstrip("=")
print("== private key bodies")
for _ in range(3):
    body = b64(R.choice([300, 360]))
    print("\n".join(body[i:i+64] for i in range(0, len(body), 64))); print("--")
print("== JWT")
for sub in ["svc-report", "u1042", "hr-sync"]:
    p = {"sub": sub, "iat": 1780000000 + R.randint(0, 9999999), "exp": 1790000000 + R.randint(0, 9999999), "jti": rs(12)}
    print(b64u(b'{"alg":"HS256","typ":"JWT"}') + "." + b64u(json.dumps(p, separators=(",", ":")).encode()) + "." + b64u(bytes(R.getrandbits(8) for _ in range(32))))

# --- separate seeds used for a few extra values (run inline during writing, recorded here verbatim)
R2 = random.Random("20261205-f-extra")
W = [31, 29, 23, 19, 17, 13, 7, 5, 3]
mst = []
while len(mst) < 2:
    b = [R2.randint(0, 9) for _ in range(9)]; b[0] = 8
    c = 10 - sum(w * d for w, d in zip(W, b)) % 11
    if c < 10: mst.append(''.join(map(str, b)) + str(c))
print("== VN MST (tax code, check digit)", mst)
for p, g, y in [('079', '1', '92'), ('001', '0', '88'), ('048', '3', '01')]:
    print('cccd', p + g + y + ''.join(str(R2.randint(0, 9)) for _ in range(6)))
for reg, dd, mm, yy in [('317405', '54', '08', '91'), ('327311', '17', '03', '86'), ('357813', '62', '11', '95')]:
    print('nik', reg + dd + mm + yy + '%04d' % R2.randint(1, 9999))
R3 = random.Random("20261205-f-bank")
print("== bank accounts", [''.join(str(R3.randint(0, 9)) for _ in range(n)) for n in (13, 10, 12, 10, 15)])
R4 = random.Random("20261205-f-pass")
print("== IL passport", ''.join(str(R4.randint(0, 9)) for _ in range(8)))
