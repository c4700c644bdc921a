/**
 * A folder source while `serve` runs (issue 19): a new, a changed and a deleted file are reflected in
 * answers on the chat page's API soon after (within 60 s; the watcher's debounce is short here), and
 * the admin Sources page shows the source and lets an admin sync it now.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServeInstance, startServe } from '../../../src/cli/serve-command.js';
import { loadConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/core/log.js';
import { type Runtime, createRuntime } from '../../../src/runtime.js';
import { signIn } from '../../admin/admin-harness.js';

const PASSWORD = 'correct horse battery staple';

interface ChatAnswer {
  readonly status: string;
  readonly answer: string;
  readonly citations: readonly { readonly source: string }[];
}

/** One question on the chat page's API; a failed request or a stream without its answer fails the test. */
async function ask(url: string, question: string): Promise<ChatAnswer> {
  const res = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  });
  const body = await res.text();
  expect(res.status, body).toBe(200);
  const events = body
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { type: string; answer?: ChatAnswer });
  const done = events.find((event) => event.type === 'done')?.answer;
  if (!done) throw new Error(`/api/chat gave no answer: ${body.slice(0, 500)}`);
  return done;
}

/** Asks until the answer passes `check`, for at most 60 s; returns the last answer either way. */
async function askUntil(
  url: string,
  question: string,
  check: (a: ChatAnswer) => boolean,
): Promise<ChatAnswer> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const answer = await ask(url, question);
    if (check(answer) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('a folder source while serve runs', () => {
  let dir: string;
  let kb: string;
  let runtime: Runtime;
  let serve: ServeInstance;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'polydesk-serve-sources-'));
    kb = path.join(dir, 'kb');
    mkdirSync(kb);
    writeFileSync(
      path.join(kb, 'leave.md'),
      '# Annual leave\n\nEvery employee gets 25 days of paid annual leave per year.\n',
    );
    writeFileSync(
      path.join(kb, 'parking.md'),
      '# Parking\n\nThe visitor parking garage is on Elm Street, level minus two.\n',
    );
    writeFileSync(
      path.join(dir, 'sources.yaml'),
      'sources:\n  - name: handbook\n    type: folder\n    path: ./kb\n    every: 1h\n    debounce: 100ms\n',
    );
    const config = loadConfig(
      {
        DATA_DIR: path.join(dir, 'data'),
        PORT: '0',
        HOST: '127.0.0.1',
        POLYDESK_SAMPLES: '0',
        SOURCES_FILE: path.join(dir, 'sources.yaml'),
        ADMIN_PASSWORD: PASSWORD,
        RATE_LIMIT_PER_MINUTE: '0',
      },
      dir,
    );
    runtime = await createRuntime(config, silentLogger, { metrics: 'prometheus' });
    serve = await startServe(runtime);
    url = `http://127.0.0.1:${serve.port}`;
  }, 60_000);

  afterAll(async () => {
    await serve?.stop(1_000);
    await runtime?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers from new, changed and deleted files soon after they change', async () => {
    const first = await askUntil(url, 'How many days of paid annual leave do employees get?', (a) =>
      a.answer.includes('25 days'),
    );
    expect(first.answer).toContain('25 days');

    writeFileSync(
      path.join(kb, 'leave.md'),
      '# Annual leave\n\nEvery employee gets 30 days of paid annual leave per year.\n',
    );
    const changed = await askUntil(url, 'How many days of paid annual leave do employees get?', (a) =>
      a.answer.includes('30 days'),
    );
    expect(changed.answer).toContain('30 days');
    expect(changed.answer).not.toContain('25 days');

    writeFileSync(
      path.join(kb, 'bikes.md'),
      '# Bicycles\n\nThe bicycle shed behind building C opens at 7 in the morning.\n',
    );
    const added = await askUntil(url, 'When does the bicycle shed open?', (a) =>
      a.answer.includes('7 in the morning'),
    );
    expect(added.answer).toContain('7 in the morning');

    const before = await ask(url, 'Where is the visitor parking garage?');
    expect(before.answer).toContain('Elm Street');
    expect(before.citations.map((c) => c.source).join(' ')).toContain('parking.md');
    rmSync(path.join(kb, 'parking.md'));
    const removed = await askUntil(
      url,
      'Where is the visitor parking garage?',
      (a) => !a.answer.includes('Elm Street'),
    );
    // Nothing left to answer from: not found, or an answer from another document, never the deleted one.
    expect(['not_found', 'answered']).toContain(removed.status);
    expect(removed.answer).not.toContain('Elm Street');
    expect(removed.citations.map((c) => c.source).join(' ')).not.toContain('parking.md');
  }, 120_000);

  it('shows the source on the admin Sources page and in /metrics, and syncs it on demand', async () => {
    const { cookie, csrf } = await signIn(url, 'admin@localhost', PASSWORD);
    const page = await fetch(`${url}/admin/sources`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('handbook');
    expect(html).toContain('folder');
    expect(html).toMatch(/added \d+, updated \d+/);
    expect(html).toContain('Sync now');

    const refused = await fetch(`${url}/admin/sources/handbook/sync`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(refused.status).toBe(403);
    const started = await fetch(`${url}/admin/sources/handbook/sync`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf }).toString(),
    });
    expect(started.status).toBe(303);
    const unknown = await fetch(`${url}/admin/sources/nope/sync`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf }).toString(),
    });
    expect(unknown.status).toBe(404);

    const metrics = await fetch(`${url}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/polydesk_source_runs_total\{source="handbook",status="ok"\} [1-9]/);
    expect(metrics).toMatch(/polydesk_source_items\{source="handbook"\} 2/);
    expect(metrics).toMatch(/polydesk_source_last_success_timestamp_seconds\{source="handbook"\} \d/);
  });
});
