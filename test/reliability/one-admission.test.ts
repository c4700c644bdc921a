/**
 * One admission path for every platform (issue 14, item 5), seen from outside a real `polydesk
 * serve`: Slack (fake Web API), Teams (Emulator mode, fake Bot Connector) and the chat page (behind
 * an SSO header) all pass the same per-person rate limit, and one answer slot is shared by all of
 * them — while a chat page question holds it, a question from any platform hears "busy".
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/core/i18n.js';
import { FakeBotConnector, type FakeMember, deliverActivity, teamsActivity } from '../fakes/bot-connector.js';
import { FakeSlackServer } from '../fakes/slack-server.js';
import {
  type AskedQuestion,
  type Replica,
  allReplied,
  mention,
  populateWorkspace,
  repliesTo,
  sendEvent,
  startReplica,
  stopReplica,
} from './replica-harness.js';

const BUSY = t('en', 'busy');
const QUESTION = 'How do I reset my password?';

/** An OpenAI-compatible server that answers at once, or holds one request until `release()`. */
async function gatedModel() {
  let gate: { arrived: () => void; opened: Promise<void> } | undefined;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', async () => {
      if (!req.url?.endsWith('/chat/completions')) return void res.writeHead(404).end();
      const held = gate;
      gate = undefined;
      if (held) {
        held.arrived();
        await held.opened;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const delta = (content?: string, finish: string | null = null) =>
        `data: ${JSON.stringify({ choices: [{ index: 0, delta: content ? { content } : {}, finish_reason: finish }] })}\n\n`;
      res.end(`${delta('Use the self-service portal [1].')}${delta(undefined, 'stop')}data: [DONE]\n\n`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    /** Holds the next request; resolves `arrived` once it came, answers it on `release()`. */
    hold() {
      let arrived!: () => void;
      let release!: () => void;
      const arrival = new Promise<void>((resolve) => {
        arrived = resolve;
      });
      gate = { arrived, opened: new Promise<void>((resolve) => (release = resolve)) };
      return { arrival, release };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

let replica: Replica;
let slack: FakeSlackServer;
let teams: FakeBotConnector;
let model: Awaited<ReturnType<typeof gatedModel>>;
let workspace: { users: string[]; channels: string[] };
let dataDir: string;
let asked = 0;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'polydesk-admission-'));
  slack = await FakeSlackServer.start();
  workspace = populateWorkspace(slack, 3, 1);
  teams = await FakeBotConnector.start();
  model = await gatedModel();
  replica = await startReplica({
    name: 'one-admission',
    databaseUrl: undefined,
    dataDir,
    slackApiUrl: slack.apiUrl,
    env: {
      POLYDESK_SAMPLES: '1',
      TEAMS_EMULATOR: '1',
      WEB_CHAT: 'on',
      WEB_CHAT_SSO_HEADER: 'X-Forwarded-Email',
      TRUST_PROXY: 'loopback',
      GENERATOR: 'openai',
      LLM_BASE_URL: model.baseURL,
      LLM_MODEL: 'polylm-chat-13b',
      CROSS_LANGUAGE_SEARCH: '0',
      RATE_LIMIT_PER_MINUTE: '3',
      ANSWER_CONCURRENCY: '1',
      ANSWER_QUEUE_SIZE: '0',
    },
  });
}, 120_000);

afterAll(async () => {
  if (replica) await stopReplica(replica);
  await model?.close();
  await teams?.close();
  await slack?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Asks on the chat page as `email` (the SSO proxy's header); the final answer's status. */
async function web(email: string): Promise<string | undefined> {
  const response = await fetch(`${replica.url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-email': email },
    body: JSON.stringify({ question: QUESTION }),
  });
  expect(response.status).toBe(200);
  const done = (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { type: string; answer?: { status: string } })
    .find((event) => event.type === 'done');
  return done?.answer?.status;
}

/** Asks in a Teams 1:1 chat of its own; the text of the finished reply. */
async function teamsAsk(from: FakeMember): Promise<string> {
  asked += 1;
  const conversationId = `a:admission-${asked}`;
  const activity = teamsActivity(teams, { scope: 'personal', from, text: QUESTION, conversationId });
  expect((await deliverActivity(`${replica.url}/api/messages`, activity)).status).toBe(200);
  const reply = await teams.waitFor(
    () =>
      teams
        .conversation(conversationId)
        .find((m) => m.stream?.state !== 'streaming' && (m.text || m.attachments.length > 0)),
    30_000,
  );
  return JSON.stringify(reply);
}

/** Asks by @mention in a Slack channel; the finished reply in its thread. */
async function slackAsk(user: string): Promise<string> {
  asked += 1;
  const question: AskedQuestion = mention(slack, workspace.channels[0]!, user, QUESTION, asked);
  expect((await sendEvent([replica], 0, question)).ackMs).toBeDefined();
  await allReplied(slack, [question], 30_000);
  return JSON.stringify(repliesTo(slack, question)[0]);
}

async function metric(reason: string): Promise<number> {
  const text = await (await fetch(`${replica.url}/metrics`)).text();
  const match = new RegExp(`polydesk_answers_refused_total\\{reason="${reason}"\\} (\\d+)`).exec(text);
  return Number(match?.[1] ?? 0);
}

describe('one admission path for Slack, Teams and the chat page', () => {
  it('limits a flood from one person on every platform, and only that person', async () => {
    const webStatuses = [];
    for (let i = 0; i < 4; i++) webStatuses.push(await web('flood@corp.example'));
    expect(webStatuses.slice(0, 3)).not.toContain('busy');
    expect(webStatuses[3]).toBe('busy');
    expect(await web('calm@corp.example')).not.toBe('busy');

    const flooder: FakeMember = { id: '29:flood', name: 'teams-flood@corp.example' };
    const teamsReplies = [];
    for (let i = 0; i < 4; i++) teamsReplies.push(await teamsAsk(flooder));
    expect(teamsReplies.slice(0, 3).join()).not.toContain(BUSY);
    expect(teamsReplies[3]).toContain(BUSY);

    const slackReplies = [];
    for (let i = 0; i < 4; i++) slackReplies.push(await slackAsk(workspace.users[0]!));
    expect(slackReplies.slice(0, 3).join()).not.toContain(BUSY);
    expect(slackReplies[3]).toContain(BUSY);

    expect(await metric('rate_limited')).toBe(3);
  }, 120_000);

  it('shares one answer slot between the platforms: while it is taken, each of them hears "busy"', async () => {
    const before = await metric('queue_full');
    const gate = model.hold();
    const first = web('holder@corp.example');
    await gate.arrival;
    try {
      expect(await teamsAsk({ id: '29:other', name: 'teams-other@corp.example' })).toContain(BUSY);
      expect(await slackAsk(workspace.users[1]!)).toContain(BUSY);
      expect(await web('second@corp.example')).toBe('busy');
    } finally {
      gate.release();
    }
    expect(await first).toBe('answered');
    expect(await metric('queue_full')).toBe(before + 3);
    // The slot is free again, for any platform.
    expect(await slackAsk(workspace.users[2]!)).not.toContain(BUSY);
  }, 120_000);
});
