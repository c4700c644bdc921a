/**
 * What an asker sees when another replica took their question over while this one was answering
 * (the result is `superseded`). Two replicas on one real SQLite database: the live one's pipeline
 * waits inside its generator while the other's real RecoveryWorker takes the question over.
 * - Chat page and CLI: no replica can reach the asker later (recovery completes their questions with
 *   an apology, delivering nothing), so they get the failed notice — never the answer, never
 *   "awaiting review" for a review that was not created.
 * - Slack /ask: recovery posts the answer to the asker alone (postEphemeral), so the live replica
 *   adds nothing after its "Searching…" placeholder.
 */
import { gatedGenerator } from '../fakes/gated-generator.js';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnswerService } from '../../src/answer/ports.js';
import { createWebChat } from '../../src/bot/web/web-chat.js';
import { askCommand } from '../../src/cli/ask-command.js';
import { silentLogger } from '../../src/core/log.js';
import type { AnswerResult } from '../../src/core/types.js';
import { notice, released } from '../../src/guardrails/checked-text.js';
import type { Guard } from '../../src/guardrails/guard.js';
import { RecoveryWorker, type RecoveryOutcome } from '../../src/reliability/recovery-worker.js';
import type { Runtime } from '../../src/runtime.js';
import { Store } from '../../src/store/store.js';
import { allowAllGuard } from '../fakes/allow-all-guard.js';
import { slashCommand } from '../fakes/slack-events.js';
import { buildPipeline } from '../helpers/pipeline.js';
import {
  ALICE,
  CHANNEL,
  type SlackHarness,
  startSlackHarness,
  testDirectory,
  visibleText,
} from './slack-harness.js';

const DOCS = {
  'vpn.md':
    '---\ntitle: VPN setup\n---\n# VPN\nTo connect to the VPN, start the GlobalConnect client and sign in with your employee ID.\n',
};
const QUESTION = 'How do I connect to the VPN?';
const FAILED = notice('en', 'failed');

/** Holds every answer for review, as a finding in the answer would. */
const holdAll: Guard = {
  async check() {
    return { action: 'hold', findings: [{ type: 'password', start: 0, end: 1 }], text: released('') };
  },
  approve: allowAllGuard.approve,
};

let dataDir: string;
const closers: (() => Promise<unknown>)[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'polydesk-superseded-'));
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function openStore(worker: string): Promise<Store> {
  const store = await Store.open({ dataDir, databaseUrl: undefined, worker });
  closers.push(() => store.close());
  return store;
}

/** The replica the asker talks to: the real pipeline, its generator gated; its results are kept. */
async function liveReplica(guard: Guard = allowAllGuard) {
  const store = await openStore('live');
  const generator = gatedGenerator();
  const { answers: pipeline } = await buildPipeline(store, path.join(dataDir, 'live'), DOCS, {
    generator,
    guard,
  });
  const results: AnswerResult[] = [];
  const answers: AnswerService = {
    record: pipeline.record,
    async ask(question, options) {
      const result = await pipeline.ask(question, options);
      results.push(result);
      return result;
    },
  };
  return { store, generator, answers, results };
}

/** The other replica's crash recovery, taking over whatever the live one (no heartbeat: dead) holds. */
async function recoveringReplica(slack?: SlackHarness) {
  const store = await openStore('other');
  const { answers } = await buildPipeline(store, path.join(dataDir, 'other'), {});
  const outcomes: RecoveryOutcome[] = [];
  const recovery = new RecoveryWorker({
    questions: store.questions,
    answers,
    directory: testDirectory,
    delivery: (platform) => (platform === 'slack' ? slack?.adapter.delivery : undefined),
    detectLanguage: () => 'en',
    logger: silentLogger,
    afterMs: 1,
    maxAttempts: 3,
    onRecovered: (outcome) => outcomes.push(outcome),
  });
  /** Resolves once recovery has taken the question over, with the outcome. */
  const takeOver = async () => {
    await expect
      .poll(
        async () => {
          await recovery.tick();
          return outcomes;
        },
        { timeout: 30_000, interval: 20 },
      )
      .toHaveLength(1);
    return outcomes[0];
  };
  return { store, takeOver };
}

