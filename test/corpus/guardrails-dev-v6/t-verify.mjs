// Re-checks t-positives.jsonl and t-clean.jsonl with Node: node t-verify.mjs
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const here = dirname(fileURLToPath(import.meta.url));
const LANGS = ['ja', 'zh', 'zh-TW', 'ko', 'th'];
const POS = ['password_prose', 'credential_pair', 'config_secret', 'cloud_key', 'token_nokeyword', 'personal_data', 'hr_data', 'marking'];
const CLEAN = ['policy_talk', 'confidentiality_talk', 'lookalike', 'helpdesk'];
const TYPES = new Set(['password', 'api_key', 'token', 'private_key', 'connection_string', 'email', 'phone', 'national_id', 'payment_card', 'iban', 'bank_account', 'passport', 'address', 'date_of_birth', 'health', 'salary', 'hr_record', 'marking']);
const WANT = { password_prose: 8, credential_pair: 2, config_secret: 2, cloud_key: 2, token_nokeyword: 8, personal_data: 8, hr_data: 8, marking: 8, policy_talk: 8, confidentiality_talk: 8, lookalike: 8, helpdesk: 8 };
const errors = [];
const ids = new Set(), texts = new Set();
const counts = {};
for (const [file, cats] of [['t-positives.jsonl', POS], ['t-clean.jsonl', CLEAN]]) {
  const lines = readFileSync(join(here, file), 'utf8').split('\n').filter(l => l.length);
  lines.forEach((line, i) => {
    let r;
    try { r = JSON.parse(line); } catch (e) { errors.push(`${file}:${i + 1} invalid JSON`); return; }
    const m = /^v6-(.+)-([a-z_]+)-(\d+)$/.exec(r.id || '');
    if (!m || m[1] !== r.lang || m[2] !== r.category) errors.push(`${r.id}: id does not match lang/category`);
    if (!LANGS.includes(r.lang)) errors.push(`${r.id}: bad lang`);
    if (!cats.includes(r.category)) errors.push(`${r.id}: category ${r.category} not allowed in ${file}`);
    if (ids.has(r.id)) errors.push(`${r.id}: duplicate id`); ids.add(r.id);
    if (texts.has(r.text)) errors.push(`${r.id}: duplicate text`); texts.add(r.text);
    if (typeof r.text !== 'string' || !Array.isArray(r.spans)) { errors.push(`${r.id}: bad shape`); return; }
    if (POS.includes(r.category) && r.spans.length === 0) errors.push(`${r.id}: positive without span`);
    if (CLEAN.includes(r.category) && r.spans.length !== 0) errors.push(`${r.id}: clean with span`);
    for (const s of r.spans) {
      if (!TYPES.has(s.type)) errors.push(`${r.id}: bad span type ${s.type}`);
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end && s.end <= r.text.length))
        errors.push(`${r.id}: bad offsets ${s.start}-${s.end}`);
      const v = r.text.slice(s.start, s.end);
      if (v !== v.trim() || v.length === 0) errors.push(`${r.id}: span has edge whitespace or is empty: ${JSON.stringify(v)}`);
    }
    const k = `${r.lang}\t${r.category}`; counts[k] = (counts[k] || 0) + 1;
  });
}
console.log(['lang', ...POS, ...CLEAN].join('\t'));
for (const l of LANGS) {
  console.log([l, ...[...POS, ...CLEAN].map(c => counts[`${l}\t${c}`] || 0)].join('\t'));
  for (const c of [...POS, ...CLEAN]) if ((counts[`${l}\t${c}`] || 0) < WANT[c]) console.log(`  note: ${l}/${c} below target ${WANT[c]}`);
}
if (errors.length) { console.error(errors.join('\n')); process.exit(1); }
console.log(`OK: ${ids.size} records`);
