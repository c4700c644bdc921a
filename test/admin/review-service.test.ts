import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdminQueries } from '../../src/admin/admin-queries.js';
import { answerParts, createReviewService } from '../../src/answer/review-service.js';
import type { Finding, Platform } from '../../src/core/types.js';
import type { Store } from '../../src/store/store.js';
import { DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { RecordingChannel } from './recording-channel.js';
import { createGuardrail } from '../../src/guardrails/guardrail.js';

const TEXT = 'Use the staging DB. password: Hunter2-Staging! Ask ops@corp.example if it fails.';
const SECRET_AT = TEXT.indexOf('Hunter2');
const FINDINGS: Finding[] = [
  { type: 'password', start: SECRET_AT, end: SECRET_AT + 'Hunter2-Staging!'.length },
  { type: 'email', start: TEXT.indexOf('ops@'), end: TEXT.indexOf('ops@') + 'ops@corp.example'.length },
];

async function heldAnswer(store: Store, platform: Platform = 'slack', text = TEXT): Promise<string> {
  const questionId = await store.questions.create({
    text: 'What is the staging password?',
    asker: { email: 'alice@corp.example', groups: ['all'] },
    place: {
      platform,
      kind: 'channel',
      channelId: 'C1',
      threadId: '171.0001',
      readers: [],
      delivery: { channel: 'C1', thread_ts: '171.0001' },
    },
    history: [],
  });
  return store.reviews.create({ questionId, text, findings: FINDINGS, language: 'en', citations: [] });
}

describe('answerParts', () => {
  it('masks secret spans until revealed and keeps other findings readable', () => {
    const hidden = answerParts(TEXT, FINDINGS, false);
    const joined = hidden.map((p) => p.text).join('');
    expect(joined).not.toContain('Hunter2');
    expect(joined).toContain('[hidden password]');
    expect(joined).toContain('ops@corp.example');
    expect(
      answerParts(TEXT, FINDINGS, true)
        .map((p) => p.text)
        .join(''),
    ).toBe(TEXT);
  });

  it('handles overlapping findings and ignores offsets outside the text', () => {
    const parts = answerParts(
      'abcdefgh',
      [
        { type: 'email', start: 1, end: 5 },
        { type: 'secret', start: 3, end: 7 },
        { type: 'phone', start: 5, end: 99 },
      ],
      true,
    );
    expect(parts.map((p) => p.text).join('')).toBe('abcdefgh');
    expect(parts.find((p) => p.text === 'de')?.types).toEqual(['email', 'secret']);
  });
});

for (const dialect of DIALECTS) {
  describe(`review service (${dialect.name})`, () => {
    let database: TestDatabase;
    let store: Store;
    let slack: RecordingChannel;

    beforeEach(async () => {
      database = await dialect.create();
      store = await database.open();
      slack = new RecordingChannel();
    });
    afterEach(async () => {
      await store.close();
      await database.dispose();
    });

    const service = () =>
      createReviewService({
        store,
        deliveries: (p) => (p === 'slack' ? slack : undefined),
        guard: createGuardrail(),
        logger: () => {},
      });

    it('lists pending answers newest first with secrets masked, and counts them by finding type', async () => {
      const first = await heldAnswer(store);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const second = await heldAnswer(store);
      const { reviews, total } = await service().list({ status: 'pending', limit: 10, offset: 0 });
      expect(total).toBe(2);
      expect(reviews.map((r) => r.id)).toEqual([second, first]);
      expect(reviews[0]).toMatchObject({ status: 'pending', asker: 'alice@corp.example', platform: 'slack' });
      expect(reviews[0]!.findings).toEqual([{ type: 'password' }, { type: 'email' }]);
      const view = await service().get(first);
      expect(view!.text).not.toContain('Hunter2');
      const counts = await new AdminQueries(store).findingCounts('pending');
      expect(counts).toEqual([
        { type: 'email', count: 2 },
        { type: 'password', count: 2 },
      ]);
    });

    it('reveals the text only through an audited call', async () => {
      const id = await heldAnswer(store);
      const view = await service().reveal(id, 'rita@corp.example');
      expect(view!.text).toBe(TEXT);
      const audit = await store.audit.list({ limit: 10, offset: 0, action: 'review.reveal' });
      expect(audit).toMatchObject([{ actor: 'rita@corp.example', target: id }]);
    });

    it('approves exactly once and delivers the edited text to the thread it came from', async () => {
      const id = await heldAnswer(store);
      const results = await Promise.all([
        service().approve(id, 'rita@corp.example', 'Ask ops for the staging password.'),
        service().approve(id, 'rob@corp.example', 'Ask ops for the staging password.'),
      ]);
      expect(results.map((r) => r.outcome).sort()).toEqual(['edited', 'not_pending']);
      expect(slack.approved).toHaveLength(1);
      expect(slack.approved[0]).toMatchObject({
        reviewId: id,
        text: 'Ask ops for the staging password.',
        channelId: 'C1',
        threadId: '171.0001',
        delivery: { channel: 'C1', thread_ts: '171.0001' },
      });
      const review = await store.reviews.get(id);
      const winner = results[0]!.outcome === 'edited' ? 'rita@corp.example' : 'rob@corp.example';
      expect(review).toMatchObject({
        status: 'edited',
        reviewer: winner,
        finalText: 'Ask ops for the staging password.',
      });
      expect(review!.deliveredAt).toBeDefined();
      const audit = await store.audit.list({ limit: 10, offset: 0 });
      expect(audit.filter((a) => a.action.startsWith('review.'))).toMatchObject([
        { action: 'review.edit_approve', actor: winner, target: id },
      ]);
    });

    it('keeps the decision when delivery fails, and delivers on retry', async () => {
      const id = await heldAnswer(store);
      slack.failuresLeft = 1;
      expect(await service().approve(id, 'rita@corp.example')).toEqual({
        outcome: 'approved',
        delivered: false,
      });
      let view = await service().get(id);
      expect(view).toMatchObject({ status: 'approved', awaitingDelivery: true });
      expect(await service().retryDelivery(id, 'rita@corp.example')).toBe('delivered');
      view = await service().get(id);
      expect(view).toMatchObject({ status: 'approved', awaitingDelivery: false });
      // Approved as is, the credential goes out masked; the rest is what the reviewer approved.
      expect(slack.approved.map((d) => d.text)).toEqual([
        'Use the staging DB. password: [secret removed] Ask ops@corp.example if it fails.',
      ]);
      expect(await service().retryDelivery(id, 'rita@corp.example')).toBe('not_needed');
    });

    it('delivers credentials unmasked only when the reviewer reveals them on purpose, and audits which', async () => {
      const masked = await heldAnswer(store);
      await service().approve(masked, 'rita@corp.example');
      const revealed = await heldAnswer(store);
      await service().approve(revealed, 'rita@corp.example', undefined, { reveal: true });
      expect(slack.approved.map((d) => d.text)).toEqual([
        'Use the staging DB. password: [secret removed] Ask ops@corp.example if it fails.',
        TEXT,
      ]);
      const audit = await store.audit.list({ limit: 10, offset: 0, action: 'review.approve' });
      const details = Object.fromEntries(audit.map((a) => [a.target, a.details]));
      expect(details[masked]).toMatchObject({ masked: ['password'], revealed: [] });
      expect(details[revealed]).toMatchObject({ masked: [], revealed: ['password'] });
      expect(await service().deliverableText((await store.reviews.get(revealed))!)).toBe(TEXT);
      expect(await service().deliverableText((await store.reviews.get(masked))!)).not.toContain('Hunter2');
    });

    it('rejects with a reason and tells the asker; an answer from the local chat needs no channel', async () => {
      const id = await heldAnswer(store);
      await expect(service().reject(id, 'rita@corp.example', '  ')).rejects.toThrow(/reason/);
      expect(await service().reject(id, 'rita@corp.example', 'contains a credential')).toEqual({
        outcome: 'rejected',
        delivered: true,
      });
      expect(slack.rejected).toMatchObject([{ reviewId: id, channelId: 'C1' }]);
      expect(await store.reviews.get(id)).toMatchObject({
        status: 'rejected',
        reason: 'contains a credential',
      });

      const web = await heldAnswer(store, 'web');
      expect(await service().approve(web, 'rita@corp.example')).toEqual({
        outcome: 'approved',
        delivered: true,
      });
      expect(await service().approve('no-such-id', 'rita@corp.example')).toEqual({ outcome: 'not_found' });
    });
  });
}
