/**
 * A fake Microsoft Graph and Microsoft identity platform on 127.0.0.1 that speaks their JSON:
 * the client-credentials token endpoint (checks the secret, issues tokens that expire), sites and
 * drives lookup, `root/delta` with `@odata.nextLink` paging and an `@odata.deltaLink` (410
 * `resyncRequired` once expired), `deleted` facets, `/content` answered with a 302 to a
 * pre-authenticated URL on a second origin, `permissions` (grantedToV2 group / user / siteGroup /
 * siteUser, sharing links with their scope), `groups/{id}/transitiveMembers` with paging, and
 * injectable failures (429/503 with Retry-After, any status).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeIdentity {
  readonly id?: string;
  readonly displayName: string;
  readonly email?: string;
  readonly loginName?: string;
}

/** A permission as Graph's `permission` resource has it (only the fields PolyDesk reads). */
export interface FakePermission {
  readonly id?: string;
  readonly roles?: readonly string[];
  readonly grantedToV2?: Readonly<Partial<Record<'user' | 'group' | 'siteUser' | 'siteGroup', FakeIdentity>>>;
  readonly grantedToIdentitiesV2?: readonly Readonly<
    Partial<Record<'user' | 'group' | 'siteUser' | 'siteGroup', FakeIdentity>>
  >[];
  readonly link?: {
    readonly scope: 'anonymous' | 'organization' | 'users' | 'existingAccess';
    readonly type: string;
  };
}

/** An Entra group id that the SharePoint tests map to PolyDesk's `hr`. */
export const HR_GROUP_ID = '0b6a3f2e-1c1d-4b7e-9a53-2f1e5c2d9a10';
/** Shared with everyone in the organisation, as SharePoint's "Everyone except external users" grant. */
export const SHARED_WITH_EVERYONE: readonly FakePermission[] = [
  {
    roles: ['read'],
    grantedToV2: {
      siteUser: {
        displayName: 'Everyone except external users',
        loginName: 'c:0-.f|rolemanager|spo-grid-all-users/t',
      },
    },
  },
];
/** Shared with the HR group only. */
export const SHARED_WITH_HR: readonly FakePermission[] = [
  { roles: ['read'], grantedToV2: { group: { id: HR_GROUP_ID, displayName: 'Human Resources' } } },
];

export interface FakeFile {
  readonly name: string;
  /** Folder path under the drive's root, `''` for the root itself (e.g. `Policies/HR`). */
  readonly folder?: string;
  readonly content: string | Uint8Array;
  readonly permissions?: readonly FakePermission[];
  /** The `webUrl` Graph gives, in place of the fake's own (a hostile or odd value); `null` for none. */
  readonly webUrl?: string | null;
}

interface StoredItem {
  id: string;
  name: string;
  parentId: string;
  isFolder: boolean;
  content: Uint8Array;
  permissions: FakePermission[];
  version: number;
  /** The change sequence of the last change (a delta token is a sequence number). */
  changed: number;
  /** The last change was to sharing alone (delta lists it only for `deltashowsharingchanges`). */
  sharingOnly?: boolean;
  /**
   * Its permissions are its own (given when put, or set since); otherwise it inherits those of the
   * nearest folder above it that has its own, as SharePoint items do.
   */
  unique?: boolean;
  deleted: boolean;
  webUrl?: string | null;
}

interface Drive {
  readonly id: string;
  readonly name: string;
  readonly items: Map<string, StoredItem>;
  readonly rootId: string;
}

export interface FakeMember {
  readonly type: 'user' | 'group';
  readonly id: string;
  readonly mail?: string | null;
  readonly userPrincipalName?: string;
  readonly displayName?: string;
}

/** A Teams message as Graph's `chatMessage` resource has it (the fields PolyDesk reads). */
export interface FakeChatMessage {
  readonly id: string;
  readonly createdDateTime: string;
  readonly messageType?: 'message' | 'systemEventMessage';
  readonly deletedDateTime?: string;
  readonly from:
    | { readonly user: { readonly id: string; readonly displayName: string }; readonly application?: null }
    | { readonly application: { readonly id: string; readonly displayName: string }; readonly user?: null };
  readonly body: { readonly contentType: 'html' | 'text'; readonly content: string };
  readonly webUrl?: string;
}

