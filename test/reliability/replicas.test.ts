/**
 * Two `polydesk serve` replicas on one real PostgreSQL (a fresh schema), the fake Slack server in
 * front, all on loopback: bursts with duplicates and retries, a replica SIGKILLed mid-burst, an
 * ingest published while searches run, and a PostgreSQL outage (a TCP proxy cut and restored).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_BOT_ID, FakeSlackServer } from '../fakes/slack-server.js';
import { runCli } from '../helpers/cli.js';
import { type TestDatabase, postgresDatabase } from '../helpers/databases.js';
import {
  type AskedQuestion,
  allReplied,
  everyBotMessage,
  mention,
  pooled,
  populateWorkspace,
  type Replica,
  repliesTo,
  SAMPLE_QUESTIONS,
  sendEvent,
  startReplica,
  stopReplica,
} from './replica-harness.js';
import { TcpProxy } from './tcp-proxy.js';

// Few answer slots, so that a backlog builds up and a killed replica leaves questions behind.
const RELIABILITY_ENV = {
  RECOVERY_AFTER_SECONDS: '3',
  // The chat page is limited per person too, and one searcher asks in a loop below.
  RATE_LIMIT_PER_MINUTE: '100000',
  ANSWER_CONCURRENCY: '2',
  // The chat page beside Slack, behind an SSO proxy: this test's requests come from loopback.
  WEB_CHAT: 'on',
  WEB_CHAT_SSO_HEADER: 'X-Forwarded-Email',
  TRUST_PROXY: 'loopback',
};
const SIGNED_IN = { 'content-type': 'application/json', 'x-forwarded-email': 'searcher@lumenworks.example' };

let db: TestDatabase;
let slack: FakeSlackServer;
let proxy: TcpProxy;
let a: Replica;
let b: Replica;
let workspace: ReturnType<typeof populateWorkspace>;
const dirs: string[] = [];
let asked = 0;

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'polydesk-replica-'));
  dirs.push(dir);
  return dir;
}

/** `count` new questions in the workspace's channels, from its people in turn. */
function newQuestions(count: number): AskedQuestion[] {
  return Array.from({ length: count }, () => {
    const n = asked++;
    const channel = workspace.channels[n % workspace.channels.length]!;
    const user = workspace.users[n % workspace.users.length]!;
    return mention(slack, channel, user, SAMPLE_QUESTIONS[n % SAMPLE_QUESTIONS.length]!, n);
  });
}

/**
 * Each question exactly once in its thread, counting every message PolyDesk put there (streams
 * finished or not, placeholders, notices): one, and finished. Returns how many were real answers.
 */
function expectExactlyOnce(questions: readonly AskedQuestion[]): number {
  const messages = questions.map((q) => everyBotMessage(slack, q));
  const twice = questions.filter((_, i) => messages[i]!.length > 1).map((q) => q.eventId);
  const never = questions.filter((_, i) => messages[i]!.length === 0).map((q) => q.eventId);
  const unfinished = questions
    .filter((_, i) => messages[i]!.some((m) => m.streaming || m.blocks.length === 0))
    .map((q) => q.eventId);
  expect({ twice, never, unfinished }).toEqual({ twice: [], never: [], unfinished: [] });
  return questions.filter((q) => JSON.stringify(repliesTo(slack, q)[0]!.blocks).includes('feedback')).length;
}

