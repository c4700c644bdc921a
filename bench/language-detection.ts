/**
 * Language detection on short employee messages (test/corpus/language-detection: 18 languages, at
 * most 30 characters, written by a helper that never read the detector):
 * `node --import tsx bench/language-detection.ts [dev|test] [--no-model]`. The detector's weights were
 * chosen on `dev`; `test` is the measure (also run by npm test, test/inference/language-detection.test.ts).
 * `--no-model` measures the fallback used until eld's n-gram model is loaded, or when it cannot be.
 */
import { detectLanguage, detectQuestionLanguage, loadLanguageModel } from '../src/inference/language.js';
import { detectionAccuracy, detectionTable, loadDetectionSet } from '../test/helpers/language-detection.js';

const args = process.argv.slice(2);
const split = args.includes('dev') ? 'dev' : 'test';
const noModel = args.includes('--no-model');
if (!noModel) await loadLanguageModel();
const set = loadDetectionSet();
const items = set.items.filter((item) => item.split === split);
const table = await detectionAccuracy(
  items,
  set.languages,
  noModel ? detectLanguage : detectQuestionLanguage,
);
process.stdout.write(
  `language detection, ${split} split (${items.length} messages), ${noModel ? 'without' : 'with'} the n-gram model\n\n` +
    detectionTable(table, set.languages),
);