/**
 * A chat member as Graph's `aadUserConversationMember` has it. `visibleHistoryStartDateTime` is
 * `0001-01-01T00:00:00Z` for a member who sees the whole history (Graph's value), else the time
 * from which they see it (added "without history" or with the last few days).
 */
export interface FakeChatMember {
  readonly userId: string;
  readonly displayName: string;
  readonly email?: string;
  readonly visibleHistoryStartDateTime?: string;
}

export interface RecordedGraphRequest {
  readonly method: string;
  /** Path and query as requested. */
  readonly url: string;
  readonly authorization: string | undefined;
  /** `Date.now()` when it arrived. */
  readonly at: number;
}

export interface InjectedFailure {
  readonly status: number;
  readonly retryAfter?: string;
  readonly code?: string;
  readonly message?: string;
}

export interface FakeGraphOptions {
  readonly tenantId?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** Lifetime of an issued token (`expires_in`), seconds. Default 3599 as Entra ID issues. */
  readonly tokenLifetimeSec?: number;
  /** Items per delta or members page. Default 3, so that paging is exercised. */
  readonly pageSize?: number;
}

export interface FakeGraph {
  /** e.g. `http://127.0.0.1:PORT/v1.0` (graphUrl). */
  readonly graphUrl: string;
  /** e.g. `http://127.0.0.1:PORT` (loginUrl). */
  readonly loginUrl: string;
  /** The origin pre-authenticated download URLs point to. */
  readonly downloadOrigin: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly requests: RecordedGraphRequest[];
  /** Tokens issued so far. */
  readonly tokensIssued: string[];
  addSite(site: { hostname: string; path: string; id: string }): void;
  addDrive(drive: { id: string; name: string; siteId?: string; userPrincipalName?: string }): void;
  /** Adds or replaces (by drive + folder + name) a file; returns its item id. Content changes bump cTag. */
  putFile(driveId: string, file: FakeFile): string;
  renameFile(driveId: string, itemId: string, newName: string): void;
  /** Moves an item to another folder (created when missing); its id stays. */
  moveFile(driveId: string, itemId: string, folder: string): void;
  setPermissions(driveId: string, itemId: string, permissions: readonly FakePermission[]): void;
  /**
   * Gives a folder (created when missing) permissions of its own: the files below it that inherit
   * change with it, and delta lists the folder alone (as Graph does), not them. Returns its id.
   */
  setFolderPermissions(driveId: string, folder: string, permissions: readonly FakePermission[]): string;
  deleteItem(driveId: string, itemId: string): void;
  /** Delta links issued before now answer 410 (`resyncChangesApplyDifferences`). */
  expireDeltaLinks(): void;
  /** Tokens issued before now answer 401 `InvalidAuthenticationToken`. */
  expireTokens(): void;
  setMembers(groupId: string, members: readonly FakeMember[]): void;
  /** The next requests whose path contains `pathPart` fail so, in order. */
  failNext(pathPart: string, ...failures: InjectedFailure[]): void;
  /**
   * A channel thread (Teams, issue 18): its root at `/teams/{team}/channels/{channel}/messages/{root}`
   * and its replies, newest first and paged, at `…/replies`. Other teams and channels answer 403, as
   * Graph does where the app has no consent.
   */
  addChannelThread(thread: {
    teamId: string;
    channelId: string;
    root: FakeChatMessage;
    replies: readonly FakeChatMessage[];
  }): void;
  /** A chat's messages at `/chats/{chat}/messages`, newest first (`$orderby=createdDateTime desc`), paged. */
  addChat(chatId: string, messages: readonly FakeChatMessage[]): void;
  /**
   * A chat's members at `/chats/{chat}/members` (ChatMember.Read.Chat). A chat without members set
   * answers 403, as Graph does where the app has no such consent.
   */
  setChatMembers(chatId: string, members: readonly FakeChatMember[]): void;
  /** Answers one JSON body for a path (for client tests), by exact path. */
  route(path: string, body: unknown): void;
  close(): Promise<void>;
}

