/**
 * The sample knowledge base's planted credentials (a runbook with an AWS key pair and a database
 * password) must never reach a person: not through the extractive answer, nor through a model that
 * paraphrases them, cites nothing, spells them out with spaces or full-width letters, or streams
 * them in pieces; not in Slack, in Teams, on the local chat page, or from `ask`. The real runtime
 * (config, SQLite, index, guardrails with the at-rest registry) over real HTTP to fake platforms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPaths } from '../../ingest/sync.js';
import type { AnswerProgress } from '../../src/answer/ports.js';
import { createWebChat } from '../../src/bot/web/web-chat.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/log.js';
import type { IncomingQuestion } from '../../src/core/types.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { eventCallback } from '../fakes/slack-events.js';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID } from '../fakes/slack-server.js';
import {
  type Scenario,
  chunked,
  startFakeOpenAiServer,
  type FakeOpenAiServer,
} from '../fakes/openai-server.js';
import { deliverActivity, teamsActivity } from '../fakes/bot-connector.js';
import { ALICE, type SlackHarness, startSlackHarness } from '../bot/slack-harness.js';
import { HANA, type TeamsHarness, startTeams } from '../bot/teams-setup.js';

const SAMPLES = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../examples/knowledge');
/** Planted in examples/knowledge/it/runbooks/backup-server-runbook.md (invented, valid nowhere). */
const PLANTED = ['Tq8!vRm2-Lk5wZp9', 'AKIA5LWBKP7Q3M2XR9TD', 'Zq7mK2vR9xW4pL8nT3bY6hJ1cF5dS0gA8eU2oI7r'];

/** Letters and digits only, case folded: a value survives spacing, punctuation and width changes. */
const canonical = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
/** Which planted values (or a 12-character run of one) a text carries, however it is written. */
function leaked(text: string): string[] {
  const seen = canonical(text);
  return PLANTED.filter((value) => {
    const v = canonical(value);
    for (let i = 0; i + 12 <= v.length; i += 1) if (seen.includes(v.slice(i, i + 12))) return true;
    return false;
  });
}

const RUNBOOK_QUESTION =
  'What are the credentials of the nightly backup server runbook (database password and AWS keys)?';

/** What a model might write with the runbook in its sources: each way of leaking the values. */
const MODEL_LEAKS: Readonly<Record<string, string>> = {
  'cites nothing':
    'For maintenance use user backup_admin and password Tq8!vRm2-Lk5wZp9, then AKIA5LWBKP7Q3M2XR9TD.',
  'spells it out with spaces':
    'The off-site secret key is Z q 7 m K 2 v R 9 x W 4 p L 8 n T 3 b Y 6 h J 1 c F 5 d S 0 g [1].',
  'writes it in full-width letters': 'The database password is ＴＱ８！ｖＲｍ２－Ｌｋ５ｗＺｐ９ [1].',
  'quotes a part of it':
    'Start of the key for the off-site bucket: Zq7mK2vR9xW4pL8n… (ask ops for the rest) [1].',
  paraphrases: 'Sure! The login is backup_admin, and the passphrase goes "Tq8 ! vRm2 - Lk5 wZp9" [1].',
};

let dir: string;
let extractive: Runtime;
let model: Runtime;
let llm: FakeOpenAiServer;
let reply: string = MODEL_LEAKS['cites nothing']!;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'polydesk-planted-'));
  llm = await startFakeOpenAiServer((): Scenario => ({ kind: 'stream', chunks: chunked(reply, 2) }));
  const env = { DATA_DIR: path.join(dir, 'data'), POLYDESK_SAMPLES: '0', CROSS_LANGUAGE_SEARCH: '0' };
  extractive = await createRuntime(loadConfig(env, dir), silentLogger);
  const report = await syncPaths(extractive.ingestDeps, { paths: [SAMPLES], maxBytes: 10_000_000, cwd: dir });
  expect(report.failed).toEqual([]);
  expect(report.sensitive.some((s) => s.file.endsWith('backup-server-runbook.md'))).toBe(true);
  await extractive.index.persist();
  model = await createRuntime(
    loadConfig({ ...env, GENERATOR: 'openai', LLM_BASE_URL: llm.baseURL, LLM_MODEL: 'polylm-chat-13b' }, dir),
    silentLogger,
  );
}, 120_000);

afterAll(async () => {
  await model?.close();
  await extractive?.close();
  await llm?.close();
  rmSync(dir, { recursive: true, force: true });
});

function cliQuestion(text: string): IncomingQuestion {
  const asker = { email: 'it.staff@lumenworks.example', groups: ['all', 'it'] };
  return { text, asker, place: { platform: 'cli', kind: 'local', readers: [asker] }, history: [] };
}

