// Re-checks q-positives.jsonl and q-clean.jsonl. Usage: node q-verify.mjs
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const here = dirname(fileURLToPath(import.meta.url));
const POS = ['password_prose','credential_pair','config_secret','cloud_key','token_nokeyword','personal_data','hr_data','marking'];
const CLEAN = ['policy_talk','confidentiality_talk','lookalike','helpdesk'];
const TYPES = new Set(['password','api_key','token','private_key','connection_string','email','phone','national_id','payment_card','iban','bank_account','passport','address','date_of_birth','health','salary','hr_record','marking']);
const LANGS = new Set(['en','de','fr','es','it','pt','nl','pl','tr','ru','ja','zh','zh-TW','ko','th','vi','id','ar','he']);
// expected values re-derived from the sources' ⟦…⟧ markers, in order
const srcVals = {};
for (const lang of ['vi','id','ar','he']) {
  const src = readFileSync(join(here, 'q-source', lang + '.txt'), 'utf8');
  srcVals[lang] = [...src.split(/^@@ /m).slice(1)].map(b => [...b.matchAll(/⟦([\s\S]*?)⟧/g)].map(m => m[1]));
}
const errs = []; const ids = new Set(); const counts = {}; const texts = new Set();
const idx = {};
for (const [file, cats] of [['q-positives.jsonl', POS], ['q-clean.jsonl', CLEAN]]) {
  const lines = readFileSync(join(here, file), 'utf8').split('\n').filter(l => l.length);
  lines.forEach((line, i) => {
    let r; try { r = JSON.parse(line); } catch (e) { errs.push(`${file}:${i+1} invalid JSON`); return; }
    if (!LANGS.has(r.lang)) errs.push(`${r.id}: bad lang`);
    if (!cats.includes(r.category)) errs.push(`${r.id}: category ${r.category} not allowed in ${file}`);
    const m = /^v5-(.+)-([a-z_]+)-(\d+)$/.exec(r.id || '');
    if (!m || m[1] !== r.lang || m[2] !== r.category) errs.push(`${r.id}: id does not match lang/category`);
    if (ids.has(r.id)) errs.push(`${r.id}: duplicate id`); ids.add(r.id);
    if (texts.has(r.text)) errs.push(`${r.id}: duplicate text`); texts.add(r.text);
    if (POS.includes(r.category) && !r.spans.length) errs.push(`${r.id}: positive without span`);
    if (CLEAN.includes(r.category) && r.spans.length) errs.push(`${r.id}: clean with span`);
    const k = r.lang + '/' + r.category; counts[k] = (counts[k] || 0) + 1;
    idx[r.lang] = (idx[r.lang] || 0);
    const expected = srcVals[r.lang]?.[idx[r.lang]++ + (file === 'q-clean.jsonl' ? 0 : 0)];
    for (const s of r.spans) {
      if (!TYPES.has(s.type)) errs.push(`${r.id}: bad span type ${s.type}`);
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end && s.end <= r.text.length)) errs.push(`${r.id}: bad offsets`);
    }
    r._vals = r.spans.map(s => r.text.slice(s.start, s.end));
    r._file = file;
    (globalThis.ALL ||= []).push(r);
  });
}
// match span slices against marked values in the sources (records appear in source order per lang)
for (const lang of Object.keys(srcVals)) {
  const recs = globalThis.ALL.filter(r => r.lang === lang);
  const pos = recs.filter(r => r._file === 'q-positives.jsonl'), cl = recs.filter(r => r._file === 'q-clean.jsonl');
  const srcCats = readFileSync(join(here, 'q-source', lang + '.txt'), 'utf8').split(/^@@ /m).slice(1).map(b => b.split('\n')[0].trim());
  let p = 0, c = 0;
  srcCats.forEach((cat, i) => {
    const r = POS.includes(cat) ? pos[p++] : cl[c++];
    if (!r || r.category !== cat) { errs.push(`${lang} source record ${i+1}: order/category mismatch`); return; }
    const want = srcVals[lang][i];
    if (JSON.stringify(want) !== JSON.stringify(r._vals)) errs.push(`${r.id}: span slices ${JSON.stringify(r._vals)} != marked ${JSON.stringify(want)}`);
  });
}
console.log('lang/category counts:');
for (const k of Object.keys(counts).sort()) console.log('  ' + k.padEnd(32) + counts[k]);
console.log('total', ids.size);
if (errs.length) { console.error(errs.join('\n')); console.error(`FAILED: ${errs.length}`); process.exit(1); }
console.log('VERIFY OK');
