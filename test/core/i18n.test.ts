import { describe, expect, it } from 'vitest';
import { MESSAGE_KEYS, resolveLanguage, SUPPORTED_LANGUAGES, t } from '../../src/core/i18n.js';
import { PROMPT_TEXT } from '../../src/inference/prompt-text.js';

/** The 18 languages PolyLM speaks: every message and the prompt must exist in each. */
const REQUIRED = [
  'zh',
  'en',
  'es',
  'fr',
  'pt',
  'ru',
  'de',
  'it',
  'ar',
  'ja',
  'ko',
  'th',
  'vi',
  'id',
  'nl',
  'pl',
  'tr',
  'he',
];

/** Messages that may read as the English one in a language: French "Sources" is French. */
const MAY_MATCH_ENGLISH = new Set(['fr sources']);

/** Languages written right to left, and the letters of their scripts. */
const RIGHT_TO_LEFT: Readonly<Record<string, RegExp>> = {
  ar: /\p{Script=Arabic}/u,
  he: /\p{Script=Hebrew}/u,
};

const placeholdersOf = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe('t', () => {
  it('has every message in each of the 18 languages, translated', () => {
    // The chat page offers the browser these languages to choose from.
    expect(SUPPORTED_LANGUAGES).toEqual(expect.arrayContaining(REQUIRED));
    for (const language of REQUIRED) {
      expect(resolveLanguage(language), `${language} has no messages`).toBe(language);
      for (const key of MESSAGE_KEYS) {
        const text = t(language, key);
        expect(text.trim().length, `${language} ${key}`).toBeGreaterThan(0);
        if (language !== 'en' && !MAY_MATCH_ENGLISH.has(`${language} ${key}`)) {
          expect(text, `${language} ${key} is still English`).not.toBe(t('en', key));
        }
      }
    }
  });

  it('keeps exactly the placeholders of the English text in every language', () => {
    for (const key of MESSAGE_KEYS) {
      const english = placeholdersOf(t('en', key));
      for (const language of REQUIRED)
        expect(placeholdersOf(t(language, key)), `${language} ${key}`).toEqual(english);
    }
  });

  it('writes Arabic and Hebrew messages mainly in their own right-to-left script', () => {
    for (const [language, script] of Object.entries(RIGHT_TO_LEFT)) {
      for (const key of MESSAGE_KEYS) {
        const letters = [...t(language, key).replace(/\{\w+\}/g, '')].filter((c) => /\p{L}/u.test(c));
        const own = letters.filter((c) => script.test(c)).length;
        expect(own / letters.length, `${language} ${key}: ${t(language, key)}`).toBeGreaterThan(0.8);
      }
    }
  });

  it('substitutes parameters, formatting numbers for the language', () => {
    expect(t('en', 'questionTooLong', { max: 4000 })).toBe(
      'That question is too long. Please keep it to 4,000 characters or fewer.',
    );
    expect(t('ja', 'questionTooLong', { max: 4000 })).toBe(
      '質問が長すぎます。4,000文字以内で入力してください。',
    );
    expect(t('de', 'questionTooLong', { max: 4000 })).toContain('4.000');
    expect(t('tr', 'questionTooLong', { max: 4000 })).toBe(
      'Soru çok uzun. Lütfen en fazla 4.000 karakter kullanın.',
    );
    for (const language of REQUIRED) {
      expect(t(language, 'questionTooLong', { max: '500' })).toContain('500');
      expect(t(language, 'questionTooLong', { max: 500 })).not.toContain('{max}');
    }
  });

  it('leaves a placeholder without a value as written', () => {
    expect(t('en', 'questionTooLong')).toContain('{max}');
    expect(t('en', 'questionTooLong', { other: 1 })).toContain('{max}');
  });

  it('speaks the asker language for regional and retired tags and falls back to English for others', () => {
    expect(t('pt-BR', 'sources')).toBe('Fontes');
    expect(t('zh_Hant', 'sources')).toBe('来源');
    expect(t('ja-JP', 'notFound')).toBe(t('ja', 'notFound'));
    expect(t('he-IL', 'sources')).toBe('מקורות');
    expect(t('iw', 'sources')).toBe('מקורות');
    expect(t('it-CH', 'sources')).toBe('Fonti');
    expect(t('xx', 'notFound')).toBe(t('en', 'notFound'));
    expect(t(undefined, 'busy')).toBe(t('en', 'busy'));
    expect(resolveLanguage('FR-ca')).toBe('fr');
    expect(resolveLanguage('sw')).toBe('en');
    expect(resolveLanguage('toString')).toBe('en');
  });

  it('says what the product says, in English', () => {
    expect(t('en', 'extractive.intro')).toBe('Here is what I found in our documents:');
    expect(t('en', 'redacted.secret')).toBe('[secret removed]');
    expect(t('en', 'redacted.personal')).toBe('[personal data removed]');
    expect(t('en', 'searching')).toBe('Searching the knowledge base…');
  });

  it('writes the redaction masks in brackets in every language', () => {
    for (const language of REQUIRED) {
      for (const key of ['redacted.secret', 'redacted.personal', 'redacted.other'] as const)
        expect(t(language, key), `${language} ${key}`).toMatch(/^\[[^[\]]+\]$/);
    }
  });
});

describe('PROMPT_TEXT', () => {
  it('instructs the model in each of the 18 languages, keeping the fence, [n] and {lang}', () => {
    const english = PROMPT_TEXT['en']!;
    for (const language of REQUIRED) {
      const text = PROMPT_TEXT[language];
      expect(text, `${language} has no prompt`).toBeDefined();
      expect(text!.data, language).toContain('<<<SOURCE n>>> … <<<END SOURCE n>>>');
      expect(text!.rules, language).toContain('[n]');
      for (const field of ['answerIn', 'firm', 'translate'] as const)
        expect(placeholdersOf(text![field]), `${language} ${field}`).toEqual(['{lang}']);
      for (const [field, value] of Object.entries(text!)) {
        expect(value.trim().length, `${language} ${field}`).toBeGreaterThan(0);
        if (language !== 'en')
          expect(value, `${language} ${field} is still English`).not.toBe(
            english[field as keyof typeof english],
          );
      }
    }
  });
});
