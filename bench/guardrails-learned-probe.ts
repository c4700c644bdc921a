/**
 * Development probe, not part of the product: would a learned sentence scorer add recall to the
 * rule-based guard on text nobody tuned to? A multinomial logistic regression over hashed features
 * of each sentence or line (words, word pairs, five-letter prefixes, character bigrams of unspaced
 * scripts, the shapes of value-like tokens and the words around them, checksums of digit groups) is
 * trained on every development corpus but one and measured on that one, alone and OR-ed with the
 * guard's verdicts (leave-one-corpus-out: v6, v5, v4). The corpus v3 is never read. Findings are in
 * docs/guardrails.md ("Tried: a learned sentence scorer").
 *
 *   node --no-regexp-tier-up --max-old-space-size=8000 --import tsx bench/guardrails-learned-probe.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { type Corpus, loadDevelopmentCorpora } from './guardrails-quality.js';
const DIMS = 1 << 20;

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const LETTERS = /^[\p{L}\p{M}]+$/u;
const CHUNK = /[\p{L}\p{M}\p{N}_\-.@/+=:#$%&*!?~^,'’]+|[^\s\p{L}\p{M}\p{N}]/gu;
const WORDISH = /^[\p{L}\p{M}'’]+$/u;

function lenBucket(n: number): string {
  return n < 4 ? '1' : n < 6 ? '4' : n < 8 ? '6' : n < 12 ? '8' : n < 20 ? '12' : n < 40 ? '20' : '40';
}

/** The shape of a chunk that is not a plain word. */
function shape(chunk: string): string {
  let up = 0,
    lo = 0,
    dig = 0,
    sym = 0,
    other = 0,
    trans = 0;
  let prev = '';
  for (const ch of chunk) {
    let c: string;
    if (/\p{Lu}/u.test(ch)) {
      up++;
      c = 'A';
    } else if (/\p{Ll}/u.test(ch)) {
      lo++;
      c = 'a';
    } else if (/\p{N}/u.test(ch)) {
      dig++;
      c = '9';
    } else if (/[\p{L}\p{M}]/u.test(ch)) {
      other++;
      c = 'x';
    } else {
      sym++;
      c = 's';
    }
    if (prev && c !== prev) trans++;
    prev = c;
  }
  const n = [...chunk].length;
  const classes = `${up ? 'A' : ''}${lo ? 'a' : ''}${dig ? '9' : ''}${sym ? 's' : ''}${other ? 'x' : ''}`;
  const mix = n > 0 ? (trans / n < 0.2 ? 'l' : trans / n < 0.45 ? 'm' : 'h') : 'l';
  return `V:${classes}:${lenBucket(n)}:${mix}`;
}

const VARREF = /^(?:\$\{?[A-Za-z_][\w.]*\}?|%[A-Za-z_]\w*%|\{\{[^}]*\}\}|<[^>]+>)$/u;
const HEX = /^(?:[0-9a-f]{16,}|[0-9A-F]{16,})$/u;

