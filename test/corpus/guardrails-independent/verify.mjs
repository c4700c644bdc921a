// Integrity check for the independent guardrail corpus. Pure Node, no deps.
//   node test/corpus/guardrails-independent/verify.mjs
// Checks: JSON shape, unique ids, span offsets are valid UTF-16 code-unit
// offsets whose text.slice() equals the intended value (span_values.jsonl),
// clean records have no spans, check digits of generated identifiers
// (re-implemented here independently of build.py), minimum counts.
// Prints the category x language table. Exit code 1 on any failure.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const readJsonl = (f) =>
  readFileSync(join(here, f), 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l, i) => {
      try {
        return JSON.parse(l);
      } catch (e) {
        throw new Error(`${f}:${i + 1}: ${e.message}`);
      }
    });

const errors = [];
const fail = (msg) => errors.push(msg);

const POS_CATS = [
  'password_prose', 'credential_pair', 'config_secret', 'cloud_key',
  'token_nokeyword', 'personal_data', 'hr_data', 'marking',
];
const CLEAN_CATS = ['policy_talk', 'confidentiality_talk', 'lookalike', 'helpdesk', 'wiki'];

const positives = readJsonl('positives.jsonl');
const clean = readJsonl('clean.jsonl');
const values = new Map();
for (const v of readJsonl('span_values.jsonl')) values.set(`${v.id}#${v.i}`, v.value);

