// Re-checks d-positives.jsonl and d-clean.jsonl with Node: valid JSON, ids, categories, span types,
// span offsets (UTF-16, JS string indices) and counts. Values are compared to the d-source/ markup.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const here = path.dirname(fileURLToPath(import.meta.url));
const LANGS = ['pt', 'nl', 'pl', 'tr', 'ru'];
const POS = ['password_prose', 'credential_pair', 'config_secret', 'cloud_key', 'token_nokeyword', 'personal_data', 'hr_data', 'marking'];
const CLEAN = ['policy_talk', 'confidentiality_talk', 'lookalike', 'helpdesk'];
const TYPES = new Set(['password', 'api_key', 'token', 'private_key', 'connection_string', 'email', 'phone', 'national_id', 'payment_card', 'iban', 'bank_account', 'passport', 'address', 'date_of_birth', 'health', 'salary', 'hr_record', 'marking']);
const errors = [];
const counts = {};
const ids = new Set();
// expected values, in order, per source record, read from d-source/<lang>.txt
function sourceValues(lang) {
  const raw = fs.readFileSync(path.join(here, 'd-source', lang + '.txt'), 'utf8');
  const recs = [];
  let cur = null;
  for (const line of raw.split('\n')) {
    if (line.startsWith('@@ ')) { cur = { cat: line.slice(3).trim(), body: [] }; recs.push(cur); }
    else if (cur) cur.body.push(line);
  }
  return recs.map(r => ({ cat: r.cat, values: [...r.body.join('\n').matchAll(/⟦([\s\S]*?)⟧/g)].map(m => m[1]) }));
}
const expected = {};
for (const lang of LANGS) {
  const n = {};
  for (const r of sourceValues(lang)) {
    n[r.cat] = (n[r.cat] || 0) + 1;
    expected[`v3-${lang}-${r.cat}-${n[r.cat]}`] = r.values;
  }
}
for (const [file, cats] of [['d-positives.jsonl', POS], ['d-clean.jsonl', CLEAN]]) {
  const lines = fs.readFileSync(path.join(here, file), 'utf8').split('\n').filter(l => l.length);
  lines.forEach((line, i) => {
    let o;
    try { o = JSON.parse(line); } catch (e) { errors.push(`${file}:${i + 1}: invalid JSON`); return; }
    const where = `${file}:${i + 1} ${o.id}`;
    for (const k of ['id', 'lang', 'category', 'text', 'spans']) if (!(k in o)) errors.push(`${where}: missing ${k}`);
    if (!LANGS.includes(o.lang)) errors.push(`${where}: bad lang`);
    if (!cats.includes(o.category)) errors.push(`${where}: category ${o.category} not allowed in ${file}`);
    const m = /^v3-([a-zA-Z-]+)-([a-z_]+)-(\d+)$/.exec(o.id);
    if (!m || m[1] !== o.lang || m[2] !== o.category) errors.push(`${where}: id does not match lang/category`);
    if (ids.has(o.id)) errors.push(`${where}: duplicate id`);
    ids.add(o.id);
    if (typeof o.text !== 'string' || !o.text.trim()) errors.push(`${where}: empty text`);
    if (!Array.isArray(o.spans)) { errors.push(`${where}: spans not array`); return; }
    if (POS.includes(o.category) && o.spans.length === 0) errors.push(`${where}: positive without span`);
    if (CLEAN.includes(o.category) && o.spans.length !== 0) errors.push(`${where}: clean with span`);
    const exp = expected[o.id] || [];
    if (exp.length !== o.spans.length) errors.push(`${where}: ${o.spans.length} spans, source has ${exp.length}`);
    o.spans.forEach((s, j) => {
      if (!TYPES.has(s.type)) errors.push(`${where}: bad span type ${s.type}`);
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end && s.end <= o.text.length))
        errors.push(`${where}: bad offsets ${s.start}-${s.end}`);
      const v = o.text.slice(s.start, s.end);
      if (v !== exp[j]) errors.push(`${where}: span ${j} slices to ${JSON.stringify(v)}, source value ${JSON.stringify(exp[j])}`);
    });
    counts[o.lang] ??= {};
    counts[o.lang][o.category] = (counts[o.lang][o.category] || 0) + 1;
  });
}
const all = [...POS, ...CLEAN];
console.log('lang ' + all.map(c => c.slice(0, 8).padStart(9)).join('') + '    total');
for (const lang of LANGS) {
  const c = counts[lang] || {};
  console.log(lang.padEnd(5) + all.map(k => String(c[k] || 0).padStart(9)).join('') + String(all.reduce((a, k) => a + (c[k] || 0), 0)).padStart(9));
}
console.log(`records: ${ids.size}`);
if (errors.length) { console.error('VERIFY FAILED'); for (const e of errors) console.error('  ' + e); process.exit(1); }
console.log('VERIFY OK');