/** Shapes that say what a value is rather than what it looks like. */
function special(chunk: string): string | undefined {
  const inner = chunk.replace(/^["'“”«»([]+|["'“”«»)\]]+$/gu, '');
  if (VARREF.test(inner) || /=["']?\$\{?[A-Za-z_]/u.test(inner)) return 'V:varref';
  if (HEX.test(inner)) return `V:hex:${lenBucket(inner.length)}`;
  return undefined;
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function ibanOk(s: string): boolean {
  const r = (s.slice(4) + s.slice(0, 4)).toUpperCase();
  let mod = 0;
  for (const ch of r) {
    const v = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) mod = (mod * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return mod === 1;
}

/** Whole-number groups ("4000 0000 0000 0001", "FR76 3000 …"): their checksum, as a feature. */
function numberGroups(text: string): { start: number; end: number; t: string }[] {
  const out: { start: number; end: number; t: string }[] = [];
  for (const m of text.matchAll(/\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{2,4}){3,8}\b/gu)) {
    const compact = m[0].replace(/[ -]/g, '');
    if (compact.length >= 15 && compact.length <= 34)
      out.push({
        start: m.index!,
        end: m.index! + m[0].length,
        t: ibanOk(compact) ? 'G:iban-ok' : 'G:iban-bad',
      });
  }
  for (const m of text.matchAll(/\d(?:[ -]?\d){11,18}/gu)) {
    const digits = m[0].replace(/[ -]/g, '');
    const zeros = /(\d)\1{5,}/.test(digits);
    out.push({
      start: m.index!,
      end: m.index! + m[0].length,
      t: `G:digits${digits.length >= 13 && digits.length <= 19 ? (luhn(digits) ? '-luhn' : '-noluhn') : ''}${zeros ? '-rep' : ''}`,
    });
  }
  return out;
}

interface Tok {
  readonly t: string;
  readonly start: number;
  readonly end: number;
  readonly value: boolean;
}

function tokens(text: string): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(CHUNK)) {
    const raw = m[0];
    const start = m.index!;
    // split a chunk into its letter words when it is letters + light punctuation only
    const lower = raw.toLowerCase();
    if (LETTERS.test(raw)) {
      if (UNSPACED.test(raw)) {
        const chars = [...raw];
        if (chars.length === 1) out.push({ t: raw, start, end: start + raw.length, value: false });
        let off = start;
        for (let i = 0; i + 1 < chars.length; i++) {
          out.push({
            t: chars[i]! + chars[i + 1]!,
            start: off,
            end: off + chars[i]!.length + chars[i + 1]!.length,
            value: false,
          });
          off += chars[i]!.length;
        }
      } else out.push({ t: lower, start, end: start + raw.length, value: false });
      continue;
    }
    // trailing sentence punctuation off
    const trimmed = raw.replace(/[.,:;!?'’]+$/u, '').replace(/^['’]+/u, '');
    if (trimmed.length <= 1 && !/\p{N}/u.test(trimmed)) {
      out.push({ t: raw.toLowerCase(), start, end: start + raw.length, value: false });
      continue;
    }
    if (WORDISH.test(trimmed)) {
      out.push({ t: trimmed.toLowerCase(), start, end: start + trimmed.length, value: false });
      continue;
    }
    // words joined by - or _ or . (e.g. tulip-kettle-42, user.name)
    out.push({ t: special(trimmed) ?? shape(trimmed), start, end: start + trimmed.length, value: true });
    const parts = trimmed.split(/[-_.@/:]+/u).filter((p) => LETTERS.test(p) && p.length > 1);
    for (const p of parts)
      out.push({ t: `p:${p.toLowerCase()}`, start, end: start + trimmed.length, value: false });
  }
  return out;
}

function features(text: string): Map<number, number> {
  const norm = text.normalize('NFKC');
  const toks = tokens(norm);
  const f = new Map<number, number>();
  const add = (s: string, w = 1) => {
    const h = fnv(s) & (DIMS - 1);
    f.set(h, (f.get(h) ?? 0) + w);
  };
  add('BIAS');
  const ts = toks.map((t) => t.t);
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    add(`u:${t}`);
    if (!toks[i]!.value && t.length > 5 && !UNSPACED.test(t)) add(`pre:${t.slice(0, 5)}`);
    if (i + 1 < ts.length) add(`b:${t}|${ts[i + 1]}`);
    if (i + 2 < ts.length) add(`s:${t}|${ts[i + 2]}`);
    if (toks[i]!.value) {
      for (let j = Math.max(0, i - 5); j < Math.min(ts.length, i + 6); j++) {
        if (j === i || toks[j]!.value) continue;
        add(`c:${ts[j]}~${t.slice(0, t.indexOf(':', 2))}`, 0.5);
        add(`c:${ts[j]}~V`, 0.5);
      }
    }
  }
  for (const g of numberGroups(norm)) {
    add(g.t);
    for (const t of toks)
      if (!t.value && t.end <= g.start && t.end > g.start - 40) add(`g:${t.t}~${g.t}`, 0.5);
  }
  // length feature
  add(`len:${lenBucket(Math.round(toks.length / 3))}`);
  // normalise to unit L2
  let l2 = 0;
  for (const v of f.values()) l2 += v * v;
  l2 = Math.sqrt(l2);
  for (const [k, v] of f) f.set(k, v / l2);
  return f;
}

/** Units: lines, then sentences. Offsets into the text. */
function units(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const push = (a: number, b: number) => {
    if (text.slice(a, b).trim().length > 0) out.push({ start: a, end: b });
  };
  let start = 0;
  const re = /\n|[.!?]+(?=\s)|[。！？]+/gu;
  for (const m of text.matchAll(re)) {
    const end = m.index! + (m[0] === '\n' ? 0 : m[0].length);
    push(start, end);
    start = m.index! + m[0].length;
  }
  push(start, text.length);
  return out;
}

const CLASSES = ['clean', 'credential', 'personal', 'hr', 'marking'] as const;
const MAP: Record<string, number> = {};
for (const t of [
  'password',
  'connection_string',
  'token',
  'private_key',
  'api_key',
  'secret',
  'jwt',
  'password_prose',
  'credential_pair',
  'config_secret',
  'cloud_key',
  'token_nokeyword',
])
  MAP[t] = 1;
for (const t of [
  'phone',
  'address',
  'iban',
  'email',
  'date_of_birth',
  'national_id',
  'payment_card',
  'passport',
  'bank_account',
  'credit_card',
  'my_number',
  'ssn',
  'kr_rrn',
  'cn_resident_id',
  'th_national_id',
  'personal_data',
  'home_address',
])
  MAP[t] = 2;
for (const t of ['salary', 'hr_record', 'health', 'hr_data']) MAP[t] = 3;
MAP.marking = 4;

type Ex = { x: Map<number, number>; y: number; w: number; rec: string; u: { start: number; end: number } };

const corpora = loadDevelopmentCorpora();
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

// rule verdicts, cached
const cacheFile = 'bench/out/guardrails-probe-rules.json';
const rules: Record<string, { held: boolean; spans: { start: number; end: number }[] }> = existsSync(
  cacheFile,
)
  ? JSON.parse(readFileSync(cacheFile, 'utf8'))
  : {};
let dirty = false;
for (const c of corpora) {
  for (const r of [...c.positives, ...c.clean]) {
    const key = `${c.name}/${r.id}`;
    if (rules[key]) continue;
    const v = await c.guard.check(r.text, {
      readers: [{ email: 'e@x', groups: ['all'] }],
      sources: [],
      language: r.lang,
    });
    rules[key] = {
      held: v.action !== 'allow',
      spans: v.findings.map((f) => ({ start: f.start, end: f.end })),
    };
    dirty = true;
  }
}
if (dirty) writeFileSync(cacheFile, JSON.stringify(rules));

function examples(c: Corpus): Ex[] {
  const out: Ex[] = [];
  for (const r of c.positives) {
    if (r.spans.some((s) => s.type === 'leakage' || s.type === 'canary')) continue;
    for (const u of units(r.text)) {
      const sp = r.spans.filter((s) => overlaps(s, u));
      const cls = sp.map((s) => MAP[s.type] ?? 0).filter((k) => k > 0);
      const y = cls.length ? Math.min(...cls) : 0;
      out.push({ x: features(r.text.slice(u.start, u.end)), y, w: y ? 1 : 0.3, rec: r.id, u });
    }
  }
  for (const r of c.clean)
    for (const u of units(r.text))
      out.push({ x: features(r.text.slice(u.start, u.end)), y: 0, w: 1, rec: r.id, u });
  return out;
}

class Model {
  W = new Float32Array(DIMS * CLASSES.length);
  G = new Float32Array(DIMS * CLASSES.length).fill(1e-6);
  probs(x: Map<number, number>): number[] {
    const z = CLASSES.map(() => 0);
    for (const [k, v] of x)
      for (let c = 0; c < CLASSES.length; c++) z[c]! += this.W[k * CLASSES.length + c]! * v;
    const m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  }
  train(exs: Ex[], epochs: number, lr = 0.3, l2 = 1e-6, posWeight = 1) {
    const idx = exs.map((_, i) => i);
    for (let ep = 0; ep < epochs; ep++) {
      for (let i = idx.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [idx[i], idx[j]] = [idx[j]!, idx[i]!];
      }
      for (const i of idx) {
        const ex = exs[i]!;
        const p = this.probs(ex.x);
        const w = ex.w * (ex.y ? posWeight : 1);
        for (const [k, v] of ex.x)
          for (let c = 0; c < CLASSES.length; c++) {
            const o = k * CLASSES.length + c;
            const g = w * (p[c]! - (c === ex.y ? 1 : 0)) * v + l2 * this.W[o]!;
            this.G[o]! += g * g;
            this.W[o]! -= (lr * g) / Math.sqrt(this.G[o]!);
          }
      }
    }
  }
}
let seed = 42;
function rand() {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 4294967296;
}

const all = new Map(corpora.map((c) => [c.name, examples(c)]));
console.log(
  [...all].map(([n, e]) => `${n}: ${e.length} units, ${e.filter((x) => x.y).length} pos`).join('\n'),
);

function evaluate(c: Corpus, m: Model, thetas: number[]) {
  const scored = new Map<string, { u: { start: number; end: number }; p: number }[]>();
  for (const r of [...c.positives, ...c.clean]) {
    const us = units(r.text).map((u) => ({ u, p: 1 - m.probs(features(r.text.slice(u.start, u.end)))[0]! }));
    scored.set(r.id, us);
  }
  for (const th of thetas) {
    let held = 0,
      loc = 0,
      rheld = 0,
      rloc = 0,
      fp = 0,
      rfp = 0,
      mh = 0,
      mfp = 0;
    const cat: Record<string, [number, number, number]> = {};
    for (const r of c.positives) {
      const rv = rules[`${c.name}/${r.id}`]!;
      const us = scored.get(r.id)!;
      const flagged = us.filter((x) => x.p >= th).map((x) => x.u);
      const rl = rv.held && r.spans.every((s) => rv.spans.some((f) => overlaps(f, s)));
      const h = rv.held || flagged.length > 0;
      const l =
        h &&
        r.spans.every((s) => rv.spans.some((f) => overlaps(f, s)) || flagged.some((f) => overlaps(f, s)));
      mh += +(flagged.length > 0);
      held += +h;
      loc += +l;
      rheld += +rv.held;
      rloc += +rl;
      cat[r.category] ??= [0, 0, 0];
      const t = cat[r.category]!;
      t[0]++;
      t[1] += +rl;
      t[2] += +l;
    }
    for (const r of c.clean) {
      const rv = rules[`${c.name}/${r.id}`]!;
      const us = scored.get(r.id)!;
      const f = rv.held || us.some((x) => x.p >= th);
      fp += +f;
      rfp += +rv.held;
      mfp += +us.some((x) => x.p >= th);
    }
    const P = c.positives.length,
      N = c.clean.length;
    console.log(
      `  θ=${th}: located ${(rloc / P).toFixed(3)} -> ${(loc / P).toFixed(3)}  held ${(rheld / P).toFixed(3)} -> ${(held / P).toFixed(3)}  FP ${rfp}/${N} -> ${fp}/${N} (${((100 * fp) / N).toFixed(2)}%)  model alone held ${(mh / P).toFixed(3)} FP ${mfp}`,
    );
    if (th === thetas[Math.floor(thetas.length / 2)])
      console.log(
        '   ',
        Object.entries(cat)
          .map(([k, [n, a, b]]) => `${k} ${(a / n).toFixed(2)}->${(b / n).toFixed(2)}`)
          .join(', '),
      );
  }
}

const holdouts = (process.env.HOLD ?? 'development v6,development v5,development v4')
  .split(',')
  .filter((h) => corpora.some((c) => c.name === h));
for (const h of holdouts) {
  const train = [...all].filter(([n]) => n !== h).flatMap(([, e]) => e);
  const m = new Model();
  const t0 = Date.now();
  m.train(train, Number(process.env.EPOCHS ?? 4), 0.3, 1e-7, Number(process.env.POSW ?? 1));
  console.log(`hold out ${h} (trained on ${train.length} in ${Date.now() - t0} ms)`);
  evaluate(corpora.find((c) => c.name === h)!, m, [0.5, 0.7, 0.8, 0.9, 0.95]);
}
