import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../src/rag/bm25-index.js';
import { analyze, createAnalyzer, normalizeText } from '../../src/rag/text-analyzer.js';

describe('analyze: segmentation', () => {
  it('splits Japanese, Chinese and Thai into words, not one blob per sentence', () => {
    expect(analyze('有給休暇は何日もらえますか？', 'ja')).toEqual(expect.arrayContaining(['有給', '休暇']));
    expect(analyze('我们的办公室在北京。', 'zh')).toEqual(expect.arrayContaining(['北京']));
    const thai = analyze('ฉันต้องการรีเซ็ตรหัสผ่าน', 'th');
    expect(thai).toEqual(expect.arrayContaining(['ต้องการ', 'รหัส']));
    expect(thai.length).toBeGreaterThanOrEqual(4);
  });

  it('segments the same way when the language is not given', () => {
    expect(analyze('有給休暇は何日もらえますか？')).toEqual(analyze('有給休暇は何日もらえますか？', 'ja'));
  });

  it('drops punctuation and spaces', () => {
    expect(analyze('  Hello, world!!! — ok?', 'en')).toEqual(['hello', 'world', 'ok']);
  });

  it('lets a Korean word without its particle match the word with it', () => {
    const search = (options: Parameters<typeof createAnalyzer>[0]) => {
      const index = new Bm25Index({ analyzer: createAnalyzer(options) });
      index.addText('reset', '비밀번호를 재설정하는 방법은 다음과 같습니다.', 'ko');
      index.addText('lunch', '점심 시간은 열두 시부터 한 시까지입니다.', 'ko');
      return index.searchText('비밀번호 재설정', 2, 'ko').map((hit) => hit.id);
    };
    expect(search({})).toEqual(['reset']);
    expect(search({ bigrams: 'none' })).toEqual([]);
  });
});

describe('analyze: normalisation', () => {
  it('folds width, case and invisible characters', () => {
    expect(analyze('ＶＰＮ　Ｐａｓｓ\u200bword', 'en')).toEqual(analyze('vpn password', 'en'));
    expect(normalizeText('Ａ\u00adB\ufeffc')).toBe('abc');
  });

  it('folds the Turkish dotted capital I to a plain i whatever the server locale', () => {
    expect(analyze('İSTANBUL', 'en')).toEqual(analyze('istanbul', 'en'));
    expect(normalizeText('İ')).toBe('i');
  });

  it('treats ß as ss and final sigma as sigma', () => {
    expect(analyze('Straße', 'de')).toEqual(analyze('STRASSE', 'de'));
    expect(normalizeText('ΟΔΟΣ')).toBe(normalizeText('οδος'));
  });
});

describe('analyze: stemming', () => {
  const shareStem = (a: string, b: string, language: string) => {
    const left = new Set(analyze(a, language));
    return analyze(b, language).some((term) => left.has(term));
  };

  it.each([
    ['en', 'passwords', 'password'],
    ['en', 'running', 'runs'],
    ['de', 'Häuser', 'Haus'],
    ['de', 'Urlaubstage', 'Urlaubstagen'],
    ['ru', 'книгами', 'книга'],
    ['ru', 'отпуска', 'отпуском'],
    ['es', 'vacaciones', 'vacación'],
    ['es', 'contraseñas', 'contraseña'],
    ['it', 'ferie', 'feria'],
    ['nl', 'wachtwoorden', 'wachtwoord'],
    ['tr', 'şifremi', 'şifre'],
    ['pl', 'urlopu', 'urlop'],
    ['pl', 'urlopem', 'urlopach'],
    ['pl', 'firmę', 'firma'],
  ])('%s: %s matches %s', (language, a, b) => {
    expect(shareStem(a, b, language)).toBe(true);
  });

  it('stems English words inside a Japanese text with the English stemmer', () => {
    expect(analyze('VPNのpasswords', 'ja')).toContain('password');
  });

  it('still matches on the words themselves when the query language is detected wrongly', () => {
    const index = new Bm25Index();
    index.addText('es', 'Las vacaciones anuales se solicitan en el portal de empleados.', 'es');
    index.addText('en', 'The cafeteria opens at eight in the morning.', 'en');
    expect(index.searchText('¿Cómo solicito mis vacaciones?', 1, 'pt')[0]?.id).toBe('es');
    expect(index.searchText('¿Cómo solicito mis vacaciones?', 1, 'en')[0]?.id).toBe('es');
    expect(index.searchText('¿Cómo solicito mis vacaciones?', 1)[0]?.id).toBe('es');
  });

  it('can be switched off', () => {
    expect(createAnalyzer({ stemming: 'off' })('passwords', 'en')).toEqual(['passwords']);
    expect(createAnalyzer({ stemming: 'replace' })('passwords', 'en')).toEqual(['password']);
  });

  it('matches a Polish word typed without its diacritics through the stem', () => {
    expect(shareStem('zmienić', 'zmienic', 'pl')).toBe(true);
    expect(shareStem('pensję', 'pensje', 'pl')).toBe(true);
  });

  it('leaves languages without a stemmer unchanged', () => {
    expect(analyze('mật khẩu', 'vi')).toEqual(['mật', 'khẩu']);
  });
});

describe('analyze: words written together', () => {
  it('indexes a Hebrew word with and without the one-letter prefix written onto it', () => {
    expect(analyze('והחופשה', 'he')).toEqual(['והחופשה', 'החופשה']);
    expect(analyze('בחופשה', 'he')).toEqual(['בחופשה', 'חופשה']);
    // The word itself stays first: a word that only starts with a prefix letter still matches itself.
    expect(analyze('בית', 'he')).toEqual(['בית']);
  });

  it('finds a Hebrew passage whose word carries a prefix the question does not', () => {
    const index = new Bm25Index();
    index.addText('leave', 'העובדים זכאים לחופשה שנתית של 14 ימים.', 'he');
    index.addText('parking', 'החניה בבניין פתוחה לכל העובדים.', 'he');
    expect(index.searchText('כמה ימי חופשה מגיעים לי?', 1, 'he')[0]?.id).toBe('leave');
  });

  it.each([
    ['it', "dell'accordo", 'accordo'],
    ['it', 'l’ufficio', 'ufficio'],
    ['fr', "l'entreprise", 'entreprise'],
    ['fr', "qu'il", 'il'],
    ['ca', "l'empresa", 'empresa'],
  ])('%s: the elided article of %s comes off (%s)', (language, word, bare) => {
    expect(analyze(word, language)).toContain(bare);
    expect(analyze(word, language).some((term) => /['’]/.test(term))).toBe(false);
  });

  it('keeps English words with an apostrophe whole', () => {
    expect(analyze("don't", 'en')).toContain("don't");
    expect(analyze("company's", 'en').some((term) => term.startsWith('company'))).toBe(true);
  });
});
