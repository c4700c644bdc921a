#!/usr/bin/env node
// Validates concepts.json (the workplace-helpdesk concept lexicon). Plain Node, no dependencies.
// Usage: node src/rag/lexicon/check-concepts.mjs [path/to/concepts.json]
// Exit code 0 = all checks pass (warnings are printed but do not fail), 1 = errors.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? path.join(here, 'concepts.json');

const LANGS = [
  'en',
  'ja',
  'zh',
  'zh-TW',
  'ko',
  'th',
  'vi',
  'id',
  'es',
  'pt',
  'fr',
  'de',
  'it',
  'nl',
  'pl',
  'tr',
  'ru',
  'ar',
  'he',
  'hi',
];
const REQUIRED = ['en', 'ja', 'zh', 'es', 'de', 'fr', 'ko', 'th'];
const MAX_LEN = 40;
// Terms too general to point to any one concept (see README). Extend as needed.
const BANNED = new Set([
  'company',
  'employee',
  'employees',
  'day',
  'days',
  'use',
  'time',
  'work',
  'office',
  'the',
  'a',
  'an',
  'how',
  'what',
  'i',
  'my',
  '会社',
  '公司',
  '公司的',
  '社員',
  '员工',
  '회사',
  '직원',
  'empresa',
  'firma',
  'entreprise',
  'unternehmen',
  'azienda',
  'bedrijf',
  'şirket',
  'компания',
  'شركة',
  'חברה',
]);
const HAN_KANA = /[\u3040-\u309f\u3400-\u9fff]/u; // Han + hiragana; katakana loanwords are not counted

const errors = [];
const warnings = [];
let data;
try {
  data = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch (e) {
  console.error(`cannot read/parse ${file}: ${e.message}`);
  process.exit(1);
}

if (data.version !== 1) errors.push('top-level "version" must be 1');
if (!Array.isArray(data.concepts)) {
  console.error('top-level "concepts" must be an array');
  process.exit(1);
}

const ids = new Set();
const perLang = Object.fromEntries(LANGS.map((l) => [l, { concepts: 0, terms: 0 }]));
let totalTerms = 0;

data.concepts.forEach((c, i) => {
  const where = `concept #${i} (${c?.id})`;
  if (!c || typeof c !== 'object') {
    errors.push(`${where}: not an object`);
    return;
  }
  if (typeof c.id !== 'string' || !/^[a-z][a-z0-9_]*$/.test(c.id))
    errors.push(`${where}: id must be snake_case`);
  else if (ids.has(c.id)) errors.push(`${where}: duplicate id`);
  else ids.add(c.id);
  if (typeof c.note !== 'string' || !c.note.trim()) errors.push(`${where}: missing note`);
  if (!c.terms || typeof c.terms !== 'object' || Array.isArray(c.terms)) {
    errors.push(`${where}: terms must be an object`);
    return;
  }
  for (const l of REQUIRED) if (!c.terms[l]) errors.push(`${where}: missing required language ${l}`);
  for (const [lang, list] of Object.entries(c.terms)) {
    if (!LANGS.includes(lang)) {
      errors.push(`${where}: unknown language code ${lang}`);
      continue;
    }
    if (!Array.isArray(list) || list.length === 0) {
      errors.push(`${where}/${lang}: must be a non-empty array`);
      continue;
    }
    const seen = new Set();
    for (const t of list) {
      if (typeof t !== 'string' || !t.trim()) {
        errors.push(`${where}/${lang}: empty term`);
        continue;
      }
      if (t !== t.trim() || /\s{2,}/.test(t)) errors.push(`${where}/${lang}: stray whitespace in "${t}"`);
      if ([...t].length > MAX_LEN)
        errors.push(`${where}/${lang}: term longer than ${MAX_LEN} characters: "${t}"`);
      if (t !== t.toLowerCase()) errors.push(`${where}/${lang}: not lower case: "${t}"`);
      if (seen.has(t)) errors.push(`${where}/${lang}: duplicate term "${t}"`);
      seen.add(t);
      if (BANNED.has(t)) errors.push(`${where}/${lang}: term too general: "${t}"`);
      // Vietnamese writes one syllable per space-separated unit, so its word count is not checked.
      if (lang !== 'vi' && t.split(/\s+/).length > 4)
        warnings.push(`${where}/${lang}: more than 4 words: "${t}"`);
      // Chinese/Japanese terms should be short (1-6 Han/hiragana characters); katakana loanwords are not counted.
      // Korean is written with spaces and is checked by word count like the other languages.
      const hanKana = [...t].filter((ch) => HAN_KANA.test(ch)).length;
      if (/[\u3400-\u9fff]/u.test(t) && hanKana > 6) warnings.push(`${where}/${lang}: long CJK term: "${t}"`);
    }
    perLang[lang].concepts++;
    perLang[lang].terms += list.length;
    totalTerms += list.length;
  }
});

for (const w of warnings) console.warn('warning:', w);
const n = data.concepts.length;
console.log(`${path.basename(file)}: ${n} concepts, ${totalTerms} terms`);
console.log('lang    concepts  coverage  terms');
for (const l of LANGS) {
  const { concepts, terms } = perLang[l];
  console.log(
    `${l.padEnd(7)} ${String(concepts).padStart(8)}  ${(n ? ((100 * concepts) / n).toFixed(0) + '%' : '-').padStart(8)}  ${String(terms).padStart(5)}`,
  );
}
if (errors.length) {
  for (const e of errors) console.error('error:', e);
  console.error(`FAILED: ${errors.length} error(s)`);
  process.exit(1);
}
console.log('OK');
