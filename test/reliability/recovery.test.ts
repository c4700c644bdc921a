/**
 * Crash recovery against real SQLite and PostgreSQL: a question recorded by a replica that died is
 * taken over by exactly one other replica, answered for the readers it may safely assume, and
 * posted through the platform's delivery channel; live replicas' questions are left alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnswerService, DeliveryChannel, Directory, RecoveredDelivery } from '../../src/answer/ports.js';
import { silentLogger } from '../../src/core/log.js';
import type { IncomingQuestion, Principal } from '../../src/core/types.js';
import { detectLanguage } from '../../src/inference/language.js';
import { RecoveryWorker, type RecoveryOutcome } from '../../src/reliability/recovery-worker.js';
import { WorkerHeartbeat } from '../../src/reliability/worker-heartbeat.js';
import type { ReliabilityDatabase } from '../../src/store/question-repository.js';
import { Store } from '../../src/store/store.js';
import { DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { buildPipeline } from '../helpers/pipeline.js';

const DOCS = {
  'vpn.md':
    '---\ntitle: VPN setup\n---\n# VPN\nTo connect to the VPN, start the GlobalConnect client and sign in with your employee ID.\n',
  'bands.md':
    '---\ntitle: Salary bands\nclassification: restricted\naudience: [hr]\n---\n# Salary bands\nThe L3 salary band in Madrid is 48,000 to 58,000 EUR.\n',
};

const directory: Directory = {
  resolve: (email: string): Principal => ({
    email,
    groups: email === 'hr@corp.example' ? ['all', 'hr'] : ['all'],
  }),
};

/** A platform that keeps what recovery posted; it can report that the answer is there already. */
class RecoveredChannel implements DeliveryChannel {
  readonly platform = 'slack' as const;
  readonly posted: RecoveredDelivery[] = [];
  alreadyThere = false;
  async deliverApproved(): Promise<void> {}
  async deliverRejected(): Promise<void> {}
  async deliverRecovered(delivery: RecoveredDelivery) {
    if (this.alreadyThere) return 'already_answered' as const;
    this.posted.push(delivery);
    return 'delivered' as const;
  }
}

