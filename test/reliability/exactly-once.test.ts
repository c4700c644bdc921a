/**
 * Exactly once where replicas meet, on real SQLite and PostgreSQL: two recovery workers that both
 * believe they hold one question, and two replicas retrying one held answer's failed delivery, post
 * one message to the fake Slack server; liveness is judged on the database's clock, whatever a
 * host's clock says; a Teams conversation's turns are read back by another replica.
 */
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnswerService, AskOptions } from '../../src/answer/ports.js';
import { createReviewService } from '../../src/answer/review-service.js';
import { silentLogger } from '../../src/core/log.js';
import type { AnswerResult, IncomingQuestion } from '../../src/core/types.js';
import { createGuardrail } from '../../src/guardrails/guardrail.js';
import { released } from '../../src/guardrails/checked-text.js';
import { RecoveryWorker, type RecoveryOutcome } from '../../src/reliability/recovery-worker.js';
import { WorkerHeartbeat } from '../../src/reliability/worker-heartbeat.js';
import type { ReliabilityDatabase } from '../../src/store/question-repository.js';
import { Store } from '../../src/store/store.js';
import { conversationLog } from '../../src/wiring/conversation-log.js';
import { ALICE, CHANNEL, type SlackHarness, startSlackHarness } from '../bot/slack-harness.js';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID } from '../fakes/slack-server.js';
import { DIALECTS, type TestDatabase } from '../helpers/databases.js';

function answered(questionId: string, text: string): AnswerResult {
  return {
    questionId,
    status: 'answered',
    answer: released(text),
    language: 'en',
    citations: [{ n: 1, title: 'VPN setup guide', source: 'it/vpn.md', docId: 'd1' }],
    verdict: { action: 'allow', findings: [], text: released(text) },
    generator: 'extractive',
    extractive: true,
    retrievedChunkIds: ['c1'],
    latencyMs: 5,
  };
}

/**
 * The pipeline's contract as recovery uses it (take the right to post under the claim, deliver,
 * then record the outcome), answering only when the test opens the gate, so that two workers can
 * be made to hold one question at once.
 */
class GatedAnswers implements AnswerService {
  private open!: () => void;
  readonly gate = new Promise<void>((resolve) => {
    this.open = resolve;
  });
  reached!: Promise<void>;
  private arrived!: () => void;

  constructor(private readonly store: Store) {
    this.reached = new Promise((resolve) => {
      this.arrived = resolve;
    });
  }

  release(): void {
    this.open();
  }

  async ask(_question: IncomingQuestion, options: AskOptions = {}): Promise<AnswerResult> {
    this.arrived();
    await this.gate;
    const result = answered(options.questionId!, 'Start the GlobalConnect client [1].');
    const attempt = options.attempt ?? 0;
    if (!(await this.store.questions.beginDelivery(result.questionId, attempt)))
      return { ...result, superseded: true };
    await options.deliver?.(result);
    await this.store.questions.complete(result.questionId, result, attempt);
    return result;
  }
}

