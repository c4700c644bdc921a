import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kysely, type Migration, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingQuestion } from '../../src/core/types.js';
import { EscalationRepository } from '../../src/store/escalation-repository.js';
import { migrationsFor } from '../../src/store/migrations.js';
import { createSqliteDialect } from '../../src/store/sqlite-driver.js';
import { Store } from '../../src/store/store.js';
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

  it('takes over a hand-off left unposted once it is stale, by one caller', async () => {
    const questionId = await store.questions.create(question('Printer on floor 3?'));
    const { escalation } = await handOff(questionId, 'e-7');
    const past = new Date(Date.now() - 60_000).toISOString();
    const future = new Date(Date.now() + 60_000).toISOString();
    // Fresh: whoever recorded it may still be posting it.
    expect(await store.escalations.reclaim(escalation, 'lee@corp.example', past)).toBe(false);
    const taken = await Promise.all([
      store.escalations.reclaim(escalation, 'lee@corp.example', future),
      store.escalations.reclaim(escalation, 'kim@corp.example', future),
    ]);
    expect(taken.filter(Boolean)).toHaveLength(1);
    const after = (await store.escalations.get('e-7'))!;
    expect(Date.parse(after.createdAt)).toBeGreaterThanOrEqual(Date.parse(escalation.createdAt));
    await store.escalations.markPosted('e-7', 'C0HR', '177.7');
    // Posted: nobody takes it over, however old.
    expect(await store.escalations.reclaim(after, 'kim@corp.example', future)).toBe(false);
  });

  it('lets one save publish a hand-off’s standard answer; a failed one gives the claim back', async () => {
    const questionId = await store.questions.create(question('Canteen hours?'));
    await handOff(questionId, 'e-8');
    const [first, second] = await Promise.all([
      store.escalations.claimStandard('e-8'),
      store.escalations.claimStandard('e-8'),
    ]);
    const token = first ?? second;
    expect([first, second].filter(Boolean)).toHaveLength(1);
    // Under way, it is no standard answer yet.
    expect((await store.escalations.get('e-8'))!.standardId).toBeUndefined();
    await store.escalations.releaseStandard('e-8', token!);
    const again = (await store.escalations.claimStandard('e-8'))!;
    await store.escalations.setStandard('e-8', 'std-8', again);
    expect((await store.escalations.get('e-8'))!.standardId).toBe('std-8');
    expect(await store.escalations.claimStandard('e-8')).toBeUndefined();
  });

  it('gives each held reply a review of its own, once, beside the question’s held answer', async () => {
    const questionId = await store.questions.create(question('Router password?'));
    await handOff(questionId, 'e-9');
    const answerReview = await store.reviews.create({
      questionId,
      text: 'held answer',
      findings: [],
      language: 'en',
      citations: [],
    });
    const held = (replyId: string, text: string) =>
      store.escalations.reviewReply({
        escalationId: 'e-9',
        replyId,
        questionId,
        text,
        findings: [{ type: 'password', start: 0, end: 4 }],
        language: 'en',
      });
    const first = await held('179.1', 'first held reply');
    const second = await held('179.2', 'second held reply');
    expect(new Set([answerReview, first, second]).size).toBe(3);
    // A retried relay finds the review it made before.
    expect(await held('179.1', 'first held reply')).toBe(first);
    expect(await store.reviews.get(second)).toMatchObject({ questionId, originalText: 'second held reply' });
    // Still one held answer per question.
    await expect(
      store.reviews.create({ questionId, text: 'again', findings: [], language: 'en', citations: [] }),
    ).rejects.toThrow();
    expect(await store.escalations.replyReview('e-9', '179.1')).toMatchObject({
      id: first,
      status: 'pending',
      text: 'first held reply',
    });
    await store.reviews.decide(second, { status: 'edited', reviewer: 'r@x', finalText: 'released text' });
    expect(await store.escalations.replyReview('e-9', '179.2')).toMatchObject({
      status: 'edited',
      text: 'released text',
    });
    expect(await store.escalations.replyReview('e-9', '179.3')).toBeUndefined();
  });

  it('retries a relay that failed, one replica at a time, and not once it went out', async () => {
    const questionId = await store.questions.create(question('Locker key?'));
    await handOff(questionId, 'e-10');
    const reply = {
      escalationId: 'e-10',
      replyId: '180.1',
      author: 'kenji@corp.example',
      text: 'At reception.',
    };
    expect(await store.escalations.addReply(reply)).toBe(true);
    const soon = new Date(Date.now() + 1_000).toISOString();
    const due = () =>
      store.escalations.unrelayed({
        before: soon,
        claimedBefore: new Date(0).toISOString(),
        maxAttempts: 3,
        limit: 10,
      });
    // Its recorder holds the first attempt: nobody else relays it meanwhile.
    expect((await due()).map((r) => r.replyId)).not.toContain('180.1');
    await store.escalations.releaseRelay('e-10', '180.1', 1);
    expect((await due()).map((r) => r.replyId)).toContain('180.1');
    const other = new EscalationRepository(store.db, 'relay:other-replica');
    const claims = await Promise.all([
      store.escalations.claimRelay('e-10', '180.1', new Date(0).toISOString()),
      other.claimRelay('e-10', '180.1', new Date(0).toISOString()),
    ]);
    expect(claims.filter((c) => c !== undefined)).toEqual([2]);
    const mine = claims[0] !== undefined;
    const winner = mine ? store.escalations : other;
    const loser = mine ? other : store.escalations;
    expect(await loser.markRelayed('e-10', '180.1', 'allow', 2)).toBe(false);
    expect(await winner.markRelayed('e-10', '180.1', 'allow', 2)).toBe(true);
    expect(await winner.claimRelay('e-10', '180.1', soon)).toBeUndefined();
    expect((await due()).map((r) => r.replyId)).not.toContain('180.1');
  });

  it('takes over a relay whose process stopped, once its claim is old', async () => {
    const questionId = await store.questions.create(question('Badge lost?'));
    await handOff(questionId, 'e-11');
    await store.escalations.addReply({
      escalationId: 'e-11',
      replyId: '181.1',
      author: 'a@x',
      text: 'Call security.',
    });
    const other = new EscalationRepository(store.db, 'relay:other-replica');
    expect(
      await other.claimRelay('e-11', '181.1', new Date(Date.now() - 60_000).toISOString()),
    ).toBeUndefined();
    expect(await other.claimRelay('e-11', '181.1', new Date(Date.now() + 1_000).toISOString())).toBe(2);
    // The first process comes back: its relay no longer counts.
    expect(await store.escalations.markRelayed('e-11', '181.1', 'allow', 1)).toBe(false);
  });

  it('knows the standard answer a question got, and who may read it', async () => {
    const questionId = await store.questions.create(question('Relocation allowance?'));
    expect((await store.escalations.question(questionId))!.standard).toBeUndefined();
    const now = new Date().toISOString();
    await store.db
      .insertInto('standard_answers')
      .values({
        id: 'std-hr',
        question: 'Relocation allowance?',
        phrasings: '[]',
        answer: '4800 euros',
        title: 'Relocation allowance',
        team: 'HR',
        audience: JSON.stringify(['hr']),
        languages: '[]',
        review_at: null,
        origin: 'admin',
        origin_ref: null,
        created_by: 'admin@corp.example',
        created_at: now,
        updated_at: now,
        retired_at: null,
      })
      .execute();
    await store.db
      .insertInto('standard_answer_uses')
      .values({ question_id: questionId, standard_id: 'std-hr', score: 0.9, used_at: now })
      .execute();
    expect((await store.escalations.question(questionId))!.standard).toEqual({
      id: 'std-hr',
      audience: ['hr'],
    });
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

describe('migration 0009 on SQLite', () => {
  it('keeps the reviews a database had, and lets a question have a review per held reply', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'polydesk-0009-'));
    try {
      const file = path.join(dataDir, 'polydesk.sqlite');
      const old = new Kysely<unknown>({ dialect: createSqliteDialect(file) });
      const all = migrationsFor('sqlite');
      const before: Record<string, Migration> = Object.fromEntries(
        Object.entries(all).filter(([name]) => name < '0009'),
      );
      const migrated = await new Migrator({
        db: old,
        provider: { getMigrations: async () => before },
        migrationTableName: 'polydesk_migrations',
        migrationLockTableName: 'polydesk_migrations_lock',
      }).migrateToLatest();
      expect(migrated.error).toBeUndefined();
      await sql`insert into questions (id, created_at, platform, asker, place_kind, text, status)
        values ('q-1', '2026-01-01T00:00:00.000Z', 'slack', 'hana@corp.example', 'dm', 'VPN?', 'held')`.execute(
        old,
      );
      await sql`insert into reviews (id, question_id, status, created_at, original_text, findings, language,
        citations, revealed_on_approval, delivery_attempt)
        values ('r-1', 'q-1', 'approved', '2026-01-01T00:00:01.000Z', 'held text', '[]', 'en', '[]', 1, 2)`.execute(
        old,
      );
      await old.destroy();

      const store = await Store.open({ dataDir });
      try {
        expect(await store.reviews.get('r-1')).toMatchObject({
          questionId: 'q-1',
          status: 'approved',
          originalText: 'held text',
          revealedOnApproval: true,
        });
        await store.db
          .insertInto('escalations')
          .values({
            id: 'e-1',
            question_id: 'q-1',
            requested_by: 'hana@corp.example',
            status: 'open',
            route: 'it',
            expert_platform: 'slack',
            expert_channel: 'C0IT',
            expert_thread: '1.1',
            language: 'en',
            created_at: '2026-01-01T00:00:02.000Z',
            posted_at: '2026-01-01T00:00:02.000Z',
            resolved_at: null,
            resolved_by: null,
            standard_id: null,
          })
          .execute();
        const review = await store.escalations.reviewReply({
          escalationId: 'e-1',
          replyId: '2.2',
          questionId: 'q-1',
          text: 'held reply',
          findings: [],
          language: 'en',
        });
        expect(await store.reviews.get(review)).toMatchObject({ questionId: 'q-1', status: 'pending' });
        // The question's reviews still go with it.
        await store.db.deleteFrom('questions').where('id', '=', 'q-1').execute();
        expect(await store.db.selectFrom('reviews').select('id').execute()).toEqual([]);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
