import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerService } from '../../src/answer/answer.js';
import type { AnswerService } from '../../src/answer/ports.js';
import { askJson } from '../../src/cli/ask-command.js';
import { silentLogger } from '../../src/core/log.js';
import type { IncomingQuestion, Principal } from '../../src/core/types.js';
import { released } from '../../src/guardrails/checked-text.js';
import type { Guard } from '../../src/guardrails/guard.js';
import {
  type StandardAnswerService,
  createStandardAnswerLookup,
  createStandardAnswerService,
} from '../../src/helpdesk/standard-answers.js';
import { createExtractiveGenerator } from '../../src/inference/extractive-generator.js';
import { createStopTerms } from '../../src/inference/reader-question.js';
import { detectLanguage, detectQuestionLanguage } from '../../src/inference/language.js';
import type { KnowledgeIndex } from '../../src/rag/knowledge-index.js';
import { createLexicalRetriever } from '../../src/rag/lexical-retriever.js';
import { BUILT_IN_CONCEPTS, loadLexicon } from '../../src/rag/lexicon.js';
import { analyze } from '../../src/rag/text-analyzer.js';
import { storeRecorder } from '../../src/runtime.js';
import type { Store } from '../../src/store/store.js';
import { allowAllGuard } from '../fakes/allow-all-guard.js';
import { type TestDatabase, sqliteDatabase } from '../helpers/databases.js';
import { buildPipeline } from '../helpers/pipeline.js';

const lexicon = loadLexicon([BUILT_IN_CONCEPTS], { isStopWord: createStopTerms(analyze) });
const hana: Principal = { email: 'hana@corp.example', groups: ['all'], locale: 'ja-JP' };
const rita: Principal = { email: 'rita@corp.example', groups: ['all', 'hr'] };

function dm(
  text: string,
  asker: Principal = hana,
  history: IncomingQuestion['history'] = [],
): IncomingQuestion {
  return { text, asker, place: { platform: 'cli', kind: 'local', readers: [asker] }, history };
}

/**
 * Holds any text with the word CONFIDENTIAL in it, as the guardrails hold markings, and masks the
 * extension "ext. 4411" as they mask a phone number.
 */
const markingGuard: Guard = {
  async check(text, context) {
    if (text.includes('CONFIDENTIAL'))
      return { action: 'hold', findings: [{ type: 'marking', start: 0, end: 12 }], text: released('') };
    const at = text.indexOf('ext. 4411');
    if (at >= 0)
      return {
        action: 'redact',
        findings: [{ type: 'phone', start: at, end: at + 9 }],
        text: released(text.replace('ext. 4411', '[personal data]')),
      };
    return allowAllGuard.check(text, context);
  },
  approve: allowAllGuard.approve,
};

