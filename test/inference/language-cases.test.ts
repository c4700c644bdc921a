import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/inference/language.js';

/**
 * Short helpdesk questions in Chinese and Japanese. The asker's language decides, whatever the
 * browser locale: each question must come out the same with no locale and with a ja, zh or en one.
 * Written before the detector's Han rules, from the kinds of question employees ask, not from them.
 */
const CASES: Readonly<Record<'zh-Hans' | 'zh-Hant' | 'ja kanji-only' | 'ja', readonly string[]>> = {
  'zh-Hans': [
    '请问年假怎么申请？',
    '这个月的工资什么时候发？',
    '报销需要哪些材料？',
    '会议室怎么预订？',
    '我的电脑开不了机',
    '打印机没有反应怎么办',
    '停车场收费标准是多少',
    '如何申请在家办公',
    '公司班车几点出发',
    '密码过期了怎么重置',
    '新员工入职需要带什么',
    '出差补贴标准',
  ],
  'zh-Hant': [
    '請問年假怎麼申請？',
    '這個月的薪水什麼時候發？',
    '報銷需要哪些文件？',
    '會議室怎麼預訂？',
    '我的電腦開不了機',
    '印表機沒有反應怎麼辦',
    '停車場收費標準是多少',
    '如何申請在家辦公',
    '公司交通車幾點出發',
    '密碼過期了怎麼重設',
    '新進員工報到需要帶什麼',
    '出差補助怎麼申請',
  ],
  'ja kanji-only': [
    '有給休暇申請方法',
    '駐車場利用料金',
    '経費精算締切日',
    '会議室予約方法',
    '健康診断日程',
    '在宅勤務申請',
    '交通費精算方法',
    '年末調整書類提出期限',
    '残業申請手続',
    '社員証再発行',
    '出張旅費規程',
    '給与明細確認',
  ],
  ja: [
    '有給休暇は何日もらえますか？',
    'VPNに接続できません',
    '経費精算の締め日はいつですか',
    '会議室の予約はどうすればいいですか',
    'パスワードを忘れました',
    '在宅勤務の申請方法を教えてください',
    '駐車場の料金はいくらですか',
    '年末調整の書類はどこで提出しますか',
    '健康診断の日程を知りたい',
    '社員証をなくしました',
    '出張の精算はどうやるの？',
    '給与明細はどこで見られますか',
  ],
};

const HINTS = [undefined, 'ja-JP', 'zh-CN', 'zh-TW', 'en-US'] as const;

describe('detectLanguage on Chinese and Japanese questions', () => {
  for (const [kind, questions] of Object.entries(CASES)) {
    const expected = kind.startsWith('zh') ? 'zh' : 'ja';
    for (const hint of HINTS) {
      it(`reads ${kind} questions as ${expected} with locale ${hint ?? 'none'}`, () => {
        const wrong = questions
          .map((question) => [question, detectLanguage(question, hint)] as const)
          .filter(([, language]) => language !== expected);
        expect(wrong).toEqual([]);
      });
    }
  }

  it('lets the locale decide Han text that any of the three could have written', () => {
    for (const text of ['人事部', '方法', '日本語', '年末']) {
      expect([text, detectLanguage(text, 'ja-JP')]).toEqual([text, 'ja']);
      expect([text, detectLanguage(text, 'zh-CN')]).toEqual([text, 'zh']);
      expect([text, detectLanguage(text, 'en-US')]).toEqual([text, 'zh']);
      expect([text, detectLanguage(text)]).toEqual([text, 'zh']);
    }
  });

  it('reads Chinese grammar in characters all three share', () => {
    expect(detectLanguage('能不能遠端工作', 'ja-JP')).toBe('zh'); // A-not-A question
    expect(detectLanguage('可以用公司電話嗎', 'ja-JP')).toBe('zh');
  });

  it('takes kana for Japanese even in a mostly Han question', () => {
    expect(detectLanguage('有給休暇の申請方法', 'zh-CN')).toBe('ja');
    expect(detectLanguage('経費精算について', 'zh-TW')).toBe('ja');
  });

  it('does not let a stray Japanese form turn a Chinese question Japanese', () => {
    expect(detectLanguage('日元和円有什么区别？', 'ja-JP')).toBe('zh');
    expect(detectLanguage('出差住宿費用可以報銷嗎？', 'ja-JP')).toBe('zh');
  });
});

describe('detectLanguage for languages PolyDesk has no messages for', () => {
  const ITALIAN = 'Come posso reimpostare la mia password?';
  const GREEK = 'Πώς αλλάζω τον κωδικό μου;';
  const HINDI = 'मुझे कितने दिन की छुट्टी मिलती है?';

  it('names the language when the locale offers nothing better', () => {
    expect(detectLanguage(ITALIAN)).toBe('it');
    expect(detectLanguage(ITALIAN, 'nl-NL')).toBe('it');
    expect(detectLanguage(GREEK)).toBe('el');
    expect(detectLanguage(HINDI, 'it-IT')).toBe('hi');
  });

  it('names the language the text shows even when the locale is another one (retrieval stems it as written)', () => {
    expect(detectLanguage(ITALIAN, 'fr-FR')).toBe('it');
    expect(detectLanguage(GREEK, 'de-DE')).toBe('el');
    expect(detectLanguage(HINDI, 'en-US')).toBe('hi');
    expect(detectLanguage('Hoeveel vakantiedagen krijg ik per jaar?', 'de-DE')).toBe('nl');
  });

  it('falls back to the locale for Latin-script languages the detector does not know', () => {
    expect(detectLanguage('Paano ko papalitan ang aking password?', 'en-US')).toBe('en');
    expect(detectLanguage('Kako da promenim lozinku?', 'de-DE')).toBe('de');
    expect(detectLanguage('Hur återställer jag mitt lösenord?', 'es-ES')).toBe('es');
  });

  it('keeps a supported language the text shows, whatever the locale', () => {
    expect(detectLanguage('연차 휴가는 며칠인가요?', 'ja-JP')).toBe('ko');
    expect(detectLanguage('Сколько дней отпуска мне положено?', 'en-US')).toBe('ru');
    expect(detectLanguage('How do I reset my password?', 'fr-FR')).toBe('en');
  });
});
