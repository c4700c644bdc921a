/**
 * Admin UI page response times: the review queue with 10,000 held answers and the documents list
 * with 10,000 documents, first page and a deep page (LIMIT/OFFSET), over real HTTP on 127.0.0.1 with
 * a signed-in session, one request at a time, SQLite under a temp DATA_DIR.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { createAdmin } from '../../src/admin/admin-router.js';
import { hashPassword } from '../../src/admin/passwords.js';
import { silentLogger } from '../../src/core/log.js';
import { StaticDirectory } from '../../src/directory.js';
import { listen, InFlight } from '../../src/server.js';
import { AdminRepository } from '../../src/store/admin-repository.js';
import { Store } from '../../src/store/store.js';
import { type BenchReport, percentile } from '../report.js';
import { createGuardrail } from '../../src/guardrails/guardrail.js';
import { instructionSentences } from '../../src/wiring/instruction-sentences.js';

const ROWS = 10_000;
const REQUESTS = 200;
const FINDING_TYPES = ['password', 'secret', 'email', 'marking', 'credit_card', 'leakage'];

export async function seed(store: Store): Promise<void> {
  const start = Date.parse('2026-01-01T00:00:00Z');
  const at = (i: number) => new Date(start + i * 60_000).toISOString();
  for (let i = 0; i < ROWS; i += 500) {
    const questions = [];
    const reviews = [];
    const documents = [];
    for (let j = i; j < Math.min(ROWS, i + 500); j += 1) {
      const qid = randomUUID();
      questions.push({
        id: qid,
        created_at: at(j),
        platform: j % 3 === 0 ? 'teams' : 'slack',
        asker: `user${j % 400}@corp.example`,
        place_kind: 'channel',
        channel_id: 'C1',
        thread_id: `${j}.0001`,
        delivery: null,
        event_id: null,
        text: `Question number ${j} about the VPN, payroll and the staging database?`,
        language: 'en',
        status: 'held',
        answer_text: null,
        generator: 'extractive',
        extractive: 1,
        retrieved_chunk_ids: '[]',
        citations: '[]',
        verdict_action: 'hold',
        findings: '[]',
        latency_ms: 20 + (j % 50),
        answered_at: at(j),
        worker: 'bench',
      });
      const text =
        `Here is what I found: the staging password: s3cr3t-${j} and mail ops${j}@corp.example. `.repeat(4);
      reviews.push({
        id: randomUUID(),
        question_id: qid,
        status: 'pending',
        created_at: at(j),
        decided_at: null,
        reviewer: null,
        reason: null,
        original_text: text,
        final_text: null,
        findings: JSON.stringify([
          { type: FINDING_TYPES[j % FINDING_TYPES.length], start: 30, end: 45 },
          { type: 'email', start: 55, end: 75 },
        ]),
        language: 'en',
        citations: JSON.stringify([{ n: 1, title: 'Runbook', source: 'runbooks/staging.md', docId: 'd' }]),
        delivered_at: null,
      });
      documents.push({
        id: randomUUID(),
        source: `docs/folder${j % 50}/document-${j}.md`,
        title: `Document ${j}: policies and procedures`,
        language: ['en', 'ja', 'de'][j % 3]!,
        audience: JSON.stringify(j % 4 === 0 ? ['hr'] : ['all']),
        classification: ['public', 'internal', 'confidential', 'restricted'][j % 4]!,
        url: null,
        content_hash: `h${j}`,
        injection_flag: j % 97 === 0 ? 1 : 0,
        chunk_count: 1 + (j % 20),
        ingested_at: at(j),
        sensitive_version: 0,
      });
    }
    await store.db.insertInto('questions').values(questions).execute();
    await store.db.insertInto('reviews').values(reviews).execute();
    await store.db.insertInto('documents').values(documents).execute();
  }
}

async function timeRequests(
  url: string,
  cookie: string,
): Promise<{ p50: number; p99: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < REQUESTS + 10; i += 1) {
    const started = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
    if (i >= 10) times.push(performance.now() - started);
    bytes = body.length;
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99), bytes };
}

export async function run(report: BenchReport): Promise<void> {
  report.section('Admin UI: page response times with 10,000 held answers and 10,000 documents');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'polydesk-bench-admin-'));
  const store = await Store.open({ dataDir });
  try {
    await seed(store);
    const admins = new AdminRepository(store.db);
    await admins.upsertUser({
      email: 'bench@corp.example',
      role: 'admin',
      passwordHash: await hashPassword('bench-password'),
    });
    const admin = createAdmin({
      store,
      ingest: {
        documents: store.documents,
        index: { apply: async () => {} },
        detectLanguage: () => 'en',
        detectInjection: () => false,
        logger: silentLogger,
      },
      index: { persist: async () => {}, refresh: async () => false, rebuild: async () => {} },
      deliveries: () => undefined,
      guard: createGuardrail(),
      instructionSentences,
      directory: new StaticDirectory(),
      maxFileBytes: 50 * 1024 * 1024,
      logger: silentLogger,
    });
    const app = express();
    app.use('/admin', admin.router);
    const inFlight = new InFlight();
    const server = await listen(app, inFlight, 0, '127.0.0.1');
    const base = `http://127.0.0.1:${server.port}`;
    try {
      const login = await fetch(`${base}/admin/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'email=bench%40corp.example&password=bench-password',
      });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const pages: [string, string][] = [
        ['Review queue, page 1 (50 of 10,000 pending, counts by finding type)', '/admin/reviews'],
        ['Review queue, page 100 (OFFSET 4,950)', '/admin/reviews?page=100'],
        ['One held answer', ''],
        ['Documents list, page 1 (50 of 10,000)', '/admin/knowledge'],
        ['Documents list, page 150 (OFFSET 7,450)', '/admin/knowledge?page=150'],
        ['Documents list, title filter', '/admin/knowledge?q=Document%209999'],
        ['API: GET /admin/api/reviews?status=pending', '/admin/api/reviews?status=pending'],
      ];
      const { reviews } = await admin.reviews.list({ status: 'pending', limit: 1, offset: 0 });
      pages[2]![1] = `/admin/reviews/${reviews[0]!.id}`;
      const rows: (string | number)[][] = [];
      for (const [name, url] of pages) {
        const t = await timeRequests(base + url, cookie);
        rows.push([name, t.p50, t.p99, Math.round(t.bytes / 1024)]);
      }
      report.note(
        `${REQUESTS} sequential requests per page after 10 warm-up requests, signed-in session, SQLite (better-sqlite3) ` +
          'in a temp folder; times include HTTP on loopback, the queries, nunjucks rendering. ' +
          `Load average at start: ${os
            .loadavg()
            .map((l) => l.toFixed(1))
            .join(' / ')}.`,
      );
      report.table(['page', 'p50 ms', 'p99 ms', 'KiB'], rows);
    } finally {
      await server.close(1000);
    }
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
