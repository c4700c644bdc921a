/**
 * A fake Slack Web API over real HTTP: speaks Slack's JSON responses for the methods PolyDesk calls,
 * keeps the messages it was asked to post (so a test can read a thread as a user would see it),
 * records every call, and can answer with errors or a 429 on demand. Also serves response_urls.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';

export const FAKE_BOT_TOKEN = 'xoxb-fake-token';
export const FAKE_TEAM_ID = 'T0FAKE';
export const FAKE_BOT_USER_ID = 'UBOT';
export const FAKE_BOT_ID = 'BBOT';

export interface RecordedCall {
  readonly method: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly token: string | undefined;
  /** `performance.now()` when the call arrived. */
  readonly at: number;
}

export interface FakeUser {
  readonly id: string;
  readonly email?: string;
  readonly locale?: string;
  readonly isBot?: boolean;
  /** The name people see (users.info `real_name` and the profile's display name). */
  readonly name?: string;
}

/** A message as the fake workspace holds it. `blocks` and `text` reflect the latest update. */
export interface FakeMessage {
  readonly channel: string;
  readonly ts: string;
  threadTs: string | undefined;
  user: string;
  botId: string | undefined;
  text: string;
  blocks: unknown[];
  metadata: unknown;
  streaming: boolean;
  deleted: boolean;
  /** Another app's message (`bot_message`), with the name it posts under. */
  readonly subtype?: string;
  readonly username?: string;
}

export interface FakeEphemeral {
  readonly channel: string;
  readonly user: string;
  readonly via: 'chat.postEphemeral' | 'response_url';
  text: string;
  blocks: unknown[];
  deleted: boolean;
  readonly responseUrlId?: string;
}

/** A modal opened with `views.open`, as the user would see it. */
export interface FakeView {
  readonly triggerId: string;
  readonly view: Readonly<Record<string, unknown>>;
}

/** What a method answers instead of its normal result: a Slack error, or an HTTP 429 with Retry-After. */
export type FakeFailure = { readonly error: string } | { readonly status: 429; readonly retryAfter: number };

