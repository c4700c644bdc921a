// Re-checks u-positives.jsonl and u-clean.jsonl: valid JSON, unique ids matching lang/category,
// valid span types, spans in range/non-overlapping, sliced values equal the source-marked values, counts.
import fs from 'node:fs';
import path from 'node:path';
const dir = path.dirname(new URL(import.meta.url).pathname);
const TYPES = new Set(['password','api_key','token','private_key','connection_string','email','phone','national_id','payment_card','iban','bank_account','passport','address','date_of_birth','health','salary','hr_record','marking']);
const POS = ['password_prose','credential_pair','config_secret','cloud_key','token_nokeyword','personal_data','hr_data','marking'];
const CLEAN = ['policy_talk','confidentiality_talk','lookalike','helpdesk'];
const LANGS = ['en','de','fr','es','it','pt','nl','pl','tr','ru','ja','zh','zh-TW','ko','th','vi','id','ar','he'];
// marked values from sources, in order, per language
const marked = {};
for (const f of fs.readdirSync(path.join(dir, 'u-source'))) {
  const lang = f.replace(/\.txt$/, '');
  const src = fs.readFileSync(path.join(dir, 'u-source', f), 'utf8');
  marked[lang] = [...src.matchAll(/⟦([\s\S]*?)⟧/g)].map(m => m[1]);
}
let errors = 0; const err = m => { errors++; console.error('ERROR', m); };
const ids = new Set(); const counts = {}; const seen = {};
for (const [file, cats] of [['u-positives.jsonl', POS], ['u-clean.jsonl', CLEAN]]) {
  const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean);
  lines.forEach((line, i) => {
    let r; try { r = JSON.parse(line); } catch (e) { return err(`${file}:${i + 1} invalid JSON`); }
    const m = /^v6-([a-zA-Z-]+)-([a-z_]+)-(\d+)$/.exec(r.id || '');
    if (!m || m[1] !== r.lang || m[2] !== r.category) err(`${r.id}: id does not match lang/category`);
    if (ids.has(r.id)) err(`${r.id}: duplicate id`); ids.add(r.id);
    if (!LANGS.includes(r.lang)) err(`${r.id}: bad lang`);
    if (!cats.includes(r.category)) err(`${r.id}: category ${r.category} not allowed in ${file}`);
    if (typeof r.text !== 'string' || !Array.isArray(r.spans)) err(`${r.id}: bad shape`);
    if (POS.includes(r.category) && r.spans.length === 0) err(`${r.id}: positive without spans`);
    if (CLEAN.includes(r.category) && r.spans.length !== 0) err(`${r.id}: clean with spans`);
    let last = -1;
    for (const s of r.spans) {
      if (!TYPES.has(s.type)) err(`${r.id}: bad span type ${s.type}`);
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end && s.end <= r.text.length)) err(`${r.id}: span out of range`);
      if (s.start < last) err(`${r.id}: overlapping/unsorted spans`); last = s.end;
      const v = r.text.slice(s.start, s.end);
      seen[r.lang] = seen[r.lang] || [];
      seen[r.lang].push(v);
    }
    counts[r.lang] = counts[r.lang] || {}; counts[r.lang][r.category] = (counts[r.lang][r.category] || 0) + 1;
  });
}
for (const lang of Object.keys(marked)) {
  const a = marked[lang], b = seen[lang] || [];
  if (a.length !== b.length) err(`${lang}: ${a.length} marked values in source, ${b.length} spans in JSONL`);
  a.forEach((v, i) => { if (b[i] !== v) err(`${lang}: span ${i} slices ${JSON.stringify(b[i])}, source marks ${JSON.stringify(v)}`); });
}
const all = [...POS, ...CLEAN];
console.log(['lang', ...all, 'total'].join('\t'));
for (const lang of Object.keys(counts)) {
  const row = all.map(c => counts[lang][c] || 0);
  console.log([lang, ...row, row.reduce((x, y) => x + y, 0)].join('\t'));
}
console.log(errors ? `FAILED: ${errors} errors` : `OK: ${ids.size} records`);
process.exit(errors ? 1 : 0);
