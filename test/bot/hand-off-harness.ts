/**
 * "Ask a person" as `serve` wires it: a runtime over a temp DATA_DIR (SQLite, the real pipeline with
 * standard answers and the real guardrails), EXPERT_ROUTES_FILE and DIRECTORY_FILE written for the
 * test, the adapters of src/wiring/adapters.ts (Slack against the fake Web API, Teams in the
 * Emulator mode against the fake Bot Connector) and the chat page, on one express app on 127.0.0.1.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/config.js';
import type { LogLevel } from '../../src/core/log.js';
import type { Classification } from '../../src/core/types.js';
import { type Runtime, createRuntime } from '../../src/runtime.js';
import { InFlight, createExpressApp, listen } from '../../src/server.js';
import { type Adapters, createAdapters } from '../../src/wiring/adapters.js';
import { webChatAccess } from '../../src/wiring/web-chat-access.js';
import { AdminRepository } from '../../src/store/admin-repository.js';
import { loadBytes } from '../../ingest/load-file.js';
import { storeDocument } from '../../ingest/sync.js';
import { FakeBotConnector } from '../fakes/bot-connector.js';
import { type SignedPost, TEST_SIGNING_SECRET, eventCallback, postSigned } from '../fakes/slack-events.js';
import { FAKE_BOT_TOKEN, FAKE_BOT_USER_ID, FAKE_TEAM_ID, FakeSlackServer } from '../fakes/slack-server.js';

export interface HandOffDocument {
  readonly text: string;
  readonly audience?: readonly string[];
  readonly classification?: Classification;
}

export interface HandOffServer {
  readonly url: string;
  readonly runtime: Runtime;
  readonly adapters: Adapters;
  readonly slack: FakeSlackServer;
  readonly connector: FakeBotConnector;
  readonly eventsUrl: string;
  readonly messagesUrl: string;
  readonly logs: Array<{ level: LogLevel; event: string; fields?: Record<string, unknown> }>;
  send(post: SignedPost): Promise<Response>;
  /** A person's message in a Slack channel or DM, stored by the fake and delivered as an event. */
  message(m: {
    channel: string;
    user: string;
    text: string;
    threadTs?: string;
    dm?: boolean;
    eventId?: string;
    retryNum?: number;
    ts?: string;
    /** `file_share`, with `files`: a message with a file attached. */
    subtype?: string;
    files?: readonly Record<string, unknown>[];
  }): Promise<{ ts: string; eventId: string; response: Response }>;
  close(): Promise<void>;
}

