import { describe, expect, it } from 'vitest';
import { threadSummaryIntent } from '../../src/bot/thread-summary-intent.js';
import { SUPPORTED_LANGUAGES } from '../../src/core/i18n.js';

/** How people ask for a thread's summary, in each language PolyDesk answers in (with "here" or not). */
const REQUESTS: Readonly<Record<string, readonly [string, boolean][]>> = {
  en: [
    ['summarise this thread', false],
    ['Summarize the conversation, please.', false],
    ['can you sum up this discussion?', false],
    ['tl;dr', false],
    ['summarise this thread here', true],
  ],
  ja: [
    ['このスレッドを要約して', false],
    ['要約してください', false],
    ['このスレッドをここにまとめて', true],
  ],
  zh: [
    ['总结一下这个帖子', false],
    ['請總結這個討論串', false],
    ['在这里总结这个对话', true],
  ],
  ko: [
    ['이 스레드 요약해줘', false],
    ['여기에 이 대화 요약해 주세요', true],
  ],
  th: [
    ['สรุปเธรดนี้หน่อย', false],
    ['ช่วยสรุปบทสนทนานี้ที่นี่ครับ', true],
  ],
  es: [
    ['resume este hilo', false],
    ['Resume este hilo aquí, por favor', true],
  ],
  fr: [
    ['résume ce fil', false],
    ['Résumez cette conversation ici, s’il vous plaît', true],
  ],
  de: [
    ['Fass diesen Thread zusammen', false],
    ['bitte fasse den Verlauf hier zusammen', true],
    ['Thread zusammenfassen', false],
  ],
  pt: [
    ['resuma esta conversa', false],
    ['Resuma este tópico aqui', true],
  ],
  id: [
    ['ringkas utas ini', false],
    ['tolong rangkum percakapan ini di sini', true],
  ],
  vi: [
    ['tóm tắt chuỗi tin nhắn này', false],
    ['Hãy tóm tắt cuộc trò chuyện này ở đây', true],
  ],
  ar: [
    ['لخّص هذه المحادثة', false],
    ['لخص هذا النقاش هنا', true],
  ],
  ru: [
    ['резюмируй эту ветку', false],
    ['Подытожь обсуждение здесь, пожалуйста', true],
  ],
  it: [
    ['riassumi questo thread', false],
    ['Riassumi questa discussione qui', true],
  ],
  nl: [
    ['vat deze thread samen', false],
    ['Vat het gesprek hier samen', true],
  ],
  pl: [
    ['podsumuj ten wątek', false],
    ['Podsumuj tę rozmowę tutaj', true],
  ],
  tr: [
    ['bu konuyu özetle', false],
    ['sohbeti buraya özetle', true],
  ],
  he: [
    ['סכם את השרשור הזה', false],
    ['תסכם את הדיון כאן', true],
  ],
};

describe('threadSummaryIntent', () => {
  it('has requests in every language PolyDesk answers in', () => {
    expect(Object.keys(REQUESTS).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
  });

  it.each(Object.entries(REQUESTS))(
    'recognises a request in %s, in that language, and "here"',
    (language, requests) => {
      for (const [text, here] of requests)
        expect(threadSummaryIntent(text), text).toEqual({ language, here });
    },
  );

  it('leaves questions, document summaries and long messages alone', () => {
    for (const text of [
      'How do I summarise a PDF?',
      'summarise the leave policy',
      'What did we decide in this thread?',
      '要約とは何ですか？',
      '有給休暇の規程を要約して',
      'Fasse die Reiserichtlinie zusammen',
      'резюмируй политику отпусков',
      'Can you summarise this thread and then also tell me how many days of paid leave I get this year?',
      '',
    ])
      expect(threadSummaryIntent(text), text).toBeUndefined();
  });
});
