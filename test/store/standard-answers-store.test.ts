import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingQuestion } from '../../src/core/types.js';
import type { NewStandardAnswer } from '../../src/store/standard-answer-repository.js';
import type { Store } from '../../src/store/store.js';
import { DIALECTS, type TestDatabase } from '../helpers/databases.js';

const question = (text: string, email = 'hana@corp.example'): IncomingQuestion => ({
  text,
  asker: { email, groups: ['all'] },
  place: {
    platform: 'slack',
    kind: 'dm',
    channelId: 'D1',
    threadId: '17.1',
    readers: [],
    delivery: { team: 'T1' },
  },
  history: [],
});

const vpn: NewStandardAnswer = {
  question: 'How do I reset my VPN password?',
  phrasings: ['VPNのパスワードを忘れました'],
  answer: 'Open https://id.corp.example and choose "Forgot password".',
  title: 'Resetting the VPN password',
  team: 'IT',
  audience: ['all'],
  languages: [],
  reviewAt: '2027-03-01',
  origin: 'admin',
  originRef: null,
  createdBy: 'paul@corp.example',
};

describe.each(DIALECTS)('standard answers and subscriptions on $name', ({ create }) => {
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

  it('creates, edits and retires a standard answer; the version changes with each, and a retired one is never active', async () => {
    const repo = store.standardAnswers;
    const v0 = await repo.version();
    const created = await repo.create(vpn);
    const v1 = await repo.version();
    expect(v1).not.toBe(v0);
    expect(await repo.get(created.id)).toMatchObject({
      question: vpn.question,
      phrasings: vpn.phrasings,
      audience: ['all'],
      reviewAt: '2027-03-01',
      retiredAt: null,
    });

    const edited = await repo.update(created.id, { answer: 'Call the IT desk.', reviewAt: null });
    expect(edited).toMatchObject({ answer: 'Call the IT desk.', reviewAt: null, title: vpn.title });
    const v2 = await repo.version();
    expect(v2).not.toBe(v1);

    expect((await repo.active()).map((a) => a.id)).toContain(created.id);
    expect(await repo.retire(created.id)).toBe(true);
    expect(await repo.retire(created.id)).toBe(false);
    expect(await repo.update(created.id, { answer: 'too late' })).toBeUndefined();
    expect((await repo.active()).map((a) => a.id)).not.toContain(created.id);
    expect(await repo.version()).not.toBe(v2);
    expect((await repo.list()).map((a) => a.id)).not.toContain(created.id);
    expect((await repo.list({ includeRetired: true })).map((a) => a.id)).toContain(created.id);
  });

  it('counts uses once per question, with the last use', async () => {
    const repo = store.standardAnswers;
    const answer = await repo.create({ ...vpn, question: 'Where is the printer on floor 3?' });
    const q1 = await store.questions.create(question('Where can I print?'));
    const q2 = await store.questions.create(question('printer floor 3?'));
    await repo.recordUse({ questionId: q1, standardId: answer.id, score: 0.8 });
    await repo.recordUse({ questionId: q1, standardId: answer.id, score: 0.8 });
    await repo.recordUse({ questionId: q2, standardId: answer.id, score: 0.7 });
    const listed = (await repo.list()).find((a) => a.id === answer.id)!;
    expect(listed.uses).toBe(2);
    expect(listed.lastUsedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const unused = await repo.create({ ...vpn, question: 'Never asked' });
    expect((await repo.list()).find((a) => a.id === unused.id)).toMatchObject({ uses: 0, lastUsedAt: null });
  });

  it('keeps one subscription per question and tells each waiting asker once', async () => {
    const subs = store.subscriptions;
    const q1 = await store.questions.create(question('Is there a gym allowance?'));
    const q2 = await store.questions.create(question('gym subsidy?', 'ken@corp.example'));
    expect(await subs.askerOf(q2)).toBe('ken@corp.example');
    expect(await subs.askerOf('nope')).toBeUndefined();
    await subs.subscribe(q1, 'hana@corp.example');
    await subs.subscribe(q1, 'hana@corp.example');
    await subs.subscribe(q2, 'ken@corp.example');
    const waiting = await subs.waiting([q1, q2, 'unknown']);
    expect(waiting.map((w) => w.questionId).sort()).toEqual([q1, q2].sort());
    expect(waiting.find((w) => w.questionId === q1)).toMatchObject({
      asker: 'hana@corp.example',
      question: 'Is there a gym allowance?',
      platform: 'slack',
      placeKind: 'dm',
      channelId: 'D1',
      threadId: '17.1',
      delivery: { team: 'T1' },
    });
    const answer = await store.standardAnswers.create({ ...vpn, question: 'Gym allowance' });
    expect(await subs.claimNotification(q1, answer.id)).toBe(true);
    expect(await subs.claimNotification(q1, answer.id)).toBe(false);
    // A failed post gives the claim back: the next try tells them.
    await subs.releaseNotification(q2);
    expect(await subs.claimNotification(q2, answer.id)).toBe(true);
    expect(await subs.waiting([q1, q2])).toEqual([]);
  });
});