export async function startHandOffServer(options: {
  /** The routes file's content, or a function of the fake Bot Connector's service URL. */
  readonly routes: unknown;
  readonly directory: Readonly<Record<string, readonly string[]>>;
  /** Markdown by source (readable by everyone, `internal`), or with an audience and classification. */
  readonly documents: Readonly<Record<string, string | HandOffDocument>>;
  /** Slack users: id → e-mail and locale. */
  readonly users: Readonly<Record<string, { email: string; locale: string }>>;
  /** Slack channels: id → member ids (the bot is added to each). */
  readonly channels: Readonly<Record<string, readonly string[]>>;
  /** More settings, over the harness's own (e.g. `GENERATOR=openai` against a fake server). */
  readonly env?: Readonly<Record<string, string>>;
}): Promise<HandOffServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'polydesk-handoff-'));
  const slack = await FakeSlackServer.start();
  const connector = await FakeBotConnector.start();
  for (const [id, user] of Object.entries(options.users)) slack.addUser({ id, ...user });
  slack.addUser({ id: FAKE_BOT_USER_ID, isBot: true });
  for (const [id, members] of Object.entries(options.channels))
    slack.addChannel(id, [...members, FAKE_BOT_USER_ID]);
  const routesFile = path.join(dataDir, 'routes.json');
  const routes = typeof options.routes === 'function' ? options.routes(connector.serviceUrl) : options.routes;
  writeFileSync(routesFile, JSON.stringify(routes));
  const directoryFile = path.join(dataDir, 'directory.json');
  writeFileSync(directoryFile, JSON.stringify({ groups: options.directory }));
  const config = loadConfig({
    DATA_DIR: dataDir,
    POLYDESK_SAMPLES: '0',
    LOG_LEVEL: 'error',
    DIRECTORY_FILE: directoryFile,
    EXPERT_ROUTES_FILE: routesFile,
    SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    TEAMS_EMULATOR: '1',
    WEB_CHAT: 'open',
    RATE_LIMIT_PER_MINUTE: '0',
    ...options.env,
  });
  const logs: HandOffServer['logs'] = [];
  const runtime = await createRuntime(config, (level, event, fields) =>
    logs.push({ level, event, fields: fields as Record<string, unknown> }),
  );
  for (const [source, given] of Object.entries(options.documents)) {
    const doc = typeof given === 'string' ? { text: given } : given;
    const bytes = Buffer.from(doc.text);
    await storeDocument(runtime.ingestDeps, {
      source,
      doc: await loadBytes(source, bytes),
      contentHash: `hash-${source}-${bytes.length}`,
      audience: [...(doc.audience ?? ['all'])],
      classification: doc.classification ?? 'internal',
    });
  }
  await runtime.refresh();
  const adapters = await createAdapters(runtime);
  const access = webChatAccess({ config, admins: new AdminRepository(runtime.store.db) });
  const inFlight = new InFlight();
  const app = createExpressApp(
    {
      answers: runtime.answers,
      directory: runtime.directory,
      metrics: runtime.metrics,
      logger: runtime.logger,
      readiness: [],
      mounts: adapters.mounts,
      webChat: access && { access, maxQuestionChars: config.maxQuestionChars, handOff: adapters.handOff },
    },
    inFlight,
  );
  const server = await listen(app, inFlight, 0, '127.0.0.1');
  await adapters.start();
  const url = `http://127.0.0.1:${server.port}`;
  const eventsUrl = `${url}/slack/events`;
  const send = (post: SignedPost) => postSigned(eventsUrl, post);
  return {
    url,
    runtime,
    adapters,
    slack,
    connector,
    eventsUrl,
    messagesUrl: `${url}/api/messages`,
    logs,
    send,
    async message(m) {
      const stored = m.retryNum
        ? undefined
        : slack.addUserMessage({
            channel: m.channel,
            user: m.user,
            text: m.text,
            threadTs: m.threadTs,
            ts: m.ts,
          });
      const ts = m.ts ?? stored!.ts;
      const eventId = m.eventId ?? `Ev${randomUUID().slice(0, 8)}`;
      const post = eventCallback(
        {
          type: 'message',
          channel: m.channel,
          channel_type: m.dm ? 'im' : 'channel',
          user: m.user,
          text: m.text,
          ts,
          ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
          ...(m.subtype ? { subtype: m.subtype } : {}),
          ...(m.files ? { files: m.files } : {}),
          team: FAKE_TEAM_ID,
        },
        eventId,
      );
      const response = await send(m.retryNum ? { ...post, retryNum: m.retryNum } : post);
      return { ts, eventId, response };
    },
    async close() {
      await adapters.stop();
      await server.close(1_000);
      await slack.close();
      await connector.close();
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A message shortcut (`message_action`) on a message, as Slack posts it (a form field `payload`). */
export function messageShortcut(fields: {
  callbackId: string;
  user: string;
  channel: string;
  message: { ts: string; thread_ts?: string; text: string; user: string };
  responseUrl: string;
}): SignedPost {
  const payload = {
    type: 'message_action',
    callback_id: fields.callbackId,
    trigger_id: `trigger-${randomUUID()}`,
    message_ts: fields.message.ts,
    response_url: fields.responseUrl,
    message: { type: 'message', ...fields.message },
    user: { id: fields.user, name: fields.user.toLowerCase(), team_id: FAKE_TEAM_ID },
    channel: { id: fields.channel, name: 'experts' },
    team: { id: FAKE_TEAM_ID, domain: 'fake' },
    token: 'legacy-verification-token',
    action_ts: String(Date.now() / 1000),
  };
  return {
    contentType: 'application/x-www-form-urlencoded',
    body: `payload=${encodeURIComponent(JSON.stringify(payload))}`,
  };
}

/**
 * The submission of a modal the fake opened (`view_submission`), with the values typed into its
 * plain-text inputs by block id, as Slack posts it.
 */
export function viewSubmission(fields: {
  user: string;
  view: Readonly<Record<string, unknown>>;
  values: Readonly<Record<string, string>>;
}): SignedPost {
  const values = Object.fromEntries(
    Object.entries(fields.values).map(([block, value]) => [
      block,
      { value: { type: 'plain_text_input', value } },
    ]),
  );
  const payload = {
    type: 'view_submission',
    team: { id: FAKE_TEAM_ID, domain: 'fake' },
    user: {
      id: fields.user,
      username: fields.user.toLowerCase(),
      name: fields.user.toLowerCase(),
      team_id: FAKE_TEAM_ID,
    },
    api_app_id: 'A0FAKE',
    token: 'legacy-verification-token',
    trigger_id: `trigger-${randomUUID()}`,
    view: { id: 'V1', team_id: FAKE_TEAM_ID, hash: 'h1', ...fields.view, state: { values } },
    response_urls: [],
    is_enterprise_install: false,
  };
  return {
    contentType: 'application/x-www-form-urlencoded',
    body: `payload=${encodeURIComponent(JSON.stringify(payload))}`,
  };
}

/** The first element with this action_id in a message's blocks. */
export function findAction(blocks: unknown[], actionId: string): Record<string, unknown> | undefined {
  for (const block of blocks as Array<{ elements?: Array<Record<string, unknown>> }>) {
    const found = block.elements?.find((e) => e['action_id'] === actionId);
    if (found) return found;
  }
  return undefined;
}