export class FakeSlackServer {
  readonly calls: RecordedCall[] = [];
  readonly messages: FakeMessage[] = [];
  readonly ephemerals: FakeEphemeral[] = [];
  /** Modals opened (views.open), in order. */
  readonly views: FakeView[] = [];
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, readonly string[]>();
  /** Page size of conversations.members, small so that paging is exercised. */
  membersPageSize = 2;
  /** Most messages per conversations.replies page (Slack's own cap is 1,000; a test sets it small to page). */
  repliesPageSize = 1_000;
  /** Channel names for conversations.info (default: the id in lower case). */
  readonly channelNames = new Map<string, string>();
  private readonly failures = new Map<string, FakeFailure[]>();
  private readonly disabled = new Map<string, string>();
  private readonly responseUrls = new Map<string, { channel: string; user: string }>();
  private readonly waiters: Array<() => void> = [];
  private clock = 1_700_000_000;
  private seq = 0;
  /** Set by the Socket Mode fake: where apps.connections.open points clients. */
  socketUrl: string | undefined;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeSlackServer> {
    let fake: FakeSlackServer | undefined;
    const server = createServer((req, res) => void fake!.handle(req, res));
    fake = new FakeSlackServer(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** The value for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.url}api/`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  addUser(user: FakeUser): void {
    this.users.set(user.id, user);
  }

  addChannel(id: string, members: readonly string[]): void {
    this.channels.set(id, members);
  }

  /** A fresh message ts, as Slack would assign. */
  nextTs(): string {
    this.seq += 1;
    return `${this.clock}.${String(this.seq).padStart(6, '0')}`;
  }

  /** A message a person wrote (Slack stores it before it sends the event). */
  addUserMessage(m: {
    channel: string;
    user: string;
    text: string;
    ts?: string;
    threadTs?: string;
  }): FakeMessage {
    const message: FakeMessage = {
      channel: m.channel,
      ts: m.ts ?? this.nextTs(),
      threadTs: m.threadTs,
      user: m.user,
      botId: undefined,
      text: m.text,
      blocks: [],
      metadata: undefined,
      streaming: false,
      deleted: false,
    };
    this.messages.push(message);
    return message;
  }

  /** Another app's message (`bot_message`), e.g. a monitoring alert posted into a thread. */
  addBotMessage(m: {
    channel: string;
    botId: string;
    username: string;
    text: string;
    threadTs?: string;
  }): FakeMessage {
    const message: FakeMessage = {
      channel: m.channel,
      ts: this.nextTs(),
      threadTs: m.threadTs,
      user: '',
      botId: m.botId,
      text: m.text,
      blocks: [],
      metadata: undefined,
      streaming: false,
      deleted: false,
      subtype: 'bot_message',
      username: m.username,
    };
    this.messages.push(message);
    return message;
  }

  /** The next `times` calls of `method` fail as given. */
  failNext(method: string, failure: FakeFailure, times = 1): void {
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.failures.set(method, queue);
  }

  /** Every call of `method` fails with this Slack error (e.g. a feature the workspace lacks). */
  disable(method: string, error = 'not_allowed'): void {
    this.disabled.set(method, error);
  }

  /** A response_url for a slash command or an interaction in `channel` by `user`. */
  responseUrl(channel: string, user: string): string {
    const id = `r${this.responseUrls.size + 1}`;
    this.responseUrls.set(id, { channel, user });
    return `${this.url}respond/${id}`;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The visible messages of a thread (parent first), as a user would read them. */
  thread(channel: string, threadTs: string): FakeMessage[] {
    return this.messages.filter(
      (m) => m.channel === channel && !m.deleted && (m.ts === threadTs || m.threadTs === threadTs),
    );
  }

  botMessages(channel: string): FakeMessage[] {
    return this.messages.filter((m) => m.channel === channel && !m.deleted && m.botId === FAKE_BOT_ID);
  }

  /** Resolves once `check` returns a value (re-checked after every call the fake receives). */
  async waitFor<T>(check: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined && value !== false) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for the fake Slack server');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private notify(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    try {
      if (path.startsWith('/respond/')) {
        this.handleResponseUrl(path.slice('/respond/'.length), JSON.parse(raw) as Record<string, unknown>);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        return;
      }
      if (!path.startsWith('/api/')) {
        res.writeHead(404).end();
        return;
      }
      const method = path.slice('/api/'.length);
      const args = parseArgs(raw, req.headers['content-type']);
      const token =
        bearer(req.headers.authorization) ?? (typeof args['token'] === 'string' ? args['token'] : undefined);
      this.calls.push({ method, args, token, at: performance.now() });
      const failure = this.failures.get(method)?.shift();
      if (failure && 'status' in failure) {
        res.writeHead(429, { 'retry-after': String(failure.retryAfter) }).end();
        return;
      }
      const body = failure
        ? { ok: false, error: failure.error }
        : token !== FAKE_BOT_TOKEN &&
            !(method === 'apps.connections.open' && token?.startsWith('xapp-') && !token.includes('revoked'))
          ? { ok: false, error: 'invalid_auth' }
          : this.disabled.has(method)
            ? { ok: false, error: this.disabled.get(method) }
            : this.answer(method, args);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    } finally {
      this.notify();
    }
  }

  private answer(method: string, a: Record<string, unknown>): Record<string, unknown> {
    const str = (k: string) => (typeof a[k] === 'string' ? (a[k] as string) : undefined);
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.com/',
          team: 'Fake',
          user: 'polydesk',
          team_id: FAKE_TEAM_ID,
          user_id: FAKE_BOT_USER_ID,
          bot_id: FAKE_BOT_ID,
        };
      case 'apps.connections.open':
        return this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'not_allowed' };
      case 'users.info': {
        const user = this.users.get(str('user') ?? '');
        if (!user) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: this.userRecord(user, Boolean(a['include_locale'])) };
      }
      case 'users.list': {
        const all = [...this.users.values()];
        const start = Number(str('cursor') ?? '0');
        const size = this.membersPageSize;
        const next = start + size < all.length ? String(start + size) : '';
        const members = all
          .slice(start, start + size)
          .map((user) => this.userRecord(user, Boolean(a['include_locale'])));
        return { ok: true, members, response_metadata: { next_cursor: next } };
      }
      case 'conversations.members': {
        const members = this.channels.get(str('channel') ?? '');
        if (!members) return { ok: false, error: 'channel_not_found' };
        const start = Number(str('cursor') ?? '0');
        const size = Math.min(Number(a['limit'] ?? this.membersPageSize), this.membersPageSize);
        const next = start + size < members.length ? String(start + size) : '';
        return {
          ok: true,
          members: members.slice(start, start + size),
          response_metadata: { next_cursor: next },
        };
      }
      case 'conversations.replies': {
        const channel = str('channel') ?? '';
        const ts = str('ts') ?? '';
        // A channel the test declared without PolyDesk among its members cannot be read.
        const members = this.channels.get(channel);
        if (members && !members.includes(FAKE_BOT_USER_ID)) return { ok: false, error: 'not_in_channel' };
        const all = this.thread(channel, ts).map((m) => ({
          type: 'message',
          ts: m.ts,
          thread_ts: m.threadTs ?? (m.ts === ts ? ts : undefined),
          ...(m.user ? { user: m.user } : {}),
          text: m.text,
          ...(m.botId ? { bot_id: m.botId } : {}),
          ...(m.subtype ? { subtype: m.subtype } : {}),
          ...(m.username ? { username: m.username } : {}),
          ...(m.blocks.length ? { blocks: m.blocks } : {}),
          ...(m.metadata && a['include_all_metadata'] ? { metadata: m.metadata } : {}),
        }));
        if (all.length === 0) return { ok: false, error: 'thread_not_found' };
        // Cursor paging as Slack does it: an opaque next_cursor while has_more.
        const start = Number(str('cursor') ?? '0');
        const size = Math.min(Number(a['limit'] ?? this.repliesPageSize), this.repliesPageSize);
        const messages = all.slice(start, start + size);
        const more = start + size < all.length;
        return {
          ok: true,
          messages,
          has_more: more,
          ...(more ? { response_metadata: { next_cursor: String(start + size) } } : {}),
        };
      }
      case 'conversations.info': {
        const channel = str('channel') ?? '';
        const isIm = channel.startsWith('D');
        return {
          ok: true,
          channel: {
            id: channel,
            is_im: isIm,
            ...(isIm ? {} : { name: this.channelNames.get(channel) ?? channel.toLowerCase() }),
          },
        };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${str('users')}` } };
      case 'chat.postMessage': {
        const m = this.postBotMessage(
          str('channel') ?? '',
          str('thread_ts'),
          str('text') ?? '',
          a['blocks'],
          a['metadata'],
        );
        return { ok: true, channel: m.channel, ts: m.ts, message: { text: m.text, ts: m.ts } };
      }
      case 'chat.update': {
        const m = this.find(str('channel'), str('ts'));
        if (!m) return { ok: false, error: 'message_not_found' };
        if (str('text') !== undefined) m.text = str('text')!;
        if (a['blocks'] !== undefined) m.blocks = a['blocks'] as unknown[];
        if (a['metadata'] !== undefined) m.metadata = a['metadata'];
        return { ok: true, channel: m.channel, ts: m.ts, text: m.text };
      }
      case 'chat.delete': {
        const m = this.find(str('channel'), str('ts'));
        if (!m) return { ok: false, error: 'message_not_found' };
        m.deleted = true;
        return { ok: true, channel: m.channel, ts: m.ts };
      }
      case 'chat.postEphemeral': {
        const members = this.channels.get(str('channel') ?? '');
        if (members && !members.includes(FAKE_BOT_USER_ID)) return { ok: false, error: 'not_in_channel' };
        this.ephemerals.push({
          channel: str('channel') ?? '',
          user: str('user') ?? '',
          via: 'chat.postEphemeral',
          text: str('text') ?? '',
          blocks: (a['blocks'] as unknown[]) ?? [],
          deleted: false,
        });
        return { ok: true, message_ts: this.nextTs() };
      }
      case 'chat.startStream': {
        const m = this.postBotMessage(
          str('channel') ?? '',
          str('thread_ts'),
          streamText(a),
          undefined,
          undefined,
        );
        m.streaming = true;
        return { ok: true, channel: m.channel, ts: m.ts };
      }
      case 'chat.appendStream':
      case 'chat.stopStream': {
        const m = this.find(str('channel'), str('ts'));
        if (!m?.streaming) return { ok: false, error: 'message_not_in_streaming_state' };
        m.text += streamText(a);
        if (method === 'chat.stopStream') {
          m.streaming = false;
          if (Array.isArray(a['blocks'])) m.blocks = [{ type: 'markdown', text: m.text }, ...a['blocks']];
        }
        return { ok: true, channel: m.channel, ts: m.ts };
      }
      case 'views.open': {
        const view = a['view'];
        if (!str('trigger_id') || typeof view !== 'object' || view === null)
          return { ok: false, error: 'invalid_arguments' };
        this.views.push({ triggerId: str('trigger_id')!, view: view as Record<string, unknown> });
        return { ok: true, view: { id: `V${this.views.length}`, ...(view as Record<string, unknown>) } };
      }
      case 'assistant.threads.setStatus':
      case 'assistant.threads.setSuggestedPrompts':
      case 'assistant.threads.setTitle':
        return { ok: true };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private userRecord(user: FakeUser, withLocale: boolean): Record<string, unknown> {
    return {
      id: user.id,
      name: user.id.toLowerCase(),
      is_bot: user.isBot ?? false,
      deleted: false,
      ...(user.name ? { real_name: user.name } : {}),
      ...(user.locale && withLocale ? { locale: user.locale } : {}),
      profile: {
        ...(user.email ? { email: user.email } : {}),
        ...(user.name ? { display_name: user.name, real_name: user.name } : {}),
      },
    };
  }

  private postBotMessage(
    channel: string,
    threadTs: string | undefined,
    text: string,
    blocks: unknown,
    metadata: unknown,
  ): FakeMessage {
    const message: FakeMessage = {
      channel,
      ts: this.nextTs(),
      threadTs,
      user: FAKE_BOT_USER_ID,
      botId: FAKE_BOT_ID,
      text,
      blocks: Array.isArray(blocks) ? blocks : [],
      metadata,
      streaming: false,
      deleted: false,
    };
    this.messages.push(message);
    return message;
  }

  private find(channel: string | undefined, ts: string | undefined): FakeMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts && !m.deleted);
  }

  private handleResponseUrl(id: string, body: Record<string, unknown>): void {
    const target = this.responseUrls.get(id);
    this.calls.push({
      method: 'response_url',
      args: { ...body, response_url_id: id },
      token: undefined,
      at: performance.now(),
    });
    if (!target) return;
    const text = typeof body['text'] === 'string' ? body['text'] : '';
    const blocks = Array.isArray(body['blocks']) ? body['blocks'] : [];
    const mine = this.ephemerals.filter((e) => e.responseUrlId === id && !e.deleted);
    const last = mine[mine.length - 1];
    if (body['delete_original'] === true) {
      if (last) last.deleted = true;
      return;
    }
    if (body['response_type'] === 'in_channel') {
      this.postBotMessage(target.channel, undefined, text, blocks, undefined);
    } else if (body['replace_original'] === true && last) {
      last.text = text;
      last.blocks = blocks;
    } else {
      this.ephemerals.push({
        channel: target.channel,
        user: target.user,
        via: 'response_url',
        text,
        blocks,
        deleted: false,
        responseUrlId: id,
      });
    }
  }
}

function bearer(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

/** The Web API client sends form fields, JSON-encoding the structured ones (blocks, chunks, metadata). */
function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.startsWith('application/json'))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parseQuery(raw))) {
    const v = Array.isArray(value) ? value[0] : value;
    if (typeof v === 'string' && /^[[{]/.test(v)) {
      try {
        args[key] = JSON.parse(v);
        continue;
      } catch {
        // not JSON: keep the string
      }
    }
    args[key] = v;
  }
  return args;
}

function streamText(a: Record<string, unknown>): string {
  let text = typeof a['markdown_text'] === 'string' ? a['markdown_text'] : '';
  if (Array.isArray(a['chunks'])) {
    for (const chunk of a['chunks'] as Array<{ type?: string; text?: string }>) {
      if (chunk.type === 'markdown_text' && typeof chunk.text === 'string') text += chunk.text;
    }
  }
  return text;
}
