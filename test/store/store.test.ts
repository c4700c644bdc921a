import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerResult, IncomingQuestion } from '../../src/core/types.js';
import type { Store } from '../../src/store/store.js';
import { DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { released } from '../../src/guardrails/checked-text.js';

const question: IncomingQuestion = {
  text: '有給休暇は何日もらえますか？',
  asker: { email: 'hana@example.com', groups: ['all', 'hr'] },
  place: {
    platform: 'slack',
    kind: 'channel',
    channelId: 'C1',
    threadId: '171.5',
    readers: [],
    delivery: { channel: 'C1' },
  },
  history: [],
  eventId: 'Ev1',
};

function result(questionId: string, overrides: Partial<AnswerResult> = {}): AnswerResult {
  return {
    questionId,
    status: 'answered',
    answer: released('年間20日です [1]'),
    language: 'ja',
    citations: [{ n: 1, title: 'Leave', source: 'hr/leave.md', docId: 'd1' }],
    verdict: { action: 'allow', findings: [], text: released('年間20日です [1]') },
    generator: 'extractive',
    extractive: true,
    retrievedChunkIds: ['c1', 'c2'],
    latencyMs: 12.4,
    ...overrides,
  };
}

describe.each(DIALECTS)('store on $name', ({ create }) => {
  let database: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    database = await create();
    store = await database.open();
  });
  afterAll(async () => {
    await store.close();
    await database.dispose();
  });

  it('runs migrations idempotently: a second open of the same database works', async () => {
    const again = await database.open();
    expect(await again.ping()).toBe(true);
    await again.close();
  });

  it('upserts a document with chunks, replaces them on re-ingest, and deletes', async () => {
    const doc = {
      source: 'hr/leave.md',
      title: 'Leave',
      language: 'en',
      audience: ['all'],
      classification: 'internal' as const,
      contentHash: 'h1',
      injectionFlag: false,
    };
    const first = await store.documents.upsert(
      doc,
      [
        {
          text: 'Twenty days of paid leave.',
          headingPath: ['Leave'],
          language: 'en',
          embedding: new Float32Array([1, 2]),
        },
        { text: 'Carry over five days.', headingPath: ['Leave', 'Carry over'], language: 'en' },
      ],
      'model-a',
    );
    expect(first.removedChunkIds).toEqual([]);
    const chunks = await store.documents.getChunks(first.chunks.map((c) => c.id));
    expect([...chunks.values()].map((c) => c.text).sort()).toEqual([
      'Carry over five days.',
      'Twenty days of paid leave.',
    ]);
    expect(chunks.get(first.chunks[1]!.id)?.headingPath).toEqual(['Leave', 'Carry over']);

    const second = await store.documents.upsert({ ...doc, contentHash: 'h2' }, [
      { text: 'Twenty-five days.', headingPath: [], language: 'en' },
    ]);
    expect(second.document.id).toBe(first.document.id);
    expect(second.removedChunkIds.sort()).toEqual(first.chunks.map((c) => c.id).sort());
    expect((await store.documents.getBySource('hr/leave.md'))?.contentHash).toBe('h2');
    expect(await store.documents.counts()).toEqual({ documents: 1, chunks: 1 });

    const pages = [];
    for await (const page of store.documents.allChunks(10)) pages.push(...page);
    expect(pages.map((p) => p.text)).toEqual(['Twenty-five days.']);

    const before = await store.documents.contentVersion();
    const removed = await store.documents.delete(second.document.id);
    expect(await store.documents.contentVersion()).toBe(before + 1);
    expect(removed).toEqual([second.chunks[0]!.id]);
    expect(await store.documents.counts()).toEqual({ documents: 0, chunks: 0 });
  });

  it('stores embeddings as float32 and reads them back', async () => {
    const { chunks } = await store.documents.upsert(
      {
        source: 'e.md',
        title: 'E',
        language: 'en',
        audience: ['all'],
        classification: 'public',
        contentHash: 'x',
        injectionFlag: false,
      },
      [{ text: 'vector', headingPath: [], language: 'en', embedding: new Float32Array([0.5, -0.25, 3]) }],
      'model-a',
    );
    const all = [];
    for await (const page of store.documents.allChunks()) all.push(...page);
    const mine = all.find((c) => c.id === chunks[0]!.id)!;
    expect([...mine.embedding!]).toEqual([0.5, -0.25, 3]);
    expect(mine.embeddingModel).toBe('model-a');
  });

  it('records a question before answering and completes it with the outcome', async () => {
    const id = await store.questions.create(question);
    expect((await store.questions.get(id))?.status).toBe('received');
    await store.questions.complete(id, result(id));
    const row = await store.questions.get(id);
    expect(row).toMatchObject({
      status: 'answered',
      language: 'ja',
      retrievedChunkIds: ['c1', 'c2'],
      verdictAction: 'allow',
    });
    expect(row?.delivery).toEqual({ channel: 'C1' });
  });

  it('lists knowledge gaps and does not keep the text of held answers', async () => {
    const gap = await store.questions.create({ ...question, text: 'Where is the gym?' });
    await store.questions.complete(gap, result(gap, { status: 'not_found', answer: released('not found') }));
    const held = await store.questions.create(question);
    await store.questions.complete(held, result(held, { status: 'held', answer: released('') }));
    expect((await store.questions.knowledgeGaps(10)).map((q) => q.text)).toContain('Where is the gym?');
    expect((await store.questions.get(held))?.answerText).toBeUndefined();
  });

  it('claims an event id exactly once', async () => {
    const claims = await Promise.all([1, 2, 3].map(() => store.events.claim('slack', 'Ev-dup')));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.events.claim('teams', 'Ev-dup')).toBe(true);
  });

  it('decides a review exactly once, keeping the reviewer and the edited text', async () => {
    const qid = await store.questions.create(question);
    const id = await store.reviews.create({
      questionId: qid,
      text: 'password: hunter2',
      findings: [{ type: 'password', start: 10, end: 17 }],
      language: 'en',
      citations: [],
    });
    expect(
      (await store.reviews.list({ status: 'pending', limit: 10, offset: 0 })).map((r) => r.id),
    ).toContain(id);
    const decisions = await Promise.all([
      store.reviews.decide(id, { status: 'edited', reviewer: 'a@x', finalText: 'ask IT' }),
      store.reviews.decide(id, { status: 'rejected', reviewer: 'b@x', reason: 'no' }),
    ]);
    expect(decisions.filter(Boolean)).toHaveLength(1);
    const review = await store.reviews.get(id);
    expect(review?.status === 'edited' ? review.finalText : review?.reason).toBeDefined();
    expect(review?.question).toBe(question.text);
    expect(review?.threadId).toBe('171.5');
  });

  it('keeps one feedback per user and question, the latest rating winning', async () => {
    const qid = await store.questions.create(question);
    await store.feedback.record({ questionId: qid, rating: 'up', user: 'u1', platform: 'slack' });
    await store.feedback.record({ questionId: qid, rating: 'down', user: 'u1', platform: 'slack' });
    await store.feedback.record({ questionId: qid, rating: 'up', user: 'u2', platform: 'slack' });
    const summary = await store.feedback.summary();
    expect(summary.up - summary.down).toBeGreaterThanOrEqual(0);
    expect(summary.up + summary.down).toBeGreaterThanOrEqual(2);
  });

  it('appends to the audit log and filters it', async () => {
    await store.audit.append({ actor: 'admin@x', action: 'review.approve', target: 'r1' });
    await store.audit.append({
      actor: 'admin@x',
      action: 'review.reveal',
      target: 'r1',
      details: { findings: 1 },
    });
    const reveals = await store.audit.list({ limit: 10, offset: 0, action: 'review.reveal' });
    expect(reveals).toHaveLength(1);
    expect(reveals[0]?.details).toEqual({ findings: 1 });
  });

  it('keeps canaries and meta values', async () => {
    await store.canaries.add('ZEBRA-42', 'admin@x');
    await store.canaries.add('ZEBRA-42', 'admin@x');
    expect(await store.canaries.list()).toEqual(['ZEBRA-42']);
    await store.meta.set('index.version', '3');
    await store.meta.set('index.version', '4');
    expect(await store.meta.get('index.version')).toBe('4');
  });
});
