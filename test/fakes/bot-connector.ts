/**
 * A fake Bot Connector service (what Teams runs at an activity's `serviceUrl`) over real HTTP:
 * accepts activities posted to conversations (`POST /v3/conversations/{id}/activities[/{replyToId}]`)
 * and edits of them (`PUT …/activities/{id}`) with Teams' streaming protocol (informative and streaming typing activities, then the final
 * message, checked as Teams checks them), answers member look-ups (`GET .../members/{userId}`,
 * `GET .../pagedmembers`), opens 1:1 chats (`POST /v3/conversations`), records every request,
 * and can fail on demand (429, 5xx). Keeps the messages of each conversation as a Teams user would
 * see them. Also plays the channel's side:
 * builds Teams activities and POSTs them to a bot's messaging endpoint.
 */
import { once } from 'node:events';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_BOT = Object.freeze({ id: '28:polydesk-bot-id', name: 'PolyDesk' });
export const FAKE_TENANT = '72f988bf-0000-0000-0000-000000000001';

export interface FakeMember {
  readonly id: string;
  readonly name?: string;
  readonly email?: string;
  readonly userPrincipalName?: string;
  readonly aadObjectId?: string;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly conversationId: string | undefined;
  readonly body: Record<string, unknown> | undefined;
  readonly authorization: string | undefined;
  readonly status: number;
}

/** An activity the bot posted, in arrival order. */
export interface PostedActivity {
  readonly conversationId: string;
  readonly replyToId: string | undefined;
  readonly activity: Record<string, unknown>;
  /** `performance.now()` when it arrived. */
  readonly at: number;
}

/** A message as the conversation shows it: a posted message, or a stream (while streaming and once final). */
export interface FakeTeamsMessage {
  readonly id: string;
  readonly conversationId: string;
  readonly replyToId: string | undefined;
  text: string | undefined;
  summary: string | undefined;
  attachments: Record<string, unknown>[];
  /** Stream state: `streaming` until the final message arrives; undefined for a plain message. */
  stream:
    | { state: 'streaming' | 'final'; lastSequence: number; informative: string[]; chunks: string[] }
    | undefined;
}

export interface FakeFailure {
  readonly status: number;
  readonly retryAfterSeconds?: number;
  readonly code?: string;
}

/** What a failure applies to: posted messages, edits of a message, posted typing activities, or member look-ups. */
export type FailureKind = 'message' | 'update' | 'typing' | 'members';

type StreamInfo = { streamType: string; streamSequence?: number; streamId?: string };

