/**
 * The Teams adapter over real HTTP: an Express app hosting its handler at /api/messages, a fake
 * Bot Connector the activities' serviceUrl points at, and the real answer pipeline (SQLite store in
 * a temp dir, BM25 retrieval, extractive generator, guardrails) over a few small documents.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { syncPaths } from '../../ingest/sync.js';
import { createAnswerService, recordedQuestion } from '../../src/answer/answer.js';
import type { AnswerService } from '../../src/answer/ports.js';
import {
  type TeamsAdapter,
  type TeamsAdapterOptions,
  createTeamsAdapter,
} from '../../src/bot/teams/teams-adapter.js';
import { type Logger, silentLogger } from '../../src/core/log.js';
import { StaticDirectory } from '../../src/directory.js';
import { createGuardrail } from '../../src/guardrails/guardrail.js';
import { StreamGuard } from '../../src/guardrails/stream-guard.js';
import { createExtractiveGenerator } from '../../src/inference/extractive-generator.js';
import type { Generator } from '../../src/inference/generator.js';
import { detectLanguage } from '../../src/inference/language.js';
import { KnowledgeIndex } from '../../src/rag/knowledge-index.js';
import { createLexicalRetriever } from '../../src/rag/lexical-retriever.js';
import { analyze } from '../../src/rag/text-analyzer.js';
import type { Store } from '../../src/store/store.js';
import { FakeBotConnector, type FakeMember } from '../fakes/bot-connector.js';
import { sqliteDatabase } from '../helpers/databases.js';

/*
 * The harness runs the Emulator mode (the fake Bot Connector issues no tokens), where a user is who
 * the activity's id says, as the Emulator's user settings give it: an e-mail listed in the directory
 * gets that person's groups. Rosters and member look-ups are not used in that mode.
 */
export const HANA: FakeMember = {
  id: 'hana@example.com',
  name: 'Hana Sato',
  email: 'hana@example.com',
  aadObjectId: 'aad-hana',
};
export const BOB: FakeMember = {
  id: 'bob@example.com',
  name: 'Bob Lee',
  userPrincipalName: 'bob@example.com',
  aadObjectId: 'aad-bob',
};
export const GUEST: FakeMember = { id: '29:guest', name: 'Guest', aadObjectId: 'aad-guest' };
export const DIRECTORY_GROUPS = { hr: ['hana@example.com'] };

export const DOCUMENTS: Readonly<Record<string, string>> = {
  'it/vpn.md': `---
title: VPN setup guide
url: https://intranet.example/it/vpn
---
# VPN

To connect to the VPN, install the GlobalConnect client and sign in with your company account.
The VPN gateway address is vpn.example.com.
`,
  'hr/leave.md': `---
title: Paid leave policy
---
# Paid leave

Every employee gets 25 days of paid leave per year. Unused leave days can be carried over until March.
`,
  'hr/salary-bands.md': `---
title: Salary bands
audience: [hr]
classification: confidential
---
# Salary bands

The salary band for senior engineers goes from 90000 to 120000 euros per year.
`,
  'finance/payroll.md': `---
title: Payroll calendar
---
# Payroll

The payroll cutoff is the 20th of each month. CONFIDENTIAL: payroll corrections after the cutoff go through the finance portal.
`,
};

/**
 * The real pipeline over {@link DOCUMENTS} (or the given documents), recording questions on arrival
 * with their claims as `serve` does; `pace` slows the generator's text down so streaming shows.
 */
