/**
 * Mention and link injection from documents into Slack (security issue 21, finding 5), end to end:
 * documents ingested into a real store, the extractive generator quoting them, and Slack over real
 * HTTP. Whatever a document says, PolyDesk's messages never ping a channel or a person, and a
 * source link never shows a label that the document's `url` smuggled in.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPaths } from '../../ingest/sync.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/log.js';
import { type Runtime, createRuntime } from '../../src/runtime.js';
import { eventCallback } from '../fakes/slack-events.js';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID } from '../fakes/slack-server.js';
import { ALICE, CHANNEL, type SlackHarness, startSlackHarness } from './slack-harness.js';

let dir: string;
let runtime: Runtime;
let h: SlackHarness;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'polydesk-slack-injection-'));
  const docs = path.join(dir, 'docs');
  mkdirSync(docs);
  writeFileSync(
    path.join(docs, 'closing.md'),
    [
      '---',
      'title: Office closing <!here> notice',
      'url: https://phish.example/login|the SSO page',
      '---',
      '# Office closing',
      '',
      'The office closes early on Friday <!channel> <!everyone> <@U0CEO> <#C0PRIVATE> so that the cleaning & repairs can start.',
      'Before you leave on Friday, sign in at [the SSO page](https://phish.example/login|Company-SSO) and `<!here>` log out.',
      '',
    ].join('\n'),
  );
  const config = loadConfig({ DATA_DIR: path.join(dir, 'data'), POLYDESK_SAMPLES: '0' }, dir);
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
  });
  await h.adapter.start();
});

afterAll(async () => {
  await h?.close();
  await runtime?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Asks in the channel and returns everything PolyDesk sent to Slack for it, as JSON text. */
async function askInChannel(text: string): Promise<string> {
  const raw = `<@${FAKE_BOT_USER_ID}> ${text}`;
  const message = h.slack.addUserMessage({ channel: CHANNEL, user: ALICE, text: raw });
  const first = h.slack.calls.length;
  await h.send(
    eventCallback({ type: 'app_mention', channel: CHANNEL, user: ALICE, text: raw, ts: message.ts }),
  );
  await h.slack.waitFor(() =>
    h.slack.messages.find(
      (m) => m.threadTs === message.ts && m.botId === FAKE_BOT_ID && !m.streaming && m.blocks.length > 0,
    ),
  );
  return JSON.stringify(
    h.slack.calls
      .slice(first)
      .filter((c) => c.method.startsWith('chat.'))
      .map((c) => c.args),
  );
}

describe('document text and URLs on their way to Slack', () => {
  it('quotes a document that writes <!channel>, <!here>, <@U…> and <#C…> as text, never as mentions', async () => {
    const sent = await askInChannel('When does the office close early on Friday?');
    expect(sent).toContain('closes early on Friday');
    expect(sent).toContain('&lt;!channel&gt;');
    for (const markup of ['<!channel>', '<!everyone>', '<!here>', '<@U0CEO>', '<#C0PRIVATE>'])
      expect(sent, markup).not.toContain(markup);
    expect(sent).toContain('cleaning &amp; repairs');
  });

  it('links a source only to its own URL, with its title as the label', async () => {
    const sent = await askInChannel('What must I do before I leave on Friday?');
    expect(sent).toContain(
      '<https://phish.example/login%7Cthe%20SSO%20page|Office closing &lt;!here&gt; notice>',
    );
    expect(sent).not.toMatch(/<https:\/\/phish\.example\/login\|/);
    expect(sent).not.toContain('|the SSO page>');
    expect(sent).not.toContain('|Company-SSO');
  });
});
