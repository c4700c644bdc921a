import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingQuestion } from '../../src/core/types.js';
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

describe.each(DIALECTS)('hand-offs on $name', ({ create }) => {
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

  const handOff = (questionId: string, id: string) =>
    store.escalations.create({
      id,
      questionId,
      requestedBy: 'hana@corp.example',
      route: 'hr',
      expertPlatform: 'slack',
      expertChannel: 'C0HR',
      language: 'ja',
    });

  it('keeps one hand-off per question: a second request finds the first', async () => {
    const questionId = await store.questions.create(question('有給休暇は何日？'));
    const first = await handOff(questionId, 'e-1');
    const second = await handOff(questionId, 'e-2');
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, escalation: { id: 'e-1', status: 'open' } });
    expect(await store.escalations.byThread('slack', 'C0HR', '171.1')).toBeUndefined();

    await store.escalations.markPosted('e-1', 'C0HR', '171.1');
    expect(await store.escalations.byThread('slack', 'C0HR', '171.1')).toMatchObject({
      id: 'e-1',
      questionId,
    });
    // A posted hand-off stays, whatever a later failure elsewhere tries.
    await store.escalations.remove('e-1');
    expect(await store.escalations.get('e-1')).toBeDefined();
  });

  it('forgets a hand-off that was never posted, so that asking again tries again', async () => {
    const questionId = await store.questions.create(question('VPN?'));
    await handOff(questionId, 'e-3');
    await store.escalations.remove('e-3');
    expect((await handOff(questionId, 'e-4')).created).toBe(true);
  });

  it('records each reply once and resolves once, with the time', async () => {
    const questionId = await store.questions.create(question('Parking?'));
    await handOff(questionId, 'e-5');
    const reply = { escalationId: 'e-5', replyId: '172.5', author: 'kenji@corp.example', text: 'Level B2.' };
    expect(await store.escalations.addReply(reply)).toBe(true);
    expect(await store.escalations.addReply(reply)).toBe(false);
    await store.escalations.markRelayed('e-5', '172.5', 'allow');
    expect(await store.escalations.replies('e-5')).toMatchObject([
      { replyId: '172.5', text: 'Level B2.', verdictAction: 'allow', relayedAt: expect.any(String) },
    ]);

    const resolved = await store.escalations.resolve('e-5', 'kenji@corp.example');
    expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: 'kenji@corp.example' });
    expect(Date.parse(resolved!.resolvedAt!)).toBeGreaterThanOrEqual(Date.parse(resolved!.createdAt));
    expect(await store.escalations.resolve('e-5', 'someone@corp.example')).toBeUndefined();
    await store.escalations.setStandard('e-5', 'std-1');
    expect(await store.escalations.get('e-5')).toMatchObject({
      standardId: 'std-1',
      resolvedBy: 'kenji@corp.example',
    });
  });

  it('reads the question a hand-off is about, and one asker’s hand-offs on one platform', async () => {
    const questionId = await store.questions.create(question('Where is the gym?', 'lee@corp.example'));
    await handOff(questionId, 'e-6');
    const read = await store.escalations.question(questionId);
    expect(read).toMatchObject({
      id: questionId,
      text: 'Where is the gym?',
      platform: 'slack',
      placeKind: 'dm',
    });
    expect(read!.citations).toEqual([]);
    const since = new Date(Date.now() - 60_000).toISOString();
    expect(
      (await store.escalations.forAsker('slack', 'lee@corp.example', since, 10)).map((e) => e.id),
    ).toEqual(['e-6']);
    expect(await store.escalations.forAsker('web', 'lee@corp.example', since, 10)).toEqual([]);
  });
});
