import { describe, expect, it } from 'vitest';
import { MESSAGE_KEYS, resolveLanguage, SUPPORTED_LANGUAGES, t } from '../../src/core/i18n.js';

const REQUIRED = ['en', 'ja', 'zh', 'ko', 'th', 'es', 'fr', 'de', 'pt', 'id', 'vi', 'ar', 'ru'];

/** Keys whose text may legitimately equal the English one in a language ("Sources" in French). */
const MAY_MATCH_ENGLISH = new Set(['sources']);

describe('t', () => {
  it('covers every required language', () => {
    expect([...SUPPORTED_LANGUAGES].sort()).toEqual(expect.arrayContaining(REQUIRED));
  });

  it('has every message in every supported language, translated', () => {
    for (const language of SUPPORTED_LANGUAGES) {
      for (const key of MESSAGE_KEYS) {
        const text = t(language, key);
        expect(text.trim().length, `${language} ${key}`).toBeGreaterThan(0);
        if (language !== 'en' && !MAY_MATCH_ENGLISH.has(key)) {
          expect(text, `${language} ${key} is still English`).not.toBe(t('en', key));
        }
      }
    }
  });

  it('keeps the placeholders of the English text in every language', () => {
    for (const key of MESSAGE_KEYS) {
      const placeholders = t('en', key).match(/\{\w+\}/g) ?? [];
      for (const language of SUPPORTED_LANGUAGES) {
        for (const placeholder of placeholders)
          expect(t(language, key), `${language} ${key}`).toContain(placeholder);
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
    for (const language of SUPPORTED_LANGUAGES) {
      expect(t(language, 'questionTooLong', { max: '500' })).toContain('500');
      expect(t(language, 'questionTooLong', { max: 500 })).not.toContain('{max}');
    }
  });

  it('leaves a placeholder without a value as written', () => {
    expect(t('en', 'questionTooLong')).toContain('{max}');
    expect(t('en', 'questionTooLong', { other: 1 })).toContain('{max}');
  });

  it('speaks the asker language for regional tags and falls back to English for others', () => {
    expect(t('pt-BR', 'sources')).toBe('Fontes');
    expect(t('zh_Hant', 'sources')).toBe('来源');
    expect(t('ja-JP', 'notFound')).toBe(t('ja', 'notFound'));
    expect(t('xx', 'notFound')).toBe(t('en', 'notFound'));
    expect(t(undefined, 'busy')).toBe(t('en', 'busy'));
    expect(resolveLanguage('FR-ca')).toBe('fr');
    expect(resolveLanguage('sw')).toBe('en');
  });

  it('says what the product says, in English', () => {
    expect(t('en', 'extractive.intro')).toBe('Here is what I found in our documents:');
    expect(t('en', 'redacted.secret')).toBe('[secret removed]');
    expect(t('en', 'redacted.personal')).toBe('[personal data removed]');
    expect(t('en', 'searching')).toBe('Searching the knowledge base…');
  });
});