describe.each(DIALECTS)('exactly once on $name', ({ create }) => {
  let db: TestDatabase;
  let h: SlackHarness;
  const stores: Store[] = [];

  const open = async (worker: string) => {
    const store = await Store.open({ dataDir: db.dataDir, databaseUrl: db.databaseUrl, worker });
    stores.push(store);
    return store;
  };
  /** A question asked in a real thread of the fake Slack, recorded by a worker that then died. */
  async function abandonedQuestion(): Promise<{ id: string; ts: string }> {
    const asked = h.slack.addUserMessage({
      channel: CHANNEL,
      user: ALICE,
      text: `<@${FAKE_BOT_USER_ID}> VPN?`,
    });
    const dead = await open('dead');
    const asker = { email: 'alice@corp.example', groups: ['all'] };
    const id = await dead.questions.create({
      text: 'How do I connect to the VPN?',
      asker,
      place: {
        platform: 'slack',
        kind: 'channel',
        channelId: CHANNEL,
        threadId: asked.ts,
        readers: [asker],
        delivery: { channel: CHANNEL, thread_ts: asked.ts, ts: asked.ts },
      },
      history: [],
    });
    return { id, ts: asked.ts };
  }
  const botMessages = (ts: string) => h.slack.thread(CHANNEL, ts).filter((m) => m.botId === FAKE_BOT_ID);

  beforeEach(async () => {
    db = await create();
    h = await startSlackHarness();
    await h.adapter.start();
  });
  afterEach(async () => {
    await h?.close();
    for (const store of stores.splice(0)) await store.close();
    await db.dispose();
  });

  it('two recovery workers that both took one question over post it once', async () => {
    const question = await abandonedQuestion();
    // Neither replica beats: each looks dead to the other (a stalled heartbeat, a partition).
    const workers = await Promise.all(
      ['A', 'B'].map(async (name) => {
        const store = await open(name);
        const answers = new GatedAnswers(store);
        const outcomes: RecoveryOutcome[] = [];
        const worker = new RecoveryWorker({
          questions: store.questions,
          answers,
          directory: { resolve: (email) => ({ email, groups: ['all'] }) },
          delivery: (platform) => (platform === 'slack' ? h.adapter.delivery : undefined),
          detectLanguage: () => 'en',
          logger: silentLogger,
          afterMs: 0,
          maxAttempts: 3,
          onRecovered: (outcome) => outcomes.push(outcome),
        });
        return { answers, worker, outcomes };
      }),
    );
    const [a, b] = workers as [(typeof workers)[0], (typeof workers)[0]];
    const roundA = a.worker.tick();
    await a.answers.reached;
    // A holds the question (claim 1); B takes it over from "dead" A (claim 2).
    const roundB = b.worker.tick();
    await b.answers.reached;
    a.answers.release();
    b.answers.release();
    expect(await Promise.all([roundA, roundB])).toEqual([1, 1]);
    expect(botMessages(question.ts)).toHaveLength(1);
    expect([...a.outcomes, ...b.outcomes].sort()).toEqual(['answered', 'superseded']);
    expect((await stores[0]!.questions.get(question.id))?.status).toBe('answered');
  });

  it('two replicas retrying one failed delivery of an approved answer post it once', async () => {
    const question = await abandonedQuestion();
    const [a, b] = [await open('A'), await open('B')];
    const reviewId = await a.reviews.create({
      questionId: question.id,
      text: 'The VPN client is GlobalConnect [1].',
      findings: [],
      language: 'en',
      citations: [{ n: 1, title: 'VPN setup guide', source: 'it/vpn.md', docId: 'd1' }],
    });
    // Approved while Slack was unreachable: decided, not delivered.
    expect(await a.reviews.decide(reviewId, { status: 'approved', reviewer: 'rev@corp.example' })).toBe(true);
    const guard = createGuardrail();
    const services = [a, b].map((store) =>
      createReviewService({ store, deliveries: () => h.adapter.delivery, guard, logger: silentLogger }),
    );
    const outcomes = await Promise.all(services.map((s) => s.retryDelivery(reviewId, 'admin@corp.example')));
    expect(outcomes.sort()).toEqual(['delivered', 'not_needed']);
    expect(botMessages(question.ts)).toHaveLength(1);
    expect((await b.reviews.get(reviewId))?.deliveredAt).toBeDefined();
    expect(await services[1]!.retryDelivery(reviewId, 'admin@corp.example')).toBe('not_needed');
    expect(botMessages(question.ts)).toHaveLength(1);
  });

  it('judges liveness on the database clock: a live replica whose host clock is an hour slow keeps its question', async () => {
    const live = await open('live');
    const heartbeat = new WorkerHeartbeat({
      db: live.db as unknown as Kysely<ReliabilityDatabase>,
      dialect: live.dialect,
      worker: live.questions.worker,
      intervalMs: 60_000,
      logger: silentLogger,
    });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() - 3_600_000);
      await heartbeat.start();
      await live.questions.create({
        text: 'How do I connect to the VPN?',
        asker: { email: 'alice@corp.example', groups: ['all'] },
        place: { platform: 'slack', kind: 'dm', channelId: 'D1', readers: [] },
        history: [],
      });
    } finally {
      vi.useRealTimers();
    }
    const other = await open('other');
    // Its question arrived "an hour ago" by its own clock, yet it beat a moment ago by the database's.
    expect(
      await other.questions.claimAbandoned({
        olderThanMs: 0,
        silentForMs: 60_000,
        limit: 5,
        platforms: ['slack'],
      }),
    ).toEqual([]);
    await heartbeat.stop();
    const taken = await other.questions.claimAbandoned({
      olderThanMs: 0,
      silentForMs: 60_000,
      limit: 5,
      platforms: ['slack'],
    });
    expect(taken).toHaveLength(1);
  });

  it('reads a Teams conversation’s earlier turns back from another replica’s records', async () => {
    const [a, b] = [await open('A'), await open('B')];
    const asker = { email: 'hana@example.com', groups: ['all'] };
    const place = { platform: 'teams' as const, kind: 'dm' as const, channelId: 'a:1chat', readers: [asker] };
    const first = await a.questions.create({ text: 'How do I set up the VPN?', asker, place, history: [] });
    await a.questions.complete(first, answered(first, 'Install GlobalConnect [1].'));
    const elsewhere = await a.questions.create({
      text: 'Other chat',
      asker,
      place: { ...place, channelId: 'a:1other' },
      history: [],
    });
    await a.questions.complete(elsewhere, answered(elsewhere, 'Unrelated [1].'));
    const turns = await conversationLog(b).recent({ platform: 'teams', channelId: 'a:1chat' });
    expect(turns).toEqual([
      { role: 'user', text: 'How do I set up the VPN?' },
      { role: 'assistant', text: 'Install GlobalConnect [1].' },
    ]);
  });
});