async function chatPage(answers: AnswerService): Promise<string> {
  const app = express();
  app.use(
    createWebChat({
      answers,
      directory: testDirectory,
      logger: silentLogger,
      access: { mode: 'open' },
      maxQuestionChars: 4000,
    }),
  );
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  closers.push(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function doneAnswer(response: Response): Promise<Record<string, unknown>> {
  const events = (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { type: string; answer?: Record<string, unknown> });
  return events.find((e) => e.type === 'done')!.answer!;
}

describe('a question taken over by another replica', () => {
  for (const [name, guard, status] of [
    ['answered', allowAllGuard, 'answered'],
    ['held for review', holdAll, 'held'],
  ] as const) {
    it(`the chat page shows the failed notice instead of an answer ${name} under a lost claim`, async () => {
      const live = await liveReplica(guard);
      const other = await recoveringReplica();
      const url = await chatPage(live.answers);
      const response = fetch(`${url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: QUESTION }),
      });
      await live.generator.reached;
      // No Slack or Teams channel to a browser: recovery completes it with an apology.
      expect(await other.takeOver()).toBe('abandoned');
      live.generator.open();
      const answer = await doneAnswer(await response);
      expect(live.results[0]).toMatchObject({ status, superseded: true });
      expect(answer).toMatchObject({ status: 'failed', answer: FAILED, citations: [] });
      expect(answer['reviewId']).toBeUndefined();
      expect(JSON.stringify(answer)).not.toContain('GlobalConnect');
      expect(await live.store.db.selectFrom('reviews').selectAll().execute()).toEqual([]);
    });
  }

  it('the CLI prints the failed notice and exits 1', async () => {
    const live = await liveReplica(holdAll);
    const other = await recoveringReplica();
    const runtime = { answers: live.answers, directory: testDirectory } as unknown as Runtime;
    const printed: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed.push(String(chunk));
      return true;
    });
    try {
      const code = askCommand(runtime, [QUESTION, '--json']);
      await live.generator.reached;
      expect(await other.takeOver()).toBe('abandoned');
      live.generator.open();
      expect(await code).toBe(1);
    } finally {
      write.mockRestore();
    }
    expect(live.results[0]).toMatchObject({ status: 'held', superseded: true });
    expect(JSON.parse(printed.join(''))).toMatchObject({ status: 'failed', answer: FAILED });
    expect(printed.join('')).not.toMatch(/reviewId|GlobalConnect/);
  });

  it('Slack /ask: recovery answers the asker privately, and the live replica adds nothing', async () => {
    const live = await liveReplica();
    const slack = await startSlackHarness({ answers: live.answers, store: live.store });
    closers.push(() => slack.close());
    await slack.adapter.start();
    const other = await recoveringReplica(slack);
    const command = (responseUrl: string) =>
      slack.send(
        slashCommand({
          command: '/ask',
          text: QUESTION,
          user_id: ALICE,
          channel_id: CHANNEL,
          response_url: responseUrl,
        }),
      );
    const first = slack.slack.responseUrl(CHANNEL, ALICE);
    const sent = command(first);
    await live.generator.reached;
    expect((await sent).status).toBe(200);
    expect(await other.takeOver()).toBe('answered');
    const recovered = await slack.slack.waitFor(() =>
      slack.slack.ephemerals.find((e) => visibleText(e).includes('GlobalConnect')),
    );
    expect(recovered).toMatchObject({ user: ALICE, via: 'chat.postEphemeral' });
    live.generator.open();
    await slack.slack.waitFor(() => live.results.length === 1);
    expect(live.results[0]!.superseded).toBe(true);
    // A second /ask, answered in full by the live replica: anything the first command still had to
    // say was sent before this one's answer.
    const second = slack.slack.responseUrl(CHANNEL, ALICE);
    await command(second);
    await slack.slack.waitFor(() =>
      slack.slack.ephemerals.find(
        (e) => e.via === 'response_url' && visibleText(e).includes('GlobalConnect'),
      ),
    );
    const said = (url: string) =>
      slack.slack
        .callsTo('response_url')
        .filter((c) => url.endsWith(`/${String(c.args['response_url_id'])}`))
        .map((c) => c.args['text']);
    expect(said(first)).toEqual([notice('en', 'searching')]);
    expect(said(second)).toHaveLength(2);
    // The asker reads the answer once from recovery, once for the second question: no failed notice.
    expect(slack.slack.ephemerals.map((e) => e.via)).toEqual([
      'response_url',
      'chat.postEphemeral',
      'response_url',
    ]);
    expect(slack.slack.ephemerals.some((e) => visibleText(e).includes(FAILED))).toBe(false);
  });
});
