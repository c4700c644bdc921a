/**
 * Backpressure as askers and the load balancer see it: over the per-person rate limit (counted in
 * the shared database, so across replicas) or with the answer queue full, the asker gets the
 * polite "busy" message in their language, and /readyz says not ready until the queue drains.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnswerService } from '../../src/answer/ports.js';
import { loadConfig } from '../../src/config.js';
import { t } from '../../src/core/i18n.js';
import { silentLogger } from '../../src/core/log.js';
import type { IncomingQuestion, Principal } from '../../src/core/types.js';
import { withAdmission } from '../../src/reliability/admission.js';
import { FairQueue } from '../../src/reliability/fair-queue.js';
import { createRateLimiter } from '../../src/reliability/rate-limiter.js';
import { createReliability } from '../../src/reliability/reliability.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { InFlight, createExpressApp, listen, type RunningServer } from '../../src/server.js';
import type { Store } from '../../src/store/store.js';
import { DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { buildPipeline } from '../helpers/pipeline.js';

const DOCS = {
  'vpn.md': '---\ntitle: VPN\n---\n# VPN\nTo connect to the VPN, start the GlobalConnect client.\n',
};

function question(text: string, email: string, platform: 'slack' | 'web' = 'slack'): IncomingQuestion {
  const asker: Principal = { email, groups: ['all'] };
  return { text, asker, place: { platform, kind: 'dm', readers: [asker] }, history: [] };
}

describe.each(DIALECTS)('per-person rate limit on $name', ({ create }) => {
  let db: TestDatabase;
  const stores: Store[] = [];
  const dirs: string[] = [];

  beforeEach(async () => {
    db = await create();
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    await db.dispose();
  });

  /** One replica: its own process state (queue), the shared database. */
  async function replica(docs: Record<string, string>): Promise<AnswerService> {
    const store = await db.open();
    stores.push(store);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'polydesk-admission-'));
    dirs.push(dataDir);
    const { answers } = await buildPipeline(store, dataDir, docs);
    return withAdmission(answers, {
      queue: new FairQueue({ concurrency: 4, maxQueued: 10 }),
      limiter: createRateLimiter({
        perMinute: 3,
        countSince: (asker, windowMs) => store.questions.countSince(asker, windowMs),
      }),
      logger: silentLogger,
    });
  }

  it('holds across replicas, answers the fourth question of the minute with "busy" in Japanese, and spares others', async () => {
    const a = await replica(DOCS);
    const b = await replica({});
    const ask = (replica: AnswerService, email: string) =>
      replica.ask(question('VPNに接続するにはどうすればいいですか？', email));
    expect((await ask(a, 'kenji@corp.example')).status).not.toBe('busy');
    expect((await ask(b, 'kenji@corp.example')).status).not.toBe('busy');
    expect((await ask(a, 'kenji@corp.example')).status).not.toBe('busy');
    const fourth = await ask(b, 'kenji@corp.example');
    expect(fourth).toMatchObject({ status: 'busy', language: 'ja', answer: t('ja', 'busy') });
    expect((await ask(b, 'hana@corp.example')).status).not.toBe('busy');
    // The chat page is limited like every platform: its fourth question of the minute is "busy" too.
    const web = [];
    for (let i = 0; i < 4; i++) web.push((await a.ask(question('VPN?', 'ana@corp.example', 'web'))).status);
    expect(web.slice(0, 3)).not.toContain('busy');
    expect(web[3]).toBe('busy');
  });
});

describe('a full answer queue', () => {
  let dir: string;
  let runtime: Runtime;
  let server: RunningServer;
  let url: string;
  let reliability: ReturnType<typeof createReliability>;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'polydesk-queue-'));
    const config = loadConfig({
      DATA_DIR: dir,
      POLYDESK_SAMPLES: '0',
      ANSWER_CONCURRENCY: '1',
      ANSWER_QUEUE_SIZE: '1',
    });
    runtime = await createRuntime(config, silentLogger);
    reliability = createReliability(runtime);
    await reliability.start(() => undefined);
    const inFlight = new InFlight();
    const app = createExpressApp(
      {
        answers: reliability.answers,
        directory: runtime.directory,
        metrics: runtime.metrics,
        logger: silentLogger,
        readiness: reliability.readiness,
      },
      inFlight,
    );
    server = await listen(app, inFlight, 0, '127.0.0.1');
    url = `http://127.0.0.1:${server.port}`;
  });
  afterEach(async () => {
    await server.close(1_000);
    await reliability.stop();
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers "busy" in the asker’s language, records it, and reports not ready until it drains', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    // Two questions whose work cannot finish yet: one answering, one waiting — the queue is full.
    const held = [1, 2].map((i) =>
      reliability.answers.ask(question(`VPN question ${i}`, `user${i}@corp.example`), {
        schedule: async (_q, work) => {
          await gate;
          await work();
          return true;
        },
      }),
    );
    // Each question is recorded and queued after its language is known, which for a Latin-script
    // question may first load the n-gram model: wait until both are in the queue, not a fixed time.
    let ready = await fetch(`${url}/readyz`);
    for (let waited = 0; ready.status !== 503 && waited < 60_000; waited += 25) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      ready = await fetch(`${url}/readyz`);
    }
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'not ready', checks: { capacity: false } });

    const refused = await reliability.answers.ask(
      question('¿Cómo me conecto a la VPN de la empresa?', 'ana@corp.example'),
    );
    expect(refused).toMatchObject({ status: 'busy', language: 'es', answer: t('es', 'busy') });
    expect((await runtime.store.questions.get(refused.questionId))?.status).toBe('busy');
    expect(await (await fetch(`${url}/metrics`)).text()).toMatch(
      /polydesk_answers_refused_total\{reason="queue_full"\} 1/,
    );

    open();
    expect((await Promise.all(held)).map((r) => r.status)).not.toContain('busy');
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });

  it('reports not ready while no heartbeat runs: without one it would take questions and answer none', async () => {
    const ready = await fetch(`${url}/readyz`);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { heartbeat: true } });
    await reliability.stop();
    const stopped = await fetch(`${url}/readyz`);
    expect(stopped.status).toBe(503);
    expect(await stopped.json()).toMatchObject({ status: 'not ready', checks: { heartbeat: false } });
  });
});

describe('backpressure settings', () => {
  it('default to a working setup and refuse nonsense with the fix in the message', () => {
    expect(loadConfig({}).reliability).toEqual({
      rateLimitPerMinute: 20,
      answerConcurrency: 8,
      answerQueueSize: 200,
      summaryConcurrency: 2,
      summaryQueueSize: 20,
      recoveryAfterSeconds: 30,
    });
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '0' }).reliability.rateLimitPerMinute).toBe(0);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow(/RATE_LIMIT_PER_MINUTE.*e\.g\. 20/);
    expect(() => loadConfig({ ANSWER_CONCURRENCY: '0' })).toThrow(/ANSWER_CONCURRENCY/);
    expect(() => loadConfig({ RECOVERY_AFTER_SECONDS: '1' })).toThrow(/RECOVERY_AFTER_SECONDS/);
    expect(() => loadConfig({ SUMMARY_CONCURRENCY: '0' })).toThrow(/SUMMARY_CONCURRENCY.*e\.g\. 2/);
    expect(() => loadConfig({ SUMMARY_MAX_MODEL_CALLS: '1' })).toThrow(/SUMMARY_MAX_MODEL_CALLS.*3 or more/);
    expect(loadConfig({}).llm).toMatchObject({ summaryDeadlineMs: 180_000, summaryMaxCalls: 12 });
  });
});
