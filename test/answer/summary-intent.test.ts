import { describe, expect, it } from 'vitest';
import { summaryIntent } from '../../src/answer/summary-intent.js';
import { SUPPORTED_LANGUAGES } from '../../src/core/i18n.js';

/** A request for the summary of a document, in each language PolyDesk answers in. */
const REQUESTS: Readonly<Record<string, readonly [string, string]>> = {
  en: ['Please summarise the annual leave policy', 'the annual leave policy'],
  ja: ['年次有給休暇についてを要約してください', '年次有給休暇について'],
  zh: ['请总结年假政策', '年假政策'],
  ko: ['연차 휴가 정책 요약해 줘', '연차 휴가 정책'],
  th: ['ช่วยสรุป วันลาพักร้อนประจำปี', 'วันลาพักร้อนประจำปี'],
  es: ['resume la política de vacaciones', 'la política de vacaciones'],
  fr: ['Résume la politique de télétravail, s’il te plaît', 'la politique de télétravail'],
  de: ['Fasse die Elternzeit zusammen', 'die Elternzeit'],
  pt: ['resuma a política de férias', 'a política de férias'],
  id: ['tolong ringkas kebijakan cuti', 'kebijakan cuti'],
  vi: ['tóm tắt chính sách nghỉ phép', 'chính sách nghỉ phép'],
  ar: ['لخص سياسة الإجازات', 'سياسة الإجازات'],
  ru: ['кратко изложи политику отпусков', 'политику отпусков'],
  it: ['riassumi la politica ferie', 'la politica ferie'],
  nl: ['vat het verlofbeleid samen', 'het verlofbeleid'],
  pl: ['podsumuj politykę urlopową', 'politykę urlopową'],
  tr: ['yıllık izin politikasını özetle', 'yıllık izin politikasını'],
  he: ['סכם את מדיניות החופשה', 'מדיניות החופשה'],
};

describe('summaryIntent', () => {
  it.each(Object.entries(REQUESTS))(
    'recognises a request in %s, with its target and language',
    (language, [text, target]) => {
      expect(summaryIntent(text)).toEqual({ target, language });
    },
  );

  it('covers every language the product speaks', () => {
    expect(Object.keys(REQUESTS).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
  });

  it.each([
    'How do I summarise a PDF?',
    'summarise a PDF',
    'Can you summarise this thread?',
    'summarise this thread',
    'summarise',
    '要約して',
    'what is a good summary of the leave policy',
    'Is there a summary of the expenses policy?',
    '経費精算の要約はありますか？',
  ])('leaves "%s" to the question pipeline (or the thread summary)', (text) => {
    expect(summaryIntent(text)).toBeUndefined();
  });

  it('takes a link or a file as the target, without Slack’s angle brackets', () => {
    expect(summaryIntent('summarize hr/annual-leave.md')?.target).toBe('hr/annual-leave.md');
    expect(summaryIntent('summarise <https://intranet.example/hr/leave>')?.target).toBe(
      'https://intranet.example/hr/leave',
    );
  });

  it('refuses a target too long to be a title', () => {
    expect(summaryIntent(`summarise ${'x'.repeat(400)}`)).toBeUndefined();
  });
});