export class FakeBotConnector {
  readonly requests: RecordedRequest[] = [];
  readonly posted: PostedActivity[] = [];
  /** Activities the bot replaced (`PUT …/activities/{id}`, an updated card); `replyToId` is the id replaced. */
  readonly updated: PostedActivity[] = [];
  /** Ids of the activities the bot deleted (`DELETE …/activities/{id}`). */
  readonly deleted: string[] = [];
  readonly messages: FakeTeamsMessage[] = [];
  /** 1:1 conversations the bot opened (`POST /v3/conversations`), by id. */
  readonly created: string[] = [];
  /** Violations of the streaming protocol, as Teams would reject or drop them. */
  readonly protocolErrors: string[] = [];
  /** Called with each activity as it arrives (cheaper than `waitFor` for many conversations at once). */
  onPosted: ((posted: PostedActivity) => void) | undefined;
  /** Page size of pagedmembers, small so that paging is exercised. */
  pageSize = 2;
  private readonly rosters = new Map<string, FakeMember[]>();
  private readonly users = new Map<string, FakeMember>();
  private readonly postedByConversation = new Map<string, PostedActivity[]>();
  private readonly failures: { readonly kind: FailureKind; readonly failure: FakeFailure }[] = [];
  private readonly waiters: (() => void)[] = [];
  private seq = 0;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeBotConnector> {
    let fake: FakeBotConnector | undefined;
    const server = createServer((req, res) => void fake!.handle(req, res));
    fake = new FakeBotConnector(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return fake;
  }

  /** The `serviceUrl` for activities sent to the bot. */
  get serviceUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** People of the tenant: each can be looked up in any 1:1 chat with the bot. */
  addUsers(members: readonly FakeMember[]): void {
    for (const member of members) this.users.set(member.id, member);
  }

  /** Members of a chat (by conversation id) or of a team (by team id). */
  addMembers(conversationOrTeamId: string, members: readonly FakeMember[]): void {
    this.addUsers(members);
    this.rosters.set(conversationOrTeamId, [...(this.rosters.get(conversationOrTeamId) ?? []), ...members]);
  }

  /** The next `times` requests of a kind fail as given. */
  failNext(kind: FailureKind, failure: FakeFailure, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push({ kind, failure });
  }

  /** What a user sees in a conversation (a channel thread is its own conversation id). */
  conversation(conversationId: string): FakeTeamsMessage[] {
    return this.messages.filter((m) => m.conversationId === conversationId);
  }

  /** Activities posted to a conversation, optionally of one type. */
  postedTo(conversationId: string, type?: string): PostedActivity[] {
    return this.posted.filter(
      (p) => p.conversationId === conversationId && (!type || p.activity['type'] === type),
    );
  }

  /** Resolves once `check` returns a value (re-checked after every request the fake receives). */
  async waitFor<T>(check: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined && value !== false) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for the fake Bot Connector');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    const reply = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      this.requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        conversationId: parts[2],
        body,
        authorization: req.headers.authorization,
        status,
      });
      res
        .writeHead(status, { 'content-type': 'application/json', ...headers })
        .end(payload === undefined ? '' : JSON.stringify(payload));
      for (const wake of this.waiters.splice(0)) wake();
    };
    if (parts[0] === 'v3' && parts[1] === 'conversations' && !parts[2] && req.method === 'POST' && body) {
      // A bot opening a 1:1 chat (createConversation): Teams answers with the chat's id.
      const member = (body['members'] as { id?: unknown }[] | undefined)?.[0];
      if (typeof member?.id !== 'string' || body['isGroup'] === true)
        return reply(400, error('BadArgument', 'a 1:1 conversation needs one member'));
      const id = `a:1personal-${member.id}`;
      this.created.push(id);
      return reply(201, { id });
    }
    if (parts[0] !== 'v3' || parts[1] !== 'conversations' || !parts[2])
      return reply(404, error('NotFound', 'unknown route'));
    const conversationId = parts[2];
    const kind: FailureKind =
      req.method === 'GET'
        ? 'members'
        : req.method === 'PUT'
          ? 'update'
          : body?.['type'] === 'typing'
            ? 'typing'
            : 'message';
    const failureIndex = this.failures.findIndex((f) => f.kind === kind);
    if (failureIndex >= 0) {
      const { failure } = this.failures.splice(failureIndex, 1)[0]!;
      const headers: Record<string, string> =
        failure.retryAfterSeconds === undefined ? {} : { 'retry-after': String(failure.retryAfterSeconds) };
      return reply(failure.status, error(failure.code ?? 'ServiceError', 'injected failure'), headers);
    }
    if (req.method === 'GET' && parts[3] === 'members' && parts[4]) {
      const roster = this.rosters.get(conversationId.split(';messageid=')[0]!);
      const member = roster ? roster.find((m) => m.id === parts[4]) : this.users.get(parts[4]);
      return member
        ? reply(200, { ...member, tenantId: FAKE_TENANT })
        : reply(404, error('MemberNotFoundInConversation', 'no such member'));
    }
    if (req.method === 'GET' && parts[3] === 'pagedmembers') {
      const members = this.roster(conversationId);
      const start = Number(url.searchParams.get('continuationToken') ?? '0');
      const size = Math.min(Number(url.searchParams.get('pageSize') ?? this.pageSize), this.pageSize);
      const next = start + size < members.length ? String(start + size) : undefined;
      return reply(200, {
        members: members.slice(start, start + size),
        ...(next ? { continuationToken: next } : {}),
      });
    }
    if (req.method === 'POST' && parts[3] === 'activities' && body) {
      const posted = { conversationId, replyToId: parts[4], activity: body, at: performance.now() };
      this.posted.push(posted);
      this.postedByConversation.set(conversationId, [
        ...(this.postedByConversation.get(conversationId) ?? []),
        posted,
      ]);
      this.onPosted?.(posted);
      const [status, payload] = this.receive(conversationId, parts[4], body);
      return reply(status, payload);
    }
    if (req.method === 'PUT' && parts[3] === 'activities' && parts[4] && body) {
      // An edit (a card replaced): the message keeps its id, in its thread or channel.
      const base = conversationId.split(';messageid=')[0]!;
      const message = this.messages.find(
        (m) => m.id === parts[4] && m.conversationId.split(';messageid=')[0] === base,
      );
      if (!message) return reply(404, error('NotFound', 'no such activity'));
      this.updated.push({ conversationId, activity: body, at: performance.now(), replyToId: parts[4] });
      message.text = typeof body['text'] === 'string' ? body['text'] : undefined;
      message.summary = typeof body['summary'] === 'string' ? body['summary'] : undefined;
      message.attachments = Array.isArray(body['attachments'])
        ? (body['attachments'] as Record<string, unknown>[])
        : [];
      return reply(200, { id: message.id });
    }
    if (req.method === 'DELETE' && parts[3] === 'activities' && parts[4]) {
      const base = conversationId.split(';messageid=')[0]!;
      const at = this.messages.findIndex(
        (m) => m.id === parts[4] && m.conversationId.split(';messageid=')[0] === base,
      );
      if (at < 0) return reply(404, error('NotFound', 'no such activity'));
      this.messages.splice(at, 1);
      this.deleted.push(parts[4]);
      return reply(200, undefined);
    }
    return reply(404, error('NotFound', 'unknown route'));
  }

  /** Applies a posted activity as Teams would; returns the HTTP status and body. */
  private receive(
    conversationId: string,
    replyToId: string | undefined,
    activity: Record<string, unknown>,
  ): [number, unknown] {
    const info = streamInfo(activity);
    const text = typeof activity['text'] === 'string' ? activity['text'] : undefined;
    const attachments = Array.isArray(activity['attachments'])
      ? (activity['attachments'] as Record<string, unknown>[])
      : [];
    if (!info) {
      if (activity['type'] === 'typing') return [201, { id: this.nextId() }];
      if (activity['type'] !== 'message') return [400, error('BadArgument', 'unsupported activity type')];
      if (!text && attachments.length === 0)
        return [400, error('BadArgument', 'a message needs text or attachments')];
      const summary = typeof activity['summary'] === 'string' ? activity['summary'] : undefined;
      const message = {
        id: this.nextId(),
        conversationId,
        replyToId,
        text,
        summary,
        attachments,
        stream: undefined,
      };
      this.messages.push(message);
      return [201, { id: message.id }];
    }
    const isFinal = info.streamType === 'final';
    if (isFinal !== (activity['type'] === 'message'))
      return this.violation('the final stream activity must be a message, the others typing');
    if (!isFinal && !text) return this.violation('Start streaming activities should include text');
    if (!info.streamId) {
      if (isFinal) return this.violation('a final stream message needs the streamId');
      if (info.streamSequence !== 1)
        return this.violation(
          `the first stream update must have streamSequence 1, not ${info.streamSequence}`,
        );
      const stream = {
        state: 'streaming' as const,
        lastSequence: 1,
        informative: [] as string[],
        chunks: [] as string[],
      };
      const message: FakeTeamsMessage = {
        id: this.nextId(),
        conversationId,
        replyToId,
        text: undefined,
        summary: undefined,
        attachments: [],
        stream,
      };
      if (info.streamType === 'informative') stream.informative.push(text!);
      else {
        stream.chunks.push(text!);
        message.text = text;
      }
      this.messages.push(message);
      return [201, { id: message.id }];
    }
    const message = this.messages.find((m) => m.id === info.streamId && m.conversationId === conversationId);
    if (!message?.stream) return this.violation(`unknown stream ${info.streamId}`, 404);
    if (message.stream.state === 'final')
      return [
        403,
        error(
          'ContentStreamNotAllowed',
          'Content stream is not allowed on an already completed streamed message',
        ),
      ];
    if (isFinal) {
      if (info.streamSequence !== undefined)
        return this.violation('streamSequence must not be set on the final message');
      message.stream.state = 'final';
      message.text = text;
      message.summary = typeof activity['summary'] === 'string' ? activity['summary'] : undefined;
      message.attachments = attachments;
      return [202, { id: message.id }];
    }
    if (typeof info.streamSequence !== 'number' || info.streamSequence <= message.stream.lastSequence) {
      this.protocolErrors.push(`streamSequence ${info.streamSequence} after ${message.stream.lastSequence}`);
      return [
        202,
        error(
          'ContentStreamSequenceOrderPreConditionFailed',
          'PreCondition failed exception when processing streaming activity.',
        ),
      ];
    }
    message.stream.lastSequence = info.streamSequence;
    if (info.streamType === 'informative') message.stream.informative.push(text!);
    else {
      if (message.stream.chunks.length > 0 && !text!.startsWith(message.stream.chunks.at(-1)!)) {
        this.protocolErrors.push('a streaming update must carry the whole text so far');
      }
      message.stream.chunks.push(text!);
      message.text = text;
    }
    return [202, {}];
  }

  private violation(message: string, status = 400): [number, unknown] {
    this.protocolErrors.push(message);
    return [status, error('BadRequest', message)];
  }

  private roster(conversationId: string): FakeMember[] {
    return this.rosters.get(conversationId.split(';messageid=')[0]!) ?? [];
  }

  private nextId(): string {
    this.seq += 1;
    return `1700000000${String(this.seq).padStart(3, '0')}`;
  }
}

