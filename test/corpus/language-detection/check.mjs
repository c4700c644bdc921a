// Validates short-questions.json. Plain Node, no dependencies:
//   node test/corpus/language-detection/check.mjs
// Exit code 1 on any error. Lengths are JavaScript string lengths (UTF-16 code units), the unit the
// brief sets for "at most 30 characters".
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const LANGUAGES = ['zh', 'en', 'es', 'fr', 'pt', 'ru', 'de', 'it', 'ar', 'ja', 'ko', 'th', 'vi', 'id', 'nl', 'pl', 'tr', 'he'];
const PER_LANGUAGE = 60;
const DEV = 20;
const TEST = 40;
const MAX_LENGTH = 30;
const KEYS = new Set(['id', 'language', 'text', 'split', 'noDiacritics', 'variant', 'kanjiOnly']);
const KANA = /[\u3040-\u30ff\uff66-\uff9f]/;

const data = JSON.parse(readFileSync(join(here, 'short-questions.json'), 'utf8'));
const errors = [];
const fail = (where, message) => errors.push(`${where}: ${message}`);

if (typeof data.description !== 'string' || data.description.trim() === '') fail('file', 'no description');
if (JSON.stringify([...(data.languages ?? [])].sort()) !== JSON.stringify([...LANGUAGES].sort()))
  fail('file', `languages must be exactly ${LANGUAGES.join(', ')}`);
if (!Array.isArray(data.items)) throw new Error('items is not an array');

const ids = new Set();
const texts = new Map();
const counts = Object.fromEntries(LANGUAGES.map((l) => [l, { dev: 0, test: 0, noDiacritics: 0, zhTW: 0, kanjiOnly: 0 }]));
let longest = 0;

for (const [index, item] of data.items.entries()) {
  const where = item?.id ?? `items[${index}]`;
  for (const key of Object.keys(item)) if (!KEYS.has(key)) fail(where, `unexpected key ${key}`);
  if (!LANGUAGES.includes(item.language)) {
    fail(where, `unknown language ${item.language}`);
    continue;
  }
  const c = counts[item.language];
  if (!new RegExp(`^${item.language}-\\d{3}$`).test(item.id ?? '')) fail(where, 'id must be <language>-<3 digits>');
  if (ids.has(item.id)) fail(where, 'duplicate id');
  ids.add(item.id);

  if (typeof item.text !== 'string' || item.text.trim() === '') {
    fail(where, 'empty text');
    continue;
  }
  if (item.text !== item.text.trim()) fail(where, 'leading or trailing whitespace');
  if (item.text !== item.text.normalize('NFC')) fail(where, 'text is not NFC');
  if (item.text.length > MAX_LENGTH) fail(where, `${item.text.length} UTF-16 units, more than ${MAX_LENGTH}`);
  longest = Math.max(longest, item.text.length);
  // Compare case-insensitively so "VPN not working" and "vpn not working" count as one text.
  const key = item.text.toLowerCase();
  if (texts.has(key)) fail(where, `same text as ${texts.get(key)}`);
  texts.set(key, item.id);

  if (item.split === 'dev') c.dev++;
  else if (item.split === 'test') c.test++;
  else fail(where, `split must be dev or test, not ${item.split}`);

  if ('noDiacritics' in item) {
    if (item.noDiacritics !== true) fail(where, 'noDiacritics, when present, must be true');
    // A message typed without diacritics has only plain ASCII letters.
    if (/[^\x20-\x7e]/.test(item.text)) fail(where, 'marked noDiacritics but has non-ASCII characters');
    c.noDiacritics++;
  }
  if ('variant' in item) {
    if (item.language !== 'zh' || item.variant !== 'zh-TW') fail(where, 'variant is only "zh-TW" on zh items');
    c.zhTW++;
  }
  if ('kanjiOnly' in item) {
    if (item.language !== 'ja' || item.kanjiOnly !== true) fail(where, 'kanjiOnly is only true on ja items');
    c.kanjiOnly++;
  }
  if (item.language === 'ja' && !KANA.test(item.text) !== (item.kanjiOnly === true))
    fail(where, 'kanjiOnly must be set exactly when the text has no kana');
}

for (const language of LANGUAGES) {
  const c = counts[language];
  if (c.dev + c.test !== PER_LANGUAGE) fail(language, `${c.dev + c.test} items, expected ${PER_LANGUAGE}`);
  if (c.dev !== DEV || c.test !== TEST) fail(language, `split ${c.dev}/${c.test}, expected ${DEV}/${TEST}`);
}
if (counts.vi.noDiacritics > 2) fail('vi', `${counts.vi.noDiacritics} items without tones, at most 2`);

console.log('lang  dev test  noDiacritics  zh-TW  kanjiOnly');
for (const language of LANGUAGES) {
  const c = counts[language];
  console.log(
    `${language.padEnd(5)} ${String(c.dev).padStart(3)} ${String(c.test).padStart(4)}  ${String(c.noDiacritics).padStart(12)}  ${String(c.zhTW).padStart(5)}  ${String(c.kanjiOnly).padStart(9)}`,
  );
}
console.log(`${data.items.length} items, longest ${longest} UTF-16 units`);
if (errors.length > 0) {
  for (const e of errors) console.error(`ERROR ${e}`);
  console.error(`${errors.length} error(s)`);
  process.exit(1);
}
console.log('ok');