// ---- check digit algorithms (independent re-implementation) ----
const luhn = (d) => {
  let s = 0;
  for (let i = 0; i < d.length; i++) {
    let x = Number(d[d.length - 1 - i]);
    if (i % 2 === 1) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    s += x;
  }
  return s % 10 === 0;
};
const mod97 = (str) => {
  let r = 0;
  for (const ch of str) r = (r * 10 + Number(ch)) % 97;
  return r;
};
const ibanOk = (raw) => {
  const s = raw.replace(/ /g, '');
  const moved = s.slice(4) + s.slice(0, 4);
  const digits = [...moved].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('');
  return mod97(digits) === 1;
};
const myNumberOk = (d) => {
  if (!/^\d{12}$/.test(d)) return false;
  let s = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(d[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    s += p * q;
  }
  const r = s % 11;
  return Number(d[11]) === (r <= 1 ? 0 : 11 - r);
};
const cnIdOk = (d) => {
  if (!/^\d{17}[\dX]$/.test(d)) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(d[i]) * w[i];
  return '10X98765432'[s % 11] === d[17];
};
const thaiOk = (d) => {
  if (!/^\d{13}$/.test(d)) return false;
  let s = 0;
  for (let i = 0; i < 12; i++) s += Number(d[i]) * (13 - i);
  return (11 - (s % 11)) % 10 === Number(d[12]);
};
const rrnOk = (d) => {
  if (!/^\d{13}$/.test(d)) return false;
  const w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  let s = 0;
  for (let i = 0; i < 12; i++) s += Number(d[i]) * w[i];
  return (11 - (s % 11)) % 10 === Number(d[12]);
};
const twIdOk = (id) => {
  const map = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';
  if (!/^[A-Z][12]\d{8}$/.test(id)) return false;
  const n = map.indexOf(id[0]) + 10;
  let s = Math.floor(n / 10) + (n % 10) * 9;
  const w = [8, 7, 6, 5, 4, 3, 2, 1, 1];
  for (let i = 0; i < 9; i++) s += Number(id[i + 1]) * w[i];
  return s % 10 === 0;
};
const bsnOk = (d) => {
  if (!/^\d{9}$/.test(d)) return false;
  const w = [9, 8, 7, 6, 5, 4, 3, 2, -1];
  let s = 0;
  for (let i = 0; i < 9; i++) s += Number(d[i]) * w[i];
  return s % 11 === 0;
};
const peselOk = (d) => {
  if (!/^\d{11}$/.test(d)) return false;
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  let s = 0;
  for (let i = 0; i < 10; i++) s += Number(d[i]) * w[i];
  return (10 - (s % 10)) % 10 === Number(d[10]);
};
const tcknOk = (d) => {
  if (!/^[1-9]\d{10}$/.test(d)) return false;
  const n = [...d].map(Number);
  const d10 = (((n[0] + n[2] + n[4] + n[6] + n[8]) * 7 - (n[1] + n[3] + n[5] + n[7])) % 10 + 10) % 10;
  const d11 = n.slice(0, 10).reduce((a, b) => a + b, 0) % 10;
  return n[9] === d10 && n[10] === d11;
};
const ilIdOk = (d) => {
  if (!/^\d{9}$/.test(d)) return false;
  let s = 0;
  for (let i = 0; i < 9; i++) {
    let x = Number(d[i]) * ((i % 2) + 1);
    if (x > 9) x -= 9;
    s += x;
  }
  return s % 10 === 0;
};
const dniOk = (v) => /^\d{8}[A-Z]$/.test(v) && 'TRWAGMYFPDXBNJZSQVHLCKE'[Number(v.slice(0, 8)) % 23] === v[8];
const nirOk = (d) => /^[12]\d{14}$/.test(d) && 97 - mod97(d.slice(0, 13)) === Number(d.slice(13));
const cpfOk = (v) => {
  const d = v.replace(/\D/g, '');
  if (d.length !== 11) return false;
  for (const k of [9, 10]) {
    let s = 0;
    for (let i = 0; i < k; i++) s += Number(d[i]) * (k + 1 - i);
    const c = ((s * 10) % 11) % 10;
    if (c !== Number(d[k])) return false;
  }
  return true;
};
const checkedIds = {
  card: 0, iban: 0, mynumber: 0, cnid: 0, thid: 0, rrn: 0, twid: 0,
  bsn: 0, pesel: 0, tckn: 0, il_id: 0, dni: 0, nir: 0, cpf: 0, sa_nid: 0,
};
const NATID = {
  nl: [/BSN|Burgerservicenummer/, 'bsn', bsnOk],
  pl: [/PESEL/, 'pesel', peselOk],
  tr: [/[Kk]imlik/, 'tckn', tcknOk],
  he: [/תעודת הזהות|ת"ז/, 'il_id', ilIdOk],
  es: [/DNI|NIF/, 'dni', (d, v) => dniOk(v)],
  fr: [/NIR|sécurité sociale/, 'nir', nirOk],
  pt: [/CPF/, 'cpf', (d, v) => cpfOk(v)],
  ar: [/الهوية/, 'sa_nid', luhn],
};
function checkPersonal(rec, value) {
  const compact = value.replace(/[ -]/g, '');
  if (/^[A-Z]{2}\d{2}[A-Z0-9 ]{10,}$/.test(value) && /^[A-Z]{2}\d{2}/.test(compact) && compact.length >= 15) {
    checkedIds.iban++;
    if (!ibanOk(compact)) fail(`${rec.id}: IBAN fails mod-97: ${value}`);
    return;
  }
  const nat = NATID[rec.lang];
  if (nat && nat[0].test(rec.text) && !value.includes('@') && !/^\+/.test(value) && !/^[A-Z]{2}\d{2}/.test(compact)) {
    checkedIds[nat[1]]++;
    if (!nat[2](compact, value)) fail(`${rec.id}: ${nat[1]} check: ${value}`);
    return;
  }
  if (rec.lang === 'id' && /NIK|KTP/.test(rec.text)) return; // NIK has no check digit
  if (rec.lang === 'ja' && /^\d{12}$/.test(compact) && /マイナンバー|個人番号/.test(rec.text)) {
    checkedIds.mynumber++;
    if (!myNumberOk(compact)) fail(`${rec.id}: My Number check digit: ${value}`);
    return;
  }
  if (rec.lang === 'zh' && /^\d{17}[\dX]$/.test(compact)) {
    checkedIds.cnid++;
    if (!cnIdOk(compact)) fail(`${rec.id}: CN resident ID check: ${value}`);
    return;
  }
  if (rec.lang === 'th' && /^\d{13}$/.test(compact.replace(/ /g, '')) && /ประชาชน/.test(rec.text)) {
    checkedIds.thid++;
    if (!thaiOk(compact)) fail(`${rec.id}: Thai ID check: ${value}`);
    return;
  }
  if (rec.lang === 'ko' && /^\d{6}-\d{7}$/.test(value)) {
    checkedIds.rrn++;
    if (!rrnOk(compact)) fail(`${rec.id}: RRN check: ${value}`);
    return;
  }
  if (rec.lang === 'zh-TW' && /^[A-Z][12]\d{8}$/.test(value)) {
    checkedIds.twid++;
    if (!twIdOk(value)) fail(`${rec.id}: Taiwan ID check: ${value}`);
    return;
  }
  if (/^\d{13,19}$/.test(compact) && /^(4|5[1-5]|2[2-7]|3[47]|35|6011|62)/.test(compact) && !/\+/.test(value)) {
    // phone numbers never reach 13 digits in this corpus; everything else of this shape is a card
    checkedIds.card++;
    if (!luhn(compact)) fail(`${rec.id}: card fails Luhn: ${value}`);
  }
}

// ---- shape, ids, spans ----
const seen = new Set();
const seenText = new Set();
function checkCommon(rec, file) {
  for (const k of ['id', 'lang', 'category', 'text', 'spans']) {
    if (!(k in rec)) fail(`${file}: record without ${k}: ${JSON.stringify(rec).slice(0, 80)}`);
  }
  if (seen.has(rec.id)) fail(`duplicate id ${rec.id}`);
  seen.add(rec.id);
  if (seenText.has(rec.text)) fail(`duplicate text in ${rec.id}`);
  seenText.add(rec.text);
  if (typeof rec.text !== 'string' || rec.text.length === 0) fail(`${rec.id}: empty text`);
}

for (const rec of positives) {
  checkCommon(rec, 'positives.jsonl');
  if (!POS_CATS.includes(rec.category)) fail(`${rec.id}: unknown positive category ${rec.category}`);
  if (!rec.id.startsWith(`p-${rec.category}-${rec.lang}-`)) fail(`${rec.id}: id does not match p-<category>-<lang>-<n>`);
  if (!Array.isArray(rec.spans) || rec.spans.length === 0) fail(`${rec.id}: positive without spans`);
  const sorted = [...rec.spans].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start < sorted[i - 1].end) fail(`${rec.id}: overlapping spans`);
  }
  rec.spans.forEach((sp, i) => {
    const { start, end, type } = sp;
    if (type !== rec.category) fail(`${rec.id}: span type ${type} != category`);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > rec.text.length || start >= end) {
      fail(`${rec.id}: bad offsets ${start}-${end} (len ${rec.text.length})`);
      return;
    }
    const lowAt = (k) => k < rec.text.length && rec.text.charCodeAt(k) >= 0xdc00 && rec.text.charCodeAt(k) <= 0xdfff;
    if (lowAt(start) || lowAt(end)) fail(`${rec.id}: span splits a surrogate pair`);
    const got = rec.text.slice(start, end);
    const want = values.get(`${rec.id}#${i}`);
    if (want === undefined) fail(`${rec.id}: no intended value for span ${i}`);
    else if (got !== want) fail(`${rec.id}: span ${i} slice ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
    if (got !== got.trim()) fail(`${rec.id}: span ${i} has surrounding whitespace`);
    if (rec.category === 'personal_data') checkPersonal(rec, got);
  });
}
for (const rec of clean) {
  checkCommon(rec, 'clean.jsonl');
  if (!CLEAN_CATS.includes(rec.category)) fail(`${rec.id}: unknown clean category ${rec.category}`);
  const idOk =
    rec.category === 'wiki'
      ? /^c-wiki-(xquad|squadit|heq)-/.test(rec.id) && rec.id.includes(`-${rec.lang}-`)
      : rec.id.startsWith(`c-${rec.category}-${rec.lang}-`);
  if (!idOk) fail(`${rec.id}: id does not follow the naming scheme`);
  if (!Array.isArray(rec.spans) || rec.spans.length !== 0) fail(`${rec.id}: clean record with spans`);
}
if (values.size !== positives.reduce((n, r) => n + r.spans.length, 0)) fail('span_values.jsonl does not match the span count');

// ---- counts ----
function table(recs, cats) {
  const langs = [...new Set(recs.map((r) => r.lang))];
  const c = new Map();
  for (const r of recs) c.set(`${r.category}|${r.lang}`, (c.get(`${r.category}|${r.lang}`) ?? 0) + 1);
  const lines = [`category               ${langs.map((l) => l.padStart(6)).join('')}  total`];
  for (const cat of cats) {
    const row = langs.map((l) => c.get(`${cat}|${l}`) ?? 0);
    lines.push(`${cat.padEnd(22)} ${row.map((n) => String(n || '.').padStart(6)).join('')}  ${row.reduce((a, b) => a + b, 0)}`);
  }
  const tot = langs.map((l) => recs.filter((r) => r.lang === l).length);
  lines.push(`${'total'.padEnd(22)} ${tot.map((n) => String(n).padStart(6)).join('')}  ${recs.length}`);
  return { text: lines.join('\n'), c, langs };
}
const pt = table(positives, POS_CATS);
const ct = table(clean, CLEAN_CATS);
const count = (t, cat) => t.langs.reduce((n, l) => n + (t.c.get(`${cat}|${l}`) ?? 0), 0);
if (positives.length < 600) fail(`only ${positives.length} positives`);
if (pt.langs.length < 12) fail(`positives in only ${pt.langs.length} languages`);
for (const cat of POS_CATS) if (count(pt, cat) < 40) fail(`${cat}: fewer than 40 records`);
if (clean.length < 3200) fail(`only ${clean.length} clean records`);
for (const [cat, min] of [['policy_talk', 300], ['confidentiality_talk', 300], ['lookalike', 300], ['helpdesk', 500], ['wiki', 1500]]) {
  if (count(ct, cat) < min) fail(`${cat}: fewer than ${min} records`);
}

console.log(`positives: ${positives.length} records, ${values.size} spans, ${pt.langs.length} languages`);
console.log(pt.text);
console.log(`\nclean: ${clean.length} records`);
console.log(ct.text);
console.log(`\nchecksums verified: ${JSON.stringify(checkedIds)}`);
if (errors.length) {
  console.error(`\n${errors.length} problem(s):`);
  for (const e of errors.slice(0, 50)) console.error(`  - ${e}`);
  process.exit(1);
}
console.log('\nOK');