export async function startFakeGraph(options: FakeGraphOptions = {}): Promise<FakeGraph> {
  const tenantId = options.tenantId ?? 'contoso.onmicrosoft.com';
  const clientId = options.clientId ?? '11111111-2222-3333-4444-555555555555';
  const clientSecret = options.clientSecret ?? 'fake-graph-secret~value';
  const tokenLifetimeSec = options.tokenLifetimeSec ?? 3599;
  const pageSize = options.pageSize ?? 3;
  const requests: RecordedGraphRequest[] = [];
  const tokensIssued: string[] = [];
  const validTokens = new Set<string>();
  const sites = new Map<string, { id: string; hostname: string; path: string; drives: string[] }>();
  const drives = new Map<string, Drive>();
  const userDrives = new Map<string, string>();
  const members = new Map<string, FakeMember[]>();
  const failures: { pathPart: string; failure: InjectedFailure }[] = [];
  const routes = new Map<string, unknown>();
  const threads = new Map<string, { root: FakeChatMessage; replies: FakeChatMessage[] }>();
  const chats = new Map<string, FakeChatMessage[]>();
  const chatMembers = new Map<string, FakeChatMember[]>();
  let sequence = 1;
  let deltaValidFrom = 0;
  let itemCounter = 0;
  let tokenCounter = 0;
  const tempauth = new Map<string, { driveId: string; itemId: string }>();

  let graphOrigin = '';
  let downloadOrigin = '';

  const json = (
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };
  const graphError = (
    res: http.ServerResponse,
    status: number,
    code: string,
    message: string,
    headers = {},
  ) =>
    json(
      res,
      status,
      { error: { code, message, innerError: { 'request-id': 'fake', date: new Date().toISOString() } } },
      headers,
    );

  const itemPath = (drive: Drive, item: StoredItem): string => {
    const parts: string[] = [];
    let current = drive.items.get(item.parentId);
    while (current && current.id !== drive.rootId) {
      parts.unshift(current.name);
      current = drive.items.get(current.parentId);
    }
    return parts.join('/');
  };

  const driveItemJson = (drive: Drive, item: StoredItem) => {
    const base = {
      id: item.id,
      name: item.name,
      parentReference:
        item.id === drive.rootId
          ? { driveId: drive.id, driveType: 'documentLibrary' }
          : { driveId: drive.id, driveType: 'documentLibrary', id: item.parentId },
    };
    if (item.deleted) return { ...base, deleted: { state: 'deleted' } };
    const path = itemPath(drive, item);
    const webUrl = `https://contoso.sharepoint.com/sites/fake/${encodeURIComponent(drive.name)}/${path ? `${path.split('/').map(encodeURIComponent).join('/')}/` : ''}${encodeURIComponent(item.name)}`;
    const common = {
      ...base,
      eTag: `"{${item.id}},${item.version}"`,
      cTag: `"c:{${item.id}},${item.version}"`,
      webUrl: item.webUrl === undefined ? webUrl : item.webUrl,
      lastModifiedDateTime: new Date(1_700_000_000_000 + item.changed * 1000).toISOString(),
    };
    if (item.id === drive.rootId) return { ...common, root: {}, folder: { childCount: 0 } };
    if (item.isFolder) return { ...common, folder: { childCount: 0 } };
    return { ...common, size: item.content.byteLength, file: { mimeType: 'application/octet-stream' } };
  };

  const ensureFolder = (drive: Drive, folder: string): string => {
    let parentId = drive.rootId;
    for (const name of folder.split('/').filter(Boolean)) {
      const existing = [...drive.items.values()].find(
        (i) => i.parentId === parentId && i.name === name && i.isFolder && !i.deleted,
      );
      if (existing) {
        parentId = existing.id;
        continue;
      }
      const id = `F${++itemCounter}`;
      drive.items.set(id, {
        id,
        name,
        parentId,
        isFolder: true,
        content: new Uint8Array(),
        permissions: [],
        version: 1,
        changed: sequence++,
        deleted: false,
      });
      parentId = id;
    }
    return parentId;
  };

  /** A message as Graph writes it: every field present, `messageType` "message" unless said otherwise. */
  const asGraphMessage = (m: FakeChatMessage) => ({
    messageType: 'message',
    deletedDateTime: null,
    webUrl: null,
    ...m,
  });

  /** Teams channel threads and chats: newest first, `$top` (at most 50) per page, `$skiptoken` to go on. */
  const handleMessages = (res: http.ServerResponse, url: URL, path: string) => {
    const page = (all: readonly FakeChatMessage[]) => {
      const newestFirst = [...all].sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime));
      const top = Math.min(Number(url.searchParams.get('$top') ?? pageSize), 50, pageSize);
      const start = Number(url.searchParams.get('$skiptoken') ?? '0');
      const next = new URL(url.href.replace('http://127.0.0.1', graphOrigin));
      next.searchParams.set('$skiptoken', String(start + top));
      return json(res, 200, {
        value: newestFirst.slice(start, start + top).map(asGraphMessage),
        ...(start + top < newestFirst.length ? { '@odata.nextLink': next.href } : {}),
      });
    };
    const forbidden = () =>
      graphError(
        res,
        403,
        'Forbidden',
        'Missing role permissions on the request. API requires one of ChannelMessage.Read.Group.',
      );
    const channel = path.match(/^\/teams\/([^/]+)\/channels\/([^/]+)\/messages\/([^/]+)(\/replies)?$/);
    if (channel) {
      const thread = threads.get(`${channel[1]}|${channel[2]}|${channel[3]}`);
      if (!thread) return forbidden();
      return channel[4] ? page(thread.replies) : json(res, 200, asGraphMessage(thread.root));
    }
    const members = path.match(/^\/chats\/([^/]+)\/members$/);
    if (members) {
      const list = chatMembers.get(members[1]!);
      if (!list) return forbidden();
      return json(res, 200, {
        '@odata.context': `${graphOrigin}/v1.0/$metadata#chats('${members[1]}')/members`,
        '@odata.count': list.length,
        value: list.map((m) => ({
          '@odata.type': '#microsoft.graph.aadUserConversationMember',
          id: Buffer.from(`${members[1]}|${m.userId}`).toString('base64'),
          roles: ['owner'],
          displayName: m.displayName,
          visibleHistoryStartDateTime: m.visibleHistoryStartDateTime ?? '0001-01-01T00:00:00Z',
          userId: m.userId,
          email: m.email ?? null,
          tenantId,
        })),
      });
    }
    const chat = path.match(/^\/chats\/([^/]+)\/messages$/);
    if (chat) {
      const messages = chats.get(chat[1]!);
      return messages ? page(messages) : forbidden();
    }
    return graphError(res, 404, 'NotFound', 'Resource not found');
  };

  const handleGraph = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : '';
    if (!validTokens.has(token)) {
      graphError(
        res,
        401,
        'InvalidAuthenticationToken',
        tokensIssued.includes(token)
          ? 'Lifetime validation failed, the token is expired.'
          : 'Access token is empty.',
      );
      return;
    }
    const path = decodeURIComponent(url.pathname.replace(/^\/v1\.0/, ''));
    const routed =
      routes.get(url.pathname.replace(/^\/v1\.0/, '') + url.search) ??
      routes.get(url.pathname.replace(/^\/v1\.0/, ''));
    if (routed !== undefined) return json(res, 200, routed);
    if (path.startsWith('/teams/') || path.startsWith('/chats/')) return handleMessages(res, url, path);
    let match: RegExpMatchArray | null;
    match = path.match(/^\/sites\/([^/:]+):\/(.+?):?$/);
    if (match) {
      const site = [...sites.values()].find(
        (s) => s.hostname === match?.[1] && s.path === `/${match?.[2]}`.replace(/\/$/, ''),
      );
      if (!site) return graphError(res, 404, 'itemNotFound', 'Requested site could not be found');
      return json(res, 200, {
        id: site.id,
        webUrl: `https://${site.hostname}${site.path}`,
        displayName: site.path,
      });
    }
    match = path.match(/^\/sites\/([^/]+)\/drives$/);
    if (match) {
      const site = sites.get(match[1] ?? '');
      if (!site) return graphError(res, 404, 'itemNotFound', 'Requested site could not be found');
      return json(res, 200, {
        value: site.drives.map((id) => ({ id, name: drives.get(id)?.name, driveType: 'documentLibrary' })),
      });
    }
    match = path.match(/^\/sites\/([^/]+)\/drive$/);
    if (match) {
      const id = sites.get(match[1] ?? '')?.drives[0];
      if (!id) return graphError(res, 404, 'itemNotFound', 'Requested site could not be found');
      return json(res, 200, { id, name: drives.get(id)?.name, driveType: 'documentLibrary' });
    }
    match = path.match(/^\/drives\/([^/]+)\/items\/([^/]+)$/);
    if (match) {
      const drive = drives.get(match[1] ?? '');
      const item = drive?.items.get(match[2] ?? '');
      if (!drive || !item || item.deleted)
        return graphError(res, 404, 'itemNotFound', 'The resource could not be found.');
      return json(res, 200, driveItemJson(drive, item));
    }
    match = path.match(/^\/users\/([^/]+)\/drive$/);
    if (match) {
      const id = userDrives.get((match[1] ?? '').toLowerCase());
      if (!id) return graphError(res, 404, 'itemNotFound', 'Item not found');
      return json(res, 200, { id, name: drives.get(id)?.name, driveType: 'business' });
    }
    match = path.match(/^\/drives\/([^/]+)$/);
    if (match) {
      const drive = drives.get(match[1] ?? '');
      if (!drive) return graphError(res, 404, 'itemNotFound', 'Item not found');
      return json(res, 200, { id: drive.id, name: drive.name, driveType: 'documentLibrary' });
    }
    match = path.match(/^\/drives\/([^/]+)\/root:\/(.+?):?$/);
    if (match) {
      const drive = drives.get(match[1] ?? '');
      const target = match[2] ?? '';
      const folder =
        drive &&
        [...drive.items.values()].find(
          (i) =>
            !i.deleted &&
            i.id !== drive.rootId &&
            `${itemPath(drive, i) ? `${itemPath(drive, i)}/` : ''}${i.name}` === target,
        );
      if (!drive || !folder) return graphError(res, 404, 'itemNotFound', 'The resource could not be found.');
      return json(res, 200, driveItemJson(drive, folder));
    }
    match = path.match(/^\/drives\/([^/]+)\/root\/delta$/);
    if (match) {
      const drive = drives.get(match[1] ?? '');
      if (!drive) return graphError(res, 404, 'itemNotFound', 'Item not found');
      const tokenParam = url.searchParams.get('token');
      const since = tokenParam === null ? 0 : Number(tokenParam);
      if (tokenParam !== null && (!Number.isInteger(since) || since < deltaValidFrom))
        return graphError(
          res,
          410,
          'resyncChangesApplyDifferences',
          "Resync required. Replace any local items with the server's version (including deletes) if you're sure that the service was up to date with your local changes when you last sync'd. Upload any local changes that the server doesn't know about.",
          { location: `${graphOrigin}/v1.0/drives/${drive.id}/root/delta` },
        );
      // The last change this listing covers.
      const at = Number(url.searchParams.get('at') ?? sequence - 1);
      const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
      // As Graph does, a change of sharing alone is listed only for a client that asks for it.
      const sharing = /\bdeltashowsharingchanges\b/i.test(String(req.headers.prefer ?? ''));
      const all = [...drive.items.values()]
        .filter((i) =>
          since === 0 ? !i.deleted : i.changed > since && i.changed <= at && (sharing || !i.sharingOnly),
        )
        .sort((a, b) => a.changed - b.changed);
      // As OneDrive for Business and SharePoint do, delta leaves out cTag (the eTag is there).
      const page = all.slice(skip, skip + pageSize).map((i) => {
        const { cTag: _cTag, ...rest } = driveItemJson(drive, i) as { cTag?: string };
        return rest;
      });
      const base = `${graphOrigin}/v1.0/drives/${drive.id}/root/delta`;
      if (skip + pageSize < all.length)
        return json(res, 200, {
          '@odata.context': 'fake',
          value: page,
          '@odata.nextLink': `${base}?${tokenParam === null ? '' : `token=${since}&`}at=${at}&$skiptoken=${skip + pageSize}`,
        });
      return json(res, 200, {
        '@odata.context': 'fake',
        value: page,
        '@odata.deltaLink': `${base}?token=${at}`,
      });
    }
    match = path.match(/^\/drives\/([^/]+)\/items\/([^/]+)\/children$/);
    if (match) {
      const drive = drives.get(match[1] ?? '');
      const folder = drive?.items.get(match[2] ?? '');
      if (!drive || !folder || folder.deleted || !folder.isFolder)
        return graphError(res, 404, 'itemNotFound', 'The resource could not be found.');
      const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
      const all = [...drive.items.values()].filter((i) => i.parentId === folder.id && !i.deleted);
      const page = all.slice(skip, skip + pageSize).map((i) => driveItemJson(drive, i));
      const base = `${graphOrigin}/v1.0/drives/${drive.id}/items/${folder.id}/children`;
      return json(res, 200, {
        value: page,
        ...(skip + pageSize < all.length
          ? { '@odata.nextLink': `${base}?$skiptoken=${skip + pageSize}` }
          : {}),
      });
    }
    match = path.match(/^\/drives\/([^/]+)\/items\/([^/]+)\/(content|permissions)$/);
    if (match) {
      const drive = drives.get(match[1] ?? '');
      const item = drive?.items.get(match[2] ?? '');
      if (!drive || !item || item.deleted)
        return graphError(res, 404, 'itemNotFound', 'The resource could not be found.');
      if (match[3] === 'permissions') {
        // An item without permissions of its own has those of the nearest folder above it that has.
        let holder: StoredItem | undefined = item;
        while (holder && !holder.unique) holder = drive.items.get(holder.parentId);
        const from = holder && holder !== item ? { inheritedFrom: { id: holder.id } } : {};
        return json(res, 200, {
          value: (holder?.permissions ?? []).map((p, n) => ({
            id: p.id ?? `p${n}`,
            roles: ['read'],
            ...from,
            ...p,
          })),
        });
      }
      const key = `tempauth-${Math.random().toString(36).slice(2)}`;
      tempauth.set(key, { driveId: drive.id, itemId: item.id });
      res
        .writeHead(302, {
          location: `${downloadOrigin}/download/${encodeURIComponent(item.name)}?tempauth=${key}`,
        })
        .end();
      return;
    }
    match = path.match(/^\/groups\/([^/]+)\/transitiveMembers$/);
    if (match) {
      const list = members.get(match[1] ?? '');
      if (!list)
        return graphError(
          res,
          404,
          'Request_ResourceNotFound',
          `Resource '${match[1]}' does not exist or one of its queried reference-property objects are not present.`,
        );
      const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
      const page = list.slice(skip, skip + pageSize).map((m) =>
        m.type === 'user'
          ? {
              '@odata.type': '#microsoft.graph.user',
              id: m.id,
              displayName: m.displayName ?? null,
              mail: m.mail ?? null,
              userPrincipalName: m.userPrincipalName ?? null,
            }
          : {
              '@odata.type': '#microsoft.graph.group',
              id: m.id,
              displayName: m.displayName ?? null,
              mail: m.mail ?? null,
            },
      );
      const next =
        skip + pageSize < list.length
          ? {
              '@odata.nextLink': `${graphOrigin}/v1.0/groups/${match[1]}/transitiveMembers?$skiptoken=${skip + pageSize}`,
            }
          : {};
      return json(res, 200, { '@odata.context': 'fake', value: page, ...next });
    }
    graphError(res, 400, 'invalidRequest', `Invalid request: ${path}`);
  };

  const handleToken = (req: http.IncomingMessage, res: http.ServerResponse, url: URL, raw: string) => {
    const form = new URLSearchParams(raw);
    if (url.pathname !== `/${tenantId}/oauth2/v2.0/token`)
      return json(res, 400, {
        error: 'invalid_request',
        error_description: `AADSTS90002: Tenant '${url.pathname.split('/')[1]}' not found.`,
      });
    if (req.method !== 'POST' || form.get('grant_type') !== 'client_credentials')
      return json(res, 400, {
        error: 'unsupported_grant_type',
        error_description: 'AADSTS70003: The app requested an unsupported grant type.',
      });
    if (form.get('client_id') !== clientId)
      return json(res, 400, {
        error: 'unauthorized_client',
        error_description: `AADSTS700016: Application with identifier '${form.get('client_id')}' was not found in the directory.`,
      });
    if (form.get('client_secret') !== clientSecret)
      return json(res, 401, {
        error: 'invalid_client',
        error_description:
          'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.',
      });
    if (form.get('scope') !== 'https://graph.microsoft.com/.default')
      return json(res, 400, {
        error: 'invalid_scope',
        error_description: 'AADSTS1002012: The provided value for scope is not valid.',
      });
    const token = `eyJ0eXAiOiJKV1Qi.fake-token-${++tokenCounter}.sig`;
    tokensIssued.push(token);
    validTokens.add(token);
    json(res, 200, {
      token_type: 'Bearer',
      expires_in: tokenLifetimeSec,
      ext_expires_in: tokenLifetimeSec,
      access_token: token,
    });
  };

  const sockets = new Set<import('node:net').Socket>();
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        authorization: req.headers.authorization,
        at: Date.now(),
      });
      const failureAt = failures.findIndex((f) => url.pathname.includes(f.pathPart));
      if (failureAt >= 0) {
        const failure = (failures.splice(failureAt, 1)[0] as { failure: InjectedFailure }).failure;
        return graphError(
          res,
          failure.status,
          failure.code ?? (failure.status === 429 ? 'TooManyRequests' : 'serviceNotAvailable'),
          failure.message ?? 'The request has been throttled',
          failure.retryAfter ? { 'retry-after': failure.retryAfter } : {},
        );
      }
      if (url.pathname.startsWith('/download/')) {
        const grant = tempauth.get(url.searchParams.get('tempauth') ?? '');
        const item = grant && drives.get(grant.driveId)?.items.get(grant.itemId);
        if (!item || item.deleted) return graphError(res, 401, 'unauthenticated', 'The tempauth is invalid');
        res
          .writeHead(200, {
            'content-type': 'application/octet-stream',
            'content-length': String(item.content.byteLength),
          })
          .end(item.content);
        return;
      }
      if (url.pathname.startsWith('/v1.0/')) return handleGraph(req, res, url);
      if (url.pathname.endsWith('/oauth2/v2.0/token')) return handleToken(req, res, url, raw);
      graphError(res, 404, 'notFound', 'not found');
    });
  };
  const servers = [http.createServer(listener), http.createServer(listener)];
  for (const server of servers) {
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  }
  graphOrigin = `http://127.0.0.1:${(servers[0]!.address() as AddressInfo).port}`;
  downloadOrigin = `http://127.0.0.1:${(servers[1]!.address() as AddressInfo).port}`;

  const driveOf = (id: string): Drive => {
    const drive = drives.get(id);
    if (!drive) throw new Error(`fake graph: no drive ${id}`);
    return drive;
  };
  const itemOf = (driveId: string, itemId: string): StoredItem => {
    const item = driveOf(driveId).items.get(itemId);
    if (!item) throw new Error(`fake graph: no item ${itemId}`);
    return item;
  };

  return {
    graphUrl: `${graphOrigin}/v1.0`,
    loginUrl: graphOrigin,
    downloadOrigin,
    tenantId,
    clientId,
    clientSecret,
    requests,
    tokensIssued,
    addSite(site) {
      sites.set(site.id, { ...site, drives: [] });
    },
    addDrive(drive) {
      const rootId = `R${++itemCounter}`;
      const items = new Map<string, StoredItem>();
      items.set(rootId, {
        id: rootId,
        name: 'root',
        parentId: '',
        isFolder: true,
        content: new Uint8Array(),
        permissions: [],
        unique: true,
        version: 1,
        changed: sequence++,
        deleted: false,
      });
      drives.set(drive.id, { id: drive.id, name: drive.name, items, rootId });
      if (drive.siteId) sites.get(drive.siteId)?.drives.push(drive.id);
      if (drive.userPrincipalName) userDrives.set(drive.userPrincipalName.toLowerCase(), drive.id);
    },
    putFile(driveId, file) {
      const drive = driveOf(driveId);
      const parentId = ensureFolder(drive, file.folder ?? '');
      const content =
        typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content;
      const existing = [...drive.items.values()].find(
        (i) => i.parentId === parentId && i.name === file.name && !i.deleted,
      );
      if (existing) {
        existing.content = content;
        existing.version++;
        existing.changed = sequence++;
        existing.sharingOnly = false;
        if (file.permissions) {
          existing.permissions = [...file.permissions];
          existing.unique = true;
        }
        if (file.webUrl !== undefined) existing.webUrl = file.webUrl;
        return existing.id;
      }
      const id = `I${++itemCounter}`;
      drive.items.set(id, {
        id,
        name: file.name,
        parentId,
        isFolder: false,
        content,
        permissions: [...(file.permissions ?? [])],
        unique: file.permissions !== undefined,
        version: 1,
        changed: sequence++,
        deleted: false,
        webUrl: file.webUrl,
      });
      return id;
    },
    renameFile(driveId, itemId, newName) {
      const item = itemOf(driveId, itemId);
      item.name = newName;
      item.changed = sequence++;
      item.sharingOnly = false;
    },
    moveFile(driveId, itemId, folder) {
      const item = itemOf(driveId, itemId);
      item.parentId = ensureFolder(driveOf(driveId), folder);
      item.changed = sequence++;
      item.sharingOnly = false;
    },
    setPermissions(driveId, itemId, permissions) {
      const item = itemOf(driveId, itemId);
      item.permissions = [...permissions];
      item.unique = true;
      // SharePoint changes neither cTag nor eTag's content part for a sharing change; delta lists
      // the item (its own fields unchanged) only for `Prefer: deltashowsharingchanges`.
      item.changed = sequence++;
      item.sharingOnly = true;
    },
    setFolderPermissions(driveId, folder, permissions) {
      const drive = driveOf(driveId);
      const item = drive.items.get(ensureFolder(drive, folder))!;
      item.permissions = [...permissions];
      item.unique = true;
      item.changed = sequence++;
      item.sharingOnly = true;
      return item.id;
    },
    deleteItem(driveId, itemId) {
      const item = itemOf(driveId, itemId);
      item.deleted = true;
      item.changed = sequence++;
      item.sharingOnly = false;
    },
    expireDeltaLinks() {
      // Burns a sequence number, so that links issued from now on are valid.
      deltaValidFrom = sequence++;
    },
    expireTokens() {
      validTokens.clear();
    },
    setMembers(groupId, list) {
      members.set(groupId, [...list]);
    },
    failNext(pathPart, ...list) {
      for (const failure of list) failures.push({ pathPart, failure });
    },
    addChannelThread(thread) {
      threads.set(`${thread.teamId}|${thread.channelId}|${thread.root.id}`, {
        root: thread.root,
        replies: [...thread.replies],
      });
    },
    addChat(chatId, messages) {
      chats.set(chatId, [...messages]);
    },
    setChatMembers(chatId, list) {
      chatMembers.set(chatId, [...list]);
    },
    route(path, body) {
      routes.set(path, body);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all(
        servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
      );
    },
  };
}
