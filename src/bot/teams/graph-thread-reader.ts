import type { ThreadMessage } from '../../answer/summary-ports.js';
import { authorName } from '../../core/display-name.js';
import { describeError } from '../../core/errors.js';
import { GraphClient, GraphError } from '../../core/graph-client.js';
import type { Logger } from '../../core/log.js';
import { HTML_ENTITIES } from './teams-activity.js';
import { Latest, type ThreadLimits, type ThreadWindow } from '../thread-window.js';

/** Where a Teams conversation lives, as Microsoft Graph addresses it. */
export type TeamsConversation =
  /** A channel thread: the team's Entra group id, the channel id, the thread's root message id. */
  | {
      readonly kind: 'channel';
      readonly tenantId: string;
      readonly teamId: string;
      readonly channelId: string;
      readonly rootId: string;
    }
  /**
   * A group chat (or a 1:1 chat), by its chat id (`19:…@thread.v2`), and who will read the summary:
   * a member added "without history" or with the last few days sees only messages from their
   * `visibleHistoryStartDateTime` on, so older ones are left out for them.
   */
  | {
      readonly kind: 'chat';
      readonly tenantId: string;
      readonly chatId: string;
      readonly readers: ChatReaders;
    };

/**
 * Whose view of a chat a summary may show: one member's (by Entra object id, a private summary) or
 * every member's (a summary posted into the chat: the latest history start among them applies).
 */
export type ChatReaders = { readonly userId: string } | 'all';

export type TeamsThreadRead =
  | ({ readonly status: 'read' } & ThreadWindow)
  /** Graph refused or failed (no consent in that team or chat, an unknown id, Graph down). */
  | { readonly status: 'unavailable'; readonly reason: string };

/** Reads a Teams conversation for its summary. */
export interface TeamsThreadSource {
  read(conversation: TeamsConversation, limits: ThreadLimits, signal?: AbortSignal): Promise<TeamsThreadRead>;
}

export interface GraphThreadReaderOptions {
  /** The bot's app registration: `MICROSOFT_APP_ID`, `MICROSOFT_APP_PASSWORD`. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** `MICROSOFT_APP_TENANT_ID` when set: conversations of other tenants are not read. */
  readonly tenantId?: string | undefined;
  /** `GRAPH_API_URL` / `GRAPH_LOGIN_URL` overrides (tests, national clouds). */
  readonly graphUrl?: string | undefined;
  readonly loginUrl?: string | undefined;
  readonly logger: Logger;
}

/** The fields of a Graph `chatMessage` this reader uses. */
interface GraphChatMessage {
  readonly id?: string;
  readonly messageType?: string;
  readonly createdDateTime?: string;
  readonly deletedDateTime?: string | null;
  readonly webUrl?: string | null;
  readonly from?: {
    readonly user?: { readonly displayName?: string | null } | null;
    readonly application?: { readonly id?: string | null; readonly displayName?: string | null } | null;
  } | null;
  readonly body?: { readonly contentType?: string; readonly content?: string | null } | null;
}

/** The fields of a Graph `conversationMember` (chat membership) this reader uses. */
interface GraphChatMember {
  /** The member's Entra object id (`aadUserConversationMember`). */
  readonly userId?: string | null;
  readonly visibleHistoryStartDateTime?: string | null;
}

/** Most chat members read (Graph allows 250 in a group chat). */
const MAX_MEMBERS = 1_000;

/** Graph's most messages per page for replies and chat messages. */
const PAGE_SIZE = 50;

/**
 * Reads channel threads and chats through Microsoft Graph with the bot's own app credentials: what
 * resource-specific consent (ChannelMessage.Read.Group, ChatMessage.Read.Chat) lets the app read in
 * the teams and chats it is installed in, nothing else. A channel thread is its root message and its
 * replies (`/teams/{team}/channels/{channel}/messages/{root}/replies`, paged by `@odata.nextLink`,
 * at most `maxScanned`, the latest `maxMessages` kept); a chat its messages newest first
 * (`/chats/{chat}/messages?$orderby=createdDateTime desc`), read until `maxMessages`. PolyDesk's own
 * messages, system events and deleted messages are left out.
 */
