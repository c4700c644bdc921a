/**
 * A PolyDesk Slack app wired for tests: the fake Slack Web API, a real SQLite store for event
 * claims and feedback, the adapter mounted on a real express server on 127.0.0.1.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { AnswerService, Directory } from '../../src/answer/ports.js';
import {
  createSlackAdapter,
  type SlackAdapter,
  type SlackAdapterOptions,
} from '../../src/bot/slack/slack-adapter.js';
import type { LogLevel } from '../../src/core/log.js';
import type { Principal } from '../../src/core/types.js';
import type { Store } from '../../src/store/store.js';
import { FakeAnswers } from '../fakes/fake-answers.js';
import { postSigned, type SignedPost, TEST_SIGNING_SECRET } from '../fakes/slack-events.js';
import { FAKE_BOT_TOKEN, FAKE_BOT_USER_ID, FakeSlackServer } from '../fakes/slack-server.js';
import { sqliteDatabase, type TestDatabase } from '../helpers/databases.js';

export const CHANNEL = 'C0GENERAL';
export const ALICE = 'UALICE';
export const KENJI = 'UKENJI';
export const BOB = 'UBOB';
export const OTHER_BOT = 'UOTHERBOT';

const GROUPS: Record<string, readonly string[]> = {
  'alice@corp.example': ['hr'],
  'bob@corp.example': ['it'],
};

/** A directory over a fixed table: everyone is in `all`, some in more. */
export const testDirectory: Directory = {
  resolve(email: string, locale?: string): Principal {
    return { email, groups: ['all', ...(GROUPS[email] ?? [])], locale };
  },
};

export interface SlackHarness {
  readonly slack: FakeSlackServer;
  readonly answers: AnswerService;
  readonly store: Store;
  readonly adapter: SlackAdapter;
  readonly eventsUrl: string;
  readonly logs: Array<{ level: LogLevel; event: string; fields?: Record<string, unknown> }>;
  send(post: SignedPost): Promise<Response>;
  close(): Promise<void>;
}

export async function startSlackHarness(
  overrides: Partial<
    Pick<
      SlackAdapterOptions,
      'answers' | 'directory' | 'popularQuestions' | 'editIntervalMs' | 'botToken' | 'people'
    >
  > & {
    readonly answers?: AnswerService;
    readonly store?: Store;
  } = {},
): Promise<SlackHarness> {
  const slack = await FakeSlackServer.start();
  slack.addUser({ id: ALICE, email: 'alice@corp.example', locale: 'en-US' });
  slack.addUser({ id: KENJI, email: 'kenji@corp.example', locale: 'ja-JP' });
  slack.addUser({ id: BOB, email: 'bob@corp.example', locale: 'en-GB' });
  slack.addUser({ id: OTHER_BOT, isBot: true });
  slack.addUser({ id: FAKE_BOT_USER_ID, isBot: true });
  slack.addChannel(CHANNEL, [ALICE, BOB, KENJI, FAKE_BOT_USER_ID, OTHER_BOT]);

  let database: TestDatabase | undefined;
  let store = overrides.store;
  if (!store) {
    database = sqliteDatabase();
    store = await database.open();
  }
  const answers = overrides.answers ?? new FakeAnswers({ recorder: store.questions });
  const logs: SlackHarness['logs'] = [];
  const adapter = await createSlackAdapter({
    botToken: overrides.botToken ?? FAKE_BOT_TOKEN,
    signingSecret: TEST_SIGNING_SECRET,
    apiUrl: slack.apiUrl,
    answers,
    directory: overrides.directory ?? testDirectory,
    claims: store.events,
    feedback: store.feedback,
    logger: (level, event, fields) => logs.push({ level, event, fields: fields as Record<string, unknown> }),
    popularQuestions: overrides.popularQuestions,
    editIntervalMs: overrides.editIntervalMs ?? 50,
    retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 50 },
    people: overrides.people,
  });
  const app = express();
  app.post('/slack/events', adapter.handler!);
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  const ownStore = store;

  return {
    slack,
    answers,
    store,
    adapter,
    eventsUrl,
    logs,
    send: (post) => postSigned(eventsUrl, post),
    async close() {
      await adapter.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await slack.close();
      if (database) {
        await ownStore.close();
        await database.dispose();
      }
    },
  };
}

/** The text a user reads in a message: its blocks' text (or its plain text when it has none). */
export function visibleText(message: { text: string; blocks: unknown[] }): string {
  if (message.blocks.length === 0) return message.text;
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record['text'] === 'string') parts.push(record['text']);
      for (const [key, value] of Object.entries(record))
        if (key !== 'text' || typeof value !== 'string') walk(value);
    }
  };
  walk(message.blocks);
  return parts.join('\n');
}
