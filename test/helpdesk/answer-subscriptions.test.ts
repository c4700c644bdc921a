import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryChannel, FollowUpDelivery } from '../../src/answer/ports.js';
import { silentLogger } from '../../src/core/log.js';
import type { IncomingQuestion } from '../../src/core/types.js';
import { StaticDirectory } from '../../src/directory.js';
import { released } from '../../src/guardrails/checked-text.js';
import type { Guard } from '../../src/guardrails/guard.js';
import { createAnswerSubscriptions } from '../../src/helpdesk/answer-subscriptions.js';
import type { NewStandardAnswer, StandardAnswer } from '../../src/store/standard-answer-repository.js';
import type { Store } from '../../src/store/store.js';
import { allowAllGuard } from '../fakes/allow-all-guard.js';
import { type TestDatabase, sqliteDatabase } from '../helpers/databases.js';

class Channel implements DeliveryChannel {
  readonly sent: FollowUpDelivery[] = [];
  down = false;
  constructor(readonly platform: 'slack' | 'teams') {}
  async deliverApproved(): Promise<void> {}
  async deliverRejected(): Promise<void> {}
  async deliverFollowUp(delivery: FollowUpDelivery): Promise<void> {
    if (this.down) throw new Error('the platform is down');
    this.sent.push(delivery);
  }
}

/** Holds texts that carry the word SECRET, as the guardrails would hold a marking. */
const guard: Guard = {
  async check(text, context) {
    if (text.includes('SECRET')) return { action: 'hold', findings: [], text: released('') };
    return allowAllGuard.check(text, context);
  },
  approve: allowAllGuard.approve,
};

const base: NewStandardAnswer = {
  question: 'How do I book visitor parking?',
  phrasings: [],
  answer: 'At https://parking.corp.example.',
  title: 'Visitor parking',
  team: 'Facilities',
  audience: ['all'],
  languages: [],
  reviewAt: null,
  origin: 'gap',
  originRef: null,
  createdBy: 'root@corp.example',
};

describe('telling askers who wait for an answer', () => {
  let database: TestDatabase;
  let store: Store;
  const slack = new Channel('slack');
  const directory = new StaticDirectory({ hr: ['ken@corp.example'] });
  const subscriptions = () =>
    createAnswerSubscriptions({
      repository: store.subscriptions,
      guard,
      directory,
      deliveries: (p) => (p === 'slack' ? slack : undefined),
      logger: silentLogger,
    });

  const ask = async (email: string, kind: 'dm' | 'channel', platform: 'slack' | 'teams' = 'slack') => {
    const question: IncomingQuestion = {
      text: 'visitor parking?',
      asker: { email, groups: ['all'] },
      place: { platform, kind, channelId: 'C9', threadId: '1.2', readers: [] },
      history: [],
    };
    const id = await store.questions.create(question);
    await subscriptions().subscribe(id, email);
    return id;
  };
  const answer = (overrides: Partial<NewStandardAnswer> = {}): Promise<StandardAnswer> =>
    store.standardAnswers.create({ ...base, ...overrides });

  beforeAll(async () => {
    database = sqliteDatabase();
    store = await database.open();
  });
  afterAll(async () => {
    await store.close();
    await database.dispose();
  });

  it('refuses a subscription to a question that does not exist', async () => {
    await expect(subscriptions().subscribe('no-such-question', 'ken@corp.example')).rejects.toThrow(
      /no such question/,
    );
  });

  it('takes the wish only from the asker, and decides what to tell for the asker, not who recorded it', async () => {
    const question: IncomingQuestion = {
      text: 'visitor parking?',
      asker: { email: 'mia@corp.example', groups: ['all'] },
      place: { platform: 'slack', kind: 'dm', channelId: 'D7', readers: [] },
      history: [],
    };
    const mias = await store.questions.create(question);
    await expect(subscriptions().subscribe(mias, 'ken@corp.example')).rejects.toThrow(
      /only the person who asked/,
    );
    expect(await store.subscriptions.waiting([mias])).toEqual([]);
    // A wish recorded by someone else (before the check existed): Ken may read the HR-only answer,
    // Mia, in whose DM it would be posted, may not.
    await store.subscriptions.subscribe(mias, 'ken@corp.example');
    const hrOnly = await answer({ audience: ['hr'] });
    const before = slack.sent.length;
    expect(await subscriptions().notify([mias], hrOnly)).toMatchObject({ told: 0, notAllowed: 1 });
    expect(slack.sent.length).toBe(before);
    // Her own wish, in any letter case the platform gives her address: told, in her DM.
    const again = await store.questions.create(question);
    await subscriptions().subscribe(again, 'Mia@corp.example');
    expect(await subscriptions().notify([again], await answer())).toMatchObject({ told: 1 });
    expect(slack.sent.at(-1)).toMatchObject({ questionId: again, asker: 'mia@corp.example' });
  });

  it('does not count an asker told by another replica meanwhile as told here', async () => {
    const id = await ask('ken@corp.example', 'dm');
    const fine = await answer();
    // Another replica claims the asker between this one's check and its claim.
    const racing = createAnswerSubscriptions({
      repository: store.subscriptions,
      guard: {
        async check(text, context) {
          await store.subscriptions.claimNotification(id, fine.id);
          return allowAllGuard.check(text, context);
        },
        approve: allowAllGuard.approve,
      },
      directory,
      deliveries: () => slack,
      logger: silentLogger,
    });
    const before = slack.sent.length;
    expect(await racing.notify([id], fine)).toEqual({
      told: 0,
      notAllowed: 0,
      undelivered: 0,
      toldElsewhere: 1,
    });
    expect(slack.sent.length).toBe(before);
  });

  it('tells an asker in a DM when their groups may read the answer; a channel only what everyone may read', async () => {
    const hrOnly = await answer({ audience: ['hr'] });
    const dm = await ask('ken@corp.example', 'dm');
    const inChannel = await ask('ken@corp.example', 'channel');
    const outsider = await ask('mia@corp.example', 'dm');
    const before = slack.sent.length;
    const outcome = await subscriptions().notify([dm, inChannel, outsider], hrOnly);
    expect(outcome).toEqual({ told: 1, notAllowed: 2, undelivered: 0, toldElsewhere: 0 });
    expect(slack.sent.slice(before).map((s) => s.questionId)).toEqual([dm]);
    // Those not told stay waiting, for an answer they may read.
    expect((await store.subscriptions.waiting([inChannel, outsider])).length).toBe(2);
  });

  it('never sends what the guard holds, and keeps waiting askers whose platform is down or not running here', async () => {
    const held = await answer({ answer: 'SECRET parking codes' });
    const first = await ask('ken@corp.example', 'dm');
    expect(await subscriptions().notify([first], held)).toMatchObject({
      told: 0,
      notAllowed: 1,
      undelivered: 0,
    });

    const fine = await answer();
    slack.down = true;
    expect(await subscriptions().notify([first], fine)).toMatchObject({
      told: 0,
      notAllowed: 0,
      undelivered: 1,
    });
    slack.down = false;
    const onTeams = await ask('ken@corp.example', 'dm', 'teams');
    expect(await subscriptions().notify([first, onTeams], fine)).toMatchObject({
      told: 1,
      notAllowed: 0,
      undelivered: 1,
    });
    // Told once: a second notification of the same question sends nothing.
    const before = slack.sent.length;
    expect(await subscriptions().notify([first], fine)).toEqual({
      told: 0,
      notAllowed: 0,
      undelivered: 0,
      toldElsewhere: 0,
    });
    expect(slack.sent.length).toBe(before);
  });
});
