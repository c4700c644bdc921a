import { describe, expect, it } from 'vitest';
import {
  detectLanguage,
  detectQuestionLanguage,
  loadLanguageModel,
  resetLanguageModelForTests,
} from '../../src/inference/language.js';
import {
  LOCALE_CASES,
  detectionAccuracy,
  detectionTable,
  loadDetectionSet,
} from '../helpers/language-detection.js';

/*
 * The held-out half of test/corpus/language-detection (720 messages of at most 30 characters, 18
 * languages, written by a helper that never read the detector; its weights were chosen on the other
 * half). Issue 20's bar is 0.95 per language with the platform locale as the tie-breaker; without a
 * locale, or with an English one for everyone, the floor is the level measured when the detector was
 * built (docs/quality.md, "Language detection"), so that a change that loses ground fails here.
 */
const BAR_WITH_OWN_LOCALE = 0.95;
const FLOOR_OTHERWISE = 0.8;

describe('language detection on short employee messages', () => {
  const set = loadDetectionSet();
  const test = set.items.filter((item) => item.split === 'test');

  it('has the 18 languages of PolyLM, 40 held-out messages each', () => {
    expect([...set.languages].sort()).toEqual([
      'ar',
      'de',
      'en',
      'es',
      'fr',
      'he',
      'id',
      'it',
      'ja',
      'ko',
      'nl',
      'pl',
      'pt',
      'ru',
      'th',
      'tr',
      'vi',
      'zh',
    ]);
    for (const language of set.languages)
      expect(test.filter((item) => item.language === language)).toHaveLength(40);
  });

  it(`recognises every language on ≥ ${BAR_WITH_OWN_LOCALE} of its messages with the asker's locale, ≥ ${FLOOR_OTHERWISE} without`, async () => {
    const table = await detectionAccuracy(test, set.languages);
    process.stdout.write(`held-out language detection:\n${detectionTable(table, set.languages)}`);
    for (const locale of LOCALE_CASES) {
      const bar = locale === 'own' ? BAR_WITH_OWN_LOCALE : FLOOR_OTHERWISE;
      const below = [...table.get(locale)!].filter(([, share]) => share < bar);
      expect(below, `${locale} locale`).toEqual([]);
    }
  });

  it('detects documents without the model, and questions that the words decide without loading it', async () => {
    let loads = 0;
    resetLanguageModelForTests(async () => {
      loads++;
      return import('eld/small');
    });
    try {
      // Detected once with the model and once without, this text comes out differently (fr / en):
      // a document's language must not depend on whether a question loaded the model first.
      const document = 'Slack notifications broken';
      const documentLanguage = detectLanguage(document);
      // Function words that only one language has decide: the CLI's one-shot questions then never
      // pay for loading the model.
      const decided = [
        'How many vacation days do I get?',
        'Wie viele Urlaubstage habe ich?',
        'Onde fica o meu holerite?',
      ];
      expect(await Promise.all(decided.map((text) => detectQuestionLanguage(text)))).toEqual([
        'en',
        'de',
        'pt',
      ]);
      expect(loads).toBe(0);
      // A question the words do not decide loads it (once); a document never reads it.
      expect(await detectQuestionLanguage('Konto gesperrt, was tun?')).toBe('de');
      expect(await detectQuestionLanguage('jaaropgave')).toBeTypeOf('string');
      expect(loads).toBe(1);
      expect(detectLanguage(document)).toBe(documentLanguage);
    } finally {
      resetLanguageModelForTests();
    }
  });

  it('falls back to the detector without the model when eld cannot be loaded, and says so once', async () => {
    const logged: string[] = [];
    resetLanguageModelForTests(async () => {
      throw new Error('Cannot find package eld');
    });
    try {
      const logger = (_level: string, event: string) => logged.push(event);
      expect(await loadLanguageModel(logger)).toBeUndefined();
      expect(await loadLanguageModel(logger)).toBeUndefined();
      const text = 'Outlook stürzt ständig ab';
      expect(await detectQuestionLanguage(text)).toBe(detectLanguage(text));
      expect(logged).toEqual(['language.model_unavailable']);
    } finally {
      resetLanguageModelForTests();
    }
  });
});