describe('standard answers in the answer pipeline', () => {
  let database: TestDatabase;
  let store: Store;
  let service: StandardAnswerService;
  let answers: AnswerService;
  let index: KnowledgeIndex;

  beforeAll(async () => {
    database = sqliteDatabase();
    store = await database.open();
    ({ index } = await buildPipeline(store, database.dataDir, {
      'it/vpn.md': '# VPN\n\nThe VPN client is GlobalProtect. Install it from the software centre.',
    }));
    service = createStandardAnswerService({
      repository: store.standardAnswers,
      audit: store.audit,
      logger: silentLogger,
    });
    answers = createAnswerService({
      retriever: createLexicalRetriever({
        index: () => index.lexical,
        getChunks: (ids) => store.documents.getChunks(ids),
      }),
      generator: createExtractiveGenerator({ tokenize: analyze }),
      guard: markingGuard,
      recorder: storeRecorder(store),
      detectLanguage,
      logger: silentLogger,
      maxQuestionChars: 4000,
      standardAnswers: createStandardAnswerLookup({
        repository: store.standardAnswers,
        detectLanguage: detectQuestionLanguage,
        lexicon,
        knowledge: () => index.lexical,
        logger: silentLogger,
      }),
    });
  });
  afterAll(async () => {
    await store.close();
    await database.dispose();
  });

  it('answers a question that means the same with the standard answer, before retrieval, and records the use', async () => {
    const created = await service.create({
      question: 'How do I reset my VPN password?',
      answer: 'Open https://id.corp.example and choose "Forgot password".',
      title: 'Resetting the VPN password',
      team: 'IT',
      audience: ['all'],
      origin: 'admin',
      createdBy: 'paul@corp.example',
    });
    const result = await answers.ask(dm('VPNのパスワードを忘れた場合はどうすればいいですか'));
    expect(result).toMatchObject({
      status: 'answered',
      generator: 'standard',
      answer: 'Open https://id.corp.example and choose "Forgot password".',
      retrievedChunkIds: [],
      standard: { id: created.id, title: 'Resetting the VPN password', team: 'IT' },
    });
    // "Answered by IT on <date>" in Japanese, the date written the Japanese way.
    const year = created.updatedAt.slice(0, 4);
    expect(result.standard!.byline).toContain('IT');
    expect(result.standard!.byline).toContain(`${year}年`);
    expect(askJson(result)).toMatchObject({ standard: true, status: 'answered' });
    expect((await service.list()).find((a) => a.id === created.id)).toMatchObject({ uses: 1 });
  });

  it('leaves an unrelated question to the documents', async () => {
    const result = await answers.ask(dm('Where do I install GlobalProtect from?', { ...hana, locale: 'en' }));
    expect(result.standard).toBeUndefined();
    expect(result).toMatchObject({ status: 'answered', generator: 'extractive' });
    expect(result.citations.map((c) => c.source)).toEqual(['it/vpn.md']);
    expect(askJson(result)).not.toHaveProperty('standard');
  });

  it('gives an answer only to readers who may all see its audience, in its languages', async () => {
    const hrOnly = await service.create({
      question: 'How is the year-end bonus calculated?',
      answer: 'The bonus is 1.5 months of base salary, adjusted by the rating.',
      team: 'HR',
      audience: ['hr'],
      languages: ['en'],
      origin: 'admin',
      createdBy: 'paul@corp.example',
    });
    const question = 'how do you calculate the year end bonus?';
    expect((await answers.ask(dm(question, { ...rita, locale: 'en' }))).standard?.id).toBe(hrOnly.id);
    expect((await answers.ask(dm(question, { ...hana, locale: 'en' }))).standard).toBeUndefined();
    // A channel where one member is not in HR: everyone there would read it.
    const channel: IncomingQuestion = {
      text: question,
      asker: rita,
      place: { platform: 'slack', kind: 'channel', channelId: 'C1', readers: [rita, hana] },
      history: [],
    };
    expect((await answers.ask(channel)).standard).toBeUndefined();
    // Written for English only: the same question in Japanese does not get it.
    expect((await answers.ask(dm('年末賞与はどうやって計算されますか', rita))).standard).toBeUndefined();
  });

  it('stops giving a retired answer at once, and gives the edited text after an edit', async () => {
    const printer = await service.create({
      question: 'How do I add the office printer?',
      answer: 'Add \\\\print01\\floor3.',
      team: 'IT',
      audience: ['all'],
      origin: 'admin',
      createdBy: 'paul@corp.example',
    });
    const ask = () =>
      answers.ask(dm('how can I add the office printer to my laptop?', { ...hana, locale: 'en' }));
    expect((await ask()).standard?.id).toBe(printer.id);
    await service.update(printer.id, { answer: 'Printers install themselves now.' }, 'paul@corp.example');
    expect((await ask()).answer).toBe('Printers install themselves now.');
    expect(await service.retire(printer.id, 'paul@corp.example')).toBe(true);
    expect((await ask()).standard).toBeUndefined();
    const actions = (await store.audit.list({ limit: 50, offset: 0 })).filter((e) => e.target === printer.id);
    expect(actions.map((e) => e.action).sort()).toEqual([
      'standard_answer.create',
      'standard_answer.edit',
      'standard_answer.retire',
    ]);
  });

  it('passes the guard like every answer: a flagged standard answer is held for review', async () => {
    await service.create({
      question: 'What is the wifi guest network called?',
      answer: 'CONFIDENTIAL: the guest network is CorpGuest.',
      team: 'IT',
      audience: ['all'],
      origin: 'admin',
      createdBy: 'paul@corp.example',
    });
    const result = await answers.ask(
      dm('what is the name of the guest wifi network?', { ...hana, locale: 'en' }),
    );
    expect(result.status).toBe('held');
    expect(result.answer).not.toContain('CorpGuest');
    // The reviewer gets the whole reply as the asker would read it, and an approval posts that.
    const review = await store.reviews.get(result.reviewId!);
    expect(review?.originalText).toMatch(
      /^\*\*What is the wifi guest network called\?\*\*\n\nCONFIDENTIAL: the guest network is CorpGuest\.\n\nAnswered by IT on .+$/,
    );
  });

  it('holds the whole reply when only its title or team is flagged, so an approval posts the answer', async () => {
    await service.create({
      question: 'Which floor is the mail room on?',
      answer: 'The mail room is on the second floor, next to the lifts.',
      title: 'CONFIDENTIAL mail room',
      team: 'Facilities',
      audience: ['all'],
      origin: 'admin',
      createdBy: 'paul@corp.example',
    });
    const result = await answers.ask(dm('which floor is the mail room on?', { ...hana, locale: 'en' }));
    expect(result.status).toBe('held');
    const review = await store.reviews.get(result.reviewId!);
    expect(review?.originalText).toMatch(
      /^\*\*CONFIDENTIAL mail room\*\*\n\nThe mail room is on the second floor, next to the lifts\.\n\nAnswered by Facilities on .+$/,
    );
  });

  it('shows a masked standard answer in its parts when they read as the whole was released', async () => {
    await service.create({
      question: 'Who do I call about a broken chair?',
      answer: 'Call facilities on ext. 4411.',
      team: 'Facilities',
      audience: ['all'],
      origin: 'admin',
      createdBy: 'paul@corp.example',
    });
    const result = await answers.ask(dm('who do I call about a broken chair?', { ...hana, locale: 'en' }));
    expect(result).toMatchObject({
      status: 'answered',
      answer: 'Call facilities on [personal data].',
      standard: { title: 'Who do I call about a broken chair?' },
    });
  });

  it('does not match a follow-up that leans on the earlier question alone', async () => {
    const result = await answers.ask(
      dm('and what about the VPN password?', { ...hana, locale: 'en' }, [
        { role: 'user', text: 'How do I reset my laptop?' },
        { role: 'assistant', text: 'Hold the power button.' },
      ]),
    );
    expect(result.generator).not.toBe('standard');
  });

  it('answers from the documents when the standard-answer lookup fails', async () => {
    const failing = createAnswerService({
      retriever: createLexicalRetriever({
        index: () => index.lexical,
        getChunks: (ids) => store.documents.getChunks(ids),
      }),
      generator: createExtractiveGenerator({ tokenize: analyze }),
      guard: markingGuard,
      recorder: storeRecorder(store),
      detectLanguage,
      logger: silentLogger,
      maxQuestionChars: 4000,
      standardAnswers: {
        match: async () => {
          throw new Error('the database is gone');
        },
        recordUse: async () => {},
      },
    });
    const result = await failing.ask(dm('Where do I install GlobalProtect from?', { ...hana, locale: 'en' }));
    expect(result).toMatchObject({ status: 'answered', generator: 'extractive' });
  });

  it('refuses invalid standard answers with a clear message', async () => {
    const base = {
      question: 'q?',
      answer: 'a',
      team: 'IT',
      audience: ['all'],
      origin: 'admin',
      createdBy: 'x',
    } as const;
    await expect(service.create({ ...base, question: ' ' })).rejects.toThrow(
      /"question" must be a non-empty text/,
    );
    await expect(service.create({ ...base, audience: [] })).rejects.toThrow(/at least one group/);
    await expect(service.create({ ...base, reviewAt: '2026-02-30' })).rejects.toThrow(/not a date/);
    await expect(service.create({ ...base, languages: ['english!'] })).rejects.toThrow(/not a language tag/);
  });
});
