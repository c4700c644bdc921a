// Checks pairs.json against the rules in README.md. Plain Node, no dependencies.
//   node test/corpus/standard-answer-pairs/check.mjs
// Exit code 1 on any error; counts are printed either way.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSet, DEV_SHARE, serialize } from './build.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const text = readFileSync(join(here, 'pairs.json'), 'utf8');
const set = JSON.parse(text);

const errors = [];
const err = (where, msg) => errors.push(`${where}: ${msg}`);

const LANGS = new Set(['en', 'ja', 'zh', 'de', 'es', 'fr', 'ko', 'pt', 'it', 'th']);
const KIND_LABEL = {
  paraphrase: 'same',
  'cross-language': 'same',
  'near-miss': 'different',
  unrelated: 'different',
};
const SPLITS = new Set(['dev', 'test']);

// A rough script test per language, enough to catch a question filed under the wrong language.
const KANA = /[\u3040-\u30ff]/;
const HAN = /[\u4e00-\u9fff]/;
const HANGUL = /[\uac00-\ud7af]/;
const THAI = /[\u0e00-\u0e7f]/;
const LATIN_WORD = /[a-z]{3}/i;
const NON_LATIN = /[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]/;
function scriptFits(language, q) {
  switch (language) {
    case 'ja':
      return KANA.test(q);
    case 'zh':
      return HAN.test(q) && !KANA.test(q) && !HANGUL.test(q);
    case 'ko':
      return HANGUL.test(q);
    case 'th':
      return THAI.test(q);
    default:
      return LATIN_WORD.test(q) && !NON_LATIN.test(q);
  }
}

if (text !== serialize(buildSet())) {
  err('pairs.json', 'differs from what build.mjs produces from source.mjs; rerun build.mjs');
}

const standards = new Map();
for (const s of set.standards) {
  const where = `standard ${s.id}`;
  if (!/^s\d{2}$/.test(s.id)) err(where, 'id must look like s01');
  if (standards.has(s.id)) err(where, 'duplicate id');
  standards.set(s.id, s);
  if (!LANGS.has(s.language)) err(where, `unknown language ${s.language}`);
  if (typeof s.question !== 'string' || !s.question.trim()) err(where, 'empty question');
  else if (!scriptFits(s.language, s.question)) err(where, `question does not look like ${s.language}`);
  if (typeof s.topic !== 'string' || !s.topic) err(where, 'missing topic');
}

const pairIds = new Set();
const perStandard = new Map([...standards.keys()].map((id) => [id, []]));
for (const p of set.pairs) {
  const where = `pair ${p.id}`;
  if (!/^p\d{3}$/.test(p.id)) err(where, 'id must look like p001');
  if (pairIds.has(p.id)) err(where, 'duplicate id');
  pairIds.add(p.id);
  const s = standards.get(p.standard);
  if (!s) {
    err(where, `unknown standard ${p.standard}`);
    continue;
  }
  perStandard.get(p.standard).push(p);
  if (!LANGS.has(p.language)) err(where, `unknown language ${p.language}`);
  if (!scriptFits(p.language, p.question)) err(where, `question does not look like ${p.language}`);
  if (!(p.kind in KIND_LABEL)) err(where, `unknown kind ${p.kind}`);
  else if (KIND_LABEL[p.kind] !== p.label) err(where, `kind ${p.kind} needs label ${KIND_LABEL[p.kind]}`);
  if (p.kind === 'paraphrase' && p.language !== s.language) err(where, 'paraphrase in another language');
  if (p.kind === 'cross-language' && p.language === s.language)
    err(where, 'cross-language pair in the same language');
  if (!SPLITS.has(p.split)) err(where, `unknown split ${p.split}`);
  else if (p.split !== s.split) err(where, `split ${p.split} but its standard is ${s.split}`);
  if (p.question.trim().toLowerCase() === s.question.trim().toLowerCase())
    err(where, 'same text as its standard');
  if (p.sameAs !== undefined) {
    if (p.label !== 'different') err(where, 'sameAs on a "same" pair');
    if (!standards.has(p.sameAs) || p.sameAs === p.standard)
      err(where, `sameAs ${p.sameAs} is not another standard`);
  }
}