export class GraphThreadReader implements TeamsThreadSource {
  private readonly clients = new Map<string, GraphClient>();

  constructor(private readonly options: GraphThreadReaderOptions) {}

  async read(
    conversation: TeamsConversation,
    limits: ThreadLimits,
    signal?: AbortSignal,
  ): Promise<TeamsThreadRead> {
    const pinned = this.options.tenantId;
    if (pinned && conversation.tenantId !== pinned) return { status: 'unavailable', reason: 'other_tenant' };
    try {
      const graph = this.client(conversation.tenantId);
      return conversation.kind === 'channel'
        ? await this.readChannel(graph, conversation, limits, signal)
        : await this.readChat(graph, conversation, limits, signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      const reason =
        error instanceof GraphError ? `${error.status} ${error.graphCode ?? ''}`.trim() : 'error';
      this.options.logger('warn', 'teams.graph_read_failed', {
        kind: conversation.kind,
        error: describeError(error),
      });
      return { status: 'unavailable', reason };
    }
  }

  private async readChannel(
    graph: GraphClient,
    where: Extract<TeamsConversation, { kind: 'channel' }>,
    limits: ThreadLimits,
    signal: AbortSignal | undefined,
  ): Promise<TeamsThreadRead> {
    const thread = `teams/${seg(where.teamId)}/channels/${seg(where.channelId)}/messages/${seg(where.rootId)}`;
    const root = await graph.get<GraphChatMessage>(thread, { signal });
    const read: GraphChatMessage[] = [root];
    let complete = true;
    for await (const page of graph.pages<GraphChatMessage>(`${thread}/replies?$top=${PAGE_SIZE}`, {
      signal,
    })) {
      read.push(...page.value);
      if (read.length >= limits.maxScanned) {
        complete = page['@odata.nextLink'] === undefined;
        break;
      }
    }
    // Graph does not promise an order for replies: by time, oldest first.
    read.sort((a, b) => time(a) - time(b));
    const latest = new Latest<ThreadMessage>(limits.maxMessages);
    for (const message of read) {
      const kept = this.toThreadMessage(message, limits);
      if (kept) latest.push(kept);
    }
    return { status: 'read', messages: latest.items(), seen: latest.seen, complete };
  }

  private async readChat(
    graph: GraphClient,
    where: Extract<TeamsConversation, { kind: 'chat' }>,
    limits: ThreadLimits,
    signal: AbortSignal | undefined,
  ): Promise<TeamsThreadRead> {
    const since = await this.historyStart(graph, where, signal);
    if (since === undefined) return { status: 'unavailable', reason: 'members_unavailable' };
    const newestFirst: ThreadMessage[] = [];
    let olderUnread = false;
    const path = `chats/${seg(where.chatId)}/messages?$top=${PAGE_SIZE}&$orderby=createdDateTime desc`;
    let scanned = 0;
    pages: for await (const page of graph.pages<GraphChatMessage>(path, { signal })) {
      for (const message of page.value) {
        if (since > Number.NEGATIVE_INFINITY) {
          const written = time(message, Number.NaN);
          // Newest first: this message and every older one are outside a reader's history.
          if (written < since) break pages;
          if (Number.isNaN(written)) continue;
        }
        const kept = this.toThreadMessage(message, limits);
        if (kept) newestFirst.push(kept);
      }
      scanned += page.value.length;
      const more = page['@odata.nextLink'] !== undefined;
      if (more && (newestFirst.length >= limits.maxMessages || scanned >= limits.maxScanned)) {
        olderUnread = true;
        break;
      }
    }
    const messages = newestFirst.slice(0, limits.maxMessages).reverse();
    return { status: 'read', messages, seen: newestFirst.length, complete: true, olderUnread };
  }

  /**
   * When the readers' visible history starts (ms; -Infinity: all of it): the latest
   * `visibleHistoryStartDateTime` among them. Undefined when the members cannot be read (no
   * ChatMember.Read.Chat consent) or the requester is not among them: then nothing older than the
   * chosen message may be shown.
   */
  private async historyStart(
    graph: GraphClient,
    where: Extract<TeamsConversation, { kind: 'chat' }>,
    signal: AbortSignal | undefined,
  ): Promise<number | undefined> {
    const members: GraphChatMember[] = [];
    try {
      for await (const page of graph.pages<GraphChatMember>(`chats/${seg(where.chatId)}/members`, {
        signal,
      })) {
        members.push(...page.value);
        // A list cut off may leave out the member who sees the least history: only the chosen
        // message is safe then.
        if (members.length > MAX_MEMBERS) {
          this.options.logger('warn', 'teams.chat_members_too_many', { max: MAX_MEMBERS });
          return undefined;
        }
      }
    } catch (error) {
      if (!(error instanceof GraphError) || (error.status !== 403 && error.status !== 404)) throw error;
      this.options.logger('warn', 'teams.chat_members_unavailable', { status: error.status });
      return undefined;
    }
    const { readers } = where;
    const readersOf = readers === 'all' ? members : members.filter((m) => m.userId === readers.userId);
    if (readersOf.length === 0) return undefined;
    let since = Number.NEGATIVE_INFINITY;
    for (const member of readersOf) {
      if (!member.visibleHistoryStartDateTime) continue;
      const start = Date.parse(member.visibleHistoryStartDateTime);
      // A date Graph would not write: show nothing older than the chosen message.
      if (Number.isNaN(start)) return undefined;
      since = Math.max(since, start);
    }
    return since;
  }

  /** A person's or another app's message as the summariser takes it; undefined for what is left out. */
  private toThreadMessage(message: GraphChatMessage, limits: ThreadLimits): ThreadMessage | undefined {
    // System events (members added, renames) are no one's words; a deleted message is gone.
    if ((message.messageType ?? 'message') !== 'message' || message.deletedDateTime) return undefined;
    const application = message.from?.application;
    if (application?.id && application.id === this.options.clientId) return undefined;
    const content = message.body?.content ?? '';
    const text = (message.body?.contentType === 'html' ? htmlToText(content) : content)
      .trim()
      .slice(0, limits.maxMessageChars);
    if (!text) return undefined;
    const author =
      authorName(message.from?.user?.displayName) ?? authorName(application?.displayName) ?? 'unknown';
    return {
      author,
      text,
      ...(message.createdDateTime ? { at: message.createdDateTime } : {}),
      ...(message.webUrl?.startsWith('https://') ? { link: message.webUrl } : {}),
    };
  }

  private client(tenantId: string): GraphClient {
    let client = this.clients.get(tenantId);
    if (!client) {
      client = new GraphClient({
        tenantId,
        clientId: this.options.clientId,
        clientSecret: this.options.clientSecret,
        graphUrl: this.options.graphUrl,
        loginUrl: this.options.loginUrl,
        // A summary waits for this: a throttled Graph gets a few seconds, not minutes.
        maxRetries: 2,
        maxRetryWaitMs: 10_000,
        requestTimeoutMs: 15_000,
        logger: this.options.logger,
      });
      if (this.clients.size >= 100) this.clients.clear();
      this.clients.set(tenantId, client);
    }
    return client;
  }
}

function seg(id: string): string {
  return encodeURIComponent(id);
}

/** When a message was written (ms), or `unknown` when Graph gave no readable time. */
function time(message: GraphChatMessage, unknown = 0): number {
  const at = Date.parse(message.createdDateTime ?? '');
  return Number.isNaN(at) ? unknown : at;
}

/**
 * A Teams message's HTML body as plain text: line breaks kept for block elements, mentions
 * (`<at>Name</at>`) as their names, tags dropped, entities decoded (named, decimal, hex).
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr|blockquote|pre)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#')) {
        const code =
          name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
      return HTML_ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n[ \n]*/g, '\n')
    .trim();
}
