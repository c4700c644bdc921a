// Builds pairs.json from source.mjs: numbers the standards and pairs, names each pair's kind and
// label, and splits the standards into dev and test with a seeded shuffle.
//   node test/corpus/standard-answer-pairs/build.mjs
// Plain Node, no dependencies. check.mjs imports buildSet() to confirm pairs.json is current.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STANDARDS } from './source.mjs';

// Changing the seed reshuffles the split; a tuned matcher would then have seen test standards, so
// the seed stays fixed once results have been reported against this set.
export const SEED = 20261205;
export const DEV_SHARE = 0.4;

const DESCRIPTION =
  'Pairs of (standard question, employee question) for PolyDesk standard answers. label "same": the ' +
  'standard question\'s answer fully answers the employee question; "different": it would be a wrong ' +
  'or incomplete answer. Kinds: paraphrase (same language), cross-language (same meaning, other ' +
  'language), near-miss (shares topic and words, asks something else; may be in another language), ' +
  'unrelated (clearly another topic). sameAs (optional, on a few "different" pairs): another ' +
  'standard that does answer the question. Split by standard question: tune only on dev, never on ' +
  'test. ' +
  'See README.md.';

// mulberry32: small, well-known 32-bit PRNG, so the split is reproducible on any Node version.
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items, random) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Dev/test by standard question. The shuffle is stratified by the standard's language (first
 * round(40%) of each language's shuffled standards go to dev) so that both splits cover the main
 * languages; a language with a single standard lands in test.
 */
function splitStandards(standards) {
  const order = shuffle(
    standards.map((s) => s.id),
    mulberry32(SEED),
  );
  const byLanguage = new Map();
  for (const id of order) {
    const lang = standards.find((s) => s.id === id).language;
    if (!byLanguage.has(lang)) byLanguage.set(lang, []);
    byLanguage.get(lang).push(id);
  }
  const split = new Map();
  for (const ids of byLanguage.values()) {
    const dev = Math.round(ids.length * DEV_SHARE);
    ids.forEach((id, i) => split.set(id, i < dev ? 'dev' : 'test'));
  }
  return split;
}

const entry = (value, fallback) => (Array.isArray(value) ? value : [fallback, value]);

export function buildSet() {
  const standards = STANDARDS.map((s, i) => ({
    id: `s${String(i + 1).padStart(2, '0')}`,
    language: s.language,
    question: s.question,
    topic: s.topic,
  }));
  const split = splitStandards(standards);
  const idByQuestion = new Map(standards.map((s) => [s.question, s.id]));
  const pairs = [];
  const add = (standard, [language, question, sameAsQuestion], label, kind) => {
    const pair = {
      id: `p${String(pairs.length + 1).padStart(3, '0')}`,
      standard: standard.id,
      question,
      language,
      label,
      kind,
      split: split.get(standard.id),
    };
    if (sameAsQuestion !== undefined) {
      const other = idByQuestion.get(sameAsQuestion);
      if (!other) throw new Error(`sameAs names no standard question: ${sameAsQuestion}`);
      pair.sameAs = other;
    }
    pairs.push(pair);
  };
  STANDARDS.forEach((source, i) => {
    const standard = standards[i];
    for (const value of source.same) {
      const e = entry(value, standard.language);
      add(standard, e, 'same', e[0] === standard.language ? 'paraphrase' : 'cross-language');
    }
    for (const value of source.nearMiss)
      add(standard, entry(value, standard.language), 'different', 'near-miss');
    if (source.unrelated) add(standard, entry(source.unrelated, standard.language), 'different', 'unrelated');
  });
  return {
    description: DESCRIPTION,
    seed: SEED,
    standards: standards.map((s) => ({ ...s, split: split.get(s.id) })),
    pairs,
  };
}

export const serialize = (set) => `${JSON.stringify(set, null, 2)}\n`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const set = buildSet();
  const file = join(dirname(fileURLToPath(import.meta.url)), 'pairs.json');
  writeFileSync(file, serialize(set));
  const dev = set.standards.filter((s) => s.split === 'dev').length;
  console.log(`wrote ${file}: ${set.standards.length} standards (${dev} dev), ${set.pairs.length} pairs`);
}
