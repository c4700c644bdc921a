// Re-checks j-positives.jsonl and j-clean.jsonl: valid JSON, unique ids matching lang/category,
// valid span types, span slices equal the marked values in j-source/<lang>.txt, counts per lang/category.
import fs from 'node:fs';
import path from 'node:path';
const dir = path.dirname(new URL(import.meta.url).pathname);
const LANGS = ['ja', 'zh', 'zh-TW', 'ko', 'th'];
const POS = ['password_prose', 'credential_pair', 'config_secret', 'cloud_key', 'token_nokeyword', 'personal_data', 'hr_data', 'marking'];
const CLEAN = ['policy_talk', 'confidentiality_talk', 'lookalike', 'helpdesk'];
const TYPES = new Set(['password', 'api_key', 'token', 'private_key', 'connection_string', 'email', 'phone', 'national_id', 'payment_card', 'iban', 'bank_account', 'passport', 'address', 'date_of_birth', 'health', 'salary', 'hr_record', 'marking']);
const errs = []; const ids = new Set(); const counts = {};
// marked values from the sources, in order, per record
const srcVals = {};
for (const lang of LANGS) {
  const t = fs.readFileSync(path.join(dir, 'j-source', `${lang}.txt`), 'utf8');
  const n = {};
  for (const chunk of t.split(/^@@ /m).slice(1)) {
    const cat = chunk.slice(0, chunk.indexOf('\n')).trim();
    n[cat] = (n[cat] || 0) + 1;
    srcVals[`v4-${lang}-${cat}-${n[cat]}`] = [...chunk.matchAll(/⟦([\s\S]*?)⟧/g)].map(m => m[1]);
  }
}
for (const [file, cats] of [['j-positives.jsonl', POS], ['j-clean.jsonl', CLEAN]]) {
  const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n').filter(l => l.trim());
  lines.forEach((line, i) => {
    let r; try { r = JSON.parse(line); } catch (e) { errs.push(`${file}:${i + 1} bad JSON`); return; }
    const m = /^v4-(.+)-([a-z_]+)-(\d+)$/.exec(r.id || '');
    if (!m || m[1] !== r.lang || m[2] !== r.category) errs.push(`${r.id}: id does not match lang/category`);
    if (ids.has(r.id)) errs.push(`${r.id}: duplicate id`); ids.add(r.id);
    if (!LANGS.includes(r.lang)) errs.push(`${r.id}: bad lang`);
    if (!cats.includes(r.category)) errs.push(`${r.id}: category ${r.category} in wrong file`);
    if (typeof r.text !== 'string' || !Array.isArray(r.spans)) { errs.push(`${r.id}: bad shape`); return; }
    if (POS.includes(r.category) && r.spans.length === 0) errs.push(`${r.id}: positive without span`);
    if (CLEAN.includes(r.category) && r.spans.length) errs.push(`${r.id}: clean with span`);
    const want = srcVals[r.id] || [];
    if (want.length !== r.spans.length) errs.push(`${r.id}: ${r.spans.length} spans, source has ${want.length}`);
    r.spans.forEach((s, k) => {
      if (!TYPES.has(s.type)) errs.push(`${r.id}: bad span type ${s.type}`);
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end && s.end <= r.text.length)) errs.push(`${r.id}: bad offsets`);
      if (r.text.slice(s.start, s.end) !== want[k]) errs.push(`${r.id}: span ${k} slice ${JSON.stringify(r.text.slice(s.start, s.end))} != ${JSON.stringify(want[k])}`);
    });
    counts[r.lang] ??= {}; counts[r.lang][r.category] = (counts[r.lang][r.category] || 0) + 1;
  });
}
const cols = [...POS, ...CLEAN];
console.log(['lang', ...cols, 'total'].join('\t'));
for (const l of LANGS) { const c = counts[l] || {}; console.log([l, ...cols.map(k => c[k] || 0), cols.reduce((a, k) => a + (c[k] || 0), 0)].join('\t')); }
if (errs.length) { console.error(errs.join('\n')); process.exit(1); }
console.log(`OK: ${ids.size} records`);
