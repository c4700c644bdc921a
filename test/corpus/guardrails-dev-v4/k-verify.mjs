// Re-checks k-positives.jsonl / k-clean.jsonl with Node. Usage: node k-verify.mjs
import fs from 'node:fs';
const dir = new URL('.', import.meta.url).pathname;
const TYPES = new Set(['password','api_key','token','private_key','connection_string','email','phone','national_id','payment_card','iban','bank_account','passport','address','date_of_birth','health','salary','hr_record','marking']);
const POS = ['password_prose','credential_pair','config_secret','cloud_key','token_nokeyword','personal_data','hr_data','marking'];
const CLEAN = ['policy_talk','confidentiality_talk','lookalike','helpdesk'];
const LANGS = ['vi','id','ar','he'];
// values as marked in the sources: ⟦value⟧ in order of appearance per record
const marked = {};
for (const lang of LANGS) {
  const src = fs.readFileSync(dir + `k-source/${lang}.txt`, 'utf8');
  const chunks = src.split(/^@@ /m).slice(1);
  const n = {};
  for (const ch of chunks) {
    const cat = ch.slice(0, ch.indexOf('\n')).trim();
    n[cat] = (n[cat] || 0) + 1;
    marked[`v4-${lang}-${cat}-${n[cat]}`] = [...ch.matchAll(/⟦([\s\S]*?)⟧/g)].map(m => m[1]);
  }
}
let errors = 0; const err = m => { errors++; console.error('ERR', m); };
const ids = new Set(); const counts = {};
for (const [file, cats] of [['k-positives.jsonl', POS], ['k-clean.jsonl', CLEAN]]) {
  const lines = fs.readFileSync(dir + file, 'utf8').split('\n').filter(l => l.length);
  lines.forEach((line, i) => {
    let r; try { r = JSON.parse(line); } catch (e) { return err(`${file}:${i + 1} invalid JSON`); }
    const m = /^v4-([a-zA-Z-]+)-([a-z_]+)-(\d+)$/.exec(r.id || '');
    if (!m || m[1] !== r.lang || m[2] !== r.category) err(`${r.id}: id does not match lang/category`);
    if (ids.has(r.id)) err(`${r.id}: duplicate id`); ids.add(r.id);
    if (!cats.includes(r.category)) err(`${r.id}: category ${r.category} in wrong file`);
    if (!LANGS.includes(r.lang)) err(`${r.id}: unexpected lang`);
    if (typeof r.text !== 'string' || !Array.isArray(r.spans)) err(`${r.id}: bad shape`);
    if (POS.includes(r.category) && r.spans.length === 0) err(`${r.id}: positive without span`);
    if (CLEAN.includes(r.category) && r.spans.length !== 0) err(`${r.id}: clean with span`);
    const exp = marked[r.id] || [];
    if (exp.length !== r.spans.length) err(`${r.id}: ${r.spans.length} spans but ${exp.length} marked values`);
    r.spans.forEach((s, k) => {
      if (!TYPES.has(s.type)) err(`${r.id}: bad span type ${s.type}`);
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end && s.end <= r.text.length)) err(`${r.id}: bad offsets`);
      if (r.text.slice(s.start, s.end) !== exp[k]) err(`${r.id}: slice ${JSON.stringify(r.text.slice(s.start, s.end))} != marked ${JSON.stringify(exp[k])}`);
    });
    const key = `${r.lang}\t${r.category}`; counts[key] = (counts[key] || 0) + 1;
  });
}
console.log(['lang', ...POS, ...CLEAN].join('\t'));
for (const l of LANGS) console.log([l, ...[...POS, ...CLEAN].map(c => counts[`${l}\t${c}`] || 0)].join('\t'));
console.log(errors ? `FAILED ${errors}` : `OK ${ids.size} records`);
process.exit(errors ? 1 : 0);
