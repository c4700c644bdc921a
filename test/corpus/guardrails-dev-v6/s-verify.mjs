// Re-checks s-positives.jsonl and s-clean.jsonl. Usage: node s-verify.mjs
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const here = dirname(fileURLToPath(import.meta.url));
const POS = ['password_prose','credential_pair','config_secret','cloud_key','token_nokeyword','personal_data','hr_data','marking'];
const CLEAN = ['policy_talk','confidentiality_talk','lookalike','helpdesk'];
const TYPES = new Set(['password','api_key','token','private_key','connection_string','email','phone','national_id','payment_card','iban','bank_account','passport','address','date_of_birth','health','salary','hr_record','marking']);
const LANGS = new Set(['en','de','fr','es','it','pt','nl','pl','tr','ru','ja','zh','zh-TW','ko','th','vi','id','ar','he']);
// values as written in the sources, to compare against text.slice
const marked = [];
for (const lang of ['pt','nl','pl','tr','ru']) {
  const src = readFileSync(join(here, 's-source', lang + '.txt'), 'utf8');
  for (const m of src.matchAll(/⟦([\s\S]*?)⟧/g)) marked.push(m[1]);
}
let errors = 0; const err = (m) => { errors++; console.log('ERROR', m); };
const ids = new Set(); const counts = {}; const sliced = [];
for (const [file, allowed] of [['s-positives.jsonl', POS], ['s-clean.jsonl', CLEAN]]) {
  const lines = readFileSync(join(here, file), 'utf8').split('\n').filter(Boolean);
  lines.forEach((line, i) => {
    let r; try { r = JSON.parse(line); } catch (e) { return err(`${file}:${i+1} invalid JSON`); }
    if (ids.has(r.id)) err(`duplicate id ${r.id}`); ids.add(r.id);
    if (!LANGS.has(r.lang)) err(`${r.id}: bad lang`);
    if (!allowed.includes(r.category)) err(`${r.id}: category ${r.category} not allowed in ${file}`);
    if (!new RegExp(`^v6-${r.lang}-${r.category}-\\d+$`).test(r.id)) err(`${r.id}: id does not match lang/category`);
    if (typeof r.text !== 'string' || !Array.isArray(r.spans)) return err(`${r.id}: bad shape`);
    if (POS.includes(r.category) && r.spans.length === 0) err(`${r.id}: positive without span`);
    if (CLEAN.includes(r.category) && r.spans.length > 0) err(`${r.id}: clean with span`);
    for (const s of r.spans) {
      if (!TYPES.has(s.type)) err(`${r.id}: bad span type ${s.type}`);
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end && s.end <= r.text.length)) { err(`${r.id}: bad offsets`); continue; }
      sliced.push(r.text.slice(s.start, s.end));
    }
    const k = `${r.lang}\t${r.category}`; counts[k] = (counts[k] || 0) + 1;
  });
}
if (sliced.length !== marked.length) err(`span count ${sliced.length} != marked values ${marked.length}`);
sliced.forEach((v, i) => { if (v !== marked[i]) err(`slice mismatch #${i}: ${JSON.stringify(v)} vs ${JSON.stringify(marked[i])}`); });
const langs = [...new Set(Object.keys(counts).map(k => k.split('\t')[0]))];
console.log(['category', ...langs].join('\t'));
for (const c of [...POS, ...CLEAN]) console.log([c, ...langs.map(l => counts[`${l}\t${c}`] || 0)].join('\t'));
console.log(`records: ${ids.size}, spans: ${sliced.length}, errors: ${errors}`);
process.exit(errors ? 1 : 0);
