/**
 * A Teams question on arrival and after a crash, with the real pipeline and store: the activity is
 * claimed and its question recorded in one transaction before the Bot Connector gets its 200; a
 * re-delivered activity is recorded and answered once; a question that cannot be recorded gets an
 * apology (200), or a 500 when not even that can be posted, so that a redelivery gets another
 * chance; a question whose worker died is answered by recovery in the conversation where it was asked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerService, AskOptions } from '../../src/answer/ports.js';
import { t } from '../../src/core/i18n.js';
import type { AnswerResult, IncomingQuestion } from '../../src/core/types.js';
import { detectLanguage } from '../../src/inference/language.js';
import { RecoveryWorker } from '../../src/reliability/recovery-worker.js';
import type { Store } from '../../src/store/store.js';
import { type FakeTeamsMessage, deliverActivity, teamsActivity } from '../fakes/bot-connector.js';
import { BOB, HANA, type TeamsHarness, createPipeline, startTeams } from './teams-setup.js';
import { notice, released } from '../../src/guardrails/checked-text.js';

/** The real pipeline, its recording transaction held, failed or left hanging on demand. */
class ArrivingAnswers implements AnswerService {
  gate: Promise<void> = Promise.resolve();
  failing = false;
  onRecord: () => void = () => {};
  /** Questions containing this text are never finished: their worker "died" after recording them. */
  dieOn: string | undefined;

  constructor(private readonly inner: AnswerService) {}

  ask(question: IncomingQuestion, options?: AskOptions): Promise<AnswerResult> {
    if (this.dieOn && question.text.includes(this.dieOn)) {
      return new Promise((_, reject) =>
        options?.signal?.addEventListener('abort', () => reject(new Error('stopped'))),
      );
    }
    return this.inner.ask(question, options);
  }

  async recordClaimed(question: IncomingQuestion, claims: readonly string[]) {
    this.onRecord();
    await this.gate;
    if (this.failing) throw new Error('connection terminated');
    return this.inner.recordClaimed!(question, claims);
  }
}

let harness: TeamsHarness;
let pipeline: Awaited<ReturnType<typeof createPipeline>>;
let answers: ArrivingAnswers;
let store: Store;
let chats = 0;

beforeAll(async () => {
  pipeline = await createPipeline();
  store = pipeline.store;
  answers = new ArrivingAnswers(pipeline.answers);
  harness = await startTeams({
    answers,
    directory: pipeline.directory,
    claims: store.events,
    feedback: store.feedback,
  });
  harness.connector.addUsers([HANA, BOB]);
  harness.connector.addMembers('team-1', [HANA, BOB]);
});

afterAll(async () => {
  await harness?.close();
  await pipeline?.dispose();
});

function personal(text: string, locale?: string): Record<string, unknown> {
  chats += 1;
  return teamsActivity(harness.connector, {
    scope: 'personal',
    conversationId: `a:1arrival-${chats}`,
    from: HANA,
    text,
    ...(locale ? { locale } : {}),
  });
}

function conversationOf(activity: Record<string, unknown>): string {
  return (activity['conversation'] as { id: string }).id;
}

/** Rows recorded for an activity: its question, however often it was delivered. */
function recordedFor(activity: Record<string, unknown>) {
  return store.db
    .selectFrom('questions')
    .select(['id', 'status', 'delivery'])
    .where('event_id', '=', activity['id'] as string)
    .execute();
}

/** What the asker sees once the reply is final (stream finished, or a plain message). */
function finalMessages(conversation: string): FakeTeamsMessage[] {
  return harness.connector.conversation(conversation).filter((m) => m.stream?.state !== 'streaming');
}