function asked(text: string, asker: string, kind: 'dm' | 'channel'): IncomingQuestion {
  const principal = directory.resolve(asker);
  return {
    text,
    asker: principal,
    place: {
      platform: 'slack',
      kind,
      channelId: 'C1',
      threadId: '1700000000.000100',
      readers: [principal],
      delivery: { channel: 'C1', thread_ts: '1700000000.000100' },
    },
    history: [],
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(DIALECTS)('crash recovery on $name', ({ create }) => {
  let db: TestDatabase;
  const stores: Store[] = [];
  const dirs: string[] = [];
  let dead: Store;
  let answers: AnswerService;

  /** Another replica on the same database, alive (beating). */
  async function replica(
    channel: RecoveredChannel,
    outcomes: RecoveryOutcome[] = [],
    steady: () => boolean = () => true,
  ) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'polydesk-recovery-'));
    dirs.push(dataDir);
    const store = await Store.open({ dataDir: db.dataDir, databaseUrl: db.databaseUrl, worker: 'replica' });
    stores.push(store);
    const heartbeat = new WorkerHeartbeat({
      db: store.db as unknown as Kysely<ReliabilityDatabase>,
      dialect: store.dialect,
      worker: store.questions.worker,
      intervalMs: 60_000,
      logger: silentLogger,
    });
    await heartbeat.start();
    const pipeline = await buildPipeline(store, dataDir, {});
    const worker = new RecoveryWorker({
      questions: store.questions,
      answers: pipeline.answers,
      directory,
      delivery: (platform) => (platform === 'slack' ? channel : undefined),
      detectLanguage: (text) => detectLanguage(text),
      logger: silentLogger,
      afterMs: 50,
      maxAttempts: 2,
      onRecovered: (outcome) => outcomes.push(outcome),
      steady,
    });
    return { store, worker, heartbeat };
  }

  beforeEach(async () => {
    db = await create();
    dead = await db.open();
    stores.push(dead);
    ({ answers } = await buildPipeline(dead, db.dataDir, DOCS));
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    await db.dispose();
  });

  it('answers a dead replica’s question exactly once, even when two replicas recover at once', async () => {
    const id = await answers.record!(asked('How do I connect to the VPN?', 'emp@corp.example', 'dm'));
    await sleep(100);
    const channel = new RecoveredChannel();
    const [b, c] = [await replica(channel), await replica(channel)];
    const taken = await Promise.all([b.worker.tick(), c.worker.tick()]);
    expect(taken.sort()).toEqual([0, 1]);
    expect(channel.posted).toHaveLength(1);
    expect(channel.posted[0]!.result).toMatchObject({ questionId: id, status: 'answered' });
    expect(channel.posted[0]!.result.answer).toContain('GlobalConnect');
    expect(channel.posted[0]!).toMatchObject({ channelId: 'C1', delivery: { channel: 'C1' } });
    expect((await dead.questions.get(id))?.status).toBe('answered');
    expect(await b.worker.tick()).toBe(0);
  });

  it('uses only what everyone may read for a channel, and what the asker may read in a DM', async () => {
    const inChannel = await answers.record!(
      asked('What is the L3 salary band in Madrid?', 'hr@corp.example', 'channel'),
    );
    const inDm = await answers.record!(
      asked('What is the L3 salary band in Madrid?', 'hr@corp.example', 'dm'),
    );
    await sleep(100);
    const channel = new RecoveredChannel();
    const { worker } = await replica(channel);
    expect(await worker.tick()).toBe(2);
    const result = (id: string) => channel.posted.find((p) => p.result.questionId === id)!.result;
    expect(result(inChannel).answer).not.toContain('48,000');
    expect(result(inDm).answer).toContain('48,000');
  });

  it('leaves a live replica’s questions alone and apologises for a question that keeps killing workers', async () => {
    const channel = new RecoveredChannel();
    const outcomes: RecoveryOutcome[] = [];
    const live = await replica(channel, outcomes);
    await live.store.questions.create(asked('How do I connect to the VPN?', 'emp@corp.example', 'dm'));
    const poison = await answers.record!(asked('How do I connect to the VPN?', 'emp2@corp.example', 'dm'));
    await sleep(100);
    // Two replicas took the poison question and died before answering it.
    await live.heartbeat.beat();
    for (let i = 0; i < 2; i++) {
      const doomed = await Store.open({ dataDir: db.dataDir, databaseUrl: db.databaseUrl, worker: 'doomed' });
      stores.push(doomed);
      const claimed = await doomed.questions.claimAbandoned({
        olderThanMs: 0,
        silentForMs: 10_000,
        limit: 5,
        platforms: ['slack'],
      });
      expect(claimed.map((q) => q.id)).toEqual([poison]);
    }
    await sleep(100);
    expect(await live.worker.tick()).toBe(1);
    expect(channel.posted).toHaveLength(1);
    expect(channel.posted[0]!.result).toMatchObject({ questionId: poison, status: 'failed' });
    expect(channel.posted[0]!.result.answer).toMatch(/Sorry/);
    expect(outcomes).toEqual(['apologised']);
    expect((await dead.questions.get(poison))?.status).toBe('failed');
  });

  it('judges no one while its own database connection has just come back', async () => {
    await answers.record!(asked('How do I connect to the VPN?', 'emp@corp.example', 'dm'));
    await sleep(100);
    let steady = false;
    const channel = new RecoveredChannel();
    const { worker } = await replica(channel, [], () => steady);
    expect(await worker.tick()).toBe(0);
    steady = true;
    expect(await worker.tick()).toBe(1);
  });

  it('does not post again what the dead replica already posted', async () => {
    const id = await answers.record!(asked('How do I connect to the VPN?', 'emp@corp.example', 'dm'));
    await sleep(100);
    const channel = new RecoveredChannel();
    channel.alreadyThere = true;
    const outcomes: RecoveryOutcome[] = [];
    const { worker } = await replica(channel, outcomes);
    expect(await worker.tick()).toBe(1);
    expect(channel.posted).toHaveLength(0);
    expect(outcomes).toEqual(['already_answered']);
    expect((await dead.questions.get(id))?.status).toBe('answered');
  });
});