export async function createPipeline(
  options: {
    /**
     * Writes the answer in three pieces: `pace` ms apart, or each once `pace()` resolves (a test
     * waits until a piece was posted, so that a busy machine cannot merge the pieces).
     */
    pace?: number | (() => Promise<void>);
    documents?: Readonly<Record<string, string>>;
  } = {},
): Promise<{
  store: Store;
  answers: AnswerService;
  directory: StaticDirectory;
  /** Another replica's store on the same database (its own worker id). */
  openReplica(): Promise<Store>;
  /** The pipeline recording through another replica's store (as that replica's recovery runs it). */
  answersFor(store: Store): AnswerService;
  dispose(): Promise<void>;
}> {
  const database = sqliteDatabase();
  const store = await database.open();
  const docs = mkdtempSync(path.join(tmpdir(), 'polydesk-teams-docs-'));
  for (const [name, text] of Object.entries(options.documents ?? DOCUMENTS)) {
    mkdirSync(path.dirname(path.join(docs, name)), { recursive: true });
    writeFileSync(path.join(docs, name), text);
  }
  const index = await KnowledgeIndex.open({
    dataDir: database.dataDir,
    chunks: store.documents,
    logger: silentLogger,
  });
  const report = await syncPaths(
    {
      documents: store.documents,
      index,
      detectLanguage: (t) => detectLanguage(t),
      detectInjection: () => false,
      logger: silentLogger,
    },
    { paths: [docs], maxBytes: 1_000_000, cwd: docs },
  );
  if (report.failed.length > 0) throw new Error(`fixture ingest failed: ${JSON.stringify(report.failed)}`);
  const guard = createGuardrail();
  const extractive = createExtractiveGenerator({ tokenize: analyze });
  const pipelineOn = (store: Store) =>
    createAnswerService({
      retriever: createLexicalRetriever({
        index: () => index.lexical,
        getChunks: (ids) => store.documents.getChunks(ids),
      }),
      generator: options.pace ? paced(extractive, options.pace) : extractive,
      guard,
      recorder: {
        create: (question) => store.questions.create(question),
        complete: (id, result, attempt) => store.questions.complete(id, result, attempt),
        hold: ({ questionId, text, verdict, language, citations }) =>
          store.reviews.create({ questionId, text, findings: verdict.findings, language, citations }),
      },
      streamGuard: (context, onVisible) => {
        const stream = new StreamGuard(guard, context, { holdBackChars: 0, onVisible });
        return { push: (delta) => void stream.push(delta), close: () => {} };
      },
      detectLanguage,
      logger: silentLogger,
      maxQuestionChars: 2_000,
    });
  const pipeline = pipelineOn(store);
  // As `serve` wires it: the adapter claims the activity and records its question in one transaction.
  const answers: AnswerService = {
    ask: (question, askOptions) => pipeline.ask(question, askOptions),
    recordClaimed: (question, claims) =>
      store.questions.createClaimed(recordedQuestion(question, 2_000), claims),
  };
  return {
    store,
    answers,
    directory: new StaticDirectory(DIRECTORY_GROUPS),
    openReplica: () => database.open(),
    answersFor: pipelineOn,
    async dispose() {
      await store.close();
      await database.dispose();
      rmSync(docs, { recursive: true, force: true });
    },
  };
}

/** A generator that writes its text in three pieces, like a model would, waiting `step` after each. */
function paced(inner: Generator, step: number | (() => Promise<void>)): Generator {
  const next =
    typeof step === 'number' ? () => new Promise<void>((resolve) => setTimeout(resolve, step)) : step;
  return {
    name: inner.name,
    async generate(request, options) {
      const result = await inner.generate(request, { signal: options?.signal });
      let shown = 0;
      for (const share of [0.35, 0.7, 1]) {
        const end = Math.round(result.text.length * share);
        options?.onText?.(result.text.slice(shown, end));
        shown = end;
        await next();
      }
      return result;
    },
  };
}

export interface TeamsHarness {
  readonly connector: FakeBotConnector;
  readonly teams: TeamsAdapter;
  /** URL of the bot's messaging endpoint. */
  readonly endpoint: string;
  close(): Promise<void>;
}

/** Starts the fake Bot Connector and an Express app with the adapter's handler at /api/messages. */
export async function startTeams(
  options: Omit<TeamsAdapterOptions, 'appType' | 'logger'> & {
    appType?: TeamsAdapterOptions['appType'];
    logger?: Logger;
    jsonParser?: boolean;
  },
): Promise<TeamsHarness> {
  const connector = await FakeBotConnector.start();
  const teams = createTeamsAdapter({
    appType: 'MultiTenant',
    emulator: !options.appId,
    logger: silentLogger,
    streamIntervalMs: 40,
    typingIntervalMs: 1_000,
    retry: { retries: 3, baseMs: 20, maxMs: 100 },
    ...options,
  });
  const app = express();
  if (options.jsonParser) app.post('/api/messages', express.json(), teams.handler);
  else app.post('/api/messages', teams.handler);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    connector,
    teams,
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`,
    async close() {
      await teams.stop(5_000);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.close();
    },
  };
}