for (const [id, pairs] of perStandard) {
  const same = pairs.filter((p) => p.label === 'same').length;
  const near = pairs.filter((p) => p.kind === 'near-miss').length;
  if (same < 2 || same > 3) err(`standard ${id}`, `${same} "same" pairs, want 2-3`);
  if (near !== 2) err(`standard ${id}`, `${near} near misses, want 2`);
  const texts = pairs.map((p) => p.question.trim().toLowerCase());
  if (new Set(texts).size !== texts.length) err(`standard ${id}`, 'a question appears twice');
}

// Totals the brief asks for.
const count = (f) => set.pairs.filter(f).length;
const sameCount = count((p) => p.label === 'same');
const crossCount = count((p) => p.kind === 'cross-language');
const nearCount = count((p) => p.kind === 'near-miss');
const crossNear = count((p) => p.kind === 'near-miss' && p.language !== standards.get(p.standard)?.language);
const unrelatedCount = count((p) => p.kind === 'unrelated');
if (standards.size < 55 || standards.size > 65) err('set', `${standards.size} standards, want about 60`);
if (sameCount < 120) err('set', `${sameCount} "same" pairs, want at least 120`);
if (nearCount < 120) err('set', `${nearCount} near misses, want at least 120`);
if (unrelatedCount < 15 || unrelatedCount > 25)
  err('set', `${unrelatedCount} unrelated pairs, want about 20`);
if (crossCount < 15) err('set', `${crossCount} cross-language paraphrases, want at least 15`);

const standardLangs = new Set([...standards.values()].map((s) => s.language));
if (standardLangs.size < 6) err('set', `standards in ${standardLangs.size} languages, want at least 6`);
const pairLangs = new Map();
for (const p of set.pairs) pairLangs.set(p.language, (pairLangs.get(p.language) ?? 0) + 1);
const bigLangs = [...pairLangs].filter(([, n]) => n >= 15).length;
if (bigLangs < 5) err('set', `${bigLangs} languages with at least 15 pairs, want at least 5`);

const devStandards = [...standards.values()].filter((s) => s.split === 'dev').length;
const devShare = devStandards / standards.size;
if (Math.abs(devShare - DEV_SHARE) > 0.05)
  err('set', `dev holds ${Math.round(devShare * 100)}% of standards, want about 40%`);

// Each split on its own must still hold both labels in several languages, or scores on it mean little.
for (const split of SPLITS) {
  const inSplit = set.pairs.filter((p) => p.split === split);
  const langs = new Set(inSplit.map((p) => standards.get(p.standard)?.language));
  if (langs.size < 6) err(split, `standards in only ${langs.size} languages`);
  for (const label of ['same', 'different']) {
    if (!inSplit.some((p) => p.label === label)) err(split, `no "${label}" pairs`);
  }
}

const bySplit = (split, f) => set.pairs.filter((p) => p.split === split && f(p)).length;
console.log(
  `standards: ${standards.size} in ${standardLangs.size} languages (${devStandards} dev, ${standards.size - devStandards} test)`,
);
console.log(
  `pairs: ${set.pairs.length} — same ${sameCount} (cross-language ${crossCount}), near-miss ${nearCount} ` +
    `(cross-language ${crossNear}), unrelated ${unrelatedCount}`,
);
for (const split of SPLITS) {
  console.log(
    `  ${split}: ${bySplit(split, () => true)} pairs, same ${bySplit(split, (p) => p.label === 'same')}, ` +
      `different ${bySplit(split, (p) => p.label === 'different')}`,
  );
}
console.log(
  `employee-question languages: ${[...pairLangs]
    .sort((a, b) => b[1] - a[1])
    .map(([l, n]) => `${l} ${n}`)
    .join(', ')}`,
);
if (errors.length) {
  console.error(`${errors.length} error(s):\n  ${errors.join('\n  ')}`);
  process.exit(1);
}
console.log('ok');
