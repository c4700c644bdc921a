import { describe, expect, it } from 'vitest';
import { LEANING_MARGIN, followUpOf, isSure, leansOnEarlier } from '../../src/answer/follow-up.js';
import { answerTypeOf, holdsAnswerType } from '../../src/inference/answer-types.js';
import { createExtractiveGenerator } from '../../src/inference/extractive-generator.js';
import { numberAlternatives } from '../../src/inference/number-words.js';
import { splitSentences } from '../../src/inference/sentences.js';
import { analyze, analyzeWords } from '../../src/rag/text-analyzer.js';

describe('answer types from the question form', () => {
  it.each([
    ['How many days of sick leave do I get?', 'en', 'quantity'],
    ['有給休暇は何日もらえますか？', 'ja', 'quantity'],
    ['我一年有几天年假？', 'zh', 'quantity'],
    ['ลาพักร้อนได้กี่วัน', 'th', 'quantity'],
    ['Kaç gün izin alabilirim?', 'tr', 'quantity'],
    ['When was the university founded?', 'en', 'time'],
    ['いつまでに申請しますか？', 'ja', 'time'],
    ['Who approves my leave?', 'en', 'person'],
    ['Where is the lost and found?', 'en', 'place'],
    ['How do I reset my password?', 'en', 'procedure'],
    ['忘记密码怎么办？', 'zh', 'procedure'],
    ['Is there a gym at the office?', 'en', undefined],
    // A word that asks in one language is an ordinary word in another.
    ['How do I use the AI assistant?', 'en', 'procedure'],
    ['Je cherche le formulaire qui sert aux notes de frais', 'fr', undefined],
    ['Bilgisayar ile ilgili sorun', 'tr', undefined],
  ] as const)('%s (%s) → %s', (question, language, type) => {
    expect(answerTypeOf(question, language)).toBe(type);
  });

  it('counts only expressions the question does not already hold', () => {
    expect(
      holdsAnswerType('quantity', 'Full-time staff get 20 days per year.', 'How many days?', false),
    ).toBe(true);
    expect(
      holdsAnswerType('quantity', 'Leave in 2026 is booked in the portal.', 'How many days in 2026?', false),
    ).toBe(false);
    expect(holdsAnswerType('time', 'Submit it by 31 March.', 'When is the deadline?', false)).toBe(true);
    expect(holdsAnswerType('time', 'You may ask your manager.', 'When can I ask?', false)).toBe(false);
    expect(holdsAnswerType('person', 'Your manager approves it.', 'Who approves it?', false)).toBe(false);
    expect(holdsAnswerType('person', 'It is approved by Hana Sato.', 'Who approves it?', false)).toBe(true);
    expect(holdsAnswerType('person', '上長が承認します。', '誰が承認しますか？', false)).toBeUndefined();
    expect(holdsAnswerType('procedure', 'Open the portal.', 'How do I apply?', true)).toBe(true);
    expect(
      holdsAnswerType('procedure', 'Go to id.example.com and click Reset.', 'How do I reset it?', false),
    ).toBeUndefined();
  });
});

describe('quotable units', () => {
  it('cuts Lao, Khmer and Burmese at the spaces between clauses, like Thai', () => {
    const lao = 'ພະນັກງານເຕັມເວລາໄດ້ຮັບວັນພັກປະຈຳປີ 20 ວັນຕໍ່ປີ ການຂໍລາພັກຕ້ອງສົ່ງຜ່ານລະບົບບຸກຄົນລ່ວງໜ້າຫ້າວັນ';
    expect(splitSentences(lao, 'lo', 300).length).toBe(2);
    const khmer = 'បុគ្គលិកពេញម៉ោងទទួលបានច្បាប់ឈប់សម្រាកម្ភៃថ្ងៃក្នុងមួយឆ្នាំ។ សូមដាក់ពាក្យស្នើសុំតាមប្រព័ន្ធធនធានមនុស្ស។';
    expect(splitSentences(khmer, 'km', 300).length).toBe(2);
  });

  it('marks list items, code and configuration lines, and cut pieces', () => {
    const text = [
      'To reset your password:',
      '1. Open the portal.',
      '- Choose Forgot password.',
      '```',
      'polydesk reset --user me',
      '```',
      '[database]',
      'url = postgres://db',
      `${'A long sentence that keeps going with many words, '.repeat(6)}and ends here.`,
    ].join('\n');
    const units = splitSentences(text, 'en', 120);
    expect(units.find((u) => u.text === 'Open the portal.')).toMatchObject({ item: true, kind: 'statement' });
    expect(units.find((u) => u.text === 'Choose Forgot password.')?.item).toBe(true);
    expect(units.find((u) => u.text.startsWith('polydesk reset'))?.kind).toBe('code');
    // A section line names the settings under it: their heading, whether in a code block or not.
    expect(units.find((u) => u.text === '[database]')?.kind).toBe('heading');
    expect(units.find((u) => u.text.startsWith('url ='))?.kind).toBe('code');
    const pieces = units.filter((u) => u.text.includes('keeps going') || u.text.includes('ends here'));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces[0]!.cut).toEqual({ before: false, after: true });
    // A table row as ingest stores it: cells between " | ", the outer pipes gone.
    const table = splitSentences(
      'Level | Tokyo (JPY) | Madrid (EUR)\nL1 | 4,200,000 | 28,000\nPlain text | not a row.',
      'en',
      300,
    );
    expect(table.map((u) => u.item)).toEqual([true, true, false]);
    expect(pieces.at(-1)!.cut).toEqual({ before: true, after: false });
  });
});

