/**
 * Logs never hold what people asked, what PolyDesk answered, or secrets from the documents: an
 * end-to-end run of `polydesk serve` at LOG_LEVEL=debug (sample knowledge base with its planted
 * credential, the fake Slack server, the local chat page), then a grep of everything it logged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventCallback, postSigned } from '../fakes/slack-events.js';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID, FakeSlackServer } from '../fakes/slack-server.js';
import { visibleText } from '../bot/slack-harness.js';
import { type Replica, populateWorkspace, startReplica, stopReplica } from './replica-harness.js';

/** The planted fake credentials of examples/knowledge/it/runbooks/backup-server-runbook.md. */
const SECRETS = ['AKIA5LWBKP7Q3M2XR9TD', 'Zq7mK2vR9xW4pL8nT3bY6hJ1cF5dS0gA8eU2oI7r', 'Tq8!vRm2-Lk5wZp9'];

const QUESTIONS = [
  'What are the AWS access keys of the nightly backup server bkp-01?',
  'What is the database password in the backup server runbook?',
  'How do I reset my password?',
  '有給休暇は何日もらえますか？',
];

let dir: string;
let slack: FakeSlackServer;
let server: Replica;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'polydesk-logs-'));
  slack = await FakeSlackServer.start();
  populateWorkspace(slack, 3, 1);
  server = await startReplica({
    name: 'serve',
    databaseUrl: undefined,
    dataDir: dir,
    slackApiUrl: slack.apiUrl,
    env: {
      POLYDESK_SAMPLES: '1',
      LOG_LEVEL: 'debug',
      // The chat page beside Slack, signed in through an SSO proxy on loopback.
      WEB_CHAT: 'on',
      WEB_CHAT_SSO_HEADER: 'X-Forwarded-Email',
      TRUST_PROXY: 'loopback',
    },
  });
}, 90_000);

afterAll(async () => {
  if (server) await stopReplica(server);
  await slack?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('logs of an end-to-end run', () => {
  it('contain neither the questions, nor the answers, nor the planted credentials', async () => {
    const threads: { channel: string; ts: string }[] = [];
    for (const [i, question] of QUESTIONS.entries()) {
      const dm = i % 2 === 1;
      const channel = dm ? 'D001' : 'C001';
      const text = dm ? question : `<@${FAKE_BOT_USER_ID}> ${question}`;
      const message = slack.addUserMessage({ channel, user: 'U001', text });
      const event = dm
        ? {
            type: 'message',
            channel_type: 'im',
            channel,
            user: 'U001',
            text,
            ts: message.ts,
            thread_ts: message.ts,
          }
        : { type: 'app_mention', channel, user: 'U001', text, ts: message.ts };
      expect((await postSigned(server.eventsUrl, eventCallback(event))).status).toBe(200);
      threads.push({ channel, ts: message.ts });
    }
    const chat = await fetch(`${server.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-email': 'person1@lumenworks.example' },
      body: JSON.stringify({ question: QUESTIONS[0] }),
    });
    const chatAnswer = (await chat.text()).split('\n').filter(Boolean).at(-1)!;
    const replies = await slack.waitFor(() => {
      const found = threads.map((t) =>
        slack
          .thread(t.channel, t.ts)
          .find((m) => m.botId === FAKE_BOT_ID && !m.streaming && m.blocks.length > 0),
      );
      return found.every(Boolean) ? found.map((m) => visibleText(m!)) : undefined;
    }, 20_000);
    await stopReplica(server);

    const logs = server.logs();
    expect(logs).toMatch(/"event":"answer.done"/);
    expect(logs).toMatch(/"event":"samples.ingested"/);
    for (const secret of SECRETS) expect(logs).not.toContain(secret);
    for (const question of QUESTIONS) expect(logs).not.toContain(question);
    // What PolyDesk answered: a long enough piece of each reply to be unmistakable.
    const answers = [...replies, JSON.parse(chatAnswer).answer.answer as string];
    for (const answer of answers) {
      for (const line of answer.split('\n').filter((l) => l.length >= 24))
        expect(logs).not.toContain(line.slice(0, 24));
    }
  }, 60_000);
});
