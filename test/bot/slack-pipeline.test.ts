/**
 * End to end through the real pipeline: documents ingested into a real SQLite store and index, the
 * extractive generator, the guardrails, and Slack over real HTTP. What a channel sees is limited to
 * what every member may read; a DM to what the asker may read.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPaths } from '../../ingest/sync.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/log.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { blockAction, eventCallback } from '../fakes/slack-events.js';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID } from '../fakes/slack-server.js';
import { ALICE, BOB, CHANNEL, type SlackHarness, startSlackHarness, visibleText } from './slack-harness.js';
import { released } from '../../src/guardrails/checked-text.js';

let dir: string;
let runtime: Runtime;
let h: SlackHarness;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'polydesk-slack-e2e-'));
  const docs = path.join(dir, 'docs');
  mkdirSync(docs);
  writeFileSync(
    path.join(docs, 'vpn.md'),
    '---\ntitle: VPN setup guide\nurl: https://intranet.example/it/vpn\n---\n# VPN\n\nTo connect to the VPN, install the GlobalConnect client and sign in with your company account. The VPN gateway is vpn.corp.example.\n',
  );
  writeFileSync(
    path.join(docs, 'bonus.md'),
    '---\ntitle: Bonus payout schedule\naudience: hr\nclassification: confidential\n---\n# Bonus payout\n\nThe annual bonus payout happens in March. Bonus amounts are approved by the compensation committee.\n',
  );
  writeFileSync(path.join(dir, 'directory.json'), JSON.stringify({ groups: { hr: ['alice@corp.example'] } }));
  const config = loadConfig(
    { DATA_DIR: path.join(dir, 'data'), POLYDESK_SAMPLES: '0', DIRECTORY_FILE: 'directory.json' },
    dir,
  );
  runtime = await createRuntime(config, silentLogger);
  const report = await syncPaths(runtime.ingestDeps, {
    paths: [docs],
    maxBytes: config.maxFileBytes,
    cwd: dir,
  });
  expect(report.failed).toEqual([]);
  h = await startSlackHarness({
    answers: runtime.answers,
    directory: runtime.directory,
    store: runtime.store,
    popularQuestions: async (language, limit) =>
      (await runtime.store.questions.popular(limit, language)).map((q) => released(q)),
  });
  await h.adapter.start();
});

afterAll(async () => {
  await h?.close();
  await runtime?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function ask(text: string, options: { user?: string; channel?: string; dm?: boolean } = {}) {
  const channel = options.channel ?? CHANNEL;
  const user = options.user ?? ALICE;
  const raw = options.dm ? text : `<@${FAKE_BOT_USER_ID}> ${text}`;
  const message = h.slack.addUserMessage({ channel, user, text: raw });
  const event = options.dm
    ? { type: 'message', channel, channel_type: 'im', user, text: raw, ts: message.ts }
    : { type: 'app_mention', channel, user, text: raw, ts: message.ts };
  await h.send(eventCallback(event));
  return h.slack.waitFor(() =>
    h.slack.messages.find(
      (m) =>
        m.channel === channel &&
        m.botId === FAKE_BOT_ID &&
        !m.streaming &&
        m.blocks.length > 0 &&
        (m.threadTs === message.ts || (options.dm && Number(m.ts) > Number(message.ts))),
    ),
  );
}

describe('Slack through the real answer pipeline', () => {
  it('answers a mention from the documents, with the source link, and records the question', async () => {
    const reply = await ask('How do I connect to the VPN?');
    const text = visibleText(reply);
    expect(text).toContain('GlobalConnect');
    expect(text).toContain('<https://intranet.example/it/vpn|VPN setup guide>');
    const questions = await runtime.store.questions.knowledgeGaps(10);
    expect(questions).toEqual([]);
  });

  it('keeps a confidential HR document out of a channel with non-HR members, but uses it in the HR member’s DM', async () => {
    const inChannel = visibleText(await ask('When is the annual bonus payout?'));
    expect(inChannel).not.toContain('March');
    expect(inChannel).not.toContain('Bonus payout schedule');

    const inDm = visibleText(await ask('When is the annual bonus payout?', { dm: true, channel: 'D0ALICE' }));
    expect(inDm).toContain('March');
    expect(inDm).toContain('Bonus payout schedule');
  });

  it('records a feedback click against the real question', async () => {
    const reply = await ask('Which VPN gateway do I use?', { user: BOB });
    const block = (reply.blocks as Array<{ type: string; elements?: Array<Record<string, unknown>> }>).find(
      (b) => b.type === 'context_actions',
    )!;
    const buttons = block.elements![0] as { positive_button: { value: string } };
    const before = await runtime.store.feedback.summary();
    await h.send(
      blockAction({
        user: BOB,
        channel: CHANNEL,
        action: {
          type: 'feedback_buttons',
          action_id: 'polydesk_feedback',
          value: buttons.positive_button.value,
        },
        messageTs: reply.ts,
        threadTs: reply.threadTs,
        responseUrl: h.slack.responseUrl(CHANNEL, BOB),
      }),
    );
    await h.slack.waitFor(() => h.slack.ephemerals.find((e) => e.user === BOB));
    expect(await runtime.store.feedback.summary()).toEqual({ up: before.up + 1, down: before.down });
    const questionId = buttons.positive_button.value.slice('up:'.length);
    expect((await runtime.store.questions.get(questionId))?.platform).toBe('slack');
  });
});