describe('follow-ups', () => {
  const history = [
    { role: 'user' as const, text: 'How many days of annual leave do I get?' },
    { role: 'assistant' as const, text: 'Full-time staff get 20 days.' },
  ];
  it.each([
    ['And how far in advance do I have to request it?', 'en'],
    ['And for part-timers?', 'en'],
    ['Is that paid?', 'en'],
    ['Und wie lange dauert das dafür?', 'de'],
    ['それと、半休は取れますか？', 'ja'],
    ['那兼职员工呢？', 'zh'],
    ['Et ça, c’est payé ?', 'fr'],
    ['¿Y ahí también?', 'es'],
    ['E lì?', 'it'],
    ['ומה עם עובדים במשרה חלקית?', 'he'],
    ['וכמה זמן מראש צריך לבקש?', 'he'],
    ['האם זה בתשלום?', 'he'],
    ['איך מגישים בקשה על זה?', 'he'],
    ['מי מאשר את זה', 'he'],
  ] as const)('%s continues the previous question', (text, language) => {
    expect(followUpOf(history, text, language)).toBe(history[0]!.text);
  });
  it.each([
    ['Where do I pick up a lost laptop charger at the Tokyo office?', 'en'],
    ['Where is the cafeteria?', 'en'],
    ['How do I contact IT?', 'en'],
    ['Gibt es das Jobticket auch für Werkstudenten?', 'de'],
    ['¿Qué es la VPN?', 'es'],
    ['另外问一下，会议室的投屏用不了应该找谁？', 'zh'],
    ['それぞれの手当はいくらですか？', 'ja'],
    ['وقت العمل في المكتب؟', 'ar'],
    ['Co to jest VPN?', 'pl'],
    ['Y a-t-il une salle de sport au bureau ?', 'fr'],
    ['还有多少天年假？', 'zh'],
    ['מה זה VPN?', 'he'],
    ['ויזה לעובדים זרים – איך מגישים בקשה?', 'he'],
    ['ועד העובדים – למי פונים?', 'he'],
    ['ותק של כמה שנים מזכה בימי חופשה נוספים?', 'he'],
    ['איפה חדר האוכל?', 'he'],
  ] as const)('%s stands alone', (text, language) => {
    expect(followUpOf(history, text, language)).toBeUndefined();
  });
  it('has nothing to continue without an earlier question', () => {
    expect(followUpOf([], 'And for part-timers?', 'en')).toBeUndefined();
  });
  it('reads a question with the previous one only when that finds what alone it does not, or is clearly surer', () => {
    const reading = (notFound: boolean, confidence: number) => ({
      text: '',
      cited: [],
      generator: 'extractive',
      extractive: true,
      notFound,
      confidence,
    });
    expect(leansOnEarlier(reading(true, 0.1), reading(false, 0.3))).toBe(true);
    expect(leansOnEarlier(reading(false, 0.4), reading(true, 0.1))).toBe(false);
    expect(leansOnEarlier(reading(true, 0.1), reading(true, 0.2))).toBe(false);
    expect(leansOnEarlier(reading(false, 0.5), reading(false, 0.5 + LEANING_MARGIN))).toBe(true);
    expect(leansOnEarlier(reading(false, 0.5), reading(false, 0.55))).toBe(false); // a new topic stays alone
    // Alone this sure, the reading with the previous question could not win: it is not made.
    expect(isSure(reading(false, 1 - LEANING_MARGIN))).toBe(true);
    expect(isSure(reading(false, 0.5))).toBe(false);
    expect(isSure(reading(true, 0.99))).toBe(false);
  });
});

describe('small numbers as digits or words', () => {
  it('offers the other spelling in languages that spell numbers, and nothing for other words', () => {
    expect(numberAlternatives('3', 'en')).toEqual(['three']);
    expect(numberAlternatives('drei', 'de')).toEqual(['3']);
    expect(numberAlternatives('5', 'pl')).toEqual(['pięć', 'pięciu']);
    expect(numberAlternatives('שלושה', 'he')).toEqual(['3', 'שלוש']);
    expect(numberAlternatives('dört', 'tr')).toEqual(['4']);
    expect(numberAlternatives('2', 'pt')).toEqual(['dois', 'duas']);
    expect(numberAlternatives('1', 'en')).toEqual([]); // "one" is as often a pronoun
    expect(numberAlternatives('30', 'en')).toEqual([]);
    expect(numberAlternatives('3', 'zh')).toEqual([]); // 三 would be found inside too many words
    expect(numberAlternatives('days', 'en')).toEqual([]);
  });

  it('quotes the sentence that spells the number the question writes in digits', async () => {
    const leave = {
      docId: 'leave',
      source: 'leave.md',
      title: 'Annual leave',
      chunkId: 'leave#0',
      score: 1,
      text: 'Full-time employees get 20 days of paid leave per year.\n\nA colleague working three days a week receives 12 days.',
      language: 'en',
      headingPath: [],
      classification: 'internal' as const,
      audience: ['all'],
    };
    const reader = createExtractiveGenerator({ tokenize: analyze, words: analyzeWords, minConfidence: 0 });
    const reading = reader.explain({
      question: 'I work 3 days a week, how many days of leave do I get?',
      language: 'en',
      sources: [leave],
      history: [],
    });
    expect(reading.quotes[0]?.text).toBe('A colleague working three days a week receives 12 days.');
  });
});
