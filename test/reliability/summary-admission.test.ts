/**
 * Summaries pass the admission path too (issue 18 review, 1), seen from outside a real `polydesk
 * serve` through the chat page: a summary counts against the asker's per-minute limit, and model
 * summaries have a small queue of their own (SUMMARY_CONCURRENCY, SUMMARY_QUEUE_SIZE), so that
 * while one person's summary holds the model, another summary hears "busy" and questions are still
 * answered.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/core/i18n.js';
import { FakeSlackServer } from '../fakes/slack-server.js';
import { type Replica, startReplica, stopReplica } from './replica-harness.js';

/** An OpenAI-compatible server whose replies cite [1]; it holds one request until `release()`. */
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
      res.end(
        `${delta('Connect with the company VPN client before you work outside the office [1].')}${delta(undefined, 'stop')}data: [DONE]\n\n`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
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
let model: Awaited<ReturnType<typeof gatedModel>>;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'polydesk-summary-admission-'));
  slack = await FakeSlackServer.start();
  model = await gatedModel();
  replica = await startReplica({
    name: 'summary-admission',
    databaseUrl: undefined,
    dataDir,
    slackApiUrl: slack.apiUrl,
    env: {
      POLYDESK_SAMPLES: '1',
      WEB_CHAT: 'on',
      WEB_CHAT_SSO_HEADER: 'X-Forwarded-Email',
      TRUST_PROXY: 'loopback',
      GENERATOR: 'openai',
      LLM_BASE_URL: model.baseURL,
      LLM_MODEL: 'polylm-chat-13b',
      CROSS_LANGUAGE_SEARCH: '0',
      RATE_LIMIT_PER_MINUTE: '3',
      SUMMARY_CONCURRENCY: '1',
      SUMMARY_QUEUE_SIZE: '0',
    },
  });
}, 120_000);

afterAll(async () => {
  if (replica) await stopReplica(replica);
  await model?.close();
  await slack?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Sends `question` on the chat page as `email`; the final answer (or summary) as the page gets it. */
async function web(
  email: string,
  question: string,
): Promise<{ status: string; answer: string; summary?: boolean }> {
  const response = await fetch(`${replica.url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-email': email },
    body: JSON.stringify({ question, locale: 'en-US' }),
  });
  expect(response.status).toBe(200);
  const done = (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { type: string; answer?: { status: string; answer: string } })
    .find((event) => event.type === 'done');
  if (!done?.answer) throw new Error('no final answer');
  return done.answer;
}

const SUMMARISE = 'summarise VPN setup';

describe('summaries behind the admission path', () => {
  it('counts summaries against the per-person limit: the fourth in a minute hears "busy"', async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await web('summary-flood@corp.example', SUMMARISE));
    expect(results.slice(0, 3).map((r) => r.status)).toEqual(['answered', 'answered', 'answered']);
    expect(results[3]).toMatchObject({ status: 'busy', answer: t('en', 'busy'), summary: true });
    // Someone else is not limited by it.
    expect((await web('summary-calm@corp.example', SUMMARISE)).status).toBe('answered');
  }, 120_000);

  it('gives summaries a queue of their own: while one holds it, another summary is "busy" and questions are answered', async () => {
    const gate = model.hold();
    const first = web('holder@corp.example', SUMMARISE);
    await gate.arrival;
    try {
      const second = await web('second@corp.example', SUMMARISE);
      expect(second).toMatchObject({ status: 'busy', answer: t('en', 'busy') });
      const question = await web('asker@corp.example', 'How do I connect to the VPN?');
      expect(question.status).not.toBe('busy');
      expect(question.summary).toBeUndefined();
    } finally {
      gate.release();
    }
    expect((await first).status).toBe('answered');
    // The slot is free again.
    expect((await web('third@corp.example', SUMMARISE)).status).toBe('answered');
  }, 120_000);
});