describe('a Teams question on arrival', () => {
  it('answers 200 only once the question is recorded, and shows nothing before', async () => {
    let release!: () => void;
    answers.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const recording = new Promise<void>((resolve) => {
      answers.onRecord = resolve;
    });
    const activity = personal('How do I connect to the VPN?');
    let responded = false;
    const response = deliverActivity(harness.endpoint, activity).then((r) => {
      responded = true;
      return r;
    });
    await recording;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(responded).toBe(false);
    expect(harness.connector.postedTo(conversationOf(activity))).toEqual([]);
    expect(await recordedFor(activity)).toEqual([]);

    release();
    expect((await response).status).toBe(200);
    const [row] = await recordedFor(activity);
    expect(row).toBeDefined();
    expect(JSON.parse(row!.delivery!)).toMatchObject({
      activityId: activity['id'],
      conversation: { id: conversationOf(activity) },
      serviceUrl: harness.connector.serviceUrl,
    });
    await harness.teams.idle();
    expect(finalMessages(conversationOf(activity))).toHaveLength(1);
    expect((await recordedFor(activity))[0]?.status).toBe('answered');
  });

  it('records and answers an activity delivered several times at once exactly once', async () => {
    const activity = teamsActivity(harness.connector, {
      scope: 'channel',
      from: BOB,
      teamId: 'team-1',
      mentionBot: true,
      text: 'how many days of paid leave do we get?',
    });
    const responses = await Promise.all([1, 2, 3, 4].map(() => deliverActivity(harness.endpoint, activity)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    await harness.teams.idle();
    expect((await deliverActivity(harness.endpoint, activity)).status).toBe(200);
    await harness.teams.idle();

    const rows = await recordedFor(activity);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe('answered');
    const thread = finalMessages(conversationOf(activity));
    expect(thread).toHaveLength(1);
    expect(JSON.stringify(thread[0]!.attachments)).toContain('25 days');
    expect(thread[0]!.replyToId).toBe(activity['id']);
    // One typing indicator: the duplicates showed no progress either.
    expect(harness.connector.postedTo(conversationOf(activity), 'typing')).toHaveLength(1);
  });

  it('apologises in the asker’s language when the question cannot be recorded (200), and answers a later redelivery', async () => {
    answers.failing = true;
    const activity = personal('VPNに接続するにはどうすればいいですか？', 'ja-JP');
    const conversation = conversationOf(activity);
    expect((await deliverActivity(harness.endpoint, activity)).status).toBe(200);
    await harness.teams.idle();
    const [apology, ...rest] = finalMessages(conversation);
    expect(apology?.text).toBe(t('ja', 'failed'));
    expect(apology?.replyToId).toBe(activity['id']);
    expect(rest).toEqual([]);
    expect(await recordedFor(activity)).toEqual([]);

    // Nothing was claimed: once the database is back, the same activity is answered.
    answers.failing = false;
    expect((await deliverActivity(harness.endpoint, activity)).status).toBe(200);
    await harness.teams.idle();
    expect(finalMessages(conversation)).toHaveLength(2);
    expect(finalMessages(conversation)[1]!.attachments.length).toBeGreaterThan(0);
    expect(await recordedFor(activity)).toHaveLength(1);
  });

  it('answers 500 when neither the question can be recorded nor the apology posted, so a redelivery gets another chance', async () => {
    answers.failing = true;
    harness.connector.failNext('message', { status: 403, code: 'BotNotInConversationRoster' });
    const activity = personal('How do I connect to the VPN?');
    const conversation = conversationOf(activity);
    expect((await deliverActivity(harness.endpoint, activity)).status).toBe(500);
    expect(harness.connector.conversation(conversation)).toEqual([]);

    answers.failing = false;
    expect((await deliverActivity(harness.endpoint, activity)).status).toBe(200);
    await harness.teams.idle();
    const [answer, ...rest] = finalMessages(conversation);
    expect(answer?.text).toContain('GlobalConnect');
    expect(rest).toEqual([]);
    expect(await recordedFor(activity)).toHaveLength(1);
  });
});

describe('a Teams question whose worker died', () => {
  it('is answered by another replica’s recovery, as a card in the question’s thread', async () => {
    answers.dieOn = 'carried over';
    const activity = teamsActivity(harness.connector, {
      scope: 'channel',
      from: HANA,
      teamId: 'team-1',
      mentionBot: true,
      text: 'Can unused leave days be carried over?',
    });
    const thread = conversationOf(activity);
    expect((await deliverActivity(harness.endpoint, activity)).status).toBe(200);
    expect((await recordedFor(activity))[0]?.status).toBe('received');
    expect(finalMessages(thread)).toEqual([]);

    const replica = await pipeline.openReplica();
    try {
      await new Promise((resolve) => setTimeout(resolve, 10));
      const recovery = new RecoveryWorker({
        questions: replica.questions,
        answers: pipeline.answersFor(replica),
        directory: pipeline.directory,
        delivery: (platform) => (platform === 'teams' ? harness.teams.delivery : undefined),
        detectLanguage: (text) => detectLanguage(text),
        logger: () => {},
        afterMs: 0,
        maxAttempts: 3,
      });
      expect(await recovery.tick()).toBe(1);
    } finally {
      await replica.close();
    }
    const [recovered] = finalMessages(thread);
    expect(recovered?.replyToId).toBe(activity['id']);
    expect(JSON.stringify(recovered?.attachments)).toContain('March');
    expect(JSON.stringify(recovered?.attachments)).toContain('Paid leave policy');
    expect((await recordedFor(activity))[0]?.status).toBe('answered');

    // A question that kept killing its workers gets an apology there instead, in its language.
    const [row] = await recordedFor(activity);
    const outcome = await harness.teams.delivery.deliverRecovered!({
      result: {
        questionId: row!.id,
        status: 'failed',
        answer: notice('ja', 'failed'),
        language: 'ja',
        citations: [],
        verdict: { action: 'allow', findings: [], text: released('') },
        generator: 'none',
        extractive: false,
        retrievedChunkIds: [],
        latencyMs: 0,
      },
      delivery: JSON.parse(row!.delivery!),
      asker: 'hana@example.com',
    });
    expect(outcome).toBe('delivered');
    const apology = finalMessages(thread)[1];
    expect(apology?.text).toBe(t('ja', 'failed'));
    expect(apology?.replyToId).toBe(activity['id']);

    // The "dead" worker is stopped here; in a real crash it posts nothing more.
    await harness.teams.stop(0);
  });
});
