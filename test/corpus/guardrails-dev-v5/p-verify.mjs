// Re-checks p-positives.jsonl and p-clean.jsonl with Node. Usage: node p-verify.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const here = path.dirname(fileURLToPath(import.meta.url));
const LANGS = ['en','de','fr','es','it','pt','nl','pl','tr','ru','ja','zh','zh-TW','ko','th','vi','id','ar','he'];
const POS = ['password_prose','credential_pair','config_secret','cloud_key','token_nokeyword','personal_data','hr_data','marking'];
const CLEAN = ['policy_talk','confidentiality_talk','lookalike','helpdesk'];
const TYPES = new Set(['password','api_key','token','private_key','connection_string','email','phone','national_id','payment_card','iban','bank_account','passport','address','date_of_birth','health','salary','hr_record','marking']);
const errors = []; const ids = new Set(); const counts = {};
for (const [file, cats] of [['p-positives.jsonl', POS], ['p-clean.jsonl', CLEAN]]) {
  const lines = fs.readFileSync(path.join(here, file), 'utf8').split('\n').filter(l => l.length);
  lines.forEach((line, i) => {
    let r;
    try { r = JSON.parse(line); } catch (e) { errors.push(`${file}:${i + 1} invalid JSON`); return; }
    const where = `${file}:${i + 1} ${r.id}`;
    if (!LANGS.includes(r.lang)) errors.push(`${where}: bad lang`);
    if (!cats.includes(r.category)) errors.push(`${where}: category ${r.category} not allowed in ${file}`);
    const m = /^v5-(.+)-([a-z_]+)-(\d+)$/.exec(r.id || '');
    if (!m || m[1] !== r.lang || m[2] !== r.category) errors.push(`${where}: id does not match lang/category`);
    if (ids.has(r.id)) errors.push(`${where}: duplicate id`); ids.add(r.id);
    if (typeof r.text !== 'string' || !r.text.length) errors.push(`${where}: empty text`);
    if (!Array.isArray(r.spans)) { errors.push(`${where}: spans not array`); return; }
    if (POS.includes(r.category) && r.spans.length === 0) errors.push(`${where}: positive without spans`);
    if (CLEAN.includes(r.category) && r.spans.length !== 0) errors.push(`${where}: clean with spans`);
    for (const s of r.spans) {
      if (!TYPES.has(s.type)) errors.push(`${where}: bad span type ${s.type}`);
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end && s.end <= r.text.length))
        errors.push(`${where}: bad offsets ${s.start}-${s.end}`);
      const v = r.text.slice(s.start, s.end);
      if (!v.trim() || v !== v.trim()) errors.push(`${where}: span has edge whitespace or is empty: ${JSON.stringify(v)}`);
    }
    const k = `${r.lang}\t${r.category}`; counts[k] = (counts[k] || 0) + 1;
  });
}
const langs = [...new Set(Object.keys(counts).map(k => k.split('\t')[0]))];
console.log(['lang', ...POS, ...CLEAN, 'total'].join('\t'));
let total = 0;
for (const l of langs) {
  const row = [...POS, ...CLEAN].map(c => counts[`${l}\t${c}`] || 0);
  const t = row.reduce((a, b) => a + b, 0); total += t;
  console.log([l, ...row, t].join('\t'));
}
console.log('total records', total);
if (errors.length) { console.error(errors.join('\n')); process.exit(1); }
console.log('OK');
