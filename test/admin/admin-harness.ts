/**
 * A real PolyDesk server for admin tests: a runtime over a temp DATA_DIR (SQLite), the express app of
 * src/server.ts with the admin router mounted at /admin, listening on 127.0.0.1 (port 0), and one
 * user per role. The answer pipeline is the real one with a guard that holds what the test plants.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Admin, createAdmin } from '../../src/admin/admin-router.js';
import { LoginLimiter } from '../../src/admin/login-limiter.js';
import { hashPassword } from '../../src/admin/passwords.js';
import { createAnswerService } from '../../src/answer/answer.js';
import type { AnswerService, DeliveryChannel } from '../../src/answer/ports.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/log.js';
import type { Finding, Platform } from '../../src/core/types.js';
import type { Guard } from '../../src/guardrails/guard.js';
import { detectLanguage } from '../../src/inference/language.js';
import { type Runtime, createRuntime, storeRecorder } from '../../src/runtime.js';
import { InFlight, createExpressApp, listen } from '../../src/server.js';
import { AdminRepository } from '../../src/store/admin-repository.js';
import { released } from '../../src/guardrails/checked-text.js';
import { instructionSentences } from '../../src/wiring/instruction-sentences.js';
import { webChatAccess } from '../../src/wiring/web-chat-access.js';
import { webAnswerRating, webHeldAnswer } from '../../src/wiring/web-chat-answers.js';

export const PASSWORD = 'correct horse battery staple';
export const USERS = {
  admin: 'root@corp.example',
  reviewer: 'rita@corp.example',
  publisher: 'paul@corp.example',
} as const;

/** What the test guard holds besides what the real guardrails hold: planted passwords and markings. */
const PLANTED: readonly { type: string; pattern: RegExp; group?: number }[] = [
  { type: 'password', pattern: /password\s*[:：=]\s*(\S+)/gi, group: 1 },
  { type: 'marking', pattern: /\bCONFIDENTIAL\b/g },
];

/** The runtime's guard, plus holds on planted findings, so tests do not depend on the policy of the day. */
export function holdingGuard(inner: Guard): Guard {
  return {
    async check(text, context) {
      const verdict = await inner.check(text, context);
      if (verdict.action === 'hold' || verdict.action === 'block') return verdict;
      const findings: Finding[] = [];
      for (const { type, pattern, group } of PLANTED) {
        for (const m of text.matchAll(pattern)) {
          const value = group ? m[group]! : m[0];
          const start = m.index! + (group ? m[0].lastIndexOf(value) : 0);
          findings.push({ type, start, end: start + value.length });
        }
      }
      return findings.length > 0 ? { action: 'hold', findings, text: released('') } : verdict;
    },
    approve: (text, context, options) => inner.approve(text, context, options),
  };
}

export interface AdminServer {
  readonly url: string;
  readonly runtime: Runtime;
  readonly answers: AnswerService;
  readonly admin: Admin;
  close(): Promise<void>;
}

export async function startAdminServer(
  options: {
    deliveries?: (platform: Platform) => DeliveryChannel | undefined;
    maxFileMb?: number;
    loginLimiter?: LoginLimiter;
    /** A database of test/helpers/databases.ts (default: SQLite in a temp DATA_DIR). */
    database?: { readonly dataDir: string; readonly databaseUrl: string | undefined };
    /** More environment for loadConfig, e.g. TRUST_PROXY. */
    env?: Record<string, string>;
    /** The admin UI's clock (sessions, token expiry). */
    now?: () => Date;
  } = {},
): Promise<AdminServer> {
  const dataDir = options.database?.dataDir ?? mkdtempSync(path.join(tmpdir(), 'polydesk-admin-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: options.database?.databaseUrl,
    POLYDESK_SAMPLES: '0',
    LOG_LEVEL: 'error',
    MAX_FILE_MB: String(options.maxFileMb ?? 1),
    // The chat page behind the admin sign-in, as a deployment with a chat platform would run it.
    WEB_CHAT: 'on',
    ...options.env,
  });
  const runtime = await createRuntime(config, silentLogger);
  const store = runtime.store;
  const answers = createAnswerService({
    retriever: runtime.retriever,
    generator: runtime.generator,
    guard: holdingGuard(runtime.guard),
    // The production recorder: Slack questions are recorded under the user id, then identified.
    recorder: storeRecorder(store),
    detectLanguage,
    logger: silentLogger,
    maxQuestionChars: config.maxQuestionChars,
  });
  const admin = createAdmin({
    store,
    ingest: runtime.ingestDeps,
    index: runtime.index,
    deliveries: options.deliveries ?? (() => undefined),
    guard: runtime.guard,
    instructionSentences,
    directory: runtime.directory,
    maxFileBytes: config.maxFileBytes,
    logger: silentLogger,
    loginLimiter: options.loginLimiter ?? new LoginLimiter({ max: 1000, addressMax: 1000, accountMax: 1000 }),
    now: options.now,
  });
  const admins = new AdminRepository(store.db);
  const hash = await hashPassword(PASSWORD);
  for (const [role, email] of Object.entries(USERS)) {
    await admins.upsertUser({ email, role: role as keyof typeof USERS, passwordHash: hash });
  }
  const access = webChatAccess({ config, admins, now: options.now });
  const inFlight = new InFlight();
  const app = createExpressApp(
    {
      answers,
      directory: runtime.directory,
      metrics: runtime.metrics,
      logger: silentLogger,
      readiness: [],
      mounts: [{ path: '/admin', method: 'use', handler: admin.router }],
      webChat: access && {
        access,
        maxQuestionChars: config.maxQuestionChars,
        rateAnswer: webAnswerRating(store),
        heldAnswer: webHeldAnswer(store, admin.reviews),
        summaries: runtime.summaries,
      },
      trustProxy: config.trustProxy,
    },
    inFlight,
  );
  const server = await listen(app, inFlight, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${server.port}`,
    runtime,
    answers,
    admin,
    async close() {
      await server.close(1000);
      await runtime.close();
      if (!options.database) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Adds a document through the same path as `polydesk ingest` / an upload. */
export async function addDocument(
  runtime: Runtime,
  name: string,
  text: string,
  options: {
    audience?: string[];
    classification?: 'public' | 'internal' | 'confidential' | 'restricted';
  } = {},
): Promise<string> {
  const { loadBytes } = await import('../../ingest/load-file.js');
  const { storeDocument } = await import('../../ingest/sync.js');
  const bytes = Buffer.from(text);
  const doc = await loadBytes(name, bytes);
  const stored = await storeDocument(runtime.ingestDeps, {
    source: name,
    doc,
    contentHash: `hash-${name}-${bytes.length}`,
    audience: options.audience ?? ['all'],
    classification: options.classification ?? 'internal',
  });
  return stored.id;
}

/** Signs in over HTTP; returns the session cookie and the CSRF token of its pages. */
export async function signIn(
  url: string,
  email: string,
  password = PASSWORD,
): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }).toString(),
  });
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const page = await fetch(`${url}/admin/knowledge`, { headers: { cookie } }).then((r) => r.text());
  const reviews = await fetch(`${url}/admin/reviews`, { headers: { cookie } }).then((r) => r.text());
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page + reviews)?.[1];
  if (!csrf) throw new Error('no CSRF token on the pages');
  return { cookie, csrf };
}
