// Re-check c-positives.jsonl and c-clean.jsonl (author prefix c). Run: node c-verify.mjs
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const LANGS = new Set(['en','de','fr','es','it','pt','nl','pl','tr','ru','ja','zh','zh-TW','ko','th','vi','id','ar','he']);
const POS = ['password_prose','credential_pair','config_secret','cloud_key','token_nokeyword','personal_data','hr_data','marking'];
const CLEAN = ['policy_talk','confidentiality_talk','lookalike','helpdesk'];
const TYPES = new Set(['password','api_key','token','private_key','connection_string','email','phone','national_id','payment_card',
  'iban','bank_account','passport','address','date_of_birth','health','salary','hr_record','marking']);

const errors = [];
const ids = new Set();
const texts = new Set();
const counts = {};
let total = 0;

for (const [file, allowed, positive] of [['c-positives.jsonl', POS, true], ['c-clean.jsonl', CLEAN, false]]) {
  const lines = readFileSync(join(here, file), 'utf8').split('\n').filter(l => l.trim() !== '');
  lines.forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    let r;
    try { r = JSON.parse(line); } catch (e) { errors.push(`${where}: invalid JSON (${e.message})`); return; }
    total++;
    const keys = Object.keys(r).sort().join(',');
    if (keys !== 'category,id,lang,spans,text') errors.push(`${where}: unexpected keys ${keys}`);
    if (!LANGS.has(r.lang)) errors.push(`${where}: bad lang ${r.lang}`);
    if (!allowed.includes(r.category)) errors.push(`${where}: category ${r.category} not allowed in ${file}`);
    const m = /^v3-(.+)-([a-z_]+)-(\d+)$/.exec(r.id ?? '');
    if (!m || m[1] !== r.lang || m[2] !== r.category) errors.push(`${where}: id ${r.id} does not match lang/category`);
    if (ids.has(r.id)) errors.push(`${where}: duplicate id ${r.id}`);
    ids.add(r.id);
    if (typeof r.text !== 'string' || r.text.length === 0) errors.push(`${where}: empty text`);
    if (texts.has(r.text)) errors.push(`${where}: duplicate text`);
    texts.add(r.text);
    if (!Array.isArray(r.spans)) { errors.push(`${where}: spans not an array`); return; }
    if (positive && r.spans.length === 0) errors.push(`${where}: positive without spans`);
    if (!positive && r.spans.length !== 0) errors.push(`${where}: clean record with spans`);
    let prevEnd = -1;
    for (const s of [...r.spans].sort((a, b) => a.start - b.start)) {
      if (!TYPES.has(s.type)) errors.push(`${where}: bad span type ${s.type}`);
      if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > r.text.length || s.start >= s.end)
        errors.push(`${where}: bad offsets ${s.start}-${s.end}`);
      if (s.start < prevEnd) errors.push(`${where}: overlapping spans`);
      prevEnd = s.end;
      const v = r.text.slice(s.start, s.end);
      if (v !== v.trim() || v.length === 0) errors.push(`${where}: span ${s.start}-${s.end} has outer whitespace or is empty: ${JSON.stringify(v)}`);
    }
    const key = `${r.lang}\t${r.category}`;
    counts[key] = (counts[key] ?? 0) + 1;
  });
}

// Compare every slice with the value marked ⟦…⟧ in the filled source files (c-source/<lang>.txt).
const REC = /⟦([\s\S]*?)⟧(?:⟪[\s\S]*?⟫)?/g;
const marked = new Map();
for (const lang of ['en','de','fr','es','it']) {
  const p = join(here, 'c-source', `${lang}.txt`);
  if (!existsSync(p)) continue;
  const src = readFileSync(p, 'utf8');
  const parts = src.split(/^@@ /m).slice(1);
  const per = {};
  for (const part of parts) {
    const nl = part.indexOf('\n');
    const cat = part.slice(0, nl).trim();
    per[cat] = (per[cat] ?? 0) + 1;
    const vals = [...part.slice(nl + 1).matchAll(REC)].map(x => x[1]);
    marked.set(`v3-${lang}-${cat}-${per[cat]}`, vals);
  }
}
for (const file of ['c-positives.jsonl', 'c-clean.jsonl']) {
  for (const line of readFileSync(join(here, file), 'utf8').split('\n').filter(Boolean)) {
    const r = JSON.parse(line);
    const want = marked.get(r.id);
    if (!want) { errors.push(`${r.id}: not found in source`); continue; }
    const got = r.spans.map(s => r.text.slice(s.start, s.end));
    if (JSON.stringify(got) !== JSON.stringify(want)) errors.push(`${r.id}: slices ${JSON.stringify(got)} != marked ${JSON.stringify(want)}`);
  }
}

const langs = [...new Set(Object.keys(counts).map(k => k.split('\t')[0]))];
const cats = [...POS, ...CLEAN];
console.log(['lang', ...cats].join('\t'));
for (const l of langs) console.log([l, ...cats.map(c => counts[`${l}\t${c}`] ?? 0)].join('\t'));
console.log(`records: ${total}`);
if (errors.length) { console.error(errors.join('\n')); console.error(`${errors.length} error(s)`); process.exit(1); }
console.log('OK');