/** Stream info from the `streaminfo` entity, or from channelData where botbuilder's serializer leaves it. */
function streamInfo(activity: Record<string, unknown>): StreamInfo | undefined {
  const entities = Array.isArray(activity['entities'])
    ? (activity['entities'] as Record<string, unknown>[])
    : [];
  const entity = entities.find(
    (e) => typeof e['type'] === 'string' && e['type'].toLowerCase() === 'streaminfo',
  );
  const channelData = (activity['channelData'] ?? {}) as Record<string, unknown>;
  const source =
    typeof entity?.['streamType'] === 'string'
      ? entity
      : typeof channelData['streamType'] === 'string'
        ? channelData
        : undefined;
  if (!source) return undefined;
  return {
    streamType: source['streamType'] as string,
    streamSequence: typeof source['streamSequence'] === 'number' ? source['streamSequence'] : undefined,
    streamId: typeof source['streamId'] === 'string' ? source['streamId'] : undefined,
  };
}

function error(code: string, message: string): { error: { code: string; message: string } } {
  return { error: { code, message } };
}

/** What a test says about the message Teams delivers to the bot. */
export interface ActivityInit {
  readonly scope: 'personal' | 'groupChat' | 'channel';
  readonly text?: string;
  readonly from: FakeMember;
  readonly id?: string;
  readonly conversationId?: string;
  readonly teamId?: string;
  /** Channel type: `standard` (default), `private` or `shared`. */
  readonly channelType?: string;
  readonly locale?: string;
  /** Prefix the text with an @mention of the bot (as Teams writes it, with a mention entity). */
  readonly mentionBot?: boolean;
  /** Other people mentioned in the text (`<at>Name</at>` must be in the text). */
  readonly mentions?: readonly FakeMember[];
  readonly type?: string;
  readonly name?: string;
  readonly value?: unknown;
}

