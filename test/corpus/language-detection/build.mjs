// Builds short-questions.json from source.txt. Plain Node, no dependencies:
//   node test/corpus/language-detection/build.mjs
// The dev/test split is drawn by a seeded shuffle (not by hand) so that nobody picks the easy items
// for test; rerunning with the same source and seed gives the same file.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const LANGUAGES = ['zh', 'en', 'es', 'fr', 'pt', 'ru', 'de', 'it', 'ar', 'ja', 'ko', 'th', 'vi', 'id', 'nl', 'pl', 'tr', 'he'];
const SEED = 20261205;
const DEV_PER_LANGUAGE = 20;
const FLAGS = { nd: 'noDiacritics', tw: 'variant' };

// mulberry32: a tiny seeded generator, enough for a reproducible shuffle.
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

const byLanguage = new Map();
let current = null;
for (const raw of readFileSync(join(here, 'source.txt'), 'utf8').split('\n')) {
  if (raw.startsWith('## ')) {
    current = raw.slice(3).trim();
    if (!LANGUAGES.includes(current)) throw new Error(`unknown language section ${current}`);
    byLanguage.set(current, []);
    continue;
  }
  if (raw.trim() === '' || raw.startsWith('# ')) continue;
  if (current === null) throw new Error(`line before any language section: ${raw}`);
  const [text, flags = ''] = raw.split('\t');
  const item = { text: text.normalize('NFC') };
  for (const flag of flags.split(',').filter(Boolean)) {
    if (!(flag in FLAGS)) throw new Error(`unknown flag ${flag} on ${text}`);
    if (flag === 'nd') item.noDiacritics = true;
    if (flag === 'tw') item.variant = 'zh-TW';
  }
  byLanguage.get(current).push(item);
}

const random = mulberry32(SEED);
const items = [];
for (const language of LANGUAGES) {
  const list = byLanguage.get(language) ?? [];
  const order = list.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const dev = new Set(order.slice(0, DEV_PER_LANGUAGE));
  list.forEach((source, i) => {
    const item = {
      id: `${language}-${String(i + 1).padStart(3, '0')}`,
      language,
      text: source.text,
      split: dev.has(i) ? 'dev' : 'test',
    };
    if (source.noDiacritics) item.noDiacritics = true;
    if (source.variant) item.variant = source.variant;
    // Japanese written with kanji and no kana at all is the case most easily mistaken for Chinese.
    if (language === 'ja' && !/[\u3040-\u30ff\uff66-\uff9f]/.test(source.text)) item.kanjiOnly = true;
    items.push(item);
  });
}

const head = {
  description:
    'Short employee helpdesk messages (at most 30 UTF-16 code units) in 18 languages, for measuring ' +
    'language detection. Written independently of the detector on 2026-12-05; tune on split "dev" only, ' +
    'never on "test". See README.md.',
  languages: LANGUAGES,
};
const lines = items.map((item) => '    ' + JSON.stringify(item));
const json =
  '{\n' +
  `  "description": ${JSON.stringify(head.description)},\n` +
  `  "languages": ${JSON.stringify(head.languages)},\n` +
  '  "items": [\n' +
  lines.join(',\n') +
  '\n  ]\n}\n';
JSON.parse(json);
writeFileSync(join(here, 'short-questions.json'), json);
console.log(`wrote ${items.length} items`);