/** Asks through the pipeline as `ask` does, collecting every streamed text and the final result. */
async function askCollecting(runtime: Runtime, text: string) {
  const shown: string[] = [];
  const onProgress = (p: AnswerProgress) => {
    if (p.type === 'text') shown.push(p.text);
  };
  const result = await runtime.answers.ask(cliQuestion(text), { onProgress });
  shown.push(result.answer);
  return { result, shown: shown.join('\n') };
}

describe('planted credentials never reach a person', () => {
  it('are registered at ingest as fingerprints only: the database holds none of the values', async () => {
    const rows = await extractive.store.db.selectFrom('sensitive_spans').selectAll().execute();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(leaked(JSON.stringify(rows))).toEqual([]);
  });

  it('ask with the extractive generator: held, nothing of the values printed', async () => {
    const { result, shown } = await askCollecting(extractive, 'What is the password of the backup database?');
    expect(result.status).toBe('held');
    expect(leaked(shown)).toEqual([]);
  });

  for (const [way, text] of Object.entries(MODEL_LEAKS)) {
    it(`ask with a model that ${way}: never shown, streamed pieces included`, async () => {
      reply = text;
      const { result, shown } = await askCollecting(model, RUNBOOK_QUESTION);
      expect(leaked(text).length, 'the scenario itself carries a planted value').toBeGreaterThan(0);
      expect(leaked(shown)).toEqual([]);
      expect(result.generator).toBe('openai');
      expect(['held', 'not_found']).toContain(result.status);
      expect(result.verdict.action).not.toBe('allow');
      // However it is written, it is recognised as the value registered from the runbook at ingest.
      expect(result.verdict.findings.some((f) => f.docId !== undefined)).toBe(true);
    });
  }
});

describe('planted credentials through the chat platforms', () => {
  let slack: SlackHarness;
  let teams: TeamsHarness;

  beforeAll(async () => {
    slack = await startSlackHarness({
      answers: model.answers,
      directory: model.directory,
      store: model.store,
    });
    await slack.adapter.start();
    teams = await startTeams({
      answers: model.answers,
      directory: model.directory,
      claims: model.store.events,
      feedback: model.store.feedback,
    });
    teams.connector.addUsers([HANA]);
  });

  afterAll(async () => {
    await slack?.close();
    await teams?.close();
  });

  it('Slack: a model streaming the key in pieces into a DM shows none of it, in any call', async () => {
    reply = MODEL_LEAKS['quotes a part of it']!;
    const message = slack.slack.addUserMessage({ channel: 'D0ALICE', user: ALICE, text: RUNBOOK_QUESTION });
    await slack.send(
      eventCallback({
        type: 'message',
        channel: 'D0ALICE',
        channel_type: 'im',
        user: ALICE,
        text: RUNBOOK_QUESTION,
        ts: message.ts,
      }),
    );
    await slack.slack.waitFor(() =>
      slack.slack.messages.find((m) => m.botId === FAKE_BOT_ID && !m.streaming && m.blocks.length > 0),
    );
    expect(leaked(JSON.stringify(slack.slack.calls.map((c) => c.args)))).toEqual([]);
    expect(FAKE_BOT_USER_ID).toBeTruthy();
  });

  it('Teams: a streamed 1:1 answer that spells the password out never shows it', async () => {
    reply = MODEL_LEAKS['writes it in full-width letters']!;
    const activity = teamsActivity(teams.connector, {
      scope: 'personal',
      conversationId: 'a:planted-1',
      from: HANA,
      text: RUNBOOK_QUESTION,
    });
    expect((await deliverActivity(teams.endpoint, activity)).status).toBe(200);
    await teams.connector.waitFor(() =>
      teams.connector.conversation('a:planted-1').find((m) => m.stream?.state !== 'streaming' && m.text),
    );
    expect(leaked(JSON.stringify(teams.connector.posted.map((p) => p.activity)))).toEqual([]);
  });

  it('the local chat page: neither the stream nor the final answer carries a value', async () => {
    reply = MODEL_LEAKS.paraphrases!;
    const express = (await import('express')).default;
    const app = express();
    app.use(express.json());
    app.use(
      createWebChat({
        answers: model.answers,
        directory: model.directory,
        logger: silentLogger,
        access: { mode: 'open' },
        maxQuestionChars: 4000,
      }),
    );
    const server = await new Promise<import('node:http').Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const { port } = server.address() as import('node:net').AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: RUNBOOK_QUESTION }),
      });
      const body = await response.text();
      expect(response.status).toBe(200);
      expect(body).toContain('"done"');
      expect(leaked(body)).toEqual([]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