let activitySeq = 0;

/** A Teams activity as the Bot Connector delivers it to the bot, with `serviceUrl` pointing at this fake. */
export function teamsActivity(connector: FakeBotConnector, init: ActivityInit): Record<string, unknown> {
  activitySeq += 1;
  const id = init.id ?? `1710000000${String(activitySeq).padStart(3, '0')}`;
  const conversationId =
    init.conversationId ??
    (init.scope === 'personal'
      ? `a:1personal-${init.from.id}`
      : init.scope === 'groupChat'
        ? '19:group-chat@thread.v2'
        : `19:channel@thread.tacv2;messageid=${id}`);
  const botTag = `<at>${FAKE_BOT.name}</at>`;
  const text = init.mentionBot ? `${botTag} ${init.text ?? ''}` : init.text;
  const entities: Record<string, unknown>[] = [];
  if (init.mentionBot) entities.push({ type: 'mention', text: botTag, mentioned: { ...FAKE_BOT } });
  for (const m of init.mentions ?? [])
    entities.push({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } });
  return {
    type: init.type ?? 'message',
    ...(init.name ? { name: init.name } : {}),
    id,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: { id: init.from.id, name: init.from.name, aadObjectId: init.from.aadObjectId },
    recipient: { ...FAKE_BOT },
    conversation: {
      id: conversationId,
      conversationType: init.scope,
      tenantId: FAKE_TENANT,
      ...(init.scope === 'personal' ? {} : { isGroup: true }),
    },
    ...(text === undefined ? {} : { text, textFormat: 'plain' }),
    ...(init.value === undefined ? {} : { value: init.value }),
    locale: init.locale ?? 'en-US',
    entities,
    channelData: {
      tenant: { id: FAKE_TENANT },
      ...(init.scope === 'channel'
        ? {
            team: { id: init.teamId ?? '19:team@thread.tacv2' },
            channel: { id: conversationId.split(';')[0] },
          }
        : {}),
    },
  };
}

/** POSTs an activity to a bot's messaging endpoint, as the Bot Connector does. */
export async function deliverActivity(
  endpoint: string,
  activity: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
