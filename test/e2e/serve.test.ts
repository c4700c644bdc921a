import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/cli.js';

/** Starts `polydesk serve` on a free port with the sample knowledge base and waits until it listens. */
async function startServer(
  dataDir: string,
): Promise<{ child: ChildProcessWithoutNullStreams; url: string; logs: () => string }> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
  });
  let logs = '';
  child.stdout.setEncoding('utf8').on('data', () => {});
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${logs}`)), 90_000);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      logs += chunk;
      const match = /"event":"server.listening","url":"([^"]+)"/.exec(logs);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${logs}`)));
  });
  return { child, url, logs: () => logs };
}

async function chat(url: string, question: string): Promise<Record<string, unknown>[]> {
  const res = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/ndjson/);
  return (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('polydesk serve', () => {
  let dataDir: string;
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'polydesk-serve-'));
    server = await startServer(dataDir);
  }, 120_000);
  afterAll(() => {
    server?.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('ingests the sample knowledge base on first start and reports health, readiness and metrics', async () => {
    expect(server.logs()).toMatch(/samples.ingested/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: true } });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/polydesk_documents \d{2,}/);
    expect(metrics).toMatch(/polydesk_chunks \d{2,}/);
  });

  it('serves the local chat page with a strict content security policy', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<form id="ask">');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers in the chat API, streaming events then the answer with sources', async () => {
    const events = await chat(server.url, '有給休暇は何日もらえますか？');
    expect(events[0]).toMatchObject({ type: 'started', language: 'ja' });
    const done = events.at(-1) as {
      type: string;
      answer: { status: string; answer: string; citations: { source: string }[] };
    };
    expect(done.type).toBe('done');
    expect(done.answer.status).toBe('answered');
    expect(done.answer.answer).toContain('20');
    expect(done.answer.citations[0]?.source).toMatch(/annual-leave-ja\.md$/);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/polydesk_answers_total\{status="answered"\} [1-9]/);
  });

  it('rejects a malformed chat request with a clear error', async () => {
    const res = await fetch(`${server.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"q":1}',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'send JSON {"question": "..."} or {"summarize": "<document source>"}',
    });
    const bad = await fetch(`${server.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{oops',
    });
    expect(bad.status).toBe(400);
  });

  it('holds an answer with the planted credential; a reviewer approves an edited text through the admin API', async () => {
    const events = await chat(server.url, 'What is the password of the backup database?');
    const done = events.at(-1) as { answer: { status: string; answer: string; reviewId: string } };
    expect(done.answer.status).toBe('held');
    expect(JSON.stringify(events)).not.toContain('Tq8!vRm2-Lk5wZp9');
    const held = `${server.url}/api/chat/held/${done.answer.reviewId}`;
    expect(await (await fetch(held)).json()).toEqual({ status: 'pending' });

    expect((await fetch(`${server.url}/admin/api/reviews?status=pending`)).status).toBe(401);
    const env = { DATA_DIR: dataDir };
    expect(
      (await runCli(['admin', 'create-user', 'rev@example.com', '--role', 'reviewer'], { env })).code,
    ).toBe(0);
    const token = (await runCli(['admin', 'token', 'rev@example.com'], { env })).stdout.trim();
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const list = (await (
      await fetch(`${server.url}/admin/api/reviews?status=pending`, { headers: auth })
    ).json()) as {
      reviews: { id: string; platform: string; findings: { type: string }[] }[];
    };
    const review = list.reviews.find((r) => r.id === done.answer.reviewId);
    expect(review).toMatchObject({ platform: 'web' });
    expect(review?.findings.length).toBeGreaterThan(0);
    const approve = await fetch(`${server.url}/admin/api/reviews/${done.answer.reviewId}/approve`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ text: 'Please ask the IT service desk for access to the backup database.' }),
    });
    expect(approve.status).toBe(200);
    const released = (await (await fetch(held)).json()) as {
      status: string;
      answer: string;
      citations: { n: number; title: string; source: string; docId?: string }[];
    };
    expect(released).toMatchObject({
      status: 'approved',
      answer: 'Please ask the IT service desk for access to the backup database.',
    });
    // The held answer's sources come with it, for the page to list by title (no document ids).
    const runbook = released.citations.find((c) => /backup-server-runbook\.md$/.test(c.source));
    expect(runbook?.title).toBe('Runbook - Nightly Backup Server (bkp-01)');
    expect(released.citations.every((c) => c.docId === undefined)).toBe(true);
  });

  it('finishes answers in flight on SIGTERM, then exits 0', async () => {
    const pending = chat(server.url, 'How do I reset my password?');
    await new Promise((r) => setTimeout(r, 20));
    const exited = new Promise<number | null>((resolve) => server.child.on('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    const events = await pending;
    expect(events.at(-1)).toMatchObject({ type: 'done' });
    expect(await exited).toBe(0);
    expect(server.logs()).toMatch(/server.stopped/);
  });
});
