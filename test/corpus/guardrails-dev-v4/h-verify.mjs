// Re-checks h-positives.jsonl and h-clean.jsonl with Node: JSON validity, ids, span types,
// slice(start,end) against the marked values in h-source/<lang>.txt, counts per language/category.
import fs from 'node:fs'; import path from 'node:path'; import {fileURLToPath} from 'node:url';
const dir = path.dirname(fileURLToPath(import.meta.url));
const TYPES = new Set(['password','api_key','token','private_key','connection_string','email','phone','national_id','payment_card','iban','bank_account','passport','address','date_of_birth','health','salary','hr_record','marking']);
const POS = ['password_prose','credential_pair','config_secret','cloud_key','token_nokeyword','personal_data','hr_data','marking'];
const CLEAN = ['policy_talk','confidentiality_talk','lookalike','helpdesk'];
const LANGS = ['pt','nl','pl','tr','ru'];
let errors = 0; const err = m => { errors++; console.error('ERR', m); };
// marked values per lang, in source order
const marked = {};
for (const lang of LANGS) {
  const src = fs.readFileSync(path.join(dir, 'h-source', lang + '.txt'), 'utf8');
  marked[lang] = [...src.matchAll(/⟦([\s\S]*?)⟧/g)].map(m => m[1]);
}
const ids = new Set(); const counts = {}; const used = Object.fromEntries(LANGS.map(l => [l, []]));
for (const [file, cats] of [['h-positives.jsonl', POS], ['h-clean.jsonl', CLEAN]]) {
  const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean);
  for (const [i, line] of lines.entries()) {
    let r; try { r = JSON.parse(line); } catch (e) { err(`${file}:${i+1} invalid JSON`); continue; }
    const m = /^v4-([a-zA-Z-]+)-([a-z_]+)-(\d+)$/.exec(r.id || '');
    if (!m || m[1] !== r.lang || m[2] !== r.category) err(`${r.id}: id does not match lang/category`);
    if (ids.has(r.id)) err(`${r.id}: duplicate id`); ids.add(r.id);
    if (!LANGS.includes(r.lang)) err(`${r.id}: unexpected lang`);
    if (!cats.includes(r.category)) err(`${r.id}: category ${r.category} not allowed in ${file}`);
    if (typeof r.text !== 'string' || !Array.isArray(r.spans)) { err(`${r.id}: bad shape`); continue; }
    if (POS.includes(r.category) && r.spans.length === 0) err(`${r.id}: positive without span`);
    if (CLEAN.includes(r.category) && r.spans.length !== 0) err(`${r.id}: clean with span`);
    for (const s of r.spans) {
      if (!TYPES.has(s.type)) err(`${r.id}: bad span type ${s.type}`);
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end && s.end <= r.text.length)) { err(`${r.id}: bad offsets`); continue; }
      used[r.lang].push(r.text.slice(s.start, s.end));
    }
    counts[r.lang] ??= {}; counts[r.lang][r.category] = (counts[r.lang][r.category] || 0) + 1;
  }
}
for (const lang of LANGS) {
  const a = marked[lang], b = used[lang];
  if (a.length !== b.length) err(`${lang}: ${a.length} marked values in source, ${b.length} spans in JSONL`);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) err(`${lang}: span ${i} slice ${JSON.stringify(b[i])} != marked ${JSON.stringify(a[i])}`);
}
console.log('lang  ' + [...POS, ...CLEAN].map(c => c.slice(0, 8).padStart(9)).join('') + '   total');
for (const lang of LANGS) {
  const c = counts[lang] || {}; const row = [...POS, ...CLEAN].map(k => String(c[k] || 0).padStart(9)).join('');
  console.log(lang.padEnd(6) + row + String(Object.values(c).reduce((x, y) => x + y, 0)).padStart(8));
}
console.log(`${ids.size} records, ${errors} error(s)`);
process.exit(errors ? 1 : 0);