async function sql<T extends pg.QueryResultRow>(query: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: db.databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(query)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Waits until no question is in flight any more (received or being delivered): from then on no
 * replica holds a claim under which it could post, so a late duplicate would already be there.
 */
async function settled(): Promise<void> {
  await expect
    .poll(
      async () =>
        Number(
          (
            await sql<{ n: string }>(
              "select count(*) as n from questions where status in ('received', 'delivering')",
            )
          )[0]!.n,
        ),
      { timeout: 30_000, interval: 200 },
    )
    .toBe(0);
}

beforeAll(async () => {
  db = await postgresDatabase();
  slack = await FakeSlackServer.start();
  workspace = populateWorkspace(slack, 24, 4);
  proxy = await TcpProxy.start({ host: '127.0.0.1', port: 5432 });
  // A ingests the sample knowledge base on its first start; B reaches PostgreSQL through the proxy.
  a = await startReplica({
    name: 'A',
    databaseUrl: db.databaseUrl,
    dataDir: tempDir(),
    slackApiUrl: slack.apiUrl,
    env: { ...RELIABILITY_ENV, POLYDESK_SAMPLES: '1' },
  });
  b = await startReplica({
    name: 'B',
    databaseUrl: db.databaseUrl!.replace('127.0.0.1:5432', `127.0.0.1:${proxy.port}`),
    dataDir: tempDir(),
    slackApiUrl: slack.apiUrl,
    env: RELIABILITY_ENV,
  });
}, 120_000);

afterAll(async () => {
  for (const replica of [a, b]) if (replica) await stopReplica(replica);
  if (process.env.POLYDESK_TEST_LOGS)
    for (const r of [a, b]) writeFileSync(`${process.env.POLYDESK_TEST_LOGS}/${r.name}.log`, r.logs());
  await proxy?.close();
  await slack?.close();
  await db?.dispose();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('two replicas on one PostgreSQL', () => {
  it('answers every question of a burst exactly once, with duplicates and retries mixed in', async () => {
    const questions = newQuestions(200);
    const sends = questions.map((q, i) => () => sendEvent([a, b], i % 2, q));
    // Slack delivering twice: a retry of every fifth event to the other replica, and of every
    // seventh to the same one, interleaved with the first deliveries.
    questions.forEach((q, i) => {
      if (i % 5 === 0) sends.splice(i + 20, 0, () => sendEvent([a, b], (i + 1) % 2, q, 1));
      if (i % 7 === 0) sends.splice(i + 30, 0, () => sendEvent([a, b], i % 2, q, 2));
    });
    expect(sends.length).toBeGreaterThan(260);
    const deliveries = await pooled(24, sends);
    expect(deliveries.every((d) => d.ackMs !== undefined)).toBe(true);

    await allReplied(slack, questions, 60_000);
    await settled();
    expect(expectExactlyOnce(questions)).toBeGreaterThan(questions.length * 0.9);
    const rows = await sql<{ status: string; n: string }>(
      'select status, count(*) as n from questions group by status',
    );
    expect(rows.find((r) => r.status === 'received')).toBeUndefined();
    expect(rows.reduce((sum, r) => sum + Number(r.n), 0)).toBe(questions.length);
  }, 90_000);

  it('publishes an ingest to every replica while searches run: no errors, the new document found after the switch', async () => {
    const docs = tempDir();
    mkdirSync(path.join(docs, 'it'));
    writeFileSync(
      path.join(docs, 'it', 'zorblax-printer.md'),
      '---\ntitle: Zorblax printer troubleshooting\n---\n# Zorblax printer\n\nWhen the Zorblax printer shows error Z42, open tray 3 and remove the blue clip.\n',
    );
    const question = 'What do I do when the Zorblax printer shows error Z42?';
    const chat = async (replica: Replica) => {
      const response = await fetch(`${replica.url}/api/chat`, {
        method: 'POST',
        headers: SIGNED_IN,
        body: JSON.stringify({ question }),
      });
      const events = (await response.text())
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { type: string; answer?: { status: string; answer: string } });
      return { status: response.status, done: events.at(-1) };
    };
    let searching = true;
    const results: Awaited<ReturnType<typeof chat>>[] = [];
    const searches = Promise.all(
      [a, b].map(async (replica) => {
        while (searching) results.push(await chat(replica));
      }),
    );
    const ingest = await runCli(['ingest', docs, '--json'], {
      env: { DATA_DIR: tempDir(), DATABASE_URL: db.databaseUrl },
    });
    expect(ingest.code).toBe(0);
    try {
      for (const replica of [a, b]) {
        const deadline = Date.now() + 20_000;
        for (;;) {
          const { done } = await chat(replica);
          if (done?.answer?.answer.includes('blue clip')) break;
          expect(Date.now()).toBeLessThan(deadline);
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    } finally {
      searching = false;
      await searches;
    }
    expect(results.length).toBeGreaterThan(4);
    for (const result of results) {
      expect(result.status).toBe(200);
      expect(result.done?.type).toBe('done');
      expect(['answered', 'not_found']).toContain(result.done?.answer?.status);
    }
  }, 60_000);

  it('loses nothing and answers nothing twice when a replica is SIGKILLed mid-burst', async () => {
    const questions = newQuestions(160);
    let sent = 0;
    const killAfter = 60;
    const deliveries = await pooled(
      16,
      questions.map((q, i) => async () => {
        const delivery = await sendEvent([a, b], i % 2, q);
        sent += 1;
        if (sent === killAfter) a.child.kill('SIGKILL');
        return delivery;
      }),
    );
    await a.exited;
    expect(deliveries.every((d) => d.ackMs !== undefined)).toBe(true);
    await allReplied(slack, questions, 60_000);
    await settled();
    expectExactlyOnce(questions);
    expect(b.logs()).toMatch(/"event":"recovery.done"/);
    const left = await sql<{ n: string }>("select count(*) as n from questions where status = 'received'");
    expect(Number(left[0]!.n)).toBe(0);
  }, 90_000);

  it('fails cleanly while PostgreSQL is unreachable and recovers by itself', async () => {
    proxy.cut();
    try {
      await expect.poll(async () => (await fetch(`${b.url}/readyz`)).status, { timeout: 10_000 }).toBe(503);
      const [during] = newQuestions(1);
      expect((await sendEvent([b], 0, during!)).ackMs).toBeDefined();
      await allReplied(slack, [during!], 15_000);
      const apology = repliesTo(slack, during!)[0]!;
      expect(apology.text).toMatch(/Sorry, something went wrong/);
      const chat = await fetch(`${b.url}/api/chat`, {
        method: 'POST',
        headers: SIGNED_IN,
        body: JSON.stringify({ question: 'How do I reset my password?' }),
      });
      expect(chat.status).toBe(200);
      expect(await chat.text()).toMatch(/"type":"error"/);
    } finally {
      proxy.restore();
    }
    await expect.poll(async () => (await fetch(`${b.url}/readyz`)).status, { timeout: 15_000 }).toBe(200);
    const [after] = newQuestions(1);
    await sendEvent([b], 0, after!);
    await allReplied(slack, [after!], 15_000);
    expect(JSON.stringify(repliesTo(slack, after!)[0]!.blocks)).toContain('feedback');
    expect(b.child.exitCode).toBeNull();
    expect(b.logs()).not.toMatch(/uncaught|unhandled/i);
    expect(slack.messages.filter((m) => m.botId === FAKE_BOT_ID).length).toBeGreaterThan(0);
  }, 60_000);
});
