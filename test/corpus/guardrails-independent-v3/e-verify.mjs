// Re-checks e-positives.jsonl and e-clean.jsonl (prefix e). Run: node e-verify.mjs
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const here = dirname(fileURLToPath(import.meta.url));
const POS = ['password_prose', 'credential_pair', 'config_secret', 'cloud_key', 'token_nokeyword', 'personal_data', 'hr_data', 'marking'];
const CLEAN = ['policy_talk', 'confidentiality_talk', 'lookalike', 'helpdesk'];
const LANGS = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'tr', 'ru', 'ja', 'zh', 'zh-TW', 'ko', 'th', 'vi', 'id', 'ar', 'he'];
const TYPES = new Set(['password', 'api_key', 'token', 'private_key', 'connection_string', 'email', 'phone', 'national_id', 'payment_card',
  'iban', 'bank_account', 'passport', 'address', 'date_of_birth', 'health', 'salary', 'hr_record', 'marking']);
let errors = 0;
const err = (m) => { errors++; console.error('ERROR ' + m); };
const ids = new Set(), texts = new Set();
const counts = {};
for (const [file, cats, positive] of [['e-positives.jsonl', POS, true], ['e-clean.jsonl', CLEAN, false]]) {
  const lines = readFileSync(join(here, file), 'utf8').split('\n').filter((l) => l.length);
  lines.forEach((line, i) => {
    let r;
    try { r = JSON.parse(line); } catch (e) { err(`${file}:${i + 1} invalid JSON`); return; }
    const keys = Object.keys(r).sort().join(',');
    if (keys !== 'category,id,lang,spans,text') err(`${file}:${i + 1} unexpected keys ${keys}`);
    if (!LANGS.includes(r.lang)) err(`${r.id}: bad lang ${r.lang}`);
    if (!cats.includes(r.category)) err(`${r.id}: category ${r.category} not allowed in ${file}`);
    const m = /^v3-(.+)-([a-z_]+)-(\d+)$/.exec(r.id);
    if (!m || m[1] !== r.lang || m[2] !== r.category) err(`${r.id}: id does not match lang/category`);
    if (ids.has(r.id)) err(`${r.id}: duplicate id`); ids.add(r.id);
    if (typeof r.text !== 'string' || !r.text.length) err(`${r.id}: empty text`);
    if (texts.has(r.text)) err(`${r.id}: duplicate text`); texts.add(r.text);
    if (!Array.isArray(r.spans)) { err(`${r.id}: spans not an array`); return; }
    if (positive && r.spans.length === 0) err(`${r.id}: positive without spans`);
    if (!positive && r.spans.length !== 0) err(`${r.id}: clean record with spans`);
    let last = -1;
    for (const s of r.spans) {
      if (!TYPES.has(s.type)) err(`${r.id}: bad span type ${s.type}`);
      if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > r.text.length || s.start >= s.end) { err(`${r.id}: bad offsets ${s.start}-${s.end}`); continue; }
      if (s.start < last) err(`${r.id}: overlapping/unsorted spans`);
      last = s.end;
      const v = r.text.slice(s.start, s.end);
      if (v !== v.trim()) err(`${r.id}: span has surrounding whitespace ${JSON.stringify(v)}`);
    }
    if (!positive && /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/.test(r.text)) err(`${r.id}: e-mail address in clean record`);
    counts[r.lang] ??= {};
    counts[r.lang][r.category] = (counts[r.lang][r.category] ?? 0) + 1;
  });
}
// compare every span with the value marked ⟦…⟧ in e-source/<lang>.txt
const byId = new Map();
for (const f of ['e-positives.jsonl', 'e-clean.jsonl'])
  for (const l of readFileSync(join(here, f), 'utf8').split('\n').filter((x) => x.length)) { try { const r = JSON.parse(l); byId.set(r.id, r); } catch {} }
let compared = 0;
for (const lang of Object.keys(counts)) {
  const src = readFileSync(join(here, 'e-source', lang + '.txt'), 'utf8');
  const n = {};
  for (const chunk of src.split(/^@@ /m).slice(1)) {
    const cat = chunk.split('\n')[0].trim();
    n[cat] = (n[cat] ?? 0) + 1;
    const id = `v3-${lang}-${cat}-${n[cat]}`;
    const r = byId.get(id);
    if (!r) { err(`${id}: in source but not in JSONL`); continue; }
    const vals = [...chunk.matchAll(/⟦([\s\S]*?)⟧/g)].map((m) => m[1]);
    if (vals.length !== r.spans.length) { err(`${id}: ${vals.length} marked values but ${r.spans.length} spans`); continue; }
    vals.forEach((v, i) => { compared++; if (r.text.slice(r.spans[i].start, r.spans[i].end) !== v) err(`${id}: span ${i} text.slice != marked value ${JSON.stringify(v)}`); });
  }
}
console.log(`spans compared with source: ${compared}`);
const cols = [...POS, ...CLEAN];
console.log(['lang', ...cols, 'total'].join('\t'));
for (const [lang, c] of Object.entries(counts)) {
  const tot = cols.reduce((a, k) => a + (c[k] ?? 0), 0);
  console.log([lang, ...cols.map((k) => c[k] ?? 0), tot].join('\t'));
}
console.log(`records: ${ids.size}`);
if (errors) { console.error(`${errors} error(s)`); process.exit(1); }
console.log('OK');
