import { describe, expect, it } from 'vitest';
import { followUpOf } from '../../src/answer/follow-up.js';
import { answerTypeOf, holdsAnswerType } from '../../src/inference/answer-types.js';
import { splitSentences } from '../../src/inference/sentences.js';

describe('answer types from the question form', () => {
  it.each([
    ['How many days of sick leave do I get?', 'quantity'],
    ['有給休暇は何日もらえますか？', 'quantity'],
    ['我一年有几天年假？', 'quantity'],
    ['ลาพักร้อนได้กี่วัน', 'quantity'],
    ['Kaç gün izin alabilirim?', 'quantity'],
    ['When was the university founded?', 'time'],
    ['いつまでに申請しますか？', 'time'],
    ['Who approves my leave?', 'person'],
    ['Where is the lost and found?', 'place'],
    ['How do I reset my password?', 'procedure'],
    ['忘记密码怎么办？', 'procedure'],
    ['Is there a gym at the office?', undefined],
  ] as const)('%s → %s', (question, type) => {
    expect(answerTypeOf(question)).toBe(type);
  });

  it('counts only expressions the question does not already hold', () => {
    expect(
      holdsAnswerType('quantity', 'Full-time staff get 20 days per year.', 'How many days?', false),
    ).toBe(true);
    expect(
      holdsAnswerType('quantity', 'Leave in 2026 is booked in the portal.', 'How many days in 2026?', false),
    ).toBe(false);
    expect(holdsAnswerType('time', 'Submit it by 31 March.', 'When is the deadline?', false)).toBe(true);
    expect(holdsAnswerType('person', 'Your manager approves it.', 'Who approves it?', false)).toBe(false);
    expect(holdsAnswerType('person', 'It is approved by Hana Sato.', 'Who approves it?', false)).toBe(true);
    expect(holdsAnswerType('person', '上長が承認します。', '誰が承認しますか？', false)).toBeUndefined();
    expect(holdsAnswerType('procedure', 'Open the portal.', 'How do I apply?', true)).toBe(true);
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
    expect(units.find((u) => u.text === '[database]')?.kind).toBe('code');
    expect(units.find((u) => u.text.startsWith('url ='))?.kind).toBe('code');
    const pieces = units.filter((u) => u.text.includes('keeps going') || u.text.includes('ends here'));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces[0]!.cut).toEqual({ before: false, after: true });
    expect(pieces.at(-1)!.cut).toEqual({ before: true, after: false });
  });
});

describe('follow-ups', () => {
  const history = [
    { role: 'user' as const, text: 'How many days of annual leave do I get?' },
    { role: 'assistant' as const, text: 'Full-time staff get 20 days.' },
  ];
  it.each([
    'And how far in advance do I have to request it?',
    'And for part-timers?',
    'Is that paid?',
    '食事代は？',
  ])('%s continues the previous question', (text) => {
    expect(followUpOf(history, text)).toBe(history[0]!.text);
  });
  it.each([
    'Where do I pick up a lost laptop charger at the Tokyo office?',
    '另外问一下，会议室的投屏用不了应该找谁？',
  ])('%s stands alone', (text) => {
    expect(followUpOf(history, text)).toBeUndefined();
  });
  it('has nothing to continue without an earlier question', () => {
    expect(followUpOf([], 'And for part-timers?')).toBeUndefined();
  });
});
