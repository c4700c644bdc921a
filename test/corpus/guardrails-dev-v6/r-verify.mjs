// Re-checks r-positives.jsonl and r-clean.jsonl with Node. Usage: node r-verify.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const here = path.dirname(fileURLToPath(import.meta.url));
const POS = ['password_prose','credential_pair','config_secret','cloud_key','token_nokeyword','personal_data','hr_data','marking'];
const CLEAN = ['policy_talk','confidentiality_talk','lookalike','helpdesk'];
const TYPES = new Set(['password','api_key','token','private_key','connection_string','email','phone','national_id','payment_card','iban','bank_account','passport','address','date_of_birth','health','salary','hr_record','marking']);
const LANGS = new Set(['en','de','fr','es','it','pt','nl','pl','tr','ru','ja','zh','zh-TW','ko','th','vi','id','ar','he']);
// source values, re-parsed independently from the .txt files, to compare slices against
const srcVals = {};
for (const f of fs.readdirSync(path.join(here, 'r-source'))) {
  const lang = f.replace(/\.txt$/, '');
  srcVals[lang] = [...fs.readFileSync(path.join(here, 'r-source', f), 'utf8').matchAll(/⟦([\s\S]*?)⟧/g)].map(m => m[1]);
}
let errors = 0; const err = m => { errors++; console.error('ERROR', m); };
const ids = new Set(); const counts = {}; const sliceByLang = {};
for (const [file, expectPos] of [['r-positives.jsonl', true], ['r-clean.jsonl', false]]) {
  const lines = fs.readFileSync(path.join(here, file), 'utf8').split('\n').filter(l => l.length);
  lines.forEach((line, i) => {
    let r; try { r = JSON.parse(line); } catch (e) { return err(`${file}:${i + 1} invalid JSON`); }
    const keys = Object.keys(r).sort().join(',');
    if (keys !== 'category,id,lang,spans,text') err(`${file}:${i + 1} unexpected keys ${keys}`);
    if (!LANGS.has(r.lang)) err(`${r.id} bad lang`);
    if (!(expectPos ? POS : CLEAN).includes(r.category)) err(`${r.id} category ${r.category} in wrong file`);
    const m = /^v6-(.+)-([a-z_]+)-(\d+)$/.exec(r.id);
    if (!m || m[1] !== r.lang || m[2] !== r.category) err(`${r.id} id does not match lang/category`);
    if (ids.has(r.id)) err(`${r.id} duplicate id`); ids.add(r.id);
    if (typeof r.text !== 'string' || !r.text.length) err(`${r.id} empty text`);
    if (expectPos && r.spans.length === 0) err(`${r.id} positive without spans`);
    if (!expectPos && r.spans.length !== 0) err(`${r.id} clean with spans`);
    let last = -1;
    for (const s of r.spans) {
      if (!TYPES.has(s.type)) err(`${r.id} bad span type ${s.type}`);
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end > s.start && s.end <= r.text.length)) { err(`${r.id} bad offsets`); continue; }
      if (s.start < last) err(`${r.id} overlapping/unsorted spans`); last = s.end;
      const v = r.text.slice(s.start, s.end);
      (sliceByLang[r.lang] ??= []).push(v);
      if (v !== v.trim()) err(`${r.id} span has surrounding whitespace: ${JSON.stringify(v)}`);
    }
    counts[r.lang] ??= {}; counts[r.lang][r.category] = (counts[r.lang][r.category] || 0) + 1;
  });
}
// every slice must equal the marked value in the source, in order
for (const lang of Object.keys(srcVals)) {
  const a = srcVals[lang], b = sliceByLang[lang] || [];
  if (a.length !== b.length) err(`${lang}: ${a.length} marked values in source, ${b.length} spans in JSONL`);
  a.forEach((v, i) => { if (b[i] !== v) err(`${lang}: span ${i} slice ${JSON.stringify(b[i])} != marked ${JSON.stringify(v)}`); });
}
const cats = [...POS, ...CLEAN];
console.log('lang ' + cats.map(c => c.slice(0, 6).padStart(7)).join('') + '  total');
for (const [lang, c] of Object.entries(counts)) console.log(lang.padEnd(5) + cats.map(k => String(c[k] || 0).padStart(7)).join('') + String(Object.values(c).reduce((x, y) => x + y, 0)).padStart(7));
console.log(`${ids.size} records, ${errors} error(s)`);
process.exit(errors ? 1 : 0);
